// How the rollout views word a Rollout's parts (list cells, detail headings). Pure.
import type { RolloutSummary, RoutingSummary } from '@/lib/kruise';
import { msg, type Msg } from '@/lib/i18n/message';

export function rolloutHref(namespace: string, name: string): string {
  return `/rollouts/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

export function workloadText(s: Pick<RolloutSummary, 'workload'>): string {
  return s.workload ? `${s.workload.kind}/${s.workload.name}` : '—';
}

/** The list's Routing cell: what carries the traffic split. */
export function routingKindText(r: RoutingSummary): string {
  const parts: string[] = [];
  if (r.kinds.includes('custom')) {
    const kinds = [...new Set(r.customNetworkRefs.map((x) => x.kind))];
    parts.push(kinds.length ? kinds.join(' + ') : 'custom network refs');
  }
  if (r.kinds.includes('ingress')) parts.push(`Ingress${r.ingress?.classType ? ` (${r.ingress.classType})` : ''}`);
  if (r.kinds.includes('gateway')) parts.push('Gateway API HTTPRoute');
  return parts.join(', ') || '—';
}

/** "Step 2 of 4", for the progress bar's accessible name (the step state stays Kruise's word). */
export function stepProgressLabel(s: Pick<RolloutSummary, 'currentStepIndex' | 'totalSteps' | 'currentStepState'>): Msg {
  if (s.totalSteps === 0) return msg('rollouts.steps.progress.noSteps');
  if (s.currentStepIndex === null) return msg('rollouts.steps.progress.notStarted', { total: s.totalSteps });
  if (s.currentStepState) return msg('rollouts.steps.progress.atState', { current: s.currentStepIndex, total: s.totalSteps, state: s.currentStepState });
  return msg('rollouts.steps.progress.at', { current: s.currentStepIndex, total: s.totalSteps });
}

export function refText(ref: { kind: string; name: string }): string {
  return `${ref.kind}/${ref.name}`;
}

/** `<Kind>.<group>` as Kruise names a routing script (the ConfigMap key without its prefix). */
export function scriptName(ref: { apiVersion: string; kind: string }): string {
  return `${ref.kind}.${ref.apiVersion.split('/')[0]}`;
}

export function pauseText(p: { kind: 'manual' } | { kind: 'duration'; seconds: number } | null): Msg {
  if (!p) return msg('rollouts.steps.pauseText.none');
  if (p.kind === 'manual') return msg('rollouts.steps.pauseText.manual');
  const s = p.seconds;
  if (s >= 60 && s % 60 === 0) return msg('rollouts.steps.pauseText.minutes', { minutes: s / 60 });
  return msg('rollouts.steps.pauseText.seconds', { seconds: s });
}

export function stepStateText(state: 'complete' | 'current' | 'pending'): Msg {
  return msg(`rollouts.steps.state.${state}`);
}

/** `requestHeaderModifier` as lines: `set x-a: 1`, `add x-b: 2`, `remove x-c`. */
export function headerModifierLines(m: { set: { name: string; value: string }[]; add: { name: string; value: string }[]; remove: string[] } | null): string[] {
  if (!m) return [];
  return [...m.set.map((h) => `set ${h.name}: ${h.value}`), ...m.add.map((h) => `add ${h.name}: ${h.value}`), ...m.remove.map((h) => `remove ${h}`)];
}

/** Where the controller takes the script from, in words. */
export function scriptSourceText(s: { source: 'builtin' | 'configmap' | 'none'; key: string }, ref: { apiVersion: string; kind: string }, configMap: string): Msg {
  const cmKey = `lua.traffic.routing.${scriptName(ref)}`;
  if (s.source === 'builtin') return msg('rollouts.script.sourceBuiltin', { key: s.key });
  if (s.source === 'configmap') return msg('rollouts.script.sourceConfigMap', { configMap, cmKey });
  return msg('rollouts.script.sourceNone', { configMap, cmKey });
}

/** The playground's deep link for one ref of a Rollout (lib/playground/deep-link.ts parses it). */
export function playgroundHref(namespace: string, name: string, ref: { kind: string; name: string }): string {
  const p = new URLSearchParams({ mode: 'routing', rollout: `${namespace}/${name}`, ref: `${ref.kind}/${ref.name}` });
  return `/playground?${p.toString()}`;
}
