import 'server-only';
// The default store: a directory (STUDIO_DATA_DIR, default ./.studio-data) with
//   manifest.json        order, enabled, timestamps, the version counter and the last 20 versions of
//                        every plugin (sources included): the single commit point of every change
//   plugins/<name>.lua   the current source of each plugin, written from the manifest after each
//                        commit (for people, diffs and backups; the manifest wins on disagreement)
//   settings.json        DeepflowSettings
//   deepflow-sync.json   when each plugin was last uploaded to a DeepFlow server (drift)
// Every file is replaced atomically (atomic-write.ts); all writes run under one lock (lock.ts).
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { AuditTarget } from '@/lib/audit/entry';
import { LOCAL_API_VERSION } from '@/lib/audit/local';
import { DEFAULT_DEEPFLOW_VERSION, DEEPFLOW_VERSIONS, type DeepflowVersion } from '@/lib/deepflow/versions';
import { realFs, removeStrayTempFiles, writeFileAtomic, type StoreFs } from './atomic-write';
import { withStoreLock } from './lock';
import { alreadyExists, checkOrder, conflict, deletedSinceOpened, listConflict, notFound, pushHistory, settingsConflict } from './records';
import type { PluginChange, PluginStore, StoredList } from './store';
import type { DeepflowSettings, PluginHistoryEntry, PluginRecord, Result } from './types';

interface ManifestPlugin {
  name: string;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** Newest first; [0] is the current state (its source is the plugin's source). */
  history: PluginHistoryEntry[];
}

interface Manifest {
  format: 1;
  /** Bumped by every change; plugin versions are drawn from it, so a version is never reused. */
  seq: number;
  plugins: ManifestPlugin[];
}

interface SettingsFile {
  agentConfigYaml: string;
  version: DeepflowVersion;
  seq: number;
}

const EMPTY: Manifest = { format: 1, seq: 0, plugins: [] };

export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(process.cwd(), env.STUDIO_DATA_DIR?.trim() || '.studio-data');
}

/** File name of a plugin's source; names are file-safe by the name rule, long ones are shortened. */
export function sourceFileName(name: string): string {
  if (name.length + 4 <= 255) return `${name}.lua`;
  return `${name.slice(0, 200)}~${createHash('sha256').update(name).digest('hex').slice(0, 16)}.lua`;
}

function toRecord(p: ManifestPlugin): PluginRecord {
  return { name: p.name, source: p.history[0]?.source ?? '', enabled: p.enabled, createdAt: p.createdAt, updatedAt: p.updatedAt, version: String(p.version) };
}

export interface FileStoreOptions {
  dir?: string;
  fs?: StoreFs;
  now?: () => Date;
}

export class FileStore implements PluginStore {
  readonly kind = 'file' as const;
  readonly location: string;
  private readonly fs: StoreFs;
  private readonly now: () => Date;

  constructor(opts: FileStoreOptions = {}) {
    this.location = opts.dir ?? defaultDataDir();
    this.fs = opts.fs ?? realFs;
    this.now = opts.now ?? (() => new Date());
  }

  auditTarget(name: string): { context: string; target: AuditTarget } {
    return { context: '', target: { apiVersion: LOCAL_API_VERSION, kind: 'Plugin', name } };
  }

  settingsAuditTarget(): { context: string; target: AuditTarget } {
    return { context: '', target: { apiVersion: LOCAL_API_VERSION, kind: 'DeepflowSettings', name: 'settings' } };
  }

  private file(name: string): string {
    return path.join(this.location, name);
  }

  private async readJson<T>(name: string, fallback: T): Promise<T> {
    let text: string;
    try {
      text = await this.fs.readFile(this.file(name), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return structuredClone(fallback);
      throw e;
    }
    try {
      return JSON.parse(text) as T;
    } catch (e) {
      // Never overwrite a file we cannot read: the user may want to repair it by hand.
      throw new Error(`${this.file(name)} is not valid JSON (${(e as Error).message}); the studio will not overwrite it. Repair or move it away.`);
    }
  }

  private async readManifest(): Promise<Manifest> {
    const m = await this.readJson<Manifest>('manifest.json', EMPTY);
    if (m.format !== 1 || !Array.isArray(m.plugins) || typeof m.seq !== 'number') {
      throw new Error(`${this.file('manifest.json')} is not a Kube Lua Studio manifest (format 1); the studio will not overwrite it.`);
    }
    return m;
  }

  /** Commit point: the manifest. Then the per-plugin .lua files are brought in line with it. */
  private async writeManifest(m: Manifest): Promise<void> {
    await writeFileAtomic(this.fs, this.file('manifest.json'), JSON.stringify(m, null, 2) + '\n');
    await this.syncSourceFiles(m);
  }

  private async syncSourceFiles(m: Manifest): Promise<void> {
    const dir = this.file('plugins');
    await this.fs.mkdir(dir, { recursive: true });
    await removeStrayTempFiles(this.fs, dir);
    const wanted = new Map(m.plugins.map((p) => [sourceFileName(p.name), p.history[0]?.source ?? '']));
    for (const [base, source] of wanted) {
      const current = await this.fs.readFile(path.join(dir, base), 'utf8').catch(() => null);
      if (current !== source) await writeFileAtomic(this.fs, path.join(dir, base), source);
    }
    for (const base of await this.fs.readdir(dir)) {
      if (base.endsWith('.lua') && !wanted.has(base)) await this.fs.unlink(path.join(dir, base)).catch(() => undefined);
    }
  }

  /** Read-modify-write under the lock; `change` returns the result and whether to commit. */
  private mutate<T extends object>(change: (m: Manifest) => Result<T> | ({ ok: true; commit: false } & T)): Promise<Result<T>> {
    return this.locked(async () => {
      await removeStrayTempFiles(this.fs, this.location);
      const m = await this.readManifest();
      const r = change(m);
      if (!r.ok) return r;
      if ('commit' in r && r.commit === false) {
        const { commit: _skip, ...rest } = r;
        return rest as Result<T>;
      }
      await this.writeManifest(m);
      return r;
    });
  }

  /** The lock lives in the directory, so the directory is made first (mkdir is idempotent). */
  private async locked<T>(fn: () => Promise<T>): Promise<T> {
    await this.fs.mkdir(this.location, { recursive: true });
    return withStoreLock(this.fs, this.location, fn);
  }

  async list(): Promise<StoredList> {
    const m = await this.readManifest();
    return { plugins: m.plugins.map(toRecord), listVersion: String(m.seq) };
  }

  async history(name: string): Promise<PluginHistoryEntry[] | null> {
    const m = await this.readManifest();
    return m.plugins.find((p) => p.name === name)?.history ?? null;
  }

  create(input: { name: string; source: string; enabled?: boolean }): Promise<Result<{ plugin: PluginRecord }>> {
    return this.mutate<{ plugin: PluginRecord }>((m) => {
      if (m.plugins.some((p) => p.name === input.name)) return alreadyExists(input.name);
      const at = this.now().toISOString();
      m.seq += 1;
      const enabled = input.enabled ?? true;
      const p: ManifestPlugin = { name: input.name, enabled, createdAt: at, updatedAt: at, version: m.seq, history: [{ version: String(m.seq), savedAt: at, name: input.name, source: input.source, enabled }] };
      m.plugins.push(p);
      return { ok: true, plugin: toRecord(p) };
    });
  }

  update(name: string, baseVersion: string, change: PluginChange): Promise<Result<{ plugin: PluginRecord }>> {
    return this.mutate<{ plugin: PluginRecord }>((m) => {
      const p = m.plugins.find((x) => x.name === name);
      if (!p) return deletedSinceOpened(name);
      if (String(p.version) !== baseVersion) return conflict(name, baseVersion, String(p.version));
      const newName = change.rename ?? name;
      if (newName !== name && m.plugins.some((x) => x.name === newName)) return alreadyExists(newName);
      const cur = toRecord(p);
      const source = change.source ?? cur.source;
      const enabled = change.enabled ?? cur.enabled;
      if (source === cur.source && enabled === cur.enabled && newName === name) return { ok: true, plugin: cur, commit: false };
      const at = this.now().toISOString();
      m.seq += 1;
      p.name = newName;
      p.enabled = enabled;
      p.updatedAt = at;
      p.version = m.seq;
      p.history = pushHistory(p.history, { version: String(m.seq), savedAt: at, name: newName, source, enabled });
      return { ok: true, plugin: toRecord(p) };
    });
  }

  remove(name: string, baseVersion: string): Promise<Result> {
    return this.mutate<object>((m) => {
      const i = m.plugins.findIndex((x) => x.name === name);
      if (i < 0) return notFound(name);
      if (String(m.plugins[i].version) !== baseVersion) return conflict(name, baseVersion, String(m.plugins[i].version));
      m.plugins.splice(i, 1);
      m.seq += 1;
      return { ok: true };
    });
  }

  reorder(order: string[], listVersion: string): Promise<Result<StoredList>> {
    return this.mutate<StoredList>((m) => {
      if (String(m.seq) !== listVersion) return listConflict(listVersion, String(m.seq));
      const bad = checkOrder(order, m.plugins.map((p) => p.name));
      if (bad) return { ok: false, error: bad };
      const byName = new Map(m.plugins.map((p) => [p.name, p]));
      m.plugins = order.map((n) => byName.get(n)!);
      m.seq += 1;
      return { ok: true, plugins: m.plugins.map(toRecord), listVersion: String(m.seq) };
    });
  }

  async getSettings(): Promise<DeepflowSettings> {
    const s = await this.readJson<SettingsFile | null>('settings.json', null);
    if (!s) return { agentConfigYaml: '', version: DEFAULT_DEEPFLOW_VERSION, settingsVersion: '0' };
    const version = (DEEPFLOW_VERSIONS as readonly string[]).includes(s.version) ? s.version : DEFAULT_DEEPFLOW_VERSION;
    return { agentConfigYaml: typeof s.agentConfigYaml === 'string' ? s.agentConfigYaml : '', version, settingsVersion: String(s.seq ?? 0) };
  }

  saveSettings(input: { agentConfigYaml: string; version: DeepflowVersion }, baseVersion: string): Promise<Result<{ settings: DeepflowSettings }>> {
    return this.locked(async () => {
      const cur = await this.getSettings();
      if (cur.settingsVersion !== baseVersion) return settingsConflict(baseVersion, cur.settingsVersion);
      const seq = Number(cur.settingsVersion) + 1;
      const file: SettingsFile = { agentConfigYaml: input.agentConfigYaml, version: input.version, seq };
      await writeFileAtomic(this.fs, this.file('settings.json'), JSON.stringify(file, null, 2) + '\n');
      return { ok: true as const, settings: { agentConfigYaml: input.agentConfigYaml, version: input.version, settingsVersion: String(seq) } };
    });
  }

  async uploadMarks(serverKey: string): Promise<Record<string, string>> {
    const all = await this.readJson<Record<string, Record<string, string>>>('deepflow-sync.json', {});
    return all[serverKey] ?? {};
  }

  markUploaded(serverKey: string, name: string, at: string | null): Promise<void> {
    return this.locked(async () => {
      const all = await this.readJson<Record<string, Record<string, string>>>('deepflow-sync.json', {});
      const marks = { ...(all[serverKey] ?? {}) };
      if (at === null) delete marks[name];
      else marks[name] = at;
      all[serverKey] = marks;
      await writeFileAtomic(this.fs, this.file('deepflow-sync.json'), JSON.stringify(all, null, 2) + '\n');
    });
  }
}
