import 'server-only';
// What each plugin action does, between the zod-validated input (app/plugins/actions.ts) and the
// store: the name rule, the server-side load check, the store write, then the DeepFlow server.
// Order of effects: the local store first (it is the only place that keeps sources, §8.1), then the
// DeepFlow server; a server that is down or refuses leaves the local write in place and says so in
// `warnings` (its OPT_STATUS/DESCRIPTION verbatim in `deepflowError` too).
import { checkPluginSource, type SourceCheck } from './check-source';
import { deleteRemotePlugin, listRemotePlugins, serverKey, uploadPlugin, type DeepflowServer } from './deepflow-client';
import { computeDrift } from './drift';
import { checkPluginName } from './name';
import { msg, type Msg } from '@/lib/i18n/message';
import { unifiedDiff } from '@/lib/audit/entry';
import { auditedPluginWrite, type PluginWrite } from './service-audit';
import type { PluginStore } from './store';
import type { DeepflowSyncState, PluginList, PluginRecord, Result } from './types';

export interface ServiceEnv {
  store: PluginStore;
  deepflow: DeepflowServer | null;
  /** The load check (default: the Node worker thread); injectable for tests. */
  check?: (name: string, source: string) => Promise<SourceCheck>;
}

/** `notes`: the warnings as messages for the UI, one per warning, present when there are any. */
type Synced = { warnings: string[]; notes?: Msg[]; deepflowError?: string };

/** What a local write was, for "…locally, but DeepFlow did not take it" (plugins.sync.failed). */
type LocalWrite = 'saved' | 'enabled' | 'disabled' | 'deleted' | 'reordered';
const LOCAL_WRITE: Record<LocalWrite, string> = { saved: 'Saved locally', enabled: 'Enabled locally', disabled: 'Disabled locally', deleted: 'Deleted locally', reordered: 'Reordered locally' };

export const REORDER_NOTE = 'DeepFlow runs plugins in creation order (its list sorts by update time), so on a DeepFlow server a reorder is done by deleting and re-creating the plugins in the new order.';

class SyncLog {
  readonly warnings: string[] = [];
  readonly notes: Msg[] = [];
  deepflowError: string | undefined;
  constructor(readonly server: DeepflowServer | null) {}
  note(text: string, m: Msg): void {
    this.warnings.push(text);
    this.notes.push(m);
  }
  /** DeepFlow's answer stays verbatim (`quote`) beside the explanation. */
  fail(prefix: string, error: string, m: Msg): void {
    this.note(`${prefix}; ${error}`, m);
    this.deepflowError ??= error;
  }
  out(): Synced {
    const notes = this.notes.length ? { notes: this.notes } : {};
    return this.deepflowError ? { warnings: this.warnings, ...notes, deepflowError: this.deepflowError } : { warnings: this.warnings, ...notes };
  }
}

async function upload(env: ServiceEnv, log: SyncLog, p: PluginRecord, what: LocalWrite = 'saved'): Promise<boolean> {
  const s = env.deepflow;
  if (!s) return false;
  const r = await uploadPlugin(s, p.name, p.source);
  if (!r.ok) {
    log.fail(LOCAL_WRITE[what], r.error, msg('plugins.sync.failed', { what, quote: r.error }));
    return false;
  }
  await env.store.markUploaded(serverKey(s), p.name, new Date().toISOString());
  return true;
}

async function removeRemote(env: ServiceEnv, log: SyncLog, name: string, what: LocalWrite | { renamedFrom: string }): Promise<void> {
  const s = env.deepflow;
  if (!s) return;
  const r = await deleteRemotePlugin(s, name);
  // Not on the server (never uploaded, or disabled): nothing to undo there.
  if (!r.ok && !(r.kind === 'refused' && r.optStatus === 'RESOURCE_NOT_FOUND')) {
    if (typeof what === 'string') log.fail(LOCAL_WRITE[what], r.error, msg('plugins.sync.failed', { what, quote: r.error }));
    else log.fail(`Renamed locally; the old name "${what.renamedFrom}" is still on the DeepFlow server`, r.error, msg('plugins.sync.renamedOld', { from: what.renamedFrom, quote: r.error }));
  }
  else await env.store.markUploaded(serverKey(s), name, null);
}

async function check(env: ServiceEnv, name: string, source: string): Promise<SourceCheck> {
  return (env.check ?? checkPluginSource)(name, source);
}

export async function listPlugins(env: ServiceEnv): Promise<PluginList> {
  const { plugins, listVersion } = await env.store.list();
  let deepflow: DeepflowSyncState | null = null;
  if (env.deepflow) {
    const s = env.deepflow;
    const r = await listRemotePlugins(s);
    if (r.ok) {
      const marks = await env.store.uploadMarks(serverKey(s));
      deepflow = { url: s.url, orgId: s.orgId, ok: true, remote: r.plugins, drift: computeDrift(plugins, r.plugins, marks) };
    } else {
      deepflow = { url: s.url, orgId: s.orgId, ok: false, error: `${r.error}. The local store is intact.`, remote: [], drift: [] };
    }
  }
  return { store: env.store.kind, location: env.store.location, plugins, listVersion, deepflow };
}

type SaveInput = { name: string; source: string; baseVersion: string | null; previousName?: string };

export function savePlugin(env: ServiceEnv, input: SaveInput, action?: string): Promise<Result<{ plugin: PluginRecord } & Synced>> {
  const from = input.previousName ?? input.name;
  const renamed = from !== input.name && input.baseVersion !== null;
  const saved: PluginWrite = { name: input.name, intended: (b) => ({ enabled: b?.enabled ?? true, source: input.source }) };
  if (!renamed) return auditedPluginWrite(env.store, action ?? (input.baseVersion === null ? 'plugin.create' : 'plugin.save'), [saved], () => save(env, input), (r) => [r.plugin]);
  // a rename writes the new name and removes the old one: two objects in the cluster store
  const writes: PluginWrite[] = [{ name: input.name, intended: () => ({ enabled: true, source: input.source }) }, { name: from, intended: () => null }];
  return auditedPluginWrite(env.store, 'plugin.rename', writes, () => save(env, input), (r) => [r.plugin, null]);
}

async function save(env: ServiceEnv, input: SaveInput): Promise<Result<{ plugin: PluginRecord } & Synced>> {
  const bad = checkPluginName(input.name);
  if (bad) return { ok: false, error: bad.text, message: bad.message };
  const checked = await check(env, input.name, input.source);
  if (!checked.ok) return { ok: false, error: checked.error, ...(checked.message ? { message: checked.message } : {}) };
  const from = input.previousName ?? input.name;
  const saved = input.baseVersion === null
    ? await env.store.create({ name: input.name, source: input.source })
    : await env.store.update(from, input.baseVersion, { source: input.source, ...(from !== input.name ? { rename: input.name } : {}) });
  if (!saved.ok) return saved;
  const log = new SyncLog(env.deepflow);
  checked.warnings.forEach((w, i) => log.note(w, checked.notes?.[i] ?? msg('plugins.sync.verbatim', { quote: w })));
  if (saved.plugin.enabled) await upload(env, log, saved.plugin);
  if (from !== input.name && input.baseVersion !== null) await removeRemote(env, log, from, { renamedFrom: from });
  return { ok: true, plugin: saved.plugin, ...log.out() };
}

export function deletePlugin(env: ServiceEnv, input: { name: string; baseVersion: string }): Promise<Result<Synced>> {
  return auditedPluginWrite(env.store, 'plugin.delete', [{ name: input.name, intended: () => null }], () => remove(env, input), () => [null]);
}

async function remove(env: ServiceEnv, input: { name: string; baseVersion: string }): Promise<Result<Synced>> {
  const r = await env.store.remove(input.name, input.baseVersion);
  if (!r.ok) return r;
  const log = new SyncLog(env.deepflow);
  await removeRemote(env, log, input.name, 'deleted');
  return { ok: true, ...log.out() };
}

export function setPluginEnabled(env: ServiceEnv, input: { name: string; enabled: boolean; baseVersion: string }): Promise<Result<{ plugin: PluginRecord } & Synced>> {
  const write: PluginWrite = { name: input.name, intended: (b) => b && { ...b, enabled: input.enabled } };
  return auditedPluginWrite(env.store, input.enabled ? 'plugin.enable' : 'plugin.disable', [write], () => setEnabled(env, input), (r) => [r.plugin]);
}

async function setEnabled(env: ServiceEnv, input: { name: string; enabled: boolean; baseVersion: string }): Promise<Result<{ plugin: PluginRecord } & Synced>> {
  const r = await env.store.update(input.name, input.baseVersion, { enabled: input.enabled });
  if (!r.ok) return r;
  const log = new SyncLog(env.deepflow);
  if (env.deepflow) {
    if (input.enabled) {
      const url = env.deepflow.url;
      if (await upload(env, log, r.plugin, 'enabled')) log.note(`Enabled: uploaded to DeepFlow at ${url}, where it runs after the plugins already there (DeepFlow's order is creation order).`, msg('plugins.sync.enabled', { url }));
    } else {
      const before = log.warnings.length;
      const url = env.deepflow.url;
      await removeRemote(env, log, input.name, 'disabled');
      if (log.warnings.length === before) log.note(`Disabled: deleted from DeepFlow at ${url} (DeepFlow has no disabled state; enabling uploads it again).`, msg('plugins.sync.disabled', { url }));
    }
  }
  return { ok: true, plugin: r.plugin, ...log.out() };
}

export async function duplicatePlugin(env: ServiceEnv, input: { name: string; newName: string }): Promise<Result<{ plugin: PluginRecord } & Synced>> {
  const src = await env.store.list().then((l) => l.plugins.find((p) => p.name === input.name) ?? null, () => null);
  const write: PluginWrite = { name: input.newName, intended: () => src };
  return auditedPluginWrite(env.store, 'plugin.duplicate', [write], () => duplicate(env, input), (r) => [r.plugin]);
}

async function duplicate(env: ServiceEnv, input: { name: string; newName: string }): Promise<Result<{ plugin: PluginRecord } & Synced>> {
  const bad = checkPluginName(input.newName);
  if (bad) return { ok: false, error: bad.text, message: bad.message };
  const { plugins } = await env.store.list();
  const src = plugins.find((p) => p.name === input.name);
  if (!src) return { ok: false, error: `There is no plugin named "${input.name}" to duplicate.`, message: msg('plugins.store.missingToDuplicate', { name: input.name }) };
  const r = await env.store.create({ name: input.newName, source: src.source, enabled: src.enabled });
  if (!r.ok) return r;
  const log = new SyncLog(env.deepflow);
  if (r.plugin.enabled) await upload(env, log, r.plugin);
  return { ok: true, plugin: r.plugin, ...log.out() };
}

export async function reorderPlugins(env: ServiceEnv, input: { order: string[]; listVersion: string }): Promise<Result<{ list: PluginList } & Synced>> {
  // the stores keep the position on each plugin: one entry per plugin the reorder rewrote
  const before = await env.store.list().then((l) => l.plugins, () => [] as PluginRecord[]);
  const diff = unifiedDiff('plugin order', before.map((p) => p.name).join('\n'), input.order.join('\n'));
  const writes: PluginWrite[] = input.order.map((name) => ({ name, intended: (b) => b, diff }));
  const versionOf = new Map(before.map((p) => [p.name, p.version]));
  return auditedPluginWrite(env.store, 'plugin.reorder', writes, () => reorder(env, input), (r) =>
    input.order.map((n) => {
      const p = r.list.plugins.find((q) => q.name === n);
      return p && p.version !== versionOf.get(n) ? p : undefined;
    }),
  );
}

async function reorder(env: ServiceEnv, input: { order: string[]; listVersion: string }): Promise<Result<{ list: PluginList } & Synced>> {
  const r = await env.store.reorder(input.order, input.listVersion);
  if (!r.ok) return r;
  const log = new SyncLog(env.deepflow);
  if (env.deepflow) {
    const enabled = r.plugins.filter((p) => p.enabled);
    // Delete every one first, then create in the new order: creation order is execution order.
    for (const p of enabled) await removeRemote(env, log, p.name, 'reordered');
    let created = 0;
    if (!log.deepflowError) for (const p of enabled) if (await upload(env, log, p, 'reordered')) created++;
    const url = env.deepflow.url;
    if (!log.deepflowError) log.note(`${REORDER_NOTE} Re-created ${created} plugin${created === 1 ? '' : 's'} on ${url}.`, msg('plugins.sync.reordered', { count: created, url }));
    else log.note(`${REORDER_NOTE} That did not complete: the server's order may differ from the studio's until the next reorder.`, msg('plugins.sync.reorderIncomplete'));
  }
  return { ok: true, list: await listPlugins(env), ...log.out() };
}

export async function restorePluginVersion(env: ServiceEnv, input: { name: string; version: string; baseVersion: string }): Promise<Result<{ plugin: PluginRecord } & Synced>> {
  const history = await env.store.history(input.name);
  if (!history) return { ok: false, error: `There is no plugin named "${input.name}".`, message: msg('plugins.store.missing', { name: input.name }) };
  const entry = history.find((h) => h.version === input.version);
  if (!entry) return { ok: false, error: `Plugin "${input.name}" has no saved version ${input.version} (the store keeps the last ${history.length}).`, message: msg('plugins.store.noVersion', { name: input.name, version: input.version, kept: history.length }) };
  return savePlugin(env, { name: input.name, source: entry.source, baseVersion: input.baseVersion }, 'plugin.restoreVersion');
}
