// tagPods: what DeepFlow's gather cycle concludes for each pod (plugin chain, built-in rule,
// validation, abstract groups, standard owner logic).
import type { Budget } from '@/lib/lua';
import { mergeApiResources, type ApiResourceEntry } from './api-resources';
import { PluginChain, type ChainResult } from './chain';
import { podMetadataJson, type DeepflowRelease } from './metadata-json';
import { buildWorkloadIndex, classifyStandard, firstOwner, type StandardResult } from './standard';
import { lookupPluginType, type PodGroupType } from './validate';
import { virtualKubeletRule } from './virtual-kubelet';
import { rec, str } from './fields';

export interface TagInput {
  pods: unknown[];
  plugins: { name: string; source: string }[];
  objects?: unknown[];
  apiResources?: ApiResourceEntry[];
  budget?: Partial<Budget>;
  /** The DeepFlow server the plugins run in (default main): its Go release decides the argument's `\b`/`\f` escapes. */
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
}

export interface TagOutput {
  pods: PodTag[];
  warnings: string[];
  /** Lua instructions the plugin chain executed, summed over every pod */
  stats: { instructions: number };
}

export function tagPods(input: TagInput): TagOutput {
  const merged = mergeApiResources(input.apiResources);
  const warnings = [...merged.warnings];
  const index = buildWorkloadIndex(input.objects ?? [], input.pods, merged.resources);
  warnings.push(...index.warnings);
  const chain = input.plugins.length > 0 ? new PluginChain(input.plugins, input.budget) : null;
  // The abstract group key is namespace + name; the first pod fixes the type (§4.2).
  const groups = new Map<string, PodGroupType>();
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
      };
      out.push(tag);
      if (!meta || uid === '' || name === '' || namespace === '') {
        warnings.push(`pod #${i + 1}: ${!meta ? 'pod metadata not found' : uid === '' ? 'pod uid not found' : name === '' ? 'pod name not found' : `pod (${name}) namespace not found`}; DeepFlow skips it`);
        tag.workload = null;
        return;
      }
      const owner = firstOwner(pod);
      if (owner && str(owner.kind) === 'InPlaceSet') {
        tag.workload = str(owner.uid) !== '' ? { type: 'Deployment', name: str(owner.name), source: 'inplaceset' } : null;
        return;
      }
      if (!chain) return;
      let source: 'plugin' | 'builtin-rule' = 'plugin';
      const rule = virtualKubeletRule(meta.labels);
      if (rule) {
        source = 'builtin-rule';
        tag.plugin = { ...rule, error: null };
      } else {
        tag.plugin = chain.run(podMetadataJson(pod, input.deepflowRelease), tag.prints);
      }
      const p = tag.plugin;
      if (p.error !== null || p.type === '' || p.name === '') return;
      const t = lookupPluginType(p.type);
      if (!t) return;
      tag.accepted = true;
      const key = `${namespace}\u0000${p.name}`;
      const groupType = groups.get(key) ?? t;
      if (!groups.has(key)) groups.set(key, t);
      tag.workload = { type: groupType.name, name: p.name, source };
    });
  } finally {
    chain?.close();
  }
  return { pods: out, warnings, stats: { instructions: chain?.instructionsUsed ?? 0 } };
}
