import { describe, expect, it } from 'vitest';
import type { PodTag } from '@/lib/deepflow/tag';
import { traceFromResults, traceRequests } from './pod-evaluation-trace';

const plugins = [{ name: 'a', source: 'A' }, { name: 'b', source: 'B' }, { name: 'c', source: 'C' }];
const tag = (plugin: PodTag['plugin'], prints: string[] = [], source: 'plugin' | 'builtin-rule' = 'plugin') =>
  ({ plugin, prints, workload: plugin.type ? { type: plugin.type, name: plugin.name, source } : null }) as unknown as PodTag;

describe('plugin trace', () => {
  it('sends one request per chain prefix for the one pod', () => {
    const reqs = traceRequests({ metadata: { name: 'p' } }, { owners: [], plugins, apiResources: [], version: 'v7.1.6' });
    expect(reqs.map((r) => (r.type === 'tag' ? r.input.plugins.map((p) => p.name).join('') : ''))).toEqual(['a', 'ab', 'abc']);
    expect(reqs.every((r) => r.type === 'tag' && r.input.pods.length === 1)).toBe(true);
  });
  it('says what each plugin returned, which decided, and that the rest did not run', () => {
    const steps = traceFromResults(plugins, [
      tag({ type: 'Deployment', name: '', error: null }, ['x']),
      tag({ type: 'StatefulSet', name: 'og', error: null }, ['x', 'y']),
      tag({ type: 'StatefulSet', name: 'og', error: null }, ['x', 'y']),
    ]);
    expect(steps.map((s) => [s.name, s.ran, s.returned, s.decided, s.prints])).toEqual([
      ['a', true, { type: 'Deployment', name: '' }, false, ['x']],
      ['b', true, { type: 'StatefulSet', name: 'og' }, true, ['y']],
      ['c', false, null, false, []],
    ]);
  });
  it('an error stops the chain, with its line', () => {
    const steps = traceFromResults(plugins, [
      tag({ type: '', name: '', error: 'lua script execution error: (<string>:4: boom)', failedPlugin: { index: 0, name: 'a' } }),
      tag({ type: '', name: '', error: 'lua script execution error: (<string>:4: boom)', failedPlugin: { index: 0, name: 'a' } }),
    ]);
    expect(steps[0]).toMatchObject({ ran: true, error: 'lua script execution error: (<string>:4: boom)', line: 4, decided: true });
    expect(steps[1].ran).toBe(false);
  });
  it('no plugin runs when the virtual-kubelet rule answers first', () => {
    const r = tag({ type: 'Deployment', name: 'vk', error: null }, [], 'builtin-rule');
    expect(traceFromResults(plugins, [r, r, r]).every((s) => !s.ran)).toBe(true);
  });
});
