import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { realFs, type StoreFs } from './atomic-write';
import { FileStore, sourceFileName } from './file-store';
import { HISTORY_LIMIT } from './records';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'kls-file-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const SRC = 'function GetWorkloadTypeAndName(m) return "Deployment", "x" end\n';

async function created(store: FileStore, name: string, source = SRC) {
  const r = await store.create({ name, source });
  if (!r.ok) throw new Error(r.error);
  return r.plugin;
}

describe('FileStore', () => {
  it('keeps plugins in creation order with one .lua file each and a manifest', async () => {
    const dir = tempDir();
    const store = new FileStore({ dir });
    await created(store, 'b-plugin');
    await created(store, 'a-plugin', 'x = 1');
    const { plugins, listVersion } = await store.list();
    expect(plugins.map((p) => p.name)).toEqual(['b-plugin', 'a-plugin']);
    expect(plugins[1]).toMatchObject({ source: 'x = 1', enabled: true });
    expect(listVersion).toBe('2');
    expect(readFileSync(path.join(dir, 'plugins', 'a-plugin.lua'), 'utf8')).toBe('x = 1');
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.plugins.map((p: { name: string }) => p.name)).toEqual(['b-plugin', 'a-plugin']);
    // a second store on the same directory (a restarted studio) sees the same state
    expect((await new FileStore({ dir }).list()).plugins).toEqual(plugins);
  });

  it('refuses a duplicate name and a stale base version, writing nothing', async () => {
    const dir = tempDir();
    const store = new FileStore({ dir });
    const p = await created(store, 'og');
    expect(await store.create({ name: 'og', source: 'y = 2' })).toMatchObject({ ok: false, error: expect.stringContaining('already exists') });
    // the refused create took no version number: nothing was written
    const first = await store.update('og', p.version, { source: 'y = 3' });
    expect(first.ok).toBe(true);
    const stale = await store.update('og', p.version, { source: 'y = 4' });
    expect(stale).toEqual({
      ok: false,
      conflict: true,
      error: expect.stringMatching(/^Plugin "og" was changed since you opened it \(version 1 → 2\)\. Your text is kept in the editor/),
      message: { key: 'plugins.store.changed', values: { name: 'og', base: '1', current: '2' } },
    });
    expect((await store.list()).plugins[0].source).toBe('y = 3');
    expect(await store.remove('og', p.version)).toMatchObject({ ok: false, conflict: true });
  });

  it('serialises concurrent saves: exactly one of two saves from the same version wins', async () => {
    const store = new FileStore({ dir: tempDir() });
    const p = await created(store, 'race');
    const results = await Promise.all([store.update('race', p.version, { source: 'a = 1' }), store.update('race', p.version, { source: 'b = 2' })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.conflict)).toHaveLength(1);
    const winner = results.find((r) => r.ok)!;
    expect((await store.list()).plugins[0].source).toBe(winner.ok ? winner.plugin.source : '');
  });

  it('keeps the last 20 versions, newest first, through a rename', async () => {
    const store = new FileStore({ dir: tempDir() });
    let p = await created(store, 'h', 'v = 0');
    for (let i = 1; i <= 25; i++) {
      const r = await store.update('h', p.version, { source: `v = ${i}` });
      if (!r.ok) throw new Error(r.error);
      p = r.plugin;
    }
    const renamed = await store.update('h', p.version, { rename: 'h2' });
    expect(renamed.ok).toBe(true);
    expect(await store.history('h')).toBeNull();
    const history = (await store.history('h2'))!;
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]).toMatchObject({ name: 'h2', source: 'v = 25' });
    expect(history[1]).toMatchObject({ name: 'h', source: 'v = 25' });
    expect(history.at(-1)!.source).toBe('v = 7');
  });

  it('reorders with the list version and refuses a stale or incomplete order', async () => {
    const store = new FileStore({ dir: tempDir() });
    await created(store, 'one');
    await created(store, 'two');
    const { listVersion } = await store.list();
    expect(await store.reorder(['two'], listVersion)).toMatchObject({ ok: false, error: expect.stringContaining('leaves out "one"') });
    const r = await store.reorder(['two', 'one'], listVersion);
    expect(r.ok && r.plugins.map((p) => p.name)).toEqual(['two', 'one']);
    expect(await store.reorder(['one', 'two'], listVersion)).toMatchObject({ ok: false, conflict: true });
  });

  it('a crash between temp file and rename leaves the previous state whole, and the stray temp file is ignored then removed', async () => {
    const dir = tempDir();
    const before = new FileStore({ dir });
    const p = await created(before, 'safe', 'old = 1');
    // "Crash": the rename of the manifest fails and no cleanup runs (the process died).
    const crashing: StoreFs = {
      ...realFs,
      rename: async (from, to) => {
        if (to.endsWith('manifest.json')) throw Object.assign(new Error('simulated crash'), { code: 'EIO' });
        return realFs.rename(from, to);
      },
      unlink: async (f) => {
        if (f.includes('.tmp-')) throw new Error('process is gone');
        return realFs.unlink(f);
      },
    };
    await expect(new FileStore({ dir, fs: crashing }).update('safe', p.version, { source: 'new = 2' })).rejects.toThrow('simulated crash');
    expect(readdirSync(dir).some((n) => n.startsWith('.manifest.json.tmp-'))).toBe(true);
    const after = new FileStore({ dir });
    expect((await after.list()).plugins).toEqual([p]);
    const ok = await after.update('safe', p.version, { source: 'new = 3' });
    expect(ok.ok).toBe(true);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('a failure after the manifest commit (writing the .lua copy) keeps the manifest authoritative and is repaired by the next write', async () => {
    const dir = tempDir();
    const store = new FileStore({ dir });
    const p = await created(store, 'mirror', 'one = 1');
    let failLua = true;
    const flaky: StoreFs = {
      ...realFs,
      rename: async (from, to) => {
        if (failLua && to.endsWith('.lua')) throw new Error('disk full');
        return realFs.rename(from, to);
      },
    };
    await expect(new FileStore({ dir, fs: flaky }).update('mirror', p.version, { source: 'two = 2' })).rejects.toThrow('disk full');
    const seen = (await store.list()).plugins[0];
    expect(seen.source).toBe('two = 2'); // committed: the manifest says so
    expect(readFileSync(path.join(dir, 'plugins', 'mirror.lua'), 'utf8')).toBe('one = 1');
    failLua = false;
    await created(store, 'other');
    expect(readFileSync(path.join(dir, 'plugins', 'mirror.lua'), 'utf8')).toBe('two = 2');
  });

  it('ignores a stray temp file left in the directory', async () => {
    const dir = tempDir();
    const store = new FileStore({ dir });
    await created(store, 'kept');
    writeFileSync(path.join(dir, '.manifest.json.tmp-999-deadbeef'), '{"half": ');
    expect((await new FileStore({ dir }).list()).plugins.map((p) => p.name)).toEqual(['kept']);
  });

  it('refuses to overwrite a manifest it cannot read', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'manifest.json'), '{ not json');
    const store = new FileStore({ dir });
    await expect(store.list()).rejects.toThrow('will not overwrite it');
    await expect(store.create({ name: 'x', source: '' })).rejects.toThrow('will not overwrite it');
    expect(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toBe('{ not json');
  });

  it('keeps settings with their own version', async () => {
    const store = new FileStore({ dir: tempDir() });
    expect(await store.getSettings()).toEqual({ agentConfigYaml: '', version: 'v7.1.6', settingsVersion: '0' });
    const r = await store.saveSettings({ agentConfigYaml: '- name: clonesets\n', version: 'v7.0' }, '0');
    expect(r).toEqual({ ok: true, settings: { agentConfigYaml: '- name: clonesets\n', version: 'v7.0', settingsVersion: '1' } });
    expect(await store.saveSettings({ agentConfigYaml: '', version: 'main' }, '0')).toMatchObject({ ok: false, conflict: true });
    expect((await store.getSettings()).version).toBe('v7.0');
  });

  it('shortens file names that a file system cannot hold', () => {
    const long = 'a'.repeat(256);
    expect(sourceFileName(long).length).toBeLessThanOrEqual(255);
    expect(sourceFileName(long)).not.toBe(sourceFileName('a'.repeat(255)));
    expect(sourceFileName('ok.name')).toBe('ok.name.lua');
  });
});
