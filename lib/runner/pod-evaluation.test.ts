import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '@/messages';
import type { Msg } from '@/lib/i18n/message';
import type { PodTag } from '@/lib/deepflow/tag';
import type { RunnerRequestBody, RunnerResult } from './protocol';
import {
  BATCH, FIRST_BATCH, PodEvaluator, batchSize, chainProblems, contextKey, pendingPods, runawayIn, trimOwner, trimPod,
  type EvaluationInput,
} from './pod-evaluation';

const pod = (name: string, rv = '1', extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'ns', uid: `u-${name}`, resourceVersion: rv, labels: { app: name }, managedFields: [{}], ...extra },
  spec: { containers: [{ name: 'c', image: 'x' }] },
  status: { phase: 'Running' },
});

function fakeTag(p: { metadata: { name: string; namespace: string; uid: string } }, over: Partial<PodTag> = {}): PodTag {
  return {
    namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid,
    plugin: { type: '', name: '', error: null }, accepted: false, standard: { unsynchronized: 'no-owner' }, workload: null, prints: [],
    reason: null, platform: null, overridesOwner: false, label: null, unmatched: false, matchedPlugin: null, rejectedType: null, groupKey: null,
    ...over,
  } as PodTag;
}

class FakeRunner {
  requests: RunnerRequestBody[] = [];
  aborted = 0;
  private waiting: ((r: RunnerResult) => void)[] = [];
  constructor(private readonly answer: (pods: { metadata: { name: string; namespace: string; uid: string } }[]) => PodTag[] = (ps) => ps.map((p) => fakeTag(p))) {}
  run(request: RunnerRequestBody): Promise<RunnerResult> {
    this.requests.push(request);
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  abort() {
    this.aborted++;
    for (const w of this.waiting.splice(0)) w({ ok: false, error: { kind: 'superseded', message: 'x' } });
  }
  /** Answers the oldest waiting request. */
  async step() {
    const req = this.requests[this.requests.length - this.waiting.length];
    const resolve = this.waiting.shift();
    if (!resolve || req.type !== 'tag') throw new Error('nothing waiting');
    const tags = this.answer(req.input.pods as never);
    resolve({ id: 1, ok: true, type: 'tag', output: { pods: tags, warnings: [], warningMsgs: [], stats: { instructions: 0 } }, stats: { ms: 1, instructions: 0 } });
    await Promise.resolve();
    await Promise.resolve();
  }
  get pending() {
    return this.waiting.length;
  }
}

const base = (pods: unknown[], over: Partial<EvaluationInput> = {}): EvaluationInput => ({
  pods, owners: [], plugins: [{ name: 'p', source: 'x' }], apiResources: [], version: 'v7.1.6', ...over,
});

describe('trimming', () => {
  it('sends a pod\'s metadata only, without managedFields or resourceVersion', () => {
    const t = trimPod(pod('a'));
    expect(t).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a', namespace: 'ns', uid: 'u-a', labels: { app: 'a' } } });
  });
  it('keeps the owner fields the standard logic reads (replicas, owner references)', () => {
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r', namespace: 'ns', uid: 'r1', resourceVersion: '9', ownerReferences: [{ uid: 'd' }] }, spec: { replicas: 0, template: {} }, status: { replicas: 3 } };
    expect(trimOwner(rs)).toEqual({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r', namespace: 'ns', uid: 'r1', ownerReferences: [{ uid: 'd' }] }, spec: { replicas: 0 } });
  });
});

describe('what to re-run', () => {
  it('an owner\'s status churn keeps the context; its replicas, plugins, settings or version change it', () => {
    const rs = (replicas: number, status: number) => ({ kind: 'ReplicaSet', metadata: { name: 'r', namespace: 'ns', uid: 'r1', resourceVersion: String(status) }, spec: { replicas }, status: { replicas: status } });
    const ctx = (o: Partial<EvaluationInput>) => contextKey({ ...base([]), ...o });
    expect(ctx({ owners: [rs(1, 1)] })).toBe(ctx({ owners: [rs(1, 2)] }));
    expect(ctx({ owners: [rs(1, 1)] })).not.toBe(ctx({ owners: [rs(0, 1)] }));
    expect(ctx({})).not.toBe(ctx({ plugins: [{ name: 'p', source: 'y' }] }));
    expect(ctx({})).not.toBe(ctx({ version: 'v7.1.4' }));
    expect(ctx({})).not.toBe(ctx({ apiResources: [{ name: 'clonesets' }] as never }));
  });
  it('pending pods are those without a result for their current resourceVersion', () => {
    const cache = new Map([['u-a', { rv: '1', tag: fakeTag(pod('a')) }], ['u-b', { rv: '1', tag: fakeTag(pod('b')) }]]);
    const pending = pendingPods([pod('a'), pod('b', '2'), pod('c')], cache);
    expect(pending.map((p) => (p as ReturnType<typeof pod>).metadata.name)).toEqual(['b', 'c']);
  });
});

describe('PodEvaluator', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => pod(`p${i}`));
  const sizes = (r: FakeRunner) => r.requests.map((q) => (q.type === 'tag' ? q.input.pods.length : 0));

  it('evaluates in batches (a small first one) and streams the counts', async () => {
    const runner = new FakeRunner();
    const ev = new PodEvaluator(runner, { regroup: (t) => t });
    const pods = many(FIRST_BATCH + BATCH + 10);
    ev.setInput(base(pods));
    expect(ev.getSnapshot()).toMatchObject({ evaluated: 0, total: pods.length, running: true });
    await runner.step();
    expect(ev.getSnapshot().evaluated).toBe(FIRST_BATCH);
    await runner.step();
    await runner.step();
    expect(sizes(runner)).toEqual([FIRST_BATCH, BATCH, 10]);
    expect(ev.getSnapshot()).toMatchObject({ evaluated: pods.length, running: false });
    expect(runner.pending).toBe(0);
  });

  it('sizes later batches from the last batch\'s time per pod, within bounds', () => {
    expect(batchSize(true)).toBe(FIRST_BATCH);
    expect(batchSize(false)).toBe(BATCH);
    expect(batchSize(false, { pods: 50, ms: 0 })).toBe(BATCH);
    expect(batchSize(false, { pods: 50, ms: 5 })).toBe(BATCH); // 0.1 ms per pod: capped
    expect(batchSize(false, { pods: 400, ms: 100 })).toBe(1000); // 0.25 ms per pod → 250 ms
    expect(batchSize(false, { pods: 50, ms: 400 })).toBe(FIRST_BATCH); // 8 ms per pod: never below the first batch
  });

  it('a watch event re-runs only the changed and new pods', async () => {
    const runner = new FakeRunner();
    const ev = new PodEvaluator(runner, { regroup: (t) => t });
    ev.setInput(base([pod('a'), pod('b'), pod('c')]));
    await runner.step();
    ev.setInput(base([pod('a'), pod('b', '2'), pod('c'), pod('d')]));
    expect(ev.getSnapshot().evaluated).toBe(2);
    // b's old result stays on screen while it is re-evaluated
    expect(ev.getSnapshot().tags.get('u-b')).toBeDefined();
    await runner.step();
    const last = runner.requests.at(-1)!;
    expect(last.type === 'tag' && last.input.pods.map((p) => (p as { metadata: { name: string } }).metadata.name)).toEqual(['b', 'd']);
    expect(ev.getSnapshot().evaluated).toBe(4);
  });

  it('a deleted pod leaves the results', async () => {
    const runner = new FakeRunner();
    const ev = new PodEvaluator(runner, { regroup: (t) => t });
    ev.setInput(base([pod('a'), pod('b')]));
    await runner.step();
    ev.setInput(base([pod('a')]));
    expect([...ev.getSnapshot().tags.keys()]).toEqual(['u-a']);
    expect(runner.pending).toBe(0);
  });

  it('a new chain abandons the running batch (its worker is terminated) and re-runs every pod', async () => {
    const runner = new FakeRunner();
    const ev = new PodEvaluator(runner, { regroup: (t) => t });
    ev.setInput(base([pod('a'), pod('b')]));
    await runner.step();
    ev.setInput(base([pod('a'), pod('b'), pod('c')]));
    ev.setInput(base([pod('a'), pod('b'), pod('c')], { plugins: [{ name: 'p', source: 'while true do end' }] }));
    expect(runner.aborted).toBe(1);
    expect(ev.getSnapshot().evaluated).toBe(0);
    await Promise.resolve();
    await runner.step();
    expect(ev.getSnapshot().evaluated).toBe(3);
  });

  it('regroups across batches and keeps unchanged rows\' objects between events', async () => {
    const runner = new FakeRunner();
    let calls = 0;
    const ev = new PodEvaluator(runner, { regroup: (t) => { calls++; return t.map((x) => ({ ...x })); } });
    ev.setInput(base([pod('a'), pod('b')]));
    await runner.step();
    const first = ev.getSnapshot().tags.get('u-a');
    ev.setInput(base([pod('a'), pod('b'), pod('c')]));
    expect(ev.getSnapshot().tags.get('u-a')).toBe(first);
    expect(calls).toBeGreaterThan(1);
  });

  it('a plugin that hits the budget halts the run with its name and line', async () => {
    const hang = (p: { metadata: { name: string; namespace: string; uid: string } }) => fakeTag(p, {
      plugin: { type: '', name: '', error: 'lua script execution error: (<string>:3: instruction budget exceeded)', production: 'DeepFlow has no time limit: the gather loop would hang on this plugin', failedPlugin: { index: 0, name: 'loop' } },
    });
    const runner = new FakeRunner((ps) => ps.map(hang));
    const ev = new PodEvaluator(runner, { regroup: (t) => t });
    ev.setInput(base(many(FIRST_BATCH + 5)));
    await runner.step();
    const s = ev.getSnapshot();
    expect(s.halt).toMatchObject({ plugin: { name: 'loop' }, line: 3 });
    expect(s.halt!.message).toContain('loop');
    expect(runner.requests).toHaveLength(1);
    expect(s.running).toBe(false);
    expect(runawayIn([fakeTag(pod('x'))])).toBeNull();
  });

  it('a wall-clock stop halts the run and says so', async () => {
    const runner = { run: async (): Promise<RunnerResult> => ({ ok: false, error: { kind: 'timeout', message: 'stopped after 8000 ms' } }), abort() {} };
    const ev = new PodEvaluator(runner, { regroup: (t) => t });
    ev.setInput(base([pod('a')]));
    await new Promise((r) => setTimeout(r, 0));
    expect(ev.getSnapshot().halt?.message).toContain('stopped after 8000 ms');
  });
});

describe('chainProblems', () => {
  it('lists each plugin error once with its line and the pods it hit', () => {
    const err = (name: string) => fakeTag(pod(name), { plugin: { type: '', name: '', error: 'lua script loading error: (<string>:2: syntax error near \'end\')', failedPlugin: { index: 1, name: 'broken' } } });
    expect(chainProblems([err('a'), err('b'), fakeTag(pod('c'))])).toEqual([
      { plugin: { index: 1, name: 'broken' }, line: 2, message: 'lua script loading error: (<string>:2: syntax error near \'end\')', pods: 2 },
    ]);
  });
});

describe('halt wording', () => {
  type T = (k: string, v?: Msg['values']) => string;
  const en = createTranslator({ locale: 'en', messages: CATALOGUES.en }) as unknown as T;
  const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] }) as unknown as T;
  const expectBoth = (h: { message: string; msg: Msg }) => {
    expect(en(h.msg.key, h.msg.values)).toBe(h.message);
    expect(zh(h.msg.key, h.msg.values)).not.toBe(h.message);
    expect(zh(h.msg.key, h.msg.values)).toMatch(/\p{Script=Han}/u);
  };

  it('keeps the English of a runner stop, with the engine quoted, and renders it in zh-CN', async () => {
    const runner = { run: async (): Promise<RunnerResult> => ({ ok: false, error: { kind: 'timeout', message: 'stopped after 8000 ms' } }), abort() {} };
    const ev = new PodEvaluator(runner, { regroup: (t) => t });
    ev.setInput(base([pod('a')]));
    await new Promise((r) => setTimeout(r, 0));
    const h = ev.getSnapshot().halt!;
    expect(h.message).toBe('Evaluation stopped: stopped after 8000 ms');
    expectBoth(h);
    expect(zh(h.msg.key, h.msg.values)).toContain('stopped after 8000 ms');
  });

  it('keeps the English of a budget stop, with and without the plugin', () => {
    const error = 'lua script execution error: (<string>:3: instruction budget exceeded)';
    const production = 'DeepFlow has no time limit: the gather loop would hang on this plugin';
    const named = runawayIn([fakeTag(pod('x'), { plugin: { type: '', name: '', error, production, failedPlugin: { index: 0, name: 'loop' } } })])!;
    expect(named.message).toBe(`Plugin “loop” exceeded the budget on pod ns/x: ${error}. Evaluation stopped.`);
    expectBoth(named);
    const anonymous = runawayIn([fakeTag(pod('y'), { plugin: { type: '', name: '', error, production } })])!;
    expect(anonymous.message).toBe(`A plugin exceeded the budget on pod ns/y: ${error}. Evaluation stopped.`);
    expectBoth(anonymous);
  });
});
