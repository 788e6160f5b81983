import { describe, expect, it } from 'vitest';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors';
import { ApiError } from './status';

const m = (sel: string, labels?: Record<string, string>) => matchesLabels(parseLabelSelector(sel), labels);

describe('label selectors', () => {
  it('supports every operator of the API server', () => {
    const l = { app: 'web', tier: 'front', n: '5' };
    expect(m('', l)).toBe(true);
    expect(m('app=web', l)).toBe(true);
    expect(m('app==web', l)).toBe(true);
    expect(m('app!=web', l)).toBe(false);
    expect(m('app!=db', l)).toBe(true);
    expect(m('missing!=x', l)).toBe(true);
    expect(m('app in (db,web)', l)).toBe(true);
    expect(m('app in (db)', l)).toBe(false);
    expect(m('app notin (db)', l)).toBe(true);
    expect(m('missing notin (db)', l)).toBe(true);
    expect(m('tier', l)).toBe(true);
    expect(m('!tier', l)).toBe(false);
    expect(m('! missing', l)).toBe(true);
    expect(m('n>4,n<6', l)).toBe(true);
    expect(m('app=web, tier in (front, back), !gone', l)).toBe(true);
    expect(m('app=web', undefined)).toBe(false);
    expect(m('example.com/role=x', { 'example.com/role': 'x' })).toBe(true);
  });

  it('rejects malformed selectors with 400 BadRequest', () => {
    for (const bad of ['app in (a', 'a=b=c', '=x', 'app>x', 'bad key=1']) {
      expect(() => parseLabelSelector(bad), bad).toThrow(ApiError);
      try {
        parseLabelSelector(bad);
      } catch (err) {
        expect((err as ApiError).code).toBe(400);
      }
    }
  });
});

describe('field selectors', () => {
  const pod = { metadata: { name: 'a', namespace: 'n' }, spec: { nodeName: 'node-1' }, status: { phase: 'Running' } };
  it('matches metadata.name/namespace and the pod fields the API server indexes', () => {
    expect(matchesFields(parseFieldSelector('metadata.name=a', 'pods'), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector('metadata.name==a,metadata.namespace!=n', 'pods'), pod)).toBe(false);
    expect(matchesFields(parseFieldSelector('spec.nodeName=node-1,status.phase!=Failed', 'pods'), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.nodeName=', 'pods'), { metadata: {} })).toBe(true);
  });

  it('rejects fields that are not indexed', () => {
    expect(() => parseFieldSelector('spec.nodeName=x', 'configmaps')).toThrow(/field label not supported: spec.nodeName/);
    expect(() => parseFieldSelector('metadata.name', 'pods')).toThrow(ApiError);
  });
});
