import { describe, expect, it } from 'vitest';
import { applyPatch, jsonPatch, mergePatch, strategicMergePatch } from './patch';
import { ApiError } from './status';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as ApiError).code;
  }
  return 0;
};

describe('merge patch (RFC 7386)', () => {
  it('follows the RFC examples', () => {
    expect(mergePatch({ a: 'b' }, { a: 'c' })).toEqual({ a: 'c' });
    expect(mergePatch({ a: 'b' }, { b: 'c' })).toEqual({ a: 'b', b: 'c' });
    expect(mergePatch({ a: 'b' }, { a: null })).toEqual({});
    expect(mergePatch({ a: [{ b: 'c' }] }, { a: [1] })).toEqual({ a: [1] });
    expect(mergePatch({ a: { b: 'c' } }, { a: { b: 'd', c: null } })).toEqual({ a: { b: 'd' } });
    expect(mergePatch(['a'], { a: 'b' })).toEqual({ a: 'b' });
    expect(mergePatch({ e: null }, { a: 1 })).toEqual({ e: null, a: 1 });
  });

  it('does not mutate its input', () => {
    const target = { a: { b: 1 } };
    mergePatch(target, { a: { b: 2 } });
    expect(target).toEqual({ a: { b: 1 } });
  });
});

describe('JSON patch (RFC 6902)', () => {
  const doc = { a: { b: [1, 2, 3] }, 'x/y': 1, 't~': 2 };
  it('supports every operation and pointer escaping', () => {
    expect(
      jsonPatch(doc, [
        { op: 'add', path: '/a/b/1', value: 9 },
        { op: 'add', path: '/a/b/-', value: 4 },
        { op: 'remove', path: '/a/b/0' },
        { op: 'replace', path: '/x~1y', value: 10 },
        { op: 'copy', from: '/t~0', path: '/c' },
        { op: 'move', from: '/c', path: '/d' },
        { op: 'test', path: '/d', value: 2 },
      ]),
    ).toEqual({ a: { b: [9, 2, 3, 4] }, 'x/y': 10, 't~': 2, d: 2 });
    expect(jsonPatch(doc, [{ op: 'test', path: '/a', value: { b: [1, 2, 3] } }])).toEqual(doc);
  });

  it('answers a failed test or a missing path with 422 and bad input with 400', () => {
    expect(code(() => jsonPatch(doc, [{ op: 'test', path: '/x~1y', value: 2 }]))).toBe(422);
    expect(code(() => jsonPatch(doc, [{ op: 'remove', path: '/nope' }]))).toBe(422);
    expect(code(() => jsonPatch(doc, [{ op: 'replace', path: '/nope', value: 1 }]))).toBe(422);
    expect(code(() => jsonPatch(doc, [{ op: 'add', path: '/a/b/7', value: 1 }]))).toBe(422);
    expect(code(() => jsonPatch(doc, { op: 'add' }))).toBe(400);
    expect(code(() => jsonPatch(doc, [{ op: 'frobnicate', path: '/a' }]))).toBe(400);
  });
});

describe('strategic merge patch', () => {
  const pod = { spec: { containers: [{ name: 'app', image: 'a:1', env: [{ name: 'X', value: '1' }] }], args: ['a'] } };
  it('merges lists of named objects and replaces other lists', () => {
    const out = strategicMergePatch(pod, { spec: { containers: [{ name: 'app', image: 'a:2' }, { name: 'side', image: 's:1' }], args: ['b'] } }) as any;
    expect(out.spec.containers).toEqual([
      { name: 'app', image: 'a:2', env: [{ name: 'X', value: '1' }] },
      { name: 'side', image: 's:1' },
    ]);
    expect(out.spec.args).toEqual(['b']);
  });

  it('understands $patch: delete and replace', () => {
    const del = strategicMergePatch(pod, { spec: { containers: [{ name: 'app', $patch: 'delete' }] } }) as any;
    expect(del.spec.containers).toEqual([]);
    const rep = strategicMergePatch({ a: { b: 1, c: 2 } }, { a: { $patch: 'replace', d: 3 } });
    expect(rep).toEqual({ a: { d: 3 } });
  });
});

describe('applyPatch', () => {
  it('dispatches by Content-Type and rejects unknown types with 415', () => {
    expect(applyPatch('application/merge-patch+json; charset=utf-8', { a: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
    expect(code(() => applyPatch('application/json', {}, {}))).toBe(415);
  });
});
