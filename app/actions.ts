'use server';
// Root server actions. Inputs are zod-validated; results are `{ ok: true, … } | { ok: false, error }`
// and nothing is thrown to the UI.
import { cookies } from 'next/headers';
import { z } from 'zod';
import { actionScope } from '@/lib/auth/action-scope';
import { loadKubeconfig } from '@/lib/k8s/kubeconfig';
import { CONTEXT_COOKIE, type SwitchContextResult } from '@/lib/k8s/types';

const switchContextInput = z.object({ context: z.string().trim().min(1, 'context name is required').max(253) });

/** Makes `context` the current one for this browser (cookie `kls-context`). */
export async function switchContext(input: { context: string }): Promise<SwitchContextResult> {
  const parsed = switchContextInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid input' };
  return actionScope('read', () => switchTo(parsed.data.context));
}

async function switchTo(context: string): Promise<SwitchContextResult> {
  try {
    const { kc, paths } = loadKubeconfig();
    if (!kc) return { ok: false, error: 'No kubeconfig is loaded, so there is no context to switch to.' };
    if (!kc.getContextObject(context)) {
      const known = kc.getContexts().map((c) => c.name).join(', ') || '(none)';
      return { ok: false, error: `Context "${context}" is not in ${paths.join(', ') || 'the kubeconfig'} (known: ${known}).` };
    }
    const jar = await cookies();
    jar.set(CONTEXT_COOKIE, context, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
    return { ok: true, context };
  } catch (err) {
    return { ok: false, error: `Could not switch context: ${(err as Error).message}` };
  }
}
