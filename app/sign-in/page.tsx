import { SignInForm } from '@/components/auth/sign-in-form';
import { authMode } from '@/lib/auth/config';
import { safeNext } from '@/lib/auth/gate';
import { SIGN_IN_REASONS } from '@/lib/auth/session-types';

export const metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const reason = one(params.reason);
  const notice = reason && reason in SIGN_IN_REASONS ? SIGN_IN_REASONS[reason as keyof typeof SIGN_IN_REASONS] : null;
  const mode = authMode();
  return (
    <main id="main" className="mx-auto mt-16 w-full max-w-md px-5">
      <h1 className="text-lg font-semibold">Sign in to Kube Lua Studio</h1>
      {notice ? (
        <p role="status" className="mt-3 rounded border border-line bg-surface px-3 py-2">
          {notice}
        </p>
      ) : null}
      {mode === 'token' ? (
        <>
          <p className="mt-2 text-muted">
            Paste a Kubernetes bearer token. The studio checks it with the cluster and then acts with it, so the cluster&apos;s RBAC decides what you may see and
            change. The token stays on the server; your browser keeps only a session cookie.
          </p>
          <SignInForm next={safeNext(one(params.next))} />
        </>
      ) : (
        <p className="mt-3 text-muted">
          {mode === 'proxy' ? 'This studio signs you in through its authenticating proxy.' : 'This studio does not require sign-in.'}{' '}
          <a className="text-accent underline" href="/">
            Open the studio
          </a>
        </p>
      )}
    </main>
  );
}
