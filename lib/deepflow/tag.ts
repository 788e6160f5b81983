// tagPods: what DeepFlow's gather cycle concludes for each pod (plugin chain, built-in rule,
// validation, abstract groups, standard owner logic).
import { msg, type Msg } from '@/lib/i18n/message';
import { appendWarnings, newWarnings, pushWarning } from '@/lib/i18n/warnings';
import type { Budget } from '@/lib/lua';
import { mergeApiResources, type ApiResourceEntry } from './api-resources';
import { PluginChain, type ChainResult, type PluginRef } from './chain';
import { goToLower } from './go-strings';
import { podMetadataJson, type DeepflowRelease } from './metadata-json';
import { detectPlatform, type PlatformId } from './platforms';
import { unsyncReason, type UnsyncReason } from './reason';
import { buildWorkloadIndex, classifyStandard, firstOwner, type StandardResult } from './standard';
import { lookupPluginType } from './validate';
import { deepflowBehaviour, type DeepflowVersion } from './versions';
import { virtualKubeletRule } from './virtual-kubelet';
import { rec, str } from './fields';

export type { UnsyncReason, UnsyncCode } from './reason';

export interface TagInput {
  pods: unknown[];
  plugins: { name: string; source: string }[];
  objects?: unknown[];
  apiResources?: ApiResourceEntry[];
  budget?: Partial<Budget>;
  /** The DeepFlow release emulated (default the newest): the virtual-kubelet rule and the Go release of the argument. */
  deepflowVersion?: DeepflowVersion;
  /** Overrides the Go release line of `deepflowVersion`: it decides the argument's `\b`/`\f` escapes. */
  deepflowRelease?: DeepflowRelease;
}

export interface PodTag {
  namespace: string;
  name: string;
  uid: string;
  /** The chain's answer; `failedPlugin` says which plugin an error came from. */
  plugin: ChainResult;
  accepted: boolean;
  standard: StandardResult;
  workload: { type: string; name: string; source: 'plugin' | 'builtin-rule' | 'inplaceset' | 'owner' } | null;
  prints: string[];
  /** Why the standard logic leaves it unsynchronized (§6.2), whether or not a plugin rescues it; null when synchronized. */
  reason: UnsyncReason | null;
  platform: PlatformId | null;
  /** A plugin/built-in result replaced a synchronized real owner (§4.2 override). */
  overridesOwner: boolean;
  /** The final workload as DeepFlow labels it: `<lower type>:<namespace>:<name>`. */
  label: string | null;
  /** No workload at all: unsynchronized and not rescued by a plugin or the virtual-kubelet rule. */
  unmatched: boolean;
  /** The plugin whose result was used (null for the built-in rule, owners, rejected results). */
  matchedPlugin: PluginRef | null;
  /** A non-empty pair whose type DeepFlow rejects ("Job"), §4.1. */
  rejectedType: string | null;
  /** `${namespace}/${name}` of the abstract workload (plugin or built-in rule) the pod joins. */
  groupKey: string | null;
}

export interface TagOutput {
  pods: PodTag[];
  /** English (the CLI prints them) */
  warnings: string[];
  /** `warnings` for the page, index for index; DeepFlow's own log lines are quoted verbatim inside them */
  warningMsgs: Msg[];
  /** Lua instructions the plugin chain executed, summed over every pod */
  stats: { instructions: number };
}

interface AbstractGroup {
  typeName: string;
  lowerType: string;
}

function ownerLabel(tag: PodTag): string | null {
  const w = tag.workload;
  if (!w) return null;
  return `${w.source === 'inplaceset' ? 'inplaceset' : w.type.toLowerCase()}:${tag.namespace}:${w.name}`;
}

export { regroupAbstract } from './regroup';

export function tagPods(input: TagInput): TagOutput {
  const behaviour = deepflowBehaviour(input.deepflowVersion);
  const release = input.deepflowRelease ?? behaviour.goRelease;
  const merged = mergeApiResources(input.apiResources);
  const warnings = newWarnings();
  // DeepFlow's log lines for skipped api_resources entries: verbatim, with a translated lead-in
  for (const w of merged.warnings) pushWarning(warnings, w, msg('playground.deepflowWarning.log', { text: w }));
  const index = buildWorkloadIndex(input.objects ?? [], input.pods, merged.resources);
  appendWarnings(warnings, index);
  const chain = input.plugins.length > 0 ? new PluginChain(input.plugins, input.budget) : null;
  const ruleRuns = chain !== null || behaviour.builtinRuleWithoutPlugins;
  // The abstract group key is namespace + name; the first pod fixes the type (§4.2).
  const groups = new Map<string, AbstractGroup>();
  const out: PodTag[] = [];
  try {
    input.pods.forEach((pod, i) => {
      const meta = rec(rec(pod)?.metadata);
      const namespace = str(meta?.namespace);
      const name = str(meta?.name);
      const uid = str(meta?.uid);
      const standard = classifyStandard(pod, index);
      const tag: PodTag = {
        namespace, name, uid,
        plugin: { type: '', name: '', error: null },
        accepted: false,
        standard,
        workload: 'type' in standard ? { ...standard, source: 'owner' } : null,
        prints: [],
        reason: unsyncReason(pod, standard, index),
        platform: detectPlatform(pod),
        overridesOwner: false,
        label: null,
        unmatched: false,
        matchedPlugin: null,
        rejectedType: null,
        groupKey: null,
      };
      out.push(tag);
      const finish = () => {
        tag.label = tag.label ?? ownerLabel(tag);
        tag.unmatched = tag.workload === null;
      };
      if (!meta || uid === '' || name === '' || namespace === '') {
        const n = String(i + 1);
        pushWarning(
          warnings,
          `pod #${n}: ${!meta ? 'pod metadata not found' : uid === '' ? 'pod uid not found' : name === '' ? 'pod name not found' : `pod (${name}) namespace not found`}; DeepFlow skips it`,
          !meta ? msg('playground.deepflowWarning.podNoMetadata', { n })
            : uid === '' ? msg('playground.deepflowWarning.podNoUid', { n })
              : name === '' ? msg('playground.deepflowWarning.podNoName', { n })
                : msg('playground.deepflowWarning.podNoNamespace', { n, name }),
        );
        tag.workload = null;
        tag.reason = null;
        return;
      }
      const owner = firstOwner(pod);
      if (owner && str(owner.kind) === 'InPlaceSet') {
        tag.workload = str(owner.uid) !== '' ? { type: 'Deployment', name: str(owner.name), source: 'inplaceset' } : null;
        return finish();
      }
      if (!ruleRuns) return finish();
      let source: 'plugin' | 'builtin-rule' = 'plugin';
      const rule = virtualKubeletRule(meta.labels, { caseInsensitive: behaviour.providerTypeCaseInsensitive });
      if (rule) {
        source = 'builtin-rule';
        tag.plugin = { ...rule, error: null };
      } else if (chain) {
        tag.plugin = chain.run(podMetadataJson(pod, release), tag.prints);
      }
      const p = tag.plugin;
      if (p.error !== null || p.type === '' || p.name === '') return finish();
      const t = lookupPluginType(p.type);
      if (!t) {
        tag.rejectedType = p.type;
        return finish();
      }
      tag.accepted = true;
      tag.overridesOwner = tag.workload !== null;
      tag.matchedPlugin = source === 'plugin' ? chain?.lastMatch ?? null : null;
      const key = `${namespace}\u0000${p.name}`;
      const group = groups.get(key) ?? { typeName: t.name, lowerType: goToLower(p.type) };
      if (!groups.has(key)) groups.set(key, group);
      tag.workload = { type: group.typeName, name: p.name, source };
      tag.groupKey = `${namespace}/${p.name}`;
      tag.label = `${group.lowerType}:${namespace}:${p.name}`;
      finish();
    });
  } finally {
    chain?.close();
  }
  return { pods: out, ...warnings, stats: { instructions: chain?.instructionsUsed ?? 0 } };
}

