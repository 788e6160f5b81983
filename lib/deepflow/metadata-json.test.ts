import { describe, expect, it } from 'vitest';
import pods from './testdata/opengauss-pods.json';
import { podMetadataJson } from './metadata-json';
import { compareUtf8, goJsonQuote } from '@/lib/go-json';
const goQuote = (s: string) => goJsonQuote(s, '1.26');
import { uuidV5, UUID_NAMESPACE_OID, sha1 } from './uuid';
import { abstractGroupIdentity, lookupPluginType, validatePluginResult } from './validate';
import { virtualKubeletRule } from './virtual-kubelet';

describe('metadata JSON (§1.3)', () => {
  it('reproduces the documented example exactly', () => {
    expect(podMetadataJson(pods[0])).toBe(
      '{"annotations":{"k":"v"},"creationTimestamp":"2024-08-07T02:08:14Z","labels":{"app":"og","b":"x\\u003cy\\u0026z"},"name":"ogtest-0","namespace":"db","ownerReferences":[{"apiVersion":"opengauss.cmbc.com.cn/v1","blockOwnerDeletion":true,"controller":true,"kind":"OpenGaussCluster","name":"ogtest","uid":"o-1"}],"uid":"u-1"}',
    );
  });
  it('omits absent fields and trims owner references', () => {
    expect(podMetadataJson(pods[3])).toBe('{"creationTimestamp":"2024-08-07T02:10:00Z","name":"standalone","namespace":"db","uid":"u-4"}');
    const pod = { metadata: { name: 'a', labels: null, ownerReferences: [{ kind: 'X', name: 'x', uid: '1', extra: 1 }] } };
    expect(podMetadataJson(pod)).toBe('{"name":"a","ownerReferences":[{"kind":"X","name":"x","uid":"1"}]}');
  });
  it('escapes like Go encoding/json', () => {
    expect(goQuote('<>&/\u2028\u2029"\\\n\r\t\b\f\u0001\u007f é')).toBe('"\\u003c\\u003e\\u0026/\\u2028\\u2029\\"\\\\\\n\\r\\t\\b\\f\\u0001\u007f é"');
    expect(goQuote('a\ud800b')).toBe('"a\\ufffdb"');
    expect(goQuote('😀')).toBe('"😀"');
  });
  it('escapes \\b as the DeepFlow release\'s Go does (v6.6: Go 1.21; v7.0 on: Go >= 1.22)', () => {
    const pod = { metadata: { name: 'a', annotations: { note: 'x\by' } } };
    expect(podMetadataJson(pod)).toBe('{"annotations":{"note":"x\\by"},"name":"a"}');
    expect(podMetadataJson(pod, 'v7.0')).toBe('{"annotations":{"note":"x\\by"},"name":"a"}');
    expect(podMetadataJson(pod, 'v6.6')).toBe('{"annotations":{"note":"x\\u0008y"},"name":"a"}');
  });
  it('sorts keys bytewise (UTF-8), not by UTF-16 units', () => {
    expect(['\uffff', '😀', 'b', 'B', 'a'].sort(compareUtf8)).toEqual(['B', 'a', 'b', '\uffff', '😀']);
    expect(podMetadataJson({ metadata: { labels: { b: '1', a: '2', A: '3', '\uffff': '4', '😀': '5' } } }))
      .toBe('{"labels":{"A":"3","a":"2","b":"1","\uffff":"4","😀":"5"}}');
  });
});

describe('UUIDv5 and abstract identity (§4.2)', () => {
  it('sha1 matches known vectors', () => {
    const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    expect(hex(sha1(new TextEncoder().encode('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(new Uint8Array(0)))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(new TextEncoder().encode('a'.repeat(1000))))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba');
  });
  it('reproduces the documented example', () => {
    expect(uuidV5(UUID_NAMESPACE_OID, 'dbogtest')).toBe('10b19556-a0c8-56cd-a698-11a5d0052d8c');
    expect(abstractGroupIdentity('db', 'ogtest', 'statefulset')).toEqual({
      uid: '10b19556-a0c8-56cd-a698-11a5d0052d8c', lcuuid: '10b19556-a0c8-56cd-a698-11a5d0052d8c', label: 'statefulset:db:ogtest',
    });
    const org2 = abstractGroupIdentity('db', 'ogtest', 'statefulset', 2);
    expect(org2.uid).toBe(uuidV5(UUID_NAMESPACE_OID, '2_dbogtest'));
    expect(org2.lcuuid).toBe(uuidV5(UUID_NAMESPACE_OID, `2_${org2.uid}`));
  });
});

describe('validation (§4.1)', () => {
  it.each([
    ['Deployment', 'Deployment', 1], ['STATEFULSET', 'StatefulSet', 2], ['replicationcontroller', 'ReplicationController', 3],
    ['DaemonSet', 'DaemonSet', 4], ['ReplicaSet', 'ReplicaSetController', 5], ['cloneSet', 'CloneSet', 6],
  ])('accepts %s', (input, name, value) => {
    expect(lookupPluginType(input)).toMatchObject({ name, value });
  });
  it.each(['Job', 'OpenGaussCluster', 'InPlaceSet', ' Deployment', 'Deployment ', 'ReplicaSetController', ''])('rejects %j', (input) => {
    expect(lookupPluginType(input)).toBeNull();
  });
  it('lower-cases rune by rune like Go (U+0130 → i)', () => {
    expect(lookupPluginType('REPL\u0130CAT\u0130ONCONTROLLER')).toMatchObject({ value: 3 });
  });
  it('logs like DeepFlow', () => {
    expect(validatePluginResult('p', 'Job', 'x')).toEqual({ ok: false, reason: 'type-not-supported', log: 'pod (p) abstract workload type (Job) not support' });
    expect(validatePluginResult('p', 'Deployment', '')).toMatchObject({ ok: false, reason: 'empty' });
    expect(validatePluginResult('p', 'deployment', ' x ')).toMatchObject({ ok: true, name: ' x ' });
  });
});

describe('virtual-kubelet rule (§5)', () => {
  const base = { 'virtual-kubelet.io/provider-cluster-type': 'Serverless', 'virtual-kubelet.io/provider-resource-name': 'web-abc-123' };
  it('applies to serverless/proprietary, case-insensitively, cutting at the last dash', () => {
    expect(virtualKubeletRule(base)).toEqual({ type: 'Deployment', name: 'web-abc' });
    expect(virtualKubeletRule({ ...base, 'virtual-kubelet.io/provider-cluster-type': 'PROPRIETARY' })).toEqual({ type: 'Deployment', name: 'web-abc' });
  });
  it('takes the workload-type label, else StatefulSet when the pod-name label exists', () => {
    expect(virtualKubeletRule({ ...base, 'virtual-kubelet.io/provider-workload-type': 'CloneSet' })).toEqual({ type: 'CloneSet', name: 'web-abc' });
    expect(virtualKubeletRule({ ...base, 'statefulset.kubernetes.io/pod-name': 'x' })).toEqual({ type: 'StatefulSet', name: 'web-abc' });
  });
  it('keeps a name without dash whole; does not apply otherwise', () => {
    expect(virtualKubeletRule({ ...base, 'virtual-kubelet.io/provider-resource-name': 'single' })).toEqual({ type: 'Deployment', name: 'single' });
    expect(virtualKubeletRule({ ...base, 'virtual-kubelet.io/provider-resource-name': '' })).toBeNull();
    expect(virtualKubeletRule({ ...base, 'virtual-kubelet.io/provider-resource-name': 7 })).toBeNull();
    expect(virtualKubeletRule({ ...base, 'virtual-kubelet.io/provider-cluster-type': 'edge' })).toBeNull();
    expect(virtualKubeletRule(undefined)).toBeNull();
  });
});
