import { describe, expect, it } from 'vitest';
import { createLuaState } from '../index';
import { catalogueFor, globalNames } from './index';
import { chainAt, completionsAt, hoverAt, resolveChain } from './resolve';

/** The real globals of an engine profile, with the keys of each library table. */
function engineGlobals(profile: 'kruise' | 'deepflow'): Map<string, string[]> {
  const out: string[] = [];
  const s = createLuaState({ profile, onPrint: (l: string) => out.push(l) });
  const src = 'local t={} for k,v in pairs(_G) do local m={} if type(v)=="table" and k~="_G" then for kk in pairs(v) do m[#m+1]=kk end end t[#t+1]=k.."="..table.concat(m,",") end print(table.concat(t, ";"))';
  expect(s.load(src).ok).toBe(true);
  expect(s.call(0, 0).ok).toBe(true);
  s.close();
  return new Map(out.join('').split(';').map((e) => { const [k, v] = e.split('='); return [k, v ? v.split(',') : []]; }));
}

// Where the studio's engine does not (yet) match gopher-lua's library, as measured here: the
// catalogue documents production, so these are the engine's gaps, listed so that a change shows.
const ENGINE_LACKS: string[] = [];
// gopher-lua has package.loadlib too (it raises); the catalogue leaves it out as useless to scripts.
const ENGINE_EXTRA = ['package.loadlib'];

describe('catalogue', () => {
  it('every documented Kruise global is a global of the kruise profile (obj and json come from the host)', () => {
    const real = engineGlobals('kruise');
    const documented = catalogueFor('kruise').globals.filter((g) => g.name !== 'obj' && g.name !== 'json');
    expect(documented.map((g) => g.name).filter((n) => !real.has(n))).toEqual([]);
    expect([...real.keys()].filter((n) => !globalNames('kruise').has(n))).toEqual([]);
    const lacks = documented.flatMap((g) => (g.members ?? []).filter((m) => !real.get(g.name)?.includes(m.name)).map((m) => `${g.name}.${m.name}`));
    expect(lacks).toEqual(ENGINE_LACKS);
  });

  it('every library table of the deepflow profile is documented, member by member', () => {
    const real = engineGlobals('deepflow');
    const cat = catalogueFor('deepflow').globals;
    expect([...real.keys()].filter((n) => !globalNames('deepflow').has(n))).toEqual([]);
    const undocumented = [...real].flatMap(([name, keys]) => keys.filter((k) => !cat.find((g) => g.name === name)?.members?.some((m) => m.name === k)).map((k) => `${name}.${k}`));
    expect(undocumented.sort()).toEqual(ENGINE_EXTRA.sort());
  });

  it('has no Lua 5.2+ names and documents every obj field of kruise-routing.md §2.1', () => {
    for (const d of ['kruise', 'deepflow', 'cluster'] as const) {
      const names = catalogueFor(d).globals.flatMap((g) => [g.name, ...(g.members ?? []).map((m) => `${g.name}.${m.name}`)]);
      expect(names.filter((n) => ['utf8', 'bit32', 'table.unpack', 'table.pack', 'math.type'].includes(n))).toEqual([]);
    }
    const obj = catalogueFor('kruise').globals.find((g) => g.name === 'obj')!;
    expect(obj.members!.map((m) => m.name)).toEqual(['data', 'canaryWeight', 'stableWeight', 'matches', 'canaryService', 'stableService', 'requestHeaderModifier']);
    expect(obj.members!.find((m) => m.name === 'canaryWeight')!.doc).toContain('-1');
  });
});

describe('completions and hover', () => {
  const CLUSTER = 'local config = require "kube.config"\nlocal api = require "kube.api"\nlocal client = api.Client:new(config.from_kube_config())\nlocal pods = client:corev1():pods("default")\n';

  it('finds the chain before the cursor', () => {
    expect(chainAt('local w = obj.')).toEqual({ path: ['obj'], prefix: '', separator: '.' });
    expect(chainAt('x = client:corev1():pods("a b"):li')).toEqual({ path: ['client', 'corev1', 'pods'], prefix: 'li', separator: ':' });
    expect(chainAt('local s = "obj.')).toBeNull();
    expect(chainAt('-- obj.')).toBeNull();
    expect(chainAt('local s = a .. b.')).toEqual({ path: ['b'], prefix: '', separator: '.' });
  });

  it('lists obj fields for Kruise, nothing for DeepFlow', () => {
    const names = (d: 'kruise' | 'deepflow') => completionsAt(d, chainAt('obj.')!, '').map((i) => i.name);
    expect(names('kruise')).toContain('canaryWeight');
    expect(names('deepflow')).toEqual([]);
  });

  it('follows require and local bindings through the kube client chain', () => {
    const methods = (line: string) => completionsAt('cluster', chainAt(line)!, CLUSTER).map((i) => i.name);
    expect(methods('client:')).toEqual(expect.arrayContaining(['corev1', 'appsv1', 'batchv1']));
    expect(methods('client:corev1():')).toEqual(expect.arrayContaining(['pods', 'nodes', 'services', 'configmaps']));
    expect(methods('pods:')).toEqual(expect.arrayContaining(['list', 'get', 'status', 'logs', 'delete']));
    expect(methods('config.')).toEqual(['from_kube_config', 'in_cluster_config', 'from_token']);
    expect(resolveChain('cluster', ['pods', 'delete'], CLUSTER)?.doc).toContain('read-only in the studio');
  });

  it('resolves dkjson through its require and documents the hook', () => {
    const src = 'package.path = package.path .. ";/bin/?.lua"\nlocal dkjson = require("dkjson")\n';
    expect(completionsAt('deepflow', chainAt('dkjson.')!, src).map((i) => i.name)).toEqual(expect.arrayContaining(['decode', 'encode', 'null']));
    const hook = hoverAt('deepflow', 'function GetWorkloadTypeAndName(metaJsonStr)', 15, '');
    expect(hook?.doc).toContain('StatefulSet');
    expect(hoverAt('kruise', 'local x = json.encode(t)', 17, '')?.signature).toContain('json.encode');
    expect(hoverAt('kruise', 'local n = table.unpack(t)', 18, '')).toBeUndefined();
  });
});
