// Tagging mode: which cluster pods go into the preview, and what the table says about each pod.
// Imports the pure pieces of lib/deepflow directly (not its index) so the page does not pull in
// the Lua engine, which runs in the Worker.
import { buildWorkloadIndex, classifyStandard } from '@/lib/deepflow/standard';
import { validatePluginResult } from '@/lib/deepflow/validate';
import { virtualKubeletRule } from '@/lib/deepflow/virtual-kubelet';
import type { PodTag } from '@/lib/deepflow/tag';
import { reasonMsg } from '@/lib/pods/reason-msg';
import type { TaggingState } from './state';
import { errorLine } from './diagnostics';
import { phrase, quoted, type Phrase } from './text';

/** Registry keys of the kinds DeepFlow's owner logic reads (deepflow-tagging.md §6). */
export const OWNER_KIND_KEYS = [
  'deployments.apps', 'statefulsets.apps', 'daemonsets.apps', 'replicasets.apps', 'clonesets.apps.kruise.io',
  'statefulsets.apps.kruise.io', 'opengaussclusters.opengauss.cmbc.com.cn',
] as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const meta = (p: unknown): Obj => (isObj(p) && isObj(p.metadata) ? p.metadata : {});
export const podKey = (p: unknown) => `${String(meta(p).namespace ?? '')}/${String(meta(p).name ?? '')}`;

/** Pods DeepFlow leaves without a workload: unsynchronized by the owner logic, not rescued by the virtual-kubelet rule. */
export function unmatchedPods(pods: readonly unknown[], objects: readonly unknown[]): unknown[] {
  const index = buildWorkloadIndex([...objects], [...pods], undefined);
  return pods.filter((p) => 'unsynchronized' in classifyStandard(p, index) && !virtualKubeletRule(meta(p).labels));
}

/** The cluster pods the tagging input selects. */
export function selectClusterPods(state: Pick<TaggingState, 'scope' | 'namespace' | 'selection'>, pods: readonly unknown[], objects: readonly unknown[]): unknown[] {
  if (state.scope === 'namespace') return pods.filter((p) => meta(p).namespace === state.namespace);
  if (state.scope === 'selection') {
    const picked = new Set(state.selection);
    return pods.filter((p) => picked.has(podKey(p)));
  }
  return unmatchedPods(pods, objects);
}

export type Verdict = 'accepted' | 'not-handled' | 'rejected' | 'error' | 'owner' | 'none';

export interface PodRow {
  key: string;
  namespace: string;
  name: string;
  /** what the chain returned, `type / name`, or '' */
  result: string;
  verdict: Verdict;
  /** why, in DeepFlow's words where it logs one (English) */
  reason: string;
  /** `reason`, for the reader's language */
  reasonPhrase: Phrase;
  /** final workload, `Type name` */
  workload: string;
  error: string | null;
  errorLine: number | null;
  /** 0-based position in the chain of the plugin that raised `error` */
  errorPlugin: number | null;
  prints: string[];
}

/** The owner logic's side, in the words the pods page uses too (lib/deepflow/reason.ts, lib/pods/reason-msg.ts). */
function ownerReason(t: PodTag): Phrase {
  const s = t.standard;
  if ('type' in s) return phrase('playground.tagging.reason.ownerReference', { type: s.type, name: s.name });
  const r = t.reason;
  if (!r) return phrase('playground.tagging.reason.unsynchronized');
  // an unsupported kind's detail that is the kind itself says nothing more (reasonWords)
  const withDetail = r.code === 'unsupported-kind' && r.detail === (r.owner?.kind ?? '') ? 'no' : 'yes';
  return phrase('playground.tagging.reason.unsynchronizedBecause', { withDetail, detail: r.detail }, { why: { text: r.text, msg: reasonMsg(r) } });
}

/** The table's reason: the plugin's side, then (when there is one) the owner logic's. */
function reasonOf(first: Phrase, second?: Phrase): Pick<PodRow, 'reason' | 'reasonPhrase'> {
  const p = second ? phrase('playground.tagging.reason.join', {}, { first, second }) : first;
  return { reason: p.text, reasonPhrase: p };
}

export function podRow(t: PodTag): PodRow {
  const base = { key: `${t.namespace}/${t.name}`, namespace: t.namespace, name: t.name, prints: t.prints };
  const p = t.plugin;
  const workload = t.workload ? `${t.workload.type} ${t.workload.name}` : '';
  const result = p.type !== '' || p.name !== '' ? `${p.type || '""'} / ${p.name || '""'}` : '';
  if (p.error !== null) {
    return { ...base, result, verdict: 'error', ...reasonOf(quoted(p.production ?? p.error)), workload, error: p.error, errorLine: errorLine(p.error), errorPlugin: p.failedPlugin?.index ?? null };
  }
  if (t.accepted) {
    const why = t.workload?.source === 'builtin-rule' ? phrase('playground.tagging.reason.builtinRule') : phrase('playground.tagging.reason.groups', { type: t.workload?.type ?? p.type, name: p.name });
    return { ...base, result, verdict: 'accepted', ...reasonOf(why), workload, error: null, errorLine: null, errorPlugin: null };
  }
  if (t.workload?.source === 'inplaceset') return { ...base, result, verdict: 'owner', ...reasonOf(phrase('playground.tagging.reason.inPlaceSet')), workload, error: null, errorLine: null, errorPlugin: null };
  if (p.type === '' && p.name === '') {
    return { ...base, result, verdict: t.workload ? 'owner' : 'not-handled', ...reasonOf(phrase('playground.tagging.reason.noResult'), ownerReason(t)), workload, error: null, errorLine: null, errorPlugin: null };
  }
  const v = validatePluginResult(t.name, p.type, p.name);
  const said = v.ok ? phrase('playground.tagging.reason.accepted') : quoted(v.log);
  return { ...base, result, verdict: 'rejected', ...reasonOf(said, ownerReason(t)), workload, error: null, errorLine: null, errorPlugin: null };
}

export interface TagSummary {
  pods: number;
  matched: number;
  rejected: number;
  errors: number;
  /** pods still without a workload after the chain and the owner logic */
  unmatched: number;
}

export function summarize(rows: readonly PodRow[]): TagSummary {
  return {
    pods: rows.length,
    matched: rows.filter((r) => r.verdict === 'accepted').length,
    rejected: rows.filter((r) => r.verdict === 'rejected').length,
    errors: rows.filter((r) => r.verdict === 'error').length,
    unmatched: rows.filter((r) => r.workload === '').length,
  };
}

/**
 * Runtime errors of the chain as diagnostics on the plugin that raised them: each distinct
 * (plugin, line) once, with how many pods hit it. Errors naming no line or no plugin give none.
 */
/** `message` is the English (tests, logs); `error` and `count` let the editor word it in the reader's language. */
export function chainDiagnostics(rows: readonly PodRow[]): { plugin: number; line: number; message: string; error: string; count: number }[] {
  const byPlace = new Map<string, { plugin: number; line: number; message: string; count: number }>();
  for (const r of rows) {
    if (r.errorLine === null || r.error === null || r.errorPlugin === null) continue;
    const key = `${r.errorPlugin}:${r.errorLine}`;
    const cur = byPlace.get(key);
    if (cur) cur.count++;
    else byPlace.set(key, { plugin: r.errorPlugin, line: r.errorLine, message: r.error, count: 1 });
  }
  return [...byPlace.values()].map(({ plugin, line, message, count }) => ({ plugin, line, message: count > 1 ? `${message} (${count} pods)` : message, error: message, count }));
}
