// Production bugs the preview predicts (docs/differences.md), through the tagging host. DeepFlow
// keeps one gopher-lua state per pod and never pops GetWorkloadTypeAndName's two results, so each
// plugin runs two registry slots higher than the one before. Thresholds observed on gopher-lua
// v1.1.1 driven like GeneratePodGroup (DoString, then CallByParam with NRet 2, per plugin).
import { describe, expect, it } from 'vitest';
import pods from './testdata/opengauss-pods.json';
import { tagPods } from './tag';

const EMPTY = 'function GetWorkloadTypeAndName(meta) return "", "" end';
const JOIN = (n: number) => `function GetWorkloadTypeAndName(meta)
  local t = {} for i = 1, ${n} do t[i] = "x" end
  local s = table.concat(t, ",")
  return "", ""
end`;
const run = (...sources: string[]) =>
  tagPods({ pods: [pods[0]], plugins: sources.map((source, i) => ({ name: `p${i + 1}`, source })), budget: { ms: 60_000, instructions: 1e9 } }).pods[0].plugin;

describe('registry overflow, by plugin position', () => {
  it.each([[0, 2558], [1, 2557], [3, 2555]])('after %i plugins, %i elements fail', (before, n) => {
    const earlier = Array(before).fill(EMPTY);
    expect(run(...earlier, JOIN(n - 1)).error).toBeNull();
    expect(run(...earlier, JOIN(n))).toMatchObject({ error: 'lua script execution error: (<string>:3: registry overflow)' });
  });
  it('every overflow grows the registry by one slot, and the next pod starts with a fresh one', () => {
    const plugin = (n: number) => `function GetWorkloadTypeAndName(meta)
  local t = {} for i = 1, ${n} do t[i] = "x" end
  local ok = pcall(unpack, {}, 1, 6000)
  local a = unpack(t)
  return "", ""
end`;
    const twoPods = (n: number) => tagPods({ pods: [pods[0], pods[0]], plugins: [{ name: 'p', source: plugin(n) }], budget: { ms: 60_000, instructions: 1e9 } })
      .pods.map((p) => p.plugin.error);
    expect(twoPods(5115)).toEqual([null, null]);
    expect(twoPods(5116)).toEqual(Array(2).fill('lua script execution error: (<string>:4: registry overflow)'));
  });
});
