import 'server-only';
// Permission first: every write action asks SelfSubjectAccessReviews (built from
// required-permissions.ts) before it writes, and the buttons are disabled from the same answers.
// A cluster that cannot answer (no authorization.k8s.io: an older sandbox) yields "allowed, but
// unknown": the write's own 403 then decides, and the reason says so.
import { selfSubjectAccessReview } from '@/lib/k8s/access-review';
import { isReadOnly } from '@/lib/security/read-only';
import { READ_ONLY_REASON, READ_ONLY_REASON_MSG } from '@/lib/security/read-only-notice';
import { getObject, KubeRequestError } from '@/lib/k8s/client';
import { kindForObject } from '@/lib/k8s/kinds';
import type { Permission, RolloutPermissions } from './action-types';
import { accessChecks, type CheckContext } from './required-permissions';
import { refusal } from './server-result';
import { textAndMsg } from '@/lib/i18n/english';
import { KRUISE_CONFIGMAP, kruiseNamespace } from './server-env';
import { CONFIGMAPS, loadRollout, refsOf } from './server-load';
import type { GatewayRefKey } from '@/lib/kruise';

type Action = keyof RolloutPermissions;

export async function checkPermission(context: string, action: Action, ctx: CheckContext): Promise<Permission> {
  const answers = await Promise.all(accessChecks(action, ctx).map((q) => selfSubjectAccessReview(context, q)));
  const denied = answers.flatMap((a) => (a.state === 'denied' ? [a] : []));
  if (denied.length) return { allowed: false, reason: denied.map((a) => a.reason).join(' '), reasonMsgs: denied.map((a) => a.msg) };
  const unknown = answers.flatMap((a) => (a.state === 'unknown' ? [a] : []));
  if (unknown.length) return { allowed: true, reason: unknown[0].reason, reasonMsgs: [unknown[0].msg] };
  return { allowed: true };
}

/** Throws the reason when the user may not; returns quietly when allowed or unknown. */
export async function requirePermission(context: string, action: Action, ctx: CheckContext): Promise<void> {
  const p = await checkPermission(context, action, ctx);
  if (!p.allowed) throw refusal(textAndMsg('rollouts.refusal.notPermitted', { reason: p.reason ?? '' }));
}

export function refResources(namespace: string, refs: GatewayRefKey[]): { resources: CheckContext['refs']; unknown: string[] } {
  const resources: CheckContext['refs'] = [];
  const unknown: string[] = [];
  for (const r of refs) {
    const kind = kindForObject(r.apiVersion, r.kind);
    if (kind) resources.push({ group: kind.group, resource: kind.plural, name: r.name });
    else unknown.push(`${r.kind}(${namespace}/${r.name}): the studio does not know the kind ${r.kind} in ${r.apiVersion}.`);
  }
  return { resources, unknown };
}

async function configMapExists(context: string, namespace: string): Promise<boolean | undefined> {
  try {
    await getObject(context, CONFIGMAPS, KRUISE_CONFIGMAP, namespace, { timeoutMs: 10_000 });
    return true;
  } catch (err) {
    if (err instanceof KubeRequestError && err.error.code === 404) return false;
    return undefined;
  }
}

export async function saveScriptContext(context: string, exists?: boolean): Promise<CheckContext> {
  const ns = kruiseNamespace();
  return { rolloutNamespace: ns, kruiseNamespace: ns, refs: [], configMapName: KRUISE_CONFIGMAP, configMapExists: exists ?? (await configMapExists(context, ns)) };
}

export async function rolloutPermissions(context: string, namespace: string, name: string): Promise<{ permissions: RolloutPermissions }> {
  if (isReadOnly()) {
    // the buttons say why before anyone tries; the write layer refuses anyway
    const no: Permission = { allowed: false, reason: READ_ONLY_REASON, reasonMsgs: [READ_ONLY_REASON_MSG] };
    return { permissions: { applyStep: no, restore: no, approve: no, saveScript: no } };
  }
  const rollout = await loadRollout(context, namespace, name);
  const { resources, unknown } = refResources(namespace, refsOf(rollout.object));
  const base: CheckContext = { rolloutNamespace: namespace, rolloutName: name, kruiseNamespace: kruiseNamespace(), refs: resources };
  const gateway = async (action: Action): Promise<Permission> => {
    if (unknown.length) return { allowed: false, reason: unknown.join(' ') };
    if (!resources.length) {
      const r = textAndMsg('rollouts.refusal.noRefs', { target: `${namespace}/${name}` });
      return { allowed: false, reason: r.text, reasonMsgs: [r.msg] };
    }
    return checkPermission(context, action, base);
  };
  const [applyStep, restore, approve, saveScript] = await Promise.all([
    gateway('applyStep'),
    gateway('restore'),
    checkPermission(context, 'approve', base),
    saveScriptContext(context).then((c) => checkPermission(context, 'saveScript', c)),
  ]);
  return { permissions: { applyStep, restore, approve, saveScript } };
}
