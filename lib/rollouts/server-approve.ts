import 'server-only';
// "Approve": what kubectl-kruise's `rollout approve` sends, a merge patch on the status subresource
// moving currentStepState StepPaused → StepReady (kruise-routing.md §11.2), only when paused, with the
// resourceVersion the user saw as precondition.
import { recordFailure, recordWrite, refuseReadOnly, type AuditBase } from '@/lib/audit';
import { unifiedDiff } from '@/lib/audit/entry';
import { patchStatus } from '@/lib/k8s/client';
import { changedSince } from '@/lib/k8s/changed-since';
import { textAndMsg } from '@/lib/i18n/english';
import { rolloutSummary } from '@/lib/kruise';
import type { ApprovePlan, ApproveResult } from './action-types';
import { requirePermission } from './server-permissions';
import { ReadOnlyRefusal, refusal } from './server-result';
import { kruiseNamespace } from './server-env';
import { loadRollout, ROLLOUTS, type LoadedRollout } from './server-load';

/**
 * The patch body. v1beta1 also carries top-level `status.currentStepState`, which the controller
 * copies from the sub-status on its next reconcile; the sandbox has no controller, so the copy is
 * set here too (harmless on a real cluster: the controller rewrites it).
 */
export function approvePatch(r: LoadedRollout): object {
  const status: Record<string, unknown> = { [r.summary.statusPath]: { currentStepState: 'StepReady' } };
  if (r.version === 'v1beta1') status.currentStepState = 'StepReady';
  return { metadata: { resourceVersion: r.object.metadata.resourceVersion }, status };
}

function requirePaused(r: LoadedRollout, namespace: string, name: string): void {
  if (!r.summary.paused) {
    throw refusal(textAndMsg('rollouts.refusal.notPaused', { target: `${namespace}/${name}`, state: r.summary.currentStepState ?? 'none' }));
  }
}

export async function planApprove(context: string, namespace: string, name: string): Promise<ApprovePlan> {
  const r = await loadRollout(context, namespace, name);
  requirePaused(r, namespace, name);
  return { resourceVersion: r.object.metadata.resourceVersion ?? '', from: r.summary.currentStepState ?? '', to: 'StepReady', patch: approvePatch(r), statusPath: `status.${r.summary.statusPath}.currentStepState` };
}

/** The change Approve makes, as the audit shows it: the step state only. */
export function approveDiff(r: LoadedRollout): string {
  const { metadata: _m, ...after } = approvePatch(r) as { metadata: object; status: object };
  void _m;
  const before = { status: { [r.summary.statusPath]: { currentStepState: r.summary.currentStepState ?? null } } };
  return unifiedDiff(`Rollout/${r.object.metadata.name}`, before, after);
}

export async function approveStep(context: string, namespace: string, name: string, resourceVersion: string): Promise<ApproveResult> {
  let base: AuditBase = { action: 'rollout.approve', context, target: { apiVersion: `${ROLLOUTS.group}/v1beta1`, kind: 'Rollout', namespace, name }, resourceVersionBefore: resourceVersion, diff: '' };
  try {
    const r = await loadRollout(context, namespace, name);
    base = { ...base, target: { ...base.target, apiVersion: r.object.apiVersion ?? base.target.apiVersion }, resourceVersionBefore: r.object.metadata.resourceVersion ?? null, diff: approveDiff(r) };
    const readOnly = await refuseReadOnly([base]);
    if (readOnly) throw new ReadOnlyRefusal(readOnly);
    const patched = await approve(context, namespace, name, resourceVersion, r);
    await recordWrite({ ...base, resourceVersionAfter: patched.metadata.resourceVersion ?? null, result: 'ok' });
    return { state: rolloutSummary(patched).currentStepState ?? 'StepReady' };
  } catch (err) {
    if (!(err instanceof ReadOnlyRefusal)) await recordFailure(base, err);
    throw err;
  }
}

async function approve(context: string, namespace: string, name: string, resourceVersion: string, r: LoadedRollout) {
  await requirePermission(context, 'approve', { rolloutNamespace: namespace, rolloutName: name, kruiseNamespace: kruiseNamespace(), refs: [] });
  const live = r.object.metadata.resourceVersion;
  if (live !== resourceVersion) throw refusal(changedSince('Rollout', namespace, name, resourceVersion, live));
  requirePaused(r, namespace, name);
  return patchStatus(context, ROLLOUTS, name, namespace, approvePatch(r), { timeoutMs: 15_000, version: r.version });
}
