// The impact of an edit on the plugin chain: which pods change workload between the saved chain and
// the edited one, which pods error, and what DeepFlow would object to. Pure: the page runs both
// chains in the Web Worker and hands the two PodTag lists here.
import type { PodTag } from '@/lib/deepflow/tag';
import { errorLine } from '@/lib/playground/diagnostics';
import { lintLua } from '@/lib/lua/lint';
import { ALLOWED_PLUGIN_TYPES } from '@/lib/deepflow/validate';
import { msg, type Msg } from '@/lib/i18n/message';

export interface ChainPlugin {
  name: string;
  source: string;
}

/** What the preview needs of a PodTag (lib/deepflow/tag.ts). */
export type ImpactTag = Pick<PodTag, 'namespace' | 'name' | 'plugin' | 'workload' | 'matchedPlugin' | 'rejectedType' | 'overridesOwner' | 'label' | 'platform'>;

export interface EditedChain {
  chain: ChainPlugin[];
  /** Position of the edited plugin in `chain`. */
  index: number;
  /** The plugin is disabled in the store: the preview shows what it would do once enabled. */
  disabled: boolean;
}

/** The saved chain DeepFlow runs: enabled plugins, in execution order. */
export function savedChain(list: readonly (ChainPlugin & { enabled: boolean })[]): ChainPlugin[] {
  return list.filter((p) => p.enabled).map((p) => ({ name: p.name, source: p.source }));
}

/**
 * The saved chain with the edited plugin in its place (`previousName` is the stored name; null for a
 * new plugin, which goes last, as DeepFlow runs a newly created plugin after the others).
 */
export function editedChain(
  list: readonly (ChainPlugin & { enabled: boolean })[],
  edit: { name: string; source: string; previousName: string | null },
): EditedChain {
  const chain: ChainPlugin[] = [];
  let index = -1;
  let disabled = false;
  for (const p of list) {
    if (edit.previousName !== null && p.name === edit.previousName) {
      index = chain.length;
      disabled = !p.enabled;
      chain.push({ name: edit.name, source: edit.source });
    } else if (p.enabled) {
      chain.push({ name: p.name, source: p.source });
    }
  }
  if (index < 0) {
    index = chain.length;
    chain.push({ name: edit.name, source: edit.source });
  }
  return { chain, index, disabled };
}

/** `?pods=<ns>/<name>,<ns>/<name>` (Contract C) as pod keys; anything without a slash is dropped. */
export function parsePodsParam(value: string | null | undefined): string[] {
  if (!value) return [];
  const keys = value.split(',').map((s) => s.trim()).filter((s) => /^[^/]+\/[^/]+$/.test(s));
  return [...new Set(keys)];
}

/** How many pods each plugin maps (the plugin whose result DeepFlow used), by plugin name. */
export function matchCounts(tags: readonly Pick<PodTag, 'matchedPlugin'>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tags) if (t.matchedPlugin) out.set(t.matchedPlugin.name, (out.get(t.matchedPlugin.name) ?? 0) + 1);
  return out;
}

export type ImpactChange = 'added' | 'changed' | 'lost' | 'same';
export type ImpactFlag = 'rejected-type' | 'overrides-owner' | 'non-string' | 'no-hook' | 'budget' | 'builtin-rule';

export interface ImpactRow {
  key: string;
  namespace: string;
  name: string;
  change: ImpactChange;
  /** Workload as `Type/name`, or null when the pod has none. */
  before: string | null;
  after: string | null;
  /** DeepFlow's label after the edit (`<type>:<namespace>:<name>`). */
  afterLabel: string | null;
  /** The edited plugin produced the pod's workload. */
  byThisPlugin: boolean;
  /** DeepFlow's built-in virtual-kubelet rule (run before the plugins) produced the pod's result, not a plugin. */
  byBuiltinRule: boolean;
  error: { message: string; plugin: string | null; line: number | null } | null;
  flags: ImpactFlag[];
  /** Named in `?pods=`: listed first. */
  highlighted: boolean;
}

export interface ImpactWarning {
  code: ImpactFlag;
  text: string;
  /** `text` for the UI, in the reader's language. */
  message: Msg;
  pods: number;
}

export interface Impact {
  pods: number;
  counts: { added: number; changed: number; lost: number; errors: number; mappedByThis: number };
  /** Pods worth showing: highlighted ones first, then changes, errors and flagged pods. */
  rows: ImpactRow[];
  warnings: ImpactWarning[];
}

const keyOf = (t: { namespace: string; name: string }) => `${t.namespace}/${t.name}`;
const workloadText = (t: ImpactTag | undefined) => (t?.workload ? `${t.workload.type}/${t.workload.name}` : null);

const NOT_A_FUNCTION = 'attempt to call a non-function object';
const NO_TIME_LIMIT = 'DeepFlow has no time limit';
const NON_STRING = /^lua script get pod group (type|name) failed$/;
/** DeepFlow's log line for it, quoted verbatim in the warning. */
const NON_STRING_QUOTE = 'lua script get pod group type/name failed';

/** True when the source defines no global GetWorkloadTypeAndName (the editor's deepflow/hook lint). */
export function lacksGlobalHook(source: string): boolean {
  return lintLua(source, 'deepflow').some((i) => i.rule === 'deepflow/hook');
}

/** The built-in rule's result: accepted (workload source) or rejected on a virtual-kubelet pod. */
const fromBuiltinRule = (t: ImpactTag) => t.workload?.source === 'builtin-rule' || (t.rejectedType !== null && t.platform === 'virtual-kubelet');

function flagsOf(after: ImpactTag, index: number, changed: boolean): ImpactFlag[] {
  const flags: ImpactFlag[] = [];
  const rule = fromBuiltinRule(after);
  if (rule && changed) flags.push('builtin-rule');
  const p = after.plugin;
  const mine = p.failedPlugin?.index === index;
  if (p.error !== null && mine) {
    if (NON_STRING.test(p.error)) flags.push('non-string');
    if ((p.production ?? '').includes(NOT_A_FUNCTION)) flags.push('no-hook');
    if ((p.production ?? '').includes(NO_TIME_LIMIT)) flags.push('budget');
  }
  if (after.rejectedType !== null && !rule) flags.push('rejected-type');
  if (after.overridesOwner && after.matchedPlugin?.index === index) flags.push('overrides-owner');
  return flags;
}

const ORDER: Record<ImpactChange, number> = { added: 0, changed: 1, lost: 2, same: 3 };

/**
 * Compares the saved chain's tags with the edited chain's (same pods, same order; pods are matched by
 * namespace/name, so a pod that appeared between the two runs counts as new on the side that has it).
 */
export function compareImpact(
  before: readonly ImpactTag[],
  after: readonly ImpactTag[],
  opts: { index: number; source: string; first?: readonly string[] },
): Impact {
  const byKey = new Map(before.map((t) => [keyOf(t), t]));
  const first = new Map((opts.first ?? []).map((k, i) => [k, i]));
  const all: ImpactRow[] = after.map((t) => {
    const key = keyOf(t);
    const b = byKey.get(key);
    const was = workloadText(b);
    const now = workloadText(t);
    const change: ImpactChange = was === now ? 'same' : was === null ? 'added' : now === null ? 'lost' : 'changed';
    const e = t.plugin.error;
    return {
      key,
      namespace: t.namespace,
      name: t.name,
      change,
      before: was,
      after: now,
      afterLabel: t.label,
      byThisPlugin: t.matchedPlugin?.index === opts.index,
      byBuiltinRule: fromBuiltinRule(t),
      error: e === null ? null : { message: t.plugin.production ?? e, plugin: t.plugin.failedPlugin?.name ?? null, line: errorLine(e) },
      flags: flagsOf(t, opts.index, change !== 'same'),
      highlighted: first.has(key),
    };
  });
  const count = (f: (r: ImpactRow) => boolean) => all.filter(f).length;
  const rows = all
    .filter((r) => r.highlighted || r.change !== 'same' || r.error !== null || r.flags.some((f) => f !== 'builtin-rule'))
    .sort((a, b) => {
      if (a.highlighted !== b.highlighted) return a.highlighted ? -1 : 1;
      if (a.highlighted) return first.get(a.key)! - first.get(b.key)!;
      const c = ORDER[a.change] - ORDER[b.change];
      if (c !== 0) return c;
      if ((a.error === null) !== (b.error === null)) return a.error ? -1 : 1;
      return a.key.localeCompare(b.key);
    });

  const flagged = (f: ImpactFlag) => count((r) => r.flags.includes(f));
  const warnings: ImpactWarning[] = [];
  const noHookPods = flagged('no-hook');
  if (lacksGlobalHook(opts.source) || noHookPods > 0) {
    warnings.push({ code: 'no-hook', pods: noHookPods, text: 'No global GetWorkloadTypeAndName: DeepFlow calls that global function, so this plugin errors on every pod it reaches.', message: msg('plugins.impact.warning.no-hook') });
  }
  const nonString = flagged('non-string');
  if (nonString) warnings.push({ code: 'non-string', pods: nonString, text: `GetWorkloadTypeAndName returned something other than two strings (DeepFlow: "${NON_STRING_QUOTE}"); a number is not a string here.`, message: msg('plugins.impact.warning.non-string', { quote: NON_STRING_QUOTE }) });
  const types = [...new Set(after.map((t) => t.rejectedType).filter((t): t is string => t !== null))];
  const rejected = flagged('rejected-type');
  if (rejected) warnings.push({ code: 'rejected-type', pods: rejected, text: `DeepFlow rejects the returned type${types.length > 1 ? 's' : ''} ${types.join(', ')}: those pods keep no plugin workload. Accepted (any case): ${ALLOWED_PLUGIN_TYPES.join(', ')}.`, message: msg('plugins.impact.warning.rejected-type', { count: types.length, types: types.join(', '), allowed: ALLOWED_PLUGIN_TYPES.join(', ') }) });
  const overrides = flagged('overrides-owner');
  if (overrides) warnings.push({ code: 'overrides-owner', pods: overrides, text: 'This plugin replaces the workload DeepFlow already takes from a real owner.', message: msg('plugins.impact.warning.overrides-owner') });
  const rule = flagged('builtin-rule');
  if (rule) warnings.push({ code: 'builtin-rule', pods: rule, text: "These changes come from DeepFlow's built-in virtual-kubelet rule, not from this plugin: the emulated release runs that rule only while at least one plugin exists.", message: msg('plugins.impact.warning.builtin-rule') });
  const budget = flagged('budget');
  if (budget) warnings.push({ code: 'budget', pods: budget, text: 'The plugin ran past the preview budget and was stopped; DeepFlow has no time limit, so its gather loop would hang.', message: msg('plugins.impact.warning.budget') });

  return {
    pods: after.length,
    counts: {
      added: count((r) => r.change === 'added'),
      changed: count((r) => r.change === 'changed'),
      lost: count((r) => r.change === 'lost'),
      errors: count((r) => r.error !== null),
      mappedByThis: count((r) => r.byThisPlugin),
    },
    rows,
    warnings,
  };
}
