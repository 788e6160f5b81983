'use server';
// Names a custom kind from the cluster's discovery (Kind, singular, scope) for the Settings form and
// the kind page, so a plural the user typed is never shown under a guessed singular.
import { cookies } from 'next/headers';
import { z } from 'zod';
import { actionScope } from '@/lib/auth/action-scope';
import { discoverKind, type DiscoveredKind } from '@/lib/k8s/kind-discovery';
import { currentContext } from '@/lib/k8s/request-context';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const input = z.object({
  group: z.string().regex(new RegExp(`^${LABEL}(\\.${LABEL})*$`), 'The group must be a lower-case DNS subdomain.'),
  version: z.string().regex(/^v\d+((alpha|beta)\d+)?$/, 'The version must look like v1, v1beta1 or v2alpha3.'),
  plural: z.string().regex(new RegExp(`^${LABEL}$`), 'The plural must be a lower-case DNS label.'),
});

export async function discoverCustomKind(raw: z.input<typeof input>): Promise<{ ok: true; kind: DiscoveredKind } | { ok: false; error: string }> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid input' };
  return actionScope('read', async () => {
    try {
      const jar = await cookies();
      const context = currentContext(jar.get(CONTEXT_COOKIE)?.value).resolved.name;
      if (!context) return { ok: false, error: 'No cluster context is selected.' };
      return await discoverKind(context, parsed.data);
    } catch (e) {
      return { ok: false, error: `Discovery failed: ${(e as Error).message}` };
    }
  });
}
