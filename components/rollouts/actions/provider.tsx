'use client';
// One permissions read per Rollout for all its buttons, and one live region that announces what a
// confirmed action did (outside a provider, e.g. the playground, a button brings its own).
import { useTranslations } from 'next-intl';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { getRolloutPermissions } from '@/app/rollouts/actions';
import { msg, type Msg } from '@/lib/i18n/message';
import type { RolloutPermissions } from '@/lib/rollouts/action-types';
import { useMsg } from '../../use-msg';
import { useRolloutPermissions, type PermissionsState } from '@/lib/rollouts/use-rollout-permissions';

export type PermissionName = keyof RolloutPermissions;

interface ActionsContext {
  namespace: string;
  name: string;
  permissions: PermissionsState<RolloutPermissions>;
  announce: (message: Msg) => void;
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

/** Why a trigger is off (the server's RBAC reason, verbatim), or null when allowed. */
export type Blocked = Msg | Msg[] | string | null;

/** What a trigger shows for one permission: allowed (null), or disabled with the server's reason. */
export function permissionFor(p: PermissionsState<RolloutPermissions>, which: PermissionName): Blocked {
  if (p.state === 'loading') return msg('rollouts.actions.checkingPermissions');
  if (p.state === 'error') return p.messages ?? p.error;
  const perm = p.permissions[which];
  return perm.allowed ? null : perm.reasonMsgs ?? perm.reason ?? msg('rollouts.actions.notPermitted');
}

export function useAnnouncer() {
  const [message, setMessage] = useState<Msg | null>(null);
  const announce = useCallback((m: Msg) => setMessage(m), []);
  return { message, announce };
}

/** Always in the DOM (a live region must exist before its text changes to be announced). */
export function ActionStatus({ message, floating }: { message: Msg | null; floating?: boolean }) {
  const t = useTranslations('rollouts.actions');
  const text = useMsg();
  const box = 'rounded border border-ok/50 bg-ok-soft px-2 py-1 text-[12px]';
  return (
    <p role="status" aria-label={t('actionResult')} className={!message ? 'sr-only' : floating ? `${box} fixed right-4 bottom-4 z-40 max-w-md shadow-lg` : box}>
      {message ? text(message) : null}
    </p>
  );
}
