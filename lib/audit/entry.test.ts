import { describe, expect, it } from 'vitest';
import { buildEntry, comparable, outcomeOf, unifiedDiff } from './entry';
import { auditEvent, eventMessage, eventsWanted } from './event';
import { filterQuery, matches, parseFilter, selectEntries } from './filter';
import { formatLine, maxBytesFromEnv, needsRotation, parseLines } from './log-file';
import type { AuditEntry } from './types';

const input = { action: 'rollout.approve', context: 'prod', target: { apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', namespace: 'shop', name: 'web' }, resourceVersionBefore: '7', resourceVersionAfter: '8', diff: 'x', result: 'ok' as const };
const at = (time: string, over: Partial<AuditEntry> = {}): AuditEntry => ({ ...buildEntry(input, { user: 'alice', groups: ['a'] }, new Date(time), time), ...over });

describe('buildEntry', () => {
  it('names the viewer, or the studio itself when no request scope is set', () => {
    expect(buildEntry(input, { user: 'alice', groups: ['a'] }, new Date('2026-01-02T03:04:05Z'), 'id1')).toEqual({ id: 'id1', time: '2026-01-02T03:04:05.000Z', user: 'alice', groups: ['a'], ...input });
    expect(buildEntry(input, null, new Date(0), 'id2')).toMatchObject({ user: 'kube-lua-studio', groups: [] });
  });
});

describe('unifiedDiff', () => {
  it('is a unified diff of the YAML, empty when nothing changes; resourceVersion noise is dropped', () => {
    const a = { metadata: { name: 'web', resourceVersion: '1', managedFields: [{}] }, spec: { weight: 0 } };
    const b = { metadata: { name: 'web', resourceVersion: '2' }, spec: { weight: 20 } };
    const d = unifiedDiff('VirtualService/web', comparable(a), comparable(b));
    expect(d).toContain('--- a/VirtualService/web');
    expect(d).toContain('-  weight: 0\n+  weight: 20');
    expect(d).not.toContain('resourceVersion');
    expect(unifiedDiff('x', comparable(a), comparable({ ...a, metadata: { ...a.metadata, resourceVersion: '9' } }))).toBe('');
    expect(unifiedDiff('p', null, 'new')).toContain('+new');
  });
});

describe('outcomeOf', () => {
  it('refusals (403, 409, 422, the studio’s own checks) apart from failures', () => {
    expect(outcomeOf({ message: 'You may not', error: { code: 403 } })).toEqual({ result: 'refused', error: 'You may not' });
    expect(outcomeOf({ message: 'changed', error: { code: 409 } }).result).toBe('refused');
    expect(outcomeOf({ message: 'down', error: { code: 503 } }).result).toBe('error');
    expect(outcomeOf(Object.assign(new Error('not paused'), { name: 'ActionError' })).result).toBe('refused');
    expect(outcomeOf(new Error('socket hang up'))).toEqual({ result: 'error', error: 'socket hang up' });
  });
});

describe('filters', () => {
  const entries = [at('2026-01-01T10:00:00Z'), at('2026-01-02T10:00:00Z', { user: 'bob', result: 'refused', action: 'plugin.save', target: { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'kls', name: 'kls-plugin-x' } }), at('2026-01-03T10:00:00Z')];
  it('parses the query, dropping unknown results and bad times', () => {
    expect(parseFilter(new URLSearchParams('user=al&result=nope&from=garbage&to=2026-01-02T00:00:00Z&target=shop/'))).toEqual({ user: 'al', target: 'shop/', to: '2026-01-02T00:00:00.000Z' });
    expect(filterQuery({ user: 'a b', result: 'ok' })).toBe('user=a+b&result=ok');
  });
  it('matches user, action, result, target text and time range; newest first', () => {
    expect(matches(entries[1], { user: 'BO', action: 'plugin', result: 'refused', target: 'configmap kls/' })).toBe(true);
    expect(matches(entries[0], { target: 'Rollout shop/web', from: '2026-01-01T09:00:00.000Z', to: '2026-01-01T11:00:00.000Z' })).toBe(true);
    expect(matches(entries[0], { from: '2026-01-01T10:00:01.000Z' })).toBe(false);
    expect(selectEntries(entries, {}).entries.map((e) => e.time)).toEqual(['2026-01-03T10:00:00.000Z', '2026-01-02T10:00:00.000Z', '2026-01-01T10:00:00.000Z']);
    expect(selectEntries(entries, { user: 'alice' }, 1)).toMatchObject({ total: 2, entries: [{ time: '2026-01-03T10:00:00.000Z' }] });
  });
});

describe('the Event', () => {
  it('is sent in a cluster (service account mounted) or when asked, never when switched off', () => {
    expect(eventsWanted({}, false)).toBe(false);
    expect(eventsWanted({ KUBERNETES_SERVICE_HOST: '10.0.0.1' }, true)).toBe(true);
    expect(eventsWanted({ STUDIO_AUDIT_EVENTS: '1' }, false)).toBe(true);
    expect(eventsWanted({ KUBERNETES_SERVICE_HOST: '10.0.0.1', STUDIO_AUDIT_EVENTS: '0' }, true)).toBe(false);
  });
  it('sits on the target, says who did what and how it went', () => {
    const e = at('2026-01-01T10:00:00Z');
    expect(auditEvent(e)).toMatchObject({ metadata: { namespace: 'shop' }, involvedObject: { kind: 'Rollout', namespace: 'shop', name: 'web', resourceVersion: '8' }, reason: 'KubeLuaStudioWrite', type: 'Normal' });
    expect(eventMessage(e)).toBe('alice rollout.approve Rollout shop/web: ok (resourceVersion 7 → 8)');
    expect(eventMessage({ ...e, result: 'refused', error: 'You may not', resourceVersionAfter: null })).toBe('alice rollout.approve Rollout shop/web: refused: You may not');
    expect(auditEvent({ ...e, target: { apiVersion: 'v1', kind: 'Namespace', name: 'x' } })).toMatchObject({ metadata: { namespace: 'default' }, type: 'Normal' });
  });
});

describe('the JSON-lines file', () => {
  it('round-trips lines and skips torn or foreign ones', () => {
    const e = at('2026-01-01T10:00:00Z');
    expect(parseLines(`${formatLine(e)}{"id":1}\nnot json\n${formatLine(e).slice(0, 20)}`)).toEqual([e]);
  });
  it('rotates at the cap (STUDIO_AUDIT_MAX_BYTES, at least 1 KiB)', () => {
    expect(needsRotation(0, 5000, 1024)).toBe(false);
    expect(needsRotation(900, 200, 1024)).toBe(true);
    expect(maxBytesFromEnv({ STUDIO_AUDIT_MAX_BYTES: '2048' })).toBe(2048);
    expect(maxBytesFromEnv({ STUDIO_AUDIT_MAX_BYTES: '5' })).toBe(10 * 1024 * 1024);
  });
});
