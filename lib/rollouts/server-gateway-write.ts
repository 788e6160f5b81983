import 'server-only';
// Writes a recomputed gateway plan: all refs are checked (plan ready, resourceVersions as confirmed,
// the Progressing override, permission) before any is written; each object gets one full Update
// with its resourceVersion as precondition. Kruise stores the original and updates in two Updates;
// the object ends the same, and one Update leaves nothing half-written between them.
import { auditAttempt, recordFailure, refuseReadOnly, type AuditBase } from '@/lib/audit';
import { comparable, unifiedDiff } from '@/lib/audit/entry';
import { replaceObject } from '@/lib/k8s/client';
import { changedSince, createdSince, deletedSince } from '@/lib/k8s/changed-since';
import { englishText, textAndMsg } from '@/lib/i18n/english';
import { msg } from '@/lib/i18n/message';
import type { KubeObject } from '@/lib/k8s/types';
import type { ExpectedVersions, WriteResult } from './action-types';
import { staleTargets } from './plan-checks';
import { refResources, requirePermission } from './server-permissions';
import { ActionError, ReadOnlyRefusal } from './server-result';
import { kruiseNamespace } from './server-env';
import type { PlanTarget, ServerPlan } from './server-gateway-plan';

const WRITE = { timeoutMs: 15_000 };

/** What the audit records for one object the plan changes. */
export function auditBase(context: string, action: string, t: PlanTarget): AuditBase {
  const obj = t.after ?? t.before;
  return {
    action,
    context,
    target: { apiVersion: obj?.apiVersion ?? t.version, kind: obj?.kind ?? t.key.split('/')[0], namespace: t.namespace || undefined, name: t.name },
    resourceVersionBefore: t.before?.metadata.resourceVersion ?? null,
    diff: unifiedDiff(t.key, comparable(t.before), comparable(t.after)),
  };
}

export async function writePlan(context: string, sp: ServerPlan, action: 'applyStep' | 'restore', expected: ExpectedVersions, override: boolean): Promise<WriteResult> {
  const intended = sp.targets.filter((t) => t.changed);
  const recorded = new Set<PlanTarget>();
  try {
    return await checkAndWrite(context, sp, action, expected, override, recorded);
  } catch (err) {
    if (err instanceof ReadOnlyRefusal) throw err;
    // every change the attempt meant to make and did not record yet (refused before writing, or failed)
    for (const t of intended) if (!recorded.has(t)) await recordFailure(auditBase(context, `rollout.${action}`, t), err);
    throw err;
  }
}

async function checkAndWrite(context: string, sp: ServerPlan, action: 'applyStep' | 'restore', expected: ExpectedVersions, override: boolean, recorded: Set<PlanTarget>): Promise<WriteResult> {
  const { plan, targets } = sp;
  const readOnly = await refuseReadOnly(targets.filter((t) => t.changed).map((t) => auditBase(context, `rollout.${action}`, t)));
  if (readOnly) throw new ReadOnlyRefusal(readOnly);
  const namespace = sp.rollout.object.metadata.namespace ?? '';
  const name = sp.rollout.object.metadata.name;
  // permission first: "you may not" is the clearest answer when it applies (same refs as the buttons' check)
  const refs = refResources(namespace, plan.changes.map((c) => c.ref));
  if (refs.resources.length) await requirePermission(context, action, { rolloutNamespace: namespace, rolloutName: name, kruiseNamespace: kruiseNamespace(), refs: refs.resources });
  if (!plan.ready) {
    // the engine's and the controller's words are quoted as they are, the studio's own in the reader's language
    const reasons = plan.errors.map((e, i) => plan.errorMsgs[i] ?? msg('rollouts.refusal.quoted', { text: e }));
    throw new ActionError(`${englishText('rollouts.refusal.nothingWritten')} ${plan.errors.join(' ')}`, [msg('rollouts.refusal.nothingWritten'), ...reasons]);
  }

  const stale = staleTargets(
    targets.map((t) => ({ key: t.key, kind: t.before?.kind ?? t.key.split('/')[0], namespace: t.namespace, name: t.name, resourceVersion: t.before?.metadata.resourceVersion ?? null, writes: t.changed })),
    expected,
    (t, confirmed) =>
      t.resourceVersion === null
        ? deletedSince(t.kind, `${t.namespace}/${t.name}`, confirmed)
        : confirmed === null
          ? createdSince(t.kind, `${t.namespace}/${t.name}`, t.resourceVersion)
          : changedSince(t.kind, t.namespace, t.name, confirmed, t.resourceVersion),
    (t) => textAndMsg('common.refusal.notPlanned', { kind: t.kind, target: `${t.namespace}/${t.name}` }),
  );
  if (stale.length) throw new ActionError(stale.map((r) => r.text).join(' '), stale.map((r) => r.msg));

  const writes = targets.filter((t) => t.changed && t.after && t.kind);
  if (!writes.length) return { plan, written: [] };
  // the conflict's own sentences first, so the page shows each in the reader's language
  if (plan.progressingConflict && !override) throw new ActionError(`${plan.progressingConflict} ${englishText('rollouts.refusal.progressing')}`, [...plan.progressingConflictMsgs, msg('rollouts.refusal.progressing')]);

  const done: { target: PlanTarget; result: KubeObject }[] = [];
  for (const t of writes) {
    const body = { ...t.after!, metadata: { ...t.after!.metadata, resourceVersion: expected[t.key] ?? undefined } };
    try {
      recorded.add(t);
      const result = await auditAttempt(auditBase(context, `rollout.${action}`, t), () => replaceObject(context, t.kind!, body, t.namespace, { ...WRITE, version: t.version }), (r) => r.metadata.resourceVersion ?? null);
      done.push({ target: t, result });
    } catch (err) {
      const report = await rollBack(context, done, t, err as Error);
      throw new ActionError(report.map((r) => r.text).join(' '), report.map((r) => r.msg));
    }
  }
  return { plan, written: done.map((d) => d.target.key) };
}

/** Best effort: puts every object written so far back as it was (with its new resourceVersion); the report's sentences. */
async function rollBack(context: string, done: { target: PlanTarget; result: KubeObject }[], failed: PlanTarget, err: Error): Promise<ReturnType<typeof textAndMsg>[]> {
  const head = textAndMsg('rollouts.writeFailed.notWritten', { key: failed.key, error: err.message });
  if (!done.length) return [head];
  const back: string[] = [];
  const stuck: string[] = [];
  for (const d of done.reverse()) {
    const before = d.target.before!;
    const base = { ...auditBase(context, 'rollout.rollBack', d.target), resourceVersionBefore: d.result.metadata.resourceVersion ?? null, diff: unifiedDiff(d.target.key, comparable(d.result), comparable(before)) };
    try {
      await auditAttempt(base, () => replaceObject(context, d.target.kind!, { ...before, metadata: { ...before.metadata, resourceVersion: d.result.metadata.resourceVersion } }, d.target.namespace, { ...WRITE, version: d.target.version }), (r) => r.metadata.resourceVersion ?? null);
      back.push(d.target.key);
    } catch (e) {
      stuck.push(`${d.target.key} (${(e as Error).message})`);
    }
  }
  return [
    head,
    ...(back.length ? [textAndMsg('rollouts.writeFailed.rolledBack', { keys: back.join(', ') })] : []),
    ...(stuck.length ? [textAndMsg('rollouts.writeFailed.notRolledBack', { objects: stuck.join('; ') })] : []),
  ];
}
