import 'server-only';
// Writes a recomputed gateway plan: all refs are checked (plan ready, resourceVersions as confirmed,
// the Progressing override, permission) before any is written; each object gets one full Update
// with its resourceVersion as precondition. Kruise stores the original and updates in two Updates;
// the object ends the same, and one Update leaves nothing half-written between them.
import { changedSinceMessage, replaceObject } from '@/lib/k8s/client';
import type { KubeObject } from '@/lib/k8s/types';
import type { ExpectedVersions, WriteResult } from './action-types';
import { staleTargets } from './plan-checks';
import { refResources, requirePermission } from './server-permissions';
import { ActionError } from './server-result';
import { kruiseNamespace } from './server-env';
import type { PlanTarget, ServerPlan } from './server-gateway-plan';

const WRITE = { timeoutMs: 15_000 };

export async function writePlan(context: string, sp: ServerPlan, action: 'applyStep' | 'restore', expected: ExpectedVersions, override: boolean): Promise<WriteResult> {
  const { plan, targets } = sp;
  const namespace = sp.rollout.object.metadata.namespace ?? '';
  const name = sp.rollout.object.metadata.name;
  // permission first: "you may not" is the clearest answer when it applies (same refs as the buttons' check)
  const refs = refResources(namespace, plan.changes.map((c) => c.ref));
  if (refs.resources.length) await requirePermission(context, action, { rolloutNamespace: namespace, rolloutName: name, kruiseNamespace: kruiseNamespace(), refs: refs.resources });
  if (!plan.ready) throw new ActionError(`Nothing was written: ${plan.errors.join(' ')}`);

  const stale = staleTargets(
    targets.map((t) => ({ key: t.key, kind: t.before?.kind ?? t.key.split('/')[0], namespace: t.namespace, name: t.name, resourceVersion: t.before?.metadata.resourceVersion ?? null, writes: t.changed })),
    expected,
    (t, confirmed) =>
      t.resourceVersion === null
        ? `${t.kind} ${t.namespace}/${t.name} was deleted since you opened it (resourceVersion ${confirmed}); nothing was written. Reload and review the new diff.`
        : confirmed === null
          ? `${t.kind} ${t.namespace}/${t.name} was created since you opened it (resourceVersion ${t.resourceVersion}); nothing was written. Reload and review the new diff.`
          : changedSinceMessage(t.kind, t.namespace, t.name, confirmed, t.resourceVersion),
  );
  if (stale.length) throw new ActionError(stale.join(' '));

  const writes = targets.filter((t) => t.changed && t.after && t.kind);
  if (!writes.length) return { plan, written: [] };
  if (plan.progressingConflict && !override) throw new ActionError(`${plan.progressingConflict} Nothing was written; confirm with the override to write anyway.`);

  const done: { target: PlanTarget; result: KubeObject }[] = [];
  for (const t of writes) {
    const body = { ...t.after!, metadata: { ...t.after!.metadata, resourceVersion: expected[t.key] ?? undefined } };
    try {
      done.push({ target: t, result: await replaceObject(context, t.kind!, body, t.namespace, { ...WRITE, version: t.version }) });
    } catch (err) {
      throw new ActionError(await rollBack(context, done, t, err as Error));
    }
  }
  return { plan, written: done.map((d) => d.target.key) };
}

/** Best effort: puts every object written so far back as it was (with its new resourceVersion). */
async function rollBack(context: string, done: { target: PlanTarget; result: KubeObject }[], failed: PlanTarget, err: Error): Promise<string> {
  const head = `${failed.key} was not written: ${err.message}`;
  if (!done.length) return head;
  const back: string[] = [];
  const stuck: string[] = [];
  for (const d of done.reverse()) {
    const before = d.target.before!;
    try {
      await replaceObject(context, d.target.kind!, { ...before, metadata: { ...before.metadata, resourceVersion: d.result.metadata.resourceVersion } }, d.target.namespace, { ...WRITE, version: d.target.version });
      back.push(d.target.key);
    } catch (e) {
      stuck.push(`${d.target.key} (${(e as Error).message})`);
    }
  }
  return [head, back.length ? `Rolled back what was already written: ${back.join(', ')}.` : '', stuck.length ? `Could not roll back: ${stuck.join('; ')}; check these objects.` : ''].filter(Boolean).join(' ');
}
