import 'server-only';
// "Apply step N" / "Restore original", computed on the server from the cluster as it is now: the
// same pure orchestration as the browser preview (lib/kruise rollout-plan), with Lua run in the
// worker thread. Nothing the browser computed is used.
import { stringify } from 'yaml';
import type { KindDef } from '@/lib/k8s/kinds';
import type { KubeObject } from '@/lib/k8s/types';
import {
  objectLabel,
  noRefsError,
  planFromPredictions,
  restorePlan,
  rolloutRouteInputs,
  stepPredictions,
  storedOriginal,
  type PlanResult,
  type PlannedChange,
  type RefInput,
  type StepPrediction,
} from '@/lib/kruise';
import type { GatewayChange, GatewayPlan } from './action-types';
import { emptyOriginalWarning, labelledWarning, newPlanWarnings, noOriginalWarning, plainWarning, refNotFoundWarning, shadowedKeyWarning, wholeWarning, type PlanWarnings } from './plan-warnings';
import { refusal } from './server-result';
import { textAndMsg } from '@/lib/i18n/english';
import { builtins, kruiseNamespace, runRoute } from './server-env';
import { loadKruiseConfigMap, loadRefs, loadRollout, progressingConflict, refsOf, serviceNames, type LoadedRef, type LoadedRollout } from './server-load';

/** One object the plan may write, with what the writer needs beyond the JSON plan. */
export interface PlanTarget {
  key: string;
  kind: KindDef | null;
  version: string;
  namespace: string;
  name: string;
  before: KubeObject | null;
  after: KubeObject | null;
  changed: boolean;
}

export interface ServerPlan {
  rollout: LoadedRollout;
  plan: GatewayPlan;
  targets: PlanTarget[];
}

const yamlOf = (o: object | null): string => (o ? stringify(o, { lineWidth: 0 }) : '');

function toChange(c: PlannedChange, loaded: LoadedRef): GatewayChange {
  return {
    ref: c.ref,
    namespace: loaded.namespace,
    resourceVersion: loaded.live?.metadata.resourceVersion ?? null,
    before: c.before,
    after: c.after,
    changed: c.changed,
    storesOriginal: c.storesOriginal,
    beforeYaml: yamlOf(c.before),
    afterYaml: yamlOf(c.after),
    ...(c.error ? { error: c.error } : {}),
    ...(c.errorMsg ? { errorMsg: c.errorMsg } : {}),
  };
}

/** Folds the pure plan with read failures the pure side cannot see (unknown kind, 403, network). */
async function finish(rollout: LoadedRollout, refs: LoadedRef[], result: PlanResult, context: string, warnings: PlanWarnings): Promise<ServerPlan> {
  const refErrors = new Set(result.changes.map((c) => c.error).filter(Boolean));
  const general = result.errors.map((text, i) => ({ text, msg: result.errorMsgs[i] ?? null })).filter((e) => !refErrors.has(e.text));
  // a read failure replaces the pure side's "not found" wording for the same ref
  const changes = result.changes.map((c, i) => {
    const r = refs[i];
    return toChange(r.error ? { ...c, after: null, changed: false, storesOriginal: false, error: r.error, errorMsg: r.errorMsg } : c, r);
  });
  const errors = [...general.map((e) => e.text), ...changes.flatMap((c) => (c.error ? [c.error] : []))];
  const errorMsgs = [...general.map((e) => e.msg), ...changes.flatMap((c) => (c.error ? [c.errorMsg ?? null] : []))];
  const targets: PlanTarget[] = changes.map((c, i) => ({
    key: refs[i].key,
    kind: refs[i].kind,
    version: refs[i].version,
    namespace: refs[i].namespace,
    name: c.ref.name,
    before: c.before as KubeObject | null,
    after: c.after as KubeObject | null,
    changed: c.changed,
  }));
  const written = changes.filter((c) => c.changed).map((c) => c.ref);
  const conflict = await progressingConflict(context, rollout.object.metadata.namespace ?? '', written);
  return { rollout, targets, plan: { changes, ready: errors.length === 0, errors, errorMsgs, ...warnings, progressingConflict: conflict?.text ?? null, progressingConflictMsgs: conflict?.msgs ?? [] } };
}

function scriptWarnings(inputs: RefInput[], out: PlanWarnings): void {
  for (const ri of inputs) {
    if (ri.script.shadowedConfigMapKey) {
      shadowedKeyWarning(out, objectLabel(null, { kind: ri.ref.kind, namespace: ri.namespace, name: ri.ref.name }), ri.script.shadowedConfigMapKey);
    }
    if (ri.live) {
      const stored = storedOriginal(ri.live);
      if (stored.malformed) labelledWarning(out, objectLabel(ri.live), stored.malformed, stored.malformedMsg!);
    }
  }
}

export async function computeApplyPlan(context: string, namespace: string, name: string, step: number): Promise<ServerPlan> {
  const rollout = await loadRollout(context, namespace, name);
  const steps = rollout.summary.totalSteps;
  if (!Number.isInteger(step) || step < 1 || step > steps) throw refusal(textAndMsg('rollouts.refusal.noStep', { target: `${namespace}/${name}`, step: String(step), steps: String(steps) }));
  const refs = await loadRefs(context, namespace, refsOf(rollout.object));
  const [configMap, services] = await Promise.all([loadKruiseConfigMap(context), serviceNames(context, namespace)]);
  const lives = Object.fromEntries(refs.map((r) => [r.key, r.live]));
  const inputs = rolloutRouteInputs({ rollout: rollout.object, lives, configMap: configMap.object as { data?: Record<string, string> } | null, builtins: builtins(), kruiseNamespace: kruiseNamespace() });
  const predictions: StepPrediction[][] = [];
  for (const ri of inputs) {
    if (!ri.input) {
      predictions.push(stepPredictions(ri, null));
      continue;
    }
    const run = await runRoute(ri.input);
    predictions.push(
      run.ok
        ? stepPredictions(ri, run.output, { services })
        : stepPredictions({ ...ri, error: `failed to execute lua for ${objectLabel(ri.live)}: ${run.error}` }, null),
    );
  }
  const result = planFromPredictions(inputs, predictions, step);
  const warnings = newPlanWarnings();
  // the API server's error stays verbatim inside the studio's sentence
  if (configMap.warning) {
    if (configMap.warningMsg) wholeWarning(warnings, configMap.warning, configMap.warningMsg);
    else plainWarning(warnings, configMap.warning);
  }
  scriptWarnings(inputs, warnings);
  for (const p of predictions) {
    const at = p.find((x) => x.step === step);
    for (const l of at?.lints ?? []) labelledWarning(warnings, objectLabel(at?.object ?? null, { kind: at!.ref.kind, namespace, name: at!.ref.name }), l.message, l.msg);
  }
  return finish(rollout, refs, result, context, warnings);
}

export async function computeRestorePlan(context: string, namespace: string, name: string): Promise<ServerPlan> {
  const rollout = await loadRollout(context, namespace, name);
  const refs = await loadRefs(context, namespace, refsOf(rollout.object));
  const result = restorePlan(refs.map((r) => ({ ref: r.ref, live: r.live })));
  const warnings = newPlanWarnings();
  if (!refs.length) {
    const none = noRefsError('restore');
    result.errors.push(none.text);
    result.errorMsgs.push(none.msg);
  }
  for (const r of refs) {
    const label = objectLabel(null, { kind: r.ref.kind, namespace, name: r.ref.name });
    if (r.error) continue;
    if (!r.live) refNotFoundWarning(warnings, label);
    else {
      const stored = storedOriginal(r.live);
      if (!stored.present) noOriginalWarning(warnings, label);
      else if (stored.error) emptyOriginalWarning(warnings, label);
      else if (stored.malformed) labelledWarning(warnings, label, stored.malformed, stored.malformedMsg!);
    }
  }
  return finish(rollout, refs, result, context, warnings);
}
