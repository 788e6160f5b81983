import { describe, expect, it } from 'vitest';
import { ORIGINAL_SPEC_ANNOTATION as KEY } from './input';
import { finaliseObject, kruiseWrite, liveRoutingState, needsUpdate, originalAnnotationValue, storedOriginal, withStoredOriginal } from './gateway-write';
import { seedObject } from '@/lib/k8s/testing/shop-seed';

const vs = (spec: unknown, metadata: object = {}) => ({ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'vs', namespace: 'shop', resourceVersion: '7', ...metadata }, spec });
const route = (host: string, weight?: number) => ({ destination: { host }, ...(weight === undefined ? {} : { weight }) });

describe('originalAnnotationValue (§7.1)', () => {
  it('writes compact Go JSON: field order spec, labels, annotations; sorted keys; omitempty', () => {
    const live = vs({ http: [{ route: [route('echoserver')] }], hosts: ['echoserver.example.com'] }, { annotations: { virtual: 'test' } });
    expect(originalAnnotationValue(live)).toBe('{"spec":{"hosts":["echoserver.example.com"],"http":[{"route":[{"destination":{"host":"echoserver"}}]}]},"annotations":{"virtual":"test"}}');
    const labelled = vs({ b: 1, a: [] }, { labels: { z: '1', a: '2' }, annotations: { [KEY]: 'old', k: 'v' } });
    expect(originalAnnotationValue(labelled)).toBe('{"spec":{"a":[],"b":1},"labels":{"a":"2","z":"1"},"annotations":{"k":"v"}}');
    expect(originalAnnotationValue(vs(undefined, { labels: {} }))).toBe('{}');
  });

  it('escapes like Go (HTML-safe)', () => {
    expect(originalAnnotationValue(vs({ match: '<a&b>' }))).toBe('{"spec":{"match":"\\u003ca\\u0026b\\u003e"}}');
  });

  it('reproduces the seed frontend VirtualService annotation from its restored original', () => {
    const live = seedObject('VirtualService', 'frontend');
    const value = (live.metadata as { annotations: Record<string, string> }).annotations[KEY];
    const restored = finaliseObject(live).object!;
    expect(originalAnnotationValue(restored)).toBe(value);
  });
});

describe('storedOriginal', () => {
  it('absent, empty, malformed, valid', () => {
    expect(storedOriginal(vs({}))).toEqual({ data: null, present: false });
    expect(storedOriginal(vs({}, { annotations: { [KEY]: '' } }))).toEqual({ data: null, present: true, error: 'failed to get original spec from annotation for VirtualService(shop/vs)' });
    const bad = storedOriginal(vs({}, { annotations: { [KEY]: '{not json' } }));
    expect(bad).toMatchObject({ data: {}, present: true, malformed: expect.stringContaining('not valid JSON') });
    expect(storedOriginal(vs({}, { annotations: { [KEY]: '{"spec":{"a":1},"labels":{"x":"y"}}' } }))).toEqual({ data: { spec: { a: 1 }, labels: { x: 'y' } }, present: true });
  });
});

describe('kruiseWrite / needsUpdate (§7.2)', () => {
  const live = vs({ hosts: ['h'], http: [{ route: [route('svc')] }] }, { labels: { app: 'a' }, annotations: { team: 'web' } });

  it('stores the original when absent and replaces spec, labels and annotations', () => {
    const out = kruiseWrite(live, { spec: { hosts: ['h'], http: [{ route: [route('svc', 80), route('svc-canary', 20)] }] }, labels: { app: 'a' }, annotations: { team: 'web' } }) as ReturnType<typeof vs>;
    expect(out.metadata).toEqual({ name: 'vs', namespace: 'shop', resourceVersion: '7', labels: { app: 'a' }, annotations: { team: 'web', [KEY]: originalAnnotationValue(live) } });
    expect((out.spec as { http: { route: unknown[] }[] }).http[0].route).toHaveLength(2);
    expect(needsUpdate(live, out)).toBe(true);
    expect(needsUpdate(out, out)).toBe(false);
  });

  it('no labels key removes all labels; no annotations keeps only the original-spec one; {} drops the spec', () => {
    const out = kruiseWrite(live, {}) as { spec?: unknown; metadata: Record<string, unknown> };
    expect(out.spec).toBeUndefined();
    expect(out.metadata.labels).toBeUndefined();
    expect(out.metadata.annotations).toEqual({ [KEY]: originalAnnotationValue(live) });
  });

  it('keeps an existing annotation as it is (written once)', () => {
    const annotated = vs({ x: 1 }, { annotations: { [KEY]: '{"spec":{"x":0}}' } });
    const out = kruiseWrite(annotated, { spec: { x: 2 } }) as { metadata: { annotations: Record<string, string> } };
    expect(out.metadata.annotations).toEqual({ [KEY]: '{"spec":{"x":0}}' });
    expect(withStoredOriginal(annotated)).toBe(annotated);
  });

  it('compares spec by its JSON text: key order does not matter, label maps deep-equal', () => {
    const a = vs({ a: 1, b: [1, 2] }, { labels: { x: '1' } });
    const b = vs({ b: [1, 2], a: 1.0 }, { labels: { x: '1' }, resourceVersion: '9' });
    expect(needsUpdate(a, b)).toBe(false);
    expect(needsUpdate(a, vs({ a: 1, b: [2, 1] }, { labels: { x: '1' } }))).toBe(true);
    expect(needsUpdate(a, vs({ a: 1, b: [1, 2] }))).toBe(true);
  });
});

describe('finaliseObject (§7.3)', () => {
  it('restores the seed frontend byte for byte: spec from the annotation, no labels or annotations keys', () => {
    const live = seedObject('VirtualService', 'frontend');
    const stored = JSON.parse((live.metadata as { annotations: Record<string, string> }).annotations[KEY]);
    const { object } = finaliseObject(live) as { object: { spec: unknown; metadata: Record<string, unknown> } };
    expect(JSON.stringify(object.spec)).toBe(JSON.stringify(stored.spec));
    expect('labels' in object.metadata).toBe(false);
    expect('annotations' in object.metadata).toBe(false);
    expect(object.metadata).toMatchObject({ name: 'frontend', namespace: 'shop', uid: expect.any(String) });
  });

  it('restores labels and annotations and drops what the rollout added', () => {
    const live = vs({ changed: true }, { labels: { added: 'x' }, annotations: { [KEY]: '{"spec":{"a":1},"labels":{"app":"a"},"annotations":{"k":"v"}}', extra: 'y' } });
    expect(finaliseObject(live).object).toEqual(vs({ a: 1 }, { labels: { app: 'a' }, annotations: { k: 'v' } }));
  });

  it('skips an object without the annotation or with an empty one; a malformed one restores an empty original', () => {
    expect(finaliseObject(vs({}))).toEqual({ object: null, skipped: 'no-annotation' });
    expect(finaliseObject(vs({}, { annotations: { [KEY]: '' } }))).toEqual({ object: null, skipped: 'empty-annotation' });
    const wiped = finaliseObject(vs({ a: 1 }, { labels: { l: '1' }, annotations: { [KEY]: 'nope' } })).object as Record<string, unknown>;
    expect(wiped.spec).toBeUndefined();
    expect(wiped.metadata).toEqual({ name: 'vs', namespace: 'shop', resourceVersion: '7' });
  });
});

describe('liveRoutingState', () => {
  it('an unannotated object equals its original', () => {
    const live = vs({ a: 1 });
    expect(liveRoutingState(live, [{ step: 1, object: kruiseWrite(live, { spec: { a: 2 } }) }, { step: 2, object: live }])).toEqual({ annotated: false, equalsSteps: [2], equalsOriginal: true });
  });

  it('an annotated object at step 1', () => {
    const original = vs({ a: 1 });
    const step1 = kruiseWrite(original, { spec: { a: 2 } });
    const step2 = kruiseWrite(original, { spec: { a: 3 } });
    expect(liveRoutingState(step1, [{ step: 1, object: step1 }, { step: 2, object: step2 }, { step: 3, object: null }])).toEqual({ annotated: true, equalsSteps: [1], equalsOriginal: false });
    const back = kruiseWrite(original, { spec: { a: 1 } });
    expect(liveRoutingState(back, [])).toMatchObject({ annotated: true, equalsOriginal: true });
  });

  it('reports an empty annotation', () => {
    expect(liveRoutingState(vs({}, { annotations: { [KEY]: '' } }), [])).toMatchObject({ annotated: true, annotationError: expect.stringContaining('failed to get original spec') });
  });
});
