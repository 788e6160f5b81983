// The pods page's evaluation of the saved plugin chain over every pod, in the Lua Web Worker, in
// batches whose results stream into the table. Rules:
// - results are kept by pod uid with the resourceVersion they were computed for: a watch event
//   re-runs only the pods whose object changed;
// - everything is re-run (and a running batch abandoned: its worker terminated) only when the
//   context changes: plugins, agent api_resources, DeepFlow version, or the owner workloads' fields
//   the standard logic reads;
// - only what DeepFlow reads is sent: a pod's metadata, a few fields of each owner;
// - a plugin that hits the budget (DeepFlow would hang its gather loop on it) or a batch that hits
//   the wall-clock stop halts the run and says why, rather than spending the budget on every pod.
// Free of React (the hook is use-pod-evaluation.ts) so the scheduling is tested with a fake runner.
import type { ApiResourceEntry } from '@/lib/deepflow/api-resources';
import type { PodTag } from '@/lib/deepflow/tag';
import type { DeepflowVersion } from '@/lib/deepflow/versions';
import { catalogueText } from '@/lib/i18n/catalogue-text';
import type { MessageValues, Msg } from '@/lib/i18n/message';
import type { Budget } from '@/lib/lua/types';
import enPods from '@/messages/en/pods.json';
import type { RunnerError, RunnerRequestBody, RunnerResult, TagOutput } from './protocol';

export interface PluginSource { name: string; source: string }

export interface EvaluationInput {
  pods: readonly unknown[];
  owners: readonly unknown[];
  plugins: readonly PluginSource[];
  apiResources: readonly ApiResourceEntry[];
  version: DeepflowVersion;
}

/** Per plugin call. DeepFlow has no limit; a plugin needs far less (a metadata decode is ~1e4 instructions). */
export const POD_BUDGET: Budget = { instructions: 2_000_000, ms: 100 };
/** A small first batch puts the first verdicts on screen fast and finds a runaway plugin within the batch timeout (50 × 100 ms). */
export const FIRST_BATCH = 50;
/** The largest later batch: each batch re-renders the page once, so fewer, larger batches finish sooner. */
export const BATCH = 2500;
/** Later batches are sized from the last one's worker time to take about this long (results still stream). */
export const BATCH_TARGET_MS = 250;
export const BATCH_TIMEOUT_MS = 8000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const metaOf = (o: unknown): Obj => (isObj(o) && isObj(o.metadata) ? o.metadata : {});
const s = (v: unknown) => (typeof v === 'string' ? v : '');

function pick(src: Obj, keys: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of keys) if (src[k] !== undefined) out[k] = src[k];
  return out;
}

// What the plugin argument and the standard logic read (deepflow-tagging.md §1.3, §6).
const POD_META_KEYS = ['annotations', 'creationTimestamp', 'labels', 'name', 'namespace', 'ownerReferences', 'uid'] as const;
const OWNER_META_KEYS = ['name', 'namespace', 'uid', 'ownerReferences', 'labels'] as const;

export function trimPod(pod: unknown): Obj {
  const o = isObj(pod) ? pod : {};
  return { apiVersion: o.apiVersion, kind: o.kind ?? 'Pod', metadata: pick(metaOf(pod), POD_META_KEYS) };
}

export function trimOwner(obj: unknown): Obj {
  const o = isObj(obj) ? obj : {};
  const spec = isObj(o.spec) && o.spec.replicas !== undefined ? { replicas: o.spec.replicas } : {};
  return { apiVersion: o.apiVersion, kind: o.kind, metadata: pick(metaOf(obj), OWNER_META_KEYS), spec };
}

export const podUid = (pod: unknown) => s(metaOf(pod).uid) || `${s(metaOf(pod).namespace)}/${s(metaOf(pod).name)}`;
export const podRv = (pod: unknown) => s(metaOf(pod).resourceVersion);

/** Changes exactly when every pod must be evaluated again (an owner's status churn does not count). */
export function contextKey(input: Omit<EvaluationInput, 'pods'>): string {
  const owners = input.owners.map(trimOwner).sort((a, b) => s(metaOf(a).uid).localeCompare(s(metaOf(b).uid)));
  return JSON.stringify([input.plugins, input.apiResources, input.version, owners]);
}

export interface CachedTag { rv: string; tag: PodTag }

/** Pods (in list order) with no result for their current resourceVersion. */
export function pendingPods(pods: readonly unknown[], cache: ReadonlyMap<string, CachedTag>): unknown[] {
  return pods.filter((p) => cache.get(podUid(p))?.rv !== podRv(p));
}

/** The next batch's size: the first is small; later ones aim at BATCH_TARGET_MS from the last batch's ms per pod. */
export function batchSize(first: boolean, last?: { pods: number; ms: number }): number {
  if (first) return FIRST_BATCH;
  if (!last || last.pods === 0 || last.ms <= 0) return BATCH;
  const perPod = last.ms / last.pods;
  return Math.max(FIRST_BATCH, Math.min(BATCH, Math.floor(BATCH_TARGET_MS / perPod)));
}

/** Drops results of pods that are gone. */
export function pruneCache(cache: Map<string, CachedTag>, pods: readonly unknown[]): void {
  const live = new Set(pods.map(podUid));
  for (const k of [...cache.keys()]) if (!live.has(k)) cache.delete(k);
}

export function tagRequest(batch: readonly unknown[], input: Omit<EvaluationInput, 'pods'>, budget: Budget = POD_BUDGET): RunnerRequestBody {
  return {
    type: 'tag',
    input: {
      pods: batch.map(trimPod),
      objects: input.owners.map(trimOwner),
      plugins: input.plugins.map((p) => ({ name: p.name, source: p.source })),
      apiResources: [...input.apiResources],
      deepflowVersion: input.version,
      budget,
    },
  };
}

/** DeepFlow's text for a budget stop in chain.ts: the plugin would hang production's gather loop. */
const HANG = 'DeepFlow has no time limit';

export interface Halt {
  /** English, for tests and logs */
  message: string;
  /** `message` in the reader's language */
  msg: Msg;
  plugin: { index: number; name: string } | null;
  line: number | null;
  pod: string | null;
}

export function errorLine(message: string): number | null {
  const m = /<string>:(\d+):/.exec(message);
  return m ? Number(m[1]) : null;
}

// The evaluator runs in the browser: it reads the pods catalogue only, not all of them (lib/i18n/english.ts).
const podsText = catalogueText('pods', enPods);

function halted(key: `pods.halted.${string}`, values: MessageValues): { message: string; msg: Msg } {
  const { text, msg } = podsText(key, values);
  return { message: text, msg };
}

/** The first pod of a batch whose chain hit the budget, as a reason to stop evaluating. */
export function runawayIn(tags: readonly PodTag[]): Halt | null {
  for (const t of tags) {
    const p = t.plugin;
    if (p.error !== null && (p.production ?? '').startsWith(HANG)) {
      return {
        ...(p.failedPlugin
          ? halted('pods.halted.pluginBudget', { plugin: p.failedPlugin.name, pod: `${t.namespace}/${t.name}`, error: p.error })
          : halted('pods.halted.budget', { pod: `${t.namespace}/${t.name}`, error: p.error })),
        plugin: p.failedPlugin ?? null,
        line: errorLine(p.error),
        pod: `${t.namespace}/${t.name}`,
      };
    }
  }
  return null;
}

export interface ChainProblem {
  plugin: { index: number; name: string };
  line: number | null;
  message: string;
  pods: number;
}

/** Each distinct (plugin, message) error once, with the number of pods it hit: the page's banner. */
export function chainProblems(tags: Iterable<PodTag>): ChainProblem[] {
  const out = new Map<string, ChainProblem>();
  for (const t of tags) {
    const p = t.plugin;
    if (p.error === null || !p.failedPlugin) continue;
    const key = `${p.failedPlugin.index}\u0000${p.error}`;
    const cur = out.get(key);
    if (cur) cur.pods++;
    else out.set(key, { plugin: p.failedPlugin, line: errorLine(p.error), message: p.error, pods: 1 });
  }
  return [...out.values()].sort((a, b) => a.plugin.index - b.plugin.index);
}

export interface EvaluationRunner {
  run(request: RunnerRequestBody, opts: { timeoutMs: number }): Promise<RunnerResult>;
  abort(error: RunnerError): void;
}

export interface EvaluationSnapshot {
  /** uid → the latest result (possibly for an older resourceVersion while it is re-evaluated), regrouped across batches. */
  tags: ReadonlyMap<string, PodTag>;
  /** Pods with a result for their current resourceVersion. */
  evaluated: number;
  total: number;
  running: boolean;
  halt: Halt | null;
  /** Bumps on every change: cheap equality for React. */
  seq: number;
}

export interface EvaluatorOptions {
  /** Re-applies "the first pod decides the group's type" over results of separate batches. */
  regroup: (tags: PodTag[]) => PodTag[];
  budget?: Budget;
  timeoutMs?: number;
}

export class PodEvaluator {
  private input: EvaluationInput | null = null;
  private ctx: string | null = null;
  /** The context inputs `ctx` was computed from: a pods-only update (every watch event) keeps them and skips the serialisation. */
  private ctxOf: Omit<EvaluationInput, 'pods'> | null = null;
  private generation = 0;
  private readonly cache = new Map<string, CachedTag>();
  private inFlight: { generation: number } | null = null;
  private firstBatchDone = false;
  private lastBatch: { pods: number; ms: number } | undefined;
  private halt: Halt | null = null;
  private snapshot: EvaluationSnapshot = { tags: new Map(), evaluated: 0, total: 0, running: false, halt: null, seq: 0 };
  private readonly listeners = new Set<() => void>();
  /** The regrouped tag last published for each worker result: unchanged rows keep their object (memoised rows skip them). */
  private readonly regroupedBy = new WeakMap<PodTag, PodTag>();

  constructor(private readonly runner: EvaluationRunner, private readonly opts: EvaluatorOptions) {}

  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  getSnapshot = () => this.snapshot;

  /** The current pods and context; re-runs what this makes stale. `null` stops (e.g. the chain is still loading). */
  setInput(input: EvaluationInput | null): void {
    if (input === null) {
      this.input = null;
      this.stopRun();
      this.publish();
      return;
    }
    const same = this.ctxOf !== null && this.ctxOf.owners === input.owners && this.ctxOf.plugins === input.plugins && this.ctxOf.apiResources === input.apiResources && this.ctxOf.version === input.version;
    const ctx = same ? this.ctx : contextKey(input);
    this.ctxOf = input;
    if (ctx !== this.ctx) {
      this.ctx = ctx;
      this.stopRun();
      this.cache.clear();
      this.halt = null;
      this.firstBatchDone = false;
    }
    this.input = input;
    pruneCache(this.cache, input.pods);
    this.publish();
    this.pump();
  }

  dispose(): void {
    this.input = null;
    this.stopRun();
  }

  private stopRun(): void {
    this.generation++;
    if (this.inFlight) {
      this.inFlight = null;
      // a stale batch may be a runaway: terminate its worker rather than wait for it
      this.runner.abort({ kind: 'superseded', message: 'the plugins or settings changed' });
    }
  }

  private pump(): void {
    const input = this.input;
    if (!input || this.inFlight || this.halt) return;
    const batch = pendingPods(input.pods, this.cache).slice(0, batchSize(!this.firstBatchDone, this.lastBatch));
    if (batch.length === 0) return;
    const generation = this.generation;
    const sent = batch.map((p) => ({ uid: podUid(p), rv: podRv(p) }));
    this.inFlight = { generation };
    this.publish();
    void this.runner
      .run(tagRequest(batch, input, this.opts.budget), { timeoutMs: this.opts.timeoutMs ?? BATCH_TIMEOUT_MS })
      .then((r) => this.settle(generation, sent, r));
  }

  private settle(generation: number, sent: { uid: string; rv: string }[], r: RunnerResult): void {
    if (generation !== this.generation) return;
    this.inFlight = null;
    if (r.ok && r.type === 'tag') {
      const tags = (r.output as TagOutput).pods;
      sent.forEach((p, i) => {
        if (tags[i]) this.cache.set(p.uid, { rv: p.rv, tag: tags[i] });
      });
      this.firstBatchDone = true;
      this.lastBatch = { pods: sent.length, ms: r.stats.ms };
      this.halt = runawayIn(tags);
    } else if (!r.ok && r.error.kind !== 'superseded') {
      this.halt = { ...halted('pods.halted.runner', { error: r.error.message }), plugin: null, line: null, pod: null };
    }
    this.publish();
    this.pump();
  }

  private publish(): void {
    const pods = this.input?.pods ?? [];
    const ordered: PodTag[] = [];
    const uids: string[] = [];
    let evaluated = 0;
    for (const p of pods) {
      const uid = podUid(p);
      const c = this.cache.get(uid);
      if (!c) continue;
      if (c.rv === podRv(p)) evaluated++;
      ordered.push(c.tag);
      uids.push(uid);
    }
    const regrouped = this.opts.regroup(ordered);
    const tags = new Map<string, PodTag>();
    regrouped.forEach((t, i) => {
      const prev = this.regroupedBy.get(ordered[i]);
      const same = prev && prev.label === t.label && prev.workload?.type === t.workload?.type && prev.groupKey === t.groupKey;
      if (!same) this.regroupedBy.set(ordered[i], t);
      tags.set(uids[i], same ? prev : t);
    });
    this.snapshot = { tags, evaluated, total: pods.length, running: this.inFlight !== null, halt: this.halt, seq: this.snapshot.seq + 1 };
    for (const l of this.listeners) l();
  }
}
