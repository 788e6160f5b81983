'use client';
// The sign-in page stands alone (no sidebar or cluster header, which would ask the cluster without
// a session); every other page gets the shell. Also installs the redirect to sign-in on a lost session.
import { usePathname } from 'next/navigation';
import { useEffect, type ReactNode } from 'react';
import { SIGN_IN_PATH } from '@/lib/auth/gate';
import { installSignedOutRedirect } from '@/lib/auth/signed-out-redirect';

export function AppFrame({ bare, children }: { bare: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  useEffect(() => installSignedOutRedirect(), []);
  return <>{pathname === SIGN_IN_PATH ? bare : children}</>;
}
