import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tagPods } from '@/lib/deepflow';
import { checkSyntax } from '@/lib/lua';
import { CLUSTER_TEMPLATES, LABEL_PLUGIN, OPENGAUSS_PLUGIN, POD_NAME_PLUGIN, ROUTING_TEMPLATES, TAGGING_TEMPLATES } from './templates';

const pod = (name: string, extra: Record<string, unknown> = {}) => ({ metadata: { name, namespace: 'ns', uid: `u-${name}`, ...extra } });

describe('templates', () => {
  it('are the example plugins, byte for byte', () => {
    expect(OPENGAUSS_PLUGIN).toBe(readFileSync('plugins/examples/opengauss.lua', 'utf8'));
    expect(LABEL_PLUGIN).toBe(readFileSync('plugins/examples/workload-label.lua', 'utf8'));
  });

  it('offer every built-in gateway script of lua/', () => {
    const dirs = readdirSync('lua').flatMap((g) => readdirSync(`lua/${g}`).map((k) => `${g}/${k}`)).sort();
    expect(ROUTING_TEMPLATES.map((t) => t.id).sort()).toEqual(dirs);
    for (const t of ROUTING_TEMPLATES) expect(t.source).toBe(readFileSync(`lua/${t.id}/trafficRouting.lua`, 'utf8'));
  });

  it('parse in their dialects', () => {
    for (const t of TAGGING_TEMPLATES) expect(checkSyntax(t.source, 'deepflow'), t.id).toEqual({ ok: true });
    for (const t of ROUTING_TEMPLATES) expect(checkSyntax(t.source, 'kruise'), t.id).toEqual({ ok: true });
    for (const t of CLUSTER_TEMPLATES) expect(checkSyntax(t.source, 'kruise'), t.id).toEqual({ ok: true });
  });

  it('the pod-name plugin derives the workload from generated suffixes', () => {
    const out = tagPods({ pods: [pod('billing-worker-5d9c7f-x2k8p'), pod('ledger-0'), pod('solo')], plugins: [{ name: 'p', source: POD_NAME_PLUGIN }] });
    expect(out.pods.map((p) => p.workload)).toEqual([
      { type: 'Deployment', name: 'billing-worker', source: 'plugin' },
      { type: 'StatefulSet', name: 'ledger', source: 'plugin' },
      null,
    ]);
  });

  it('the label plugin reads workload.example.com labels', () => {
    const out = tagPods({ pods: [pod('a', { labels: { 'workload.example.com/name': 'etl', 'workload.example.com/kind': 'DaemonSet' } })], plugins: [{ name: 'l', source: LABEL_PLUGIN }] });
    expect(out.pods[0].workload).toEqual({ type: 'DaemonSet', name: 'etl', source: 'plugin' });
  });
});
