'use server';
// Root server actions. Inputs are zod-validated; results are `{ ok: true, … } | { ok: false, error }`
// and nothing is thrown to the UI.
import { cookies } from 'next/headers';
import { z } from 'zod';
import { actionScope } from '@/lib/auth/action-scope';
import { textAndMsg } from '@/lib/i18n/english';
import type { MessageValues } from '@/lib/i18n/message';
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, LOCALES, type Locale } from '@/lib/i18n/locales';
import { loadKubeconfig } from '@/lib/k8s/kubeconfig';
import { CONTEXT_COOKIE, type SwitchContextResult } from '@/lib/k8s/types';

const switchContextInput = z.object({ context: z.string().trim().min(1, 'required').max(253) });

function refused(key: string, values?: MessageValues): SwitchContextResult {
  const { text, msg } = textAndMsg(`shell.contextSwitcher.error.${key}`, values);
  return { ok: false, error: text, errorMsg: msg };
}

/** Makes `context` the current one for this browser (cookie `kls-context`). */
export async function switchContext(input: { context: string }): Promise<SwitchContextResult> {
  const parsed = switchContextInput.safeParse(input);
  if (!parsed.success) return refused(parsed.error.issues[0]?.message === 'required' ? 'required' : 'invalid');
  return actionScope('read', () => switchTo(parsed.data.context));
}

async function switchTo(context: string): Promise<SwitchContextResult> {
  try {
    const { kc, paths } = loadKubeconfig();
    if (!kc) return refused('noKubeconfig');
    if (!kc.getContextObject(context)) {
      const known = kc.getContexts().map((c) => c.name).join(', ');
      const where = paths.join(', ');
      return refused('unknown', { context, hasPaths: where ? 'yes' : 'no', paths: where, hasKnown: known ? 'yes' : 'no', known });
    }
    const jar = await cookies();
    jar.set(CONTEXT_COOKIE, context, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
    return { ok: true, context };
  } catch (err) {
    return refused('failed', { message: (err as Error).message });
  }
}

const setLocaleInput = z.object({ locale: z.enum(LOCALES) });

/**
 * Remembers the header switch's language for this browser. It touches no cluster, so it needs no
 * session: the sign-in page offers the switch too.
 */
export async function setLocale(input: { locale: string }): Promise<{ ok: true; locale: Locale } | { ok: false; error: string }> {
  const parsed = setLocaleInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: `unknown language (known: ${LOCALES.join(', ')})` };
  try {
    (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: '/', sameSite: 'lax', maxAge: LOCALE_COOKIE_MAX_AGE });
    return { ok: true, locale: parsed.data.locale };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
