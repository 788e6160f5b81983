// The plugin name check every name field shows: DeepFlow's rule (lib/plugins/name.ts, shared with the
// server) and "already exists" against the names in the store, as a message for useMsg().
import { msg, type Msg } from '@/lib/i18n/message';
import { checkPluginName } from '@/lib/plugins/name';

export function nameProblem(name: string, taken: Iterable<string>): Msg | null {
  const rule = checkPluginName(name);
  if (rule) return rule.message;
  for (const t of taken) if (t === name) return msg('plugins.name.taken', { name });
  return null;
}
