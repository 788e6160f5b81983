// Local store vs a DeepFlow server (pure). DeepFlow cannot return sources (§8.1), so "uploaded" is
// judged by the studio's own record of its last successful upload of each plugin.
import type { DriftState, PluginRecord } from './types';

export interface RemoteRow {
  name: string;
  type: number;
}

/** Local plugins in store order, then remote-only Lua plugins. Non-Lua rows (wasm/so) are not ours. */
export function computeDrift(local: readonly PluginRecord[], remote: readonly RemoteRow[], uploadedAt: Readonly<Record<string, string>>): { name: string; state: DriftState }[] {
  const remoteLua = new Set(remote.filter((r) => r.type === 3).map((r) => r.name));
  const out: { name: string; state: DriftState }[] = [];
  for (const p of local) {
    const onServer = remoteLua.has(p.name);
    const mark = uploadedAt[p.name];
    let state: DriftState;
    if (!p.enabled) state = onServer ? 'not-uploaded' : 'local-only'; // disabled = deleted from the server
    else if (!onServer) state = 'local-only';
    else if (!mark || Date.parse(p.updatedAt) > Date.parse(mark)) state = 'not-uploaded';
    else state = 'in-sync';
    out.push({ name: p.name, state });
  }
  const localNames = new Set(local.map((p) => p.name));
  for (const r of remote) if (r.type === 3 && !localNames.has(r.name) && !out.some((d) => d.name === r.name)) out.push({ name: r.name, state: 'remote-only' });
  return out;
}
