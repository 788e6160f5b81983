import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSize, MAX_INPUT_BYTES, parseDocuments, parsePodsInput, parseRoutingInput, parseTestdata } from './input';

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'ns', uid: name }, spec: { containers: [] } });

describe('parseDocuments', () => {
  it('reads JSON and multi-document YAML', () => {
    expect(parseDocuments('{"a":1}')).toMatchObject({ ok: true, value: [{ a: 1 }] });
    expect(parseDocuments('[{"a":1},{"b":2}]')).toMatchObject({ ok: true, value: [{ a: 1 }, { b: 2 }] });
    expect(parseDocuments('a: 1\n---\nb: 2\n')).toMatchObject({ ok: true, value: [{ a: 1 }, { b: 2 }] });
    expect(parseDocuments('  \n')).toMatchObject({ ok: true, value: [] });
  });

  it('gives the line of a JSON error', () => {
    const r = parseDocuments('{\n  "a": 1,\n  "b": ,\n}');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.line).toBe(3);
    expect(!r.ok && r.error.message).toBe("JSON does not parse: Unexpected token ','");
    const r2 = parseDocuments('{"a": 1}\n{"b": 2}');
    expect(!r2.ok && r2.error.line).toBe(2);
  });

  it('gives the line of a YAML error', () => {
    const r = parseDocuments('a: 1\nb: [1, 2\nc: 3\n---\nd: 4');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/^YAML does not parse/);
    expect(!r.ok && r.error.line).toBeGreaterThanOrEqual(2);
    const bad = parseDocuments('ok: 1\n---\nkey: value\n  bad indent: x\n');
    expect(!bad.ok && bad.error.line).toBe(3);
  });

  it('refuses input over the limit without parsing it', () => {
    expect(checkSize(50_000_000)?.message).toMatch(/50 MB; the playground takes at most 8\.0 MB/);
    expect(checkSize(MAX_INPUT_BYTES)).toBeNull();
    const big = '[' + '1,'.repeat(MAX_INPUT_BYTES / 2) + '1]';
    const r = parseDocuments(big);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/at most/);
  });
});

describe('parsePodsInput', () => {
  it('takes a kubectl List and keeps owners apart', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [pod('a'), pod('b'), { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'rs' } }] };
    const r = parsePodsInput(JSON.stringify(list));
    expect(r.ok && r.value.pods.map((p) => (p as { metadata: { name: string } }).metadata.name)).toEqual(['a', 'b']);
    expect(r.ok && r.value.objects).toHaveLength(1);
  });
  it('takes YAML pods and a PodList', () => {
    expect(parsePodsInput('kind: PodList\nitems:\n- kind: Pod\n  metadata: {name: x}\n')).toMatchObject({ ok: true, value: { pods: [{ metadata: { name: 'x' } }] } });
  });
  it('says when there is no pod', () => {
    const r = parsePodsInput('kind: Service\nmetadata: {name: s}\n---\nkind: Service\nmetadata: {name: t}\n');
    expect(!r.ok && r.error.message).toContain('2× Service');
  });
});

describe('parseRoutingInput', () => {
  it('finds the Rollout and the gateway', () => {
    const r = parseRoutingInput('kind: Rollout\nmetadata: {name: r}\n---\nkind: VirtualService\nmetadata: {name: v}\n');
    expect(r).toMatchObject({ ok: true, value: { rollout: { kind: 'Rollout' }, gateway: { kind: 'VirtualService' } } });
    expect(parseRoutingInput('kind: VirtualService\n').ok).toBe(false);
    expect(parseRoutingInput('kind: Rollout\n').ok).toBe(false);
  });
});

describe('parseTestdata', () => {
  const file = readFileSync('lua/networking.istio.io/VirtualService/testdata/upstream_rollout_with_three_steps.yaml', 'utf8');
  it('reads a Kruise testdata file', () => {
    const r = parseTestdata(file);
    expect(r.ok && r.value.expected).toHaveLength(3);
    expect(r.ok && r.value.original.kind).toBe('VirtualService');
  });
  it('says when expected is missing', () => {
    const without = file.slice(0, file.indexOf('\nexpected:'));
    const r = parseTestdata(without);
    expect(!r.ok && r.error.message).toMatch(/no expected list/);
  });
  it('names the line of a bad expected and rejects other shapes', () => {
    const r = parseTestdata('rollout: {kind: Rollout}\noriginal: {kind: VirtualService}\nexpected: 3\n');
    expect(!r.ok && r.error.line).toBe(3);
    expect(parseTestdata('original: {kind: X}\nexpected: []\n').ok).toBe(false);
    expect(parseTestdata('a: 1\n---\nb: 2\n').ok).toBe(false);
  });
});
