// The plugin name check every name field shows: DeepFlow's rule (lib/plugins/name.ts, shared with the
// server) and "already exists" against the names in the store.
import { validatePluginName } from '@/lib/plugins/name';

export function nameProblem(name: string, taken: Iterable<string>): string | null {
  const rule = validatePluginName(name);
  if (rule) return rule;
  for (const t of taken) if (t === name) return `A plugin named ${name} already exists.`;
  return null;
}
