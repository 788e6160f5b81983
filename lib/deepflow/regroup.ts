// "The first pod of a namespace+name decides the abstract group's type" (deepflow-tagging.md §4.2),
// applied across results computed in separate batches. Free of the Lua engine: the pods page imports it.
import { goToLower } from './go-strings';
import type { PodTag } from './tag';
import { lookupPluginType } from './validate';
/**
 * Results computed in separate batches each applied "the first pod of a namespace + name fixes the
 * group's type" on their own; this re-applies it across all of them, in the given order.
 */
export function regroupAbstract(tags: PodTag[]): PodTag[] {
  const first = new Map<string, { typeName: string; label: string }>();
  return tags.map((t) => {
    if (t.groupKey === null || !t.workload) return t;
    let lead = first.get(t.groupKey);
    if (!lead) {
      // The group's type comes from what this pod returned, not what its own batch made of it.
      const typeName = lookupPluginType(t.plugin.type)?.name ?? t.workload.type;
      lead = { typeName, label: `${goToLower(t.plugin.type)}:${t.namespace}:${t.workload.name}` };
      first.set(t.groupKey, lead);
    }
    if (t.workload.type === lead.typeName && t.label === lead.label) return t;
    return { ...t, workload: { ...t.workload, type: lead.typeName }, label: lead.label };
  });
}
