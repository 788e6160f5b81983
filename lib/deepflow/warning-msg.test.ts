// The English of every DeepFlow warning has one source of truth: the catalogue renders each of
// `warningMsgs` to exactly the matching entry of `warnings` (what the CLI prints), and zh-CN says
// it in Chinese. DeepFlow's own log lines are quoted verbatim inside the Chinese.
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import { mergeApiResources, resolveApiResources } from './api-resources';
import { buildWorkloadIndex } from './standard';
import { tagPods } from './tag';

const en = createTranslator({ locale: 'en', messages: CATALOGUES.en });
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
const text = (m: Msg, t: typeof en = en) => (t as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);

function expectInStep(w: { warnings: string[]; warningMsgs: Msg[] }) {
  expect(w.warningMsgs).toHaveLength(w.warnings.length);
  w.warningMsgs.forEach((m, i) => {
    expect(text(m)).toBe(w.warnings[i]);
    const chinese = text(m, zh);
    expect(chinese).not.toBe(w.warnings[i]);
    expect(chinese).not.toContain(m.key);
  });
}

describe('DeepFlow warnings: warningMsgs renders to warnings', () => {
  it('pods DeepFlow skips: no metadata, uid, name or namespace', () => {
    const pods = [
      {},
      { metadata: { name: 'a', namespace: 'db' } },
      { metadata: { uid: 'u-b', namespace: 'db' } },
      { metadata: { uid: 'u-c', name: "c's {pod}" } },
      { metadata: { uid: 'u-d', name: 'd', namespace: 'db' } },
    ];
    const out = tagPods({ pods, plugins: [] });
    expect(out.warnings).toEqual([
      'pod #1: pod metadata not found; DeepFlow skips it',
      'pod #2: pod uid not found; DeepFlow skips it',
      'pod #3: pod name not found; DeepFlow skips it',
      "pod #4: pod (c's {pod}) namespace not found; DeepFlow skips it",
    ]);
    expect(out.warningMsgs.map((m) => m.key)).toEqual([
      'playground.deepflowWarning.podNoMetadata',
      'playground.deepflowWarning.podNoUid',
      'playground.deepflowWarning.podNoName',
      'playground.deepflowWarning.podNoNamespace',
    ]);
    expectInStep(out);
  });

  it('objects that are not DeepFlow workload kinds, with and without a kind', () => {
    const objects = [
      { apiVersion: 'batch/v1', kind: 'Job', metadata: { uid: 'j', name: 'job-1', namespace: 'db' } },
      { metadata: { uid: 'x', name: 'nameless', namespace: 'db' } },
    ];
    const index = buildWorkloadIndex(objects, [], undefined);
    expect(index.warnings).toEqual(['object Job job-1 is not a DeepFlow workload kind; ignored', 'object (no kind) nameless is not a DeepFlow workload kind; ignored']);
    expect(index.warningMsgs.map((m) => m.key)).toEqual(['playground.deepflowWarning.notWorkloadKind', 'playground.deepflowWarning.notWorkloadNoKind']);
    expectInStep(index);
  });

  it('a resource the API server does not serve', () => {
    const sts = mergeApiResources([{ name: 'statefulsets', group: 'apps.kruise.io' }]).resources.filter((r) => r.name === 'statefulsets');
    const fallback = resolveApiResources(sts, ['v1']);
    expect(fallback.warnings).toEqual(['resource statefulsets not found, use defaults']);
    expect(fallback.warningMsgs).toEqual([{ key: 'playground.deepflowWarning.resourceNotFound', values: { name: 'statefulsets' } }]);
    expectInStep(fallback);
    expect(resolveApiResources(sts)).toMatchObject({ warnings: [], warningMsgs: [] });
  });

  it('merges every source in order: DeepFlow log lines (verbatim), ignored objects, skipped pods', () => {
    const out = tagPods({
      pods: [{ metadata: { name: 'a', namespace: 'db' } }],
      plugins: [],
      objects: [{ kind: 'Job', metadata: { uid: 'j', name: 'job-1', namespace: 'db' } }],
      apiResources: [{ name: 'jobs' }, { name: 'clonesets', group: 'apps' }],
    });
    expect(out.warnings).toEqual([
      'resource jobs not supported',
      'resource clonesets in group apps not supported',
      'object Job job-1 is not a DeepFlow workload kind; ignored',
      'pod #1: pod uid not found; DeepFlow skips it',
    ]);
    expect(out.warningMsgs[0]).toEqual({ key: 'playground.deepflowWarning.log', values: { text: 'resource jobs not supported' } });
    expectInStep(out);
    expect(text(out.warningMsgs[0], zh)).toContain('resource jobs not supported');
  });

  it('no warnings: both arrays empty', () => {
    const out = tagPods({ pods: [{ metadata: { uid: 'u', name: 'p', namespace: 'db' } }], plugins: [] });
    expect(out.warnings).toEqual([]);
    expect(out.warningMsgs).toEqual([]);
  });
});
