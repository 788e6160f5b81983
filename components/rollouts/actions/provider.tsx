'use client';
// One permissions read per Rollout for all its buttons, and one live region that announces what a
// confirmed action did (outside a provider, e.g. the playground, a button brings its own).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { getRolloutPermissions } from '@/app/rollouts/actions';
import type { Permission, RolloutPermissions } from '@/lib/rollouts/action-types';
import { useRolloutPermissions, type PermissionsState } from '@/lib/rollouts/use-rollout-permissions';

export type PermissionName = keyof RolloutPermissions;

interface ActionsContext {
  namespace: string;
  name: string;
  permissions: PermissionsState<RolloutPermissions>;
  announce: (message: string) => void;
}

const Ctx = createContext<ActionsContext | null>(null);

export function RolloutActionsProvider(props: { namespace: string; name: string; children: ReactNode }) {
  const permissions = useRolloutPermissions({ namespace: props.namespace, name: props.name }, getRolloutPermissions);
  const { message, announce } = useAnnouncer();
  const value = useMemo(() => ({ namespace: props.namespace, name: props.name, permissions, announce }), [props.namespace, props.name, permissions, announce]);
  return (
    <Ctx.Provider value={value}>
      {props.children}
      <ActionStatus message={message} floating />
    </Ctx.Provider>
  );
}

export function useRolloutActions(): ActionsContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('Rollout action buttons need a <RolloutActionsProvider> around them.');
  return c;
}

export function useOptionalRolloutActions(): ActionsContext | null {
  return useContext(Ctx);
}

/** What a trigger shows for one permission: allowed, or disabled with the server's reason. */
export function permissionFor(p: PermissionsState<RolloutPermissions>, which: PermissionName): Permission {
  if (p.state === 'loading') return { allowed: false, reason: 'Checking permissions…' };
  if (p.state === 'error') return { allowed: false, reason: p.error };
  return p.permissions[which];
}

export function useAnnouncer() {
  const [message, setMessage] = useState('');
  const announce = useCallback((m: string) => setMessage(m), []);
  return { message, announce };
}

/** Always in the DOM (a live region must exist before its text changes to be announced). */
export function ActionStatus({ message, floating }: { message: string; floating?: boolean }) {
  const box = 'rounded border border-ok/50 bg-ok-soft px-2 py-1 text-[12px]';
  return (
    <p role="status" aria-label="Action result" className={!message ? 'sr-only' : floating ? `${box} fixed right-4 bottom-4 z-40 max-w-md shadow-lg` : box}>
      {message}
    </p>
  );
}
