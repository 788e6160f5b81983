'use server';
// Names a custom kind from the cluster's discovery (Kind, singular, scope) for the Settings form and
// the kind page, so a plural the user typed is never shown under a guessed singular.
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { actionScope } from '@/lib/auth/action-scope';
import { discoverKind, type DiscoveredKind } from '@/lib/k8s/kind-discovery';
import { currentContext } from '@/lib/k8s/request-context';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const input = z.object({
  // messages are catalogue keys (settings.action.*), translated below
  group: z.string().regex(new RegExp(`^${LABEL}(\\.${LABEL})*$`), 'badGroup'),
  version: z.string().regex(/^v\d+((alpha|beta)\d+)?$/, 'badVersionFormat'),
  plural: z.string().regex(new RegExp(`^${LABEL}$`), 'badPlural'),
});
const INPUT_KEYS = new Set(['badGroup', 'badVersionFormat', 'badPlural']);

export async function discoverCustomKind(raw: z.input<typeof input>): Promise<{ ok: true; kind: DiscoveredKind } | { ok: false; error: string }> {
  const t = await getTranslations('settings.action');
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message ?? '';
    return { ok: false, error: INPUT_KEYS.has(key) ? t(key as 'badGroup' | 'badVersionFormat' | 'badPlural') : t('invalidInput') };
  }
  return actionScope('read', async () => {
    try {
      const jar = await cookies();
      const context = currentContext(jar.get(CONTEXT_COOKIE)?.value).resolved.name;
      if (!context) return { ok: false, error: t('noContext') };
      const res = await discoverKind(context, parsed.data);
      if (res.ok || !res.errorMsg) return res;
      const tr = await getTranslations();
      return { ok: false, error: tr(res.errorMsg.key as never, res.errorMsg.values as never) };
    } catch (e) {
      return { ok: false, error: t('discoveryFailed', { message: (e as Error).message }) };
    }
  });
}
