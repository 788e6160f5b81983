import { describe, expect, it } from 'vitest';
import { compareImpact, editedChain, lacksGlobalHook, matchCounts, parsePodsParam, savedChain, type ImpactTag } from './impact';

const HOOK = 'function GetWorkloadTypeAndName(m) return "", "" end';

function tag(ns: string, name: string, over: Partial<ImpactTag> = {}): ImpactTag {
  return {
    namespace: ns,
    name,
    plugin: { type: '', name: '', error: null },
    workload: null,
    matchedPlugin: null,
    rejectedType: null,
    overridesOwner: false,
    label: null,
    platform: null,
    ...over,
  } as ImpactTag;
}

const mapped = (ns: string, name: string, type: string, workload: string, index: number, plugin = 'p'): ImpactTag =>
  tag(ns, name, {
    plugin: { type, name: workload, error: null },
    workload: { type, name: workload, source: 'plugin' },
    matchedPlugin: { index, name: plugin },
    label: `${type.toLowerCase()}:${ns}:${workload}`,
  });

describe('savedChain / editedChain', () => {
  const list = [
    { name: 'a', source: 'A', enabled: true },
    { name: 'b', source: 'B', enabled: false },
    { name: 'c', source: 'C', enabled: true },
  ];

  it('the saved chain is the enabled plugins in execution order', () => {
    expect(savedChain(list)).toEqual([{ name: 'a', source: 'A' }, { name: 'c', source: 'C' }]);
  });

  it('replaces the edited plugin at its position, renamed', () => {
    expect(editedChain(list, { name: 'c2', source: 'X', previousName: 'c' })).toEqual({
      chain: [{ name: 'a', source: 'A' }, { name: 'c2', source: 'X' }],
      index: 1,
      disabled: false,
    });
  });

  it('a disabled plugin is previewed at its position as if enabled, and says so', () => {
    expect(editedChain(list, { name: 'b', source: 'X', previousName: 'b' })).toEqual({
      chain: [{ name: 'a', source: 'A' }, { name: 'b', source: 'X' }, { name: 'c', source: 'C' }],
      index: 1,
      disabled: true,
    });
  });

  it('a new plugin runs last (creation order)', () => {
    const e = editedChain(list, { name: 'new', source: 'N', previousName: null });
    expect(e.index).toBe(2);
    expect(e.chain.map((p) => p.name)).toEqual(['a', 'c', 'new']);
  });

  it('a stored name that vanished (deleted elsewhere) is appended', () => {
    expect(editedChain(list, { name: 'gone', source: 'G', previousName: 'gone' }).index).toBe(2);
  });
});

describe('parsePodsParam', () => {
  it('splits namespace/name keys, drops junk and repeats', () => {
    expect(parsePodsParam('db/ogtest-0, db/ogtest-1,,nonsense,db/ogtest-0,a/b/c')).toEqual(['db/ogtest-0', 'db/ogtest-1']);
    expect(parsePodsParam(null)).toEqual([]);
  });
});

describe('matchCounts', () => {
  it('counts pods per plugin whose result was used', () => {
    const m = matchCounts([mapped('db', 'x', 'StatefulSet', 'og', 0, 'og'), mapped('db', 'y', 'StatefulSet', 'og', 0, 'og'), tag('db', 'z')]);
    expect(Object.fromEntries(m)).toEqual({ og: 2 });
  });
});

describe('compareImpact', () => {
  it('classifies added, changed and lost pods, and leaves unchanged ones out of the rows', () => {
    const before = [tag('db', 'a'), mapped('db', 'b', 'Deployment', 'old', 0), mapped('db', 'c', 'Deployment', 'c', 0), tag('db', 'd')];
    const after = [mapped('db', 'a', 'StatefulSet', 'og', 0), mapped('db', 'b', 'Deployment', 'new', 0), tag('db', 'c'), tag('db', 'd')];
    const impact = compareImpact(before, after, { index: 0, source: HOOK });
    expect(impact.counts).toEqual({ added: 1, changed: 1, lost: 1, errors: 0, mappedByThis: 2 });
    expect(impact.rows.map((r) => [r.key, r.change, r.before, r.after])).toEqual([
      ['db/a', 'added', null, 'StatefulSet/og'],
      ['db/b', 'changed', 'Deployment/old', 'Deployment/new'],
      ['db/c', 'lost', 'Deployment/c', null],
    ]);
    expect(impact.rows[0].afterLabel).toBe('statefulset:db:og');
    expect(impact.warnings).toEqual([]);
  });

  it('puts the pods named in ?pods= first, in that order, even when unchanged', () => {
    const before = [tag('db', 'a'), tag('db', 'b'), tag('shop', 'c')];
    const after = [mapped('db', 'a', 'StatefulSet', 'og', 0), tag('db', 'b'), tag('shop', 'c')];
    const impact = compareImpact(before, after, { index: 0, source: HOOK, first: ['shop/c', 'db/b'] });
    expect(impact.rows.map((r) => [r.key, r.highlighted])).toEqual([['shop/c', true], ['db/b', true], ['db/a', false]]);
  });

  it('reports errors per pod with the plugin and line', () => {
    const err = tag('db', 'a', {
      plugin: {
        type: '', name: '',
        error: 'lua script execution error: (<string>:3: attempt to index a nil value)',
        production: 'lua script execution error: (<string>:3: attempt to index a nil value)',
        failedPlugin: { index: 1, name: 'mine' },
      },
    });
    const impact = compareImpact([tag('db', 'a')], [err], { index: 1, source: HOOK });
    expect(impact.counts.errors).toBe(1);
    expect(impact.rows[0].error).toEqual({ message: 'lua script execution error: (<string>:3: attempt to index a nil value)', plugin: 'mine', line: 3 });
  });

  it('warns about non-string returns, rejected types, overridden owners, runaway plugins', () => {
    const nonString = tag('db', 'a', { plugin: { type: '', name: '', error: 'lua script get pod group type failed', failedPlugin: { index: 0, name: 'p' } } });
    const rejected = tag('db', 'b', { plugin: { type: 'Job', name: 'j', error: null }, rejectedType: 'Job' });
    const owner = { ...mapped('db', 'c', 'Deployment', 'x', 0), overridesOwner: true };
    const ownerBefore = tag('db', 'c', { workload: { type: 'Deployment', name: 'web', source: 'owner' } });
    const runaway = tag('db', 'd', {
      plugin: { type: '', name: '', error: 'lua script execution error: (budget)', production: 'DeepFlow has no time limit: the gather loop would hang on this plugin', failedPlugin: { index: 0, name: 'p' } },
    });
    const impact = compareImpact([tag('db', 'a'), tag('db', 'b'), ownerBefore, tag('db', 'd')], [nonString, rejected, owner, runaway], { index: 0, source: HOOK });
    expect(impact.warnings.map((w) => [w.code, w.pods])).toEqual([['non-string', 1], ['rejected-type', 1], ['overrides-owner', 1], ['budget', 1]]);
    expect(impact.warnings.find((w) => w.code === 'rejected-type')!.text).toContain('Job');
    expect(impact.warnings.find((w) => w.code === 'rejected-type')!.message).toMatchObject({ key: 'plugins.impact.warning.rejected-type', values: { types: expect.stringContaining('Job') } });
    expect(impact.warnings.map((w) => w.message.key)).toEqual(impact.warnings.map((w) => `plugins.impact.warning.${w.code}`));
    expect(impact.rows.find((r) => r.key === 'db/c')).toMatchObject({ change: 'changed', flags: ['overrides-owner'] });
  });

  it('warns when there is no global GetWorkloadTypeAndName, from the source or from the run', () => {
    expect(lacksGlobalHook('local function GetWorkloadTypeAndName(m) return "", "" end')).toBe(true);
    expect(lacksGlobalHook(HOOK)).toBe(false);
    const local = compareImpact([], [], { index: 0, source: 'local function GetWorkloadTypeAndName(m) return "", "" end' });
    expect(local.warnings.map((w) => w.code)).toEqual(['no-hook']);
    const failing = tag('db', 'a', {
      plugin: { type: '', name: '', error: 'x', production: 'lua script execution error: ( attempt to call a non-function object\nstack traceback:\n\t[G]: ?)', failedPlugin: { index: 0, name: 'p' } },
    });
    const run = compareImpact([tag('db', 'a')], [failing], { index: 0, source: HOOK });
    expect(run.warnings).toEqual([expect.objectContaining({ code: 'no-hook', pods: 1 })]);
  });

  it('an error raised by another plugin is listed but not flagged as this one’s', () => {
    const other = tag('db', 'a', { plugin: { type: '', name: '', error: 'lua script get pod group name failed', failedPlugin: { index: 0, name: 'first' } } });
    const impact = compareImpact([other], [other], { index: 1, source: HOOK });
    expect(impact.rows).toHaveLength(1);
    expect(impact.rows[0].flags).toEqual([]);
    expect(impact.rows[0].error?.plugin).toBe('first');
    expect(impact.warnings).toEqual([]);
  });
});

describe('the seed through the real chain (tagPods)', () => {
  it('the OpenGaussCluster template added last maps exactly the OpenGauss pods, as StatefulSet ogtest', async () => {
    const { seedObjects } = await import('@/lib/playground/seed-fixture');
    const { tagPods } = await import('@/lib/deepflow/tag');
    const { pluginTemplateFor } = await import('@/lib/deepflow/plugin-templates');
    const all = await seedObjects();
    const pods = all.filter((o) => o.kind === 'Pod');
    const objects = all.filter((o) => o.kind !== 'Pod');
    const neutral = { name: 'neutral', source: HOOK, enabled: true };
    const t = pluginTemplateFor('OpenGaussCluster');
    const edit = editedChain([neutral], { name: t.name, source: t.source, previousName: null });
    const before = tagPods({ pods, objects, plugins: savedChain([neutral]) }).pods;
    const after = tagPods({ pods, objects, plugins: edit.chain }).pods;
    const first = ['db/ogtest-2', 'db/ogtest-0', 'db/ogtest-1'];
    const impact = compareImpact(before, after, { index: edit.index, source: t.source, first });
    expect(impact.rows.map((r) => [r.key, r.change, r.after, r.afterLabel, r.byThisPlugin])).toEqual(
      first.map((k) => [k, 'added', 'StatefulSet/ogtest', 'statefulset:db:ogtest', true]),
    );
    expect(impact.counts).toMatchObject({ added: 3, changed: 0, lost: 0, errors: 0, mappedByThis: 3 });
    expect(impact.warnings).toEqual([]);
  });

  it('the first plugin of an empty chain also turns on the virtual-kubelet rule (v7.1.6): said, not blamed on the plugin', async () => {
    const { seedObjects } = await import('@/lib/playground/seed-fixture');
    const { tagPods } = await import('@/lib/deepflow/tag');
    const { pluginTemplateFor } = await import('@/lib/deepflow/plugin-templates');
    const all = await seedObjects();
    const pods = all.filter((o) => o.kind === 'Pod');
    const objects = all.filter((o) => o.kind !== 'Pod');
    const t = pluginTemplateFor('OpenGaussCluster');
    const edit = editedChain([], { name: t.name, source: t.source, previousName: null });
    const before = tagPods({ pods, objects, plugins: [] }).pods;
    const after = tagPods({ pods, objects, plugins: edit.chain }).pods;
    const impact = compareImpact(before, after, { index: edit.index, source: t.source });
    expect(impact.rows.filter((r) => r.byThisPlugin).map((r) => r.key)).toEqual(['db/ogtest-0', 'db/ogtest-1', 'db/ogtest-2']);
    const others = impact.rows.filter((r) => !r.byThisPlugin);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.byBuiltinRule && r.flags.includes('builtin-rule') && !r.flags.includes('rejected-type'))).toBe(true);
    expect(impact.warnings.map((w) => w.code)).toEqual(['builtin-rule']);
    expect(Object.fromEntries(matchCounts(after))).toEqual({ [t.name]: 3 });
  });
});
