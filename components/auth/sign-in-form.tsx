'use client';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect } from 'react';
import { signIn } from '@/app/sign-in/actions';
import type { SignInActionResult } from '@/lib/auth/session-types';

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations('signIn');
  const [state, action, pending] = useActionState<SignInActionResult | null, FormData>(signIn, null);
  useEffect(() => {
    // A full load: every query and the watch stream start again as the signed-in user.
    if (state?.ok) window.location.assign(state.next);
  }, [state]);
  const error = state && !state.ok ? state.error : null;
  return (
    <form action={action} aria-label={t('form')} className="mt-4 flex flex-col gap-3">
      <input type="hidden" name="next" value={next} />
      <label htmlFor="bearer-token" className="font-medium">
        {t('token')}
      </label>
      <textarea
        id="bearer-token"
        name="token"
        required
        rows={4}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={error ? 'sign-in-error' : undefined}
        className="rounded border border-line bg-surface px-2 py-1.5 font-mono text-[12px]"
      />
      {error ? (
        <p id="sign-in-error" role="alert" className="text-danger">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" disabled={pending || state?.ok === true} className="rounded border border-accent bg-accent px-3 py-1 text-accent-fg hover:opacity-90 disabled:opacity-50">
          {pending ? t('submitting') : t('submit')}
        </button>
      </div>
    </form>
  );
}
