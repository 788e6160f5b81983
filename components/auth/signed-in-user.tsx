'use client';
// Who is signed in, and "Sign out" (STUDIO_AUTH=token). Proxy mode names the user; the proxy owns
// signing out. Mode none shows nothing: the studio acts with the local kubeconfig.
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { signOut } from '@/app/sign-in/actions';
import { markSigningOut, unmarkSigningOut } from '@/lib/auth/signed-out-redirect';
import type { SessionInfo } from '@/lib/auth/session-types';

async function fetchSession(): Promise<SessionInfo> {
  const r = await fetch('/api/session', { cache: 'no-store' });
  if (!r.ok) throw new Error(`GET /api/session answered ${r.status}`);
  return (await r.json()) as SessionInfo;
}

export function SignedInUser() {
  const t = useTranslations('shell.user');
  const session = useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: 60_000 });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const s = session.data;
  if (!s || s.mode === 'none' || !s.signedIn) return null;
  const out = async () => {
    setPending(true);
    markSigningOut();
    const r = await signOut();
    if (r.ok) window.location.assign('/sign-in?reason=signed-out');
    else {
      unmarkSigningOut();
      setError(r.error);
      setPending(false);
    }
  };
  return (
    <div className="flex items-center gap-2">
      <span className="text-muted">{t('signedInAs')}</span>
      <span aria-label={t('label')} title={s.groups?.length ? t('groups', { groups: s.groups.join(', ') }) : undefined} className="font-mono text-[12px] font-semibold">
        {s.user}
      </span>
      {s.mode === 'token' ? (
        <button type="button" onClick={() => void out()} disabled={pending} className="rounded border border-line px-2 py-0.5 text-[12px] hover:border-accent disabled:opacity-50">
          {t('signOut')}
        </button>
      ) : null}
      {error ? (
        <span role="alert" className="text-danger">
          {error}
        </span>
      ) : null}
    </div>
  );
}
