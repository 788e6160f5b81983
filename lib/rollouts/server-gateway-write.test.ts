// The all-or-nothing rule when a later write fails: the earlier ones are put back (best effort).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '@/lib/k8s/types';
import { englishText } from '@/lib/i18n/english';
import { fillIcu, messageAt } from '@/lib/i18n/fill-icu';
import { msg, type Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import type { ServerPlan } from './server-gateway-plan';

const replaceObject = vi.fn();
vi.mock('@/lib/k8s/client', async (orig) => ({ ...(await orig<object>()), replaceObject: (...a: unknown[]) => replaceObject(...a) }));
const recordWrite = vi.fn(async (e: object) => e);
vi.mock('@/lib/audit/recorder', () => ({ recordWrite: (e: object) => recordWrite(e) }));
vi.mock('./server-permissions', () => ({ refResources: () => ({ resources: [], unknown: [] }), requirePermission: async () => undefined }));

const { writePlan } = await import('./server-gateway-write');
const { guard } = await import('./server-result');
const { kindByKey } = await import('@/lib/k8s/kinds');

const obj = (kind: string, rv: string, spec: object): KubeObject => ({ apiVersion: 'networking.istio.io/v1beta1', kind, metadata: { name: 'web', namespace: 'shop', resourceVersion: rv }, spec });
const target = (kind: string, key: string, k: string, rv: string) => ({ key, kind: kindByKey(k)!, version: 'v1beta1', namespace: 'shop', name: 'web', before: obj(kind, rv, { v: 'before' }), after: obj(kind, rv, { v: 'after' }), changed: true });

function plan(): ServerPlan {
  const targets = [target('VirtualService', 'VirtualService/web', 'virtualservices.networking.istio.io', '10'), target('DestinationRule', 'DestinationRule/web', 'destinationrules.networking.istio.io', '11')];
  return {
    rollout: { object: { metadata: { name: 'web', namespace: 'shop' } }, version: 'v1beta1', summary: {} as never },
    targets,
    plan: { ready: true, errors: [], errorMsgs: [], warnings: [], warningMsgs: [], progressingConflict: null, progressingConflictMsgs: [], changes: targets.map((t) => ({ ref: { apiVersion: 'networking.istio.io/v1beta1', kind: t.before.kind!, name: 'web' }, namespace: 'shop', resourceVersion: t.before.metadata.resourceVersion!, before: t.before, after: t.after, changed: true, storesOriginal: false, beforeYaml: '', afterYaml: '' })) },
  };
}
const expected = { 'VirtualService/web': '10', 'DestinationRule/web': '11' };

/** The descriptors say the English error exactly, and something else in Chinese (quoted text kept). */
function expectTranslated(res: { ok: boolean; error?: string; messages?: Msg[] }) {
  expect(res.messages?.map((m) => englishText(m.key, m.values)).join(' ')).toBe(res.error);
  for (const m of res.messages!) {
    const chinese = fillIcu(messageAt(CATALOGUES['zh-CN'], m.key), m.values);
    expect(chinese).not.toBe(englishText(m.key, m.values));
    for (const v of Object.values(m.values ?? {})) expect(chinese).toContain(String(v));
  }
}

beforeEach(() => {
  replaceObject.mockReset();
  recordWrite.mockClear();
  delete process.env.STUDIO_READ_ONLY;
});

const audited = () => recordWrite.mock.calls.map((c) => c[0] as { action: string; target: { kind: string }; resourceVersionBefore: string | null; resourceVersionAfter: string | null; result: string; diff: string; error?: string });

describe('writePlan', () => {
  it('writes each object once with the confirmed resourceVersion', async () => {
    replaceObject.mockImplementation(async (_c, _k, body: KubeObject) => ({ ...body, metadata: { ...body.metadata, resourceVersion: '99' } }));
    expect(await guard(() => writePlan('ctx', plan(), 'applyStep', expected, false))).toMatchObject({ ok: true, written: ['VirtualService/web', 'DestinationRule/web'] });
    expect(replaceObject.mock.calls.map((c) => [(c[2] as KubeObject).kind, (c[2] as KubeObject).metadata.resourceVersion, (c[2] as KubeObject).spec])).toEqual([
      ['VirtualService', '10', { v: 'after' }],
      ['DestinationRule', '11', { v: 'after' }],
    ]);
    expect(audited().map((e) => [e.action, e.target.kind, e.resourceVersionBefore, e.resourceVersionAfter, e.result])).toEqual([
      ['rollout.applyStep', 'VirtualService', '10', '99', 'ok'],
      ['rollout.applyStep', 'DestinationRule', '11', '99', 'ok'],
    ]);
    expect(audited()[0].diff).toContain('-  v: before\n+  v: after');
  });

  it('records the failed write, the rollback and nothing twice', async () => {
    replaceObject
      .mockImplementationOnce(async (_c, _k, body: KubeObject) => ({ ...body, metadata: { ...body.metadata, resourceVersion: '12' } }))
      .mockRejectedValueOnce(new Error('the server answered 500'))
      .mockImplementationOnce(async (_c, _k, body: KubeObject) => ({ ...body, metadata: { ...body.metadata, resourceVersion: '13' } }));
    await guard(() => writePlan('ctx', plan(), 'applyStep', expected, false));
    expect(audited().map((e) => [e.action, e.target.kind, e.resourceVersionBefore, e.resourceVersionAfter, e.result])).toEqual([
      ['rollout.applyStep', 'VirtualService', '10', '12', 'ok'],
      ['rollout.applyStep', 'DestinationRule', '11', null, 'error'],
      ['rollout.rollBack', 'VirtualService', '12', '13', 'ok'],
    ]);
  });

  it('refuses every write in read-only mode and records each refused change', async () => {
    process.env.STUDIO_READ_ONLY = '1';
    expect(await guard(() => writePlan('ctx', plan(), 'restore', expected, false))).toEqual({ ok: false, error: 'The studio is read-only (STUDIO_READ_ONLY=1): no change was made.', messages: [{ key: 'shell.readOnly.refused' }] });
    expect(replaceObject).not.toHaveBeenCalled();
    expect(audited().map((e) => [e.action, e.target.kind, e.result])).toEqual([
      ['rollout.restore', 'VirtualService', 'refused'],
      ['rollout.restore', 'DestinationRule', 'refused'],
    ]);
  });

  it('rolls the first object back when the second write fails, and says so', async () => {
    replaceObject
      .mockImplementationOnce(async (_c, _k, body: KubeObject) => ({ ...body, metadata: { ...body.metadata, resourceVersion: '12' } }))
      .mockRejectedValueOnce(new Error('the server answered 500'))
      .mockImplementationOnce(async (_c, _k, body: KubeObject) => body);
    const res = await guard(() => writePlan('ctx', plan(), 'applyStep', expected, false));
    expect(res).toEqual({
      ok: false,
      error: 'DestinationRule/web was not written: the server answered 500 Rolled back what was already written: VirtualService/web.',
      messages: [
        { key: 'rollouts.writeFailed.notWritten', values: { key: 'DestinationRule/web', error: 'the server answered 500' } },
        { key: 'rollouts.writeFailed.rolledBack', values: { keys: 'VirtualService/web' } },
      ],
    });
    expectTranslated(res);
    const back = replaceObject.mock.calls[2][2] as KubeObject;
    expect([back.kind, back.metadata.resourceVersion, back.spec]).toEqual(['VirtualService', '12', { v: 'before' }]);
  });

  it('says which objects could not be rolled back', async () => {
    replaceObject
      .mockImplementationOnce(async (_c, _k, body: KubeObject) => body)
      .mockRejectedValueOnce(new Error('boom'))
      .mockRejectedValueOnce(new Error('conflict'));
    const res = await guard(() => writePlan('ctx', plan(), 'restore', expected, false));
    expect(res).toEqual({
      ok: false,
      error: 'DestinationRule/web was not written: boom Could not roll back: VirtualService/web (conflict); check these objects.',
      messages: [
        { key: 'rollouts.writeFailed.notWritten', values: { key: 'DestinationRule/web', error: 'boom' } },
        { key: 'rollouts.writeFailed.notRolledBack', values: { objects: 'VirtualService/web (conflict)' } },
      ],
    });
    expectTranslated(res);
  });

  it('reports a first write that fails in one sentence', async () => {
    replaceObject.mockRejectedValueOnce(new Error('the server answered 500'));
    const res = await guard(() => writePlan('ctx', plan(), 'applyStep', expected, false));
    expect(res).toMatchObject({ ok: false, error: 'VirtualService/web was not written: the server answered 500', messages: [{ key: 'rollouts.writeFailed.notWritten' }] });
    expectTranslated(res);
  });

  it('refuses a plan that is not ready, or Progressing without the override, before any write', async () => {
    const p = plan();
    p.plan.ready = false;
    p.plan.errors = ['failed to execute lua for VirtualService(shop/web): <string>:1: boom'];
    p.plan.errorMsgs = [null];
    const notReady = await guard(() => writePlan('ctx', p, 'applyStep', expected, false));
    expect(notReady).toEqual({
      ok: false,
      error: 'Nothing was written: failed to execute lua for VirtualService(shop/web): <string>:1: boom',
      messages: [{ key: 'rollouts.refusal.nothingWritten' }, { key: 'rollouts.refusal.quoted', values: { text: 'failed to execute lua for VirtualService(shop/web): <string>:1: boom' } }],
    });
    expect(notReady.ok ? [] : notReady.messages!.map((m) => englishText(m.key, m.values)).join(' ')).toBe(notReady.ok ? '' : notReady.error);
    const q = plan();
    q.plan.progressingConflict = 'Rollout shop/web is Progressing on this object: the controller will overwrite manual changes on its next reconcile.';
    q.plan.progressingConflictMsgs = [msg('rollouts.conflict.progressingThis', { owner: 'Rollout shop/web' })];
    const refused = await guard(() => writePlan('ctx', q, 'applyStep', expected, false));
    expect(refused).toEqual({
      ok: false,
      error: 'Rollout shop/web is Progressing on this object: the controller will overwrite manual changes on its next reconcile. Nothing was written; confirm with the override to write anyway.',
      messages: [...q.plan.progressingConflictMsgs, { key: 'rollouts.refusal.progressing' }],
    });
    expectTranslated(refused);
    expect(replaceObject).not.toHaveBeenCalled();
    expect(audited().map((e) => [e.result, e.error])).toEqual([
      ['refused', expect.stringContaining('Nothing was written')],
      ['refused', expect.stringContaining('Nothing was written')],
      ['refused', expect.stringContaining('confirm with the override')],
      ['refused', expect.stringContaining('confirm with the override')],
    ]);
  });
});
