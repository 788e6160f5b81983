// The fake follows deepflow-tagging.md §8; these tests pin it to the reference, raw HTTP only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionOrder, goAtoi, goDateTime, startFakeDeepflow, type FakeDeepflow } from './fake-deepflow-server';

let fake: FakeDeepflow;
let clock = Date.UTC(2024, 7, 7, 10, 0, 0);
beforeAll(async () => {
  fake = await startFakeDeepflow({ now: () => clock });
});
afterAll(() => fake.close());

function form(fields: Record<string, string>, image?: { name: string; text: string }): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (image) f.append('IMAGE', new Blob([image.text]), image.name);
  return f;
}

async function call(method: string, path: string, body?: FormData, headers: Record<string, string> = {}) {
  const r = await fetch(`${fake.url}${path}`, { method, body, headers });
  return { status: r.status, json: JSON.parse(await r.text()) as { OPT_STATUS: string; DESCRIPTION: string; DATA: unknown } };
}

describe('fake DeepFlow plugin API', () => {
  it('answers DATA null when an org has no plugins', async () => {
    expect(await call('GET', '/v1/plugin/')).toEqual({ status: 200, json: { OPT_STATUS: 'SUCCESS', DESCRIPTION: '', DATA: null } });
  });

  it('creates, lists by updated_at DESC in the Go layout, and overwrites in place keeping the id', async () => {
    expect((await call('POST', '/v1/plugin/', form({ NAME: 'first', TYPE: '3', USER: '2' }, { name: 'first.lua', text: 'a' }))).json).toEqual({
      OPT_STATUS: 'SUCCESS', DESCRIPTION: '', DATA: { NAME: 'first', TYPE: 3, USER: 2, UPDATED_AT: '2024-08-07 10:00:00' },
    });
    clock += 61_000;
    await call('POST', '/v1/plugin/', form({ NAME: 'second', TYPE: '3', USER: '0' }, { name: 'second.lua', text: 'b' }));
    clock += 61_000;
    await call('POST', '/v1/plugin/', form({ NAME: 'first', TYPE: '3', USER: '0' }, { name: 'first.lua', text: 'a2' }));
    const list = await call('GET', '/v1/plugin/');
    expect(list.json.DATA).toEqual([
      { NAME: 'first', TYPE: 3, USER: 2, UPDATED_AT: '2024-08-07 10:02:02' }, // USER 0 skipped on update
      { NAME: 'second', TYPE: 3, USER: 1, UPDATED_AT: '2024-08-07 10:01:01' }, // USER 0 → 1 on insert
    ]);
    expect(executionOrder(fake)).toEqual(['first', 'second']); // creation order kept by the overwrite
    expect(fake.orgs.get(1)!.find((r) => r.name === 'first')!.image.toString()).toBe('a2');
  });

  it('refuses what DeepFlow refuses, with its status codes and texts', async () => {
    expect(await call('POST', '/v1/plugin/', form({ NAME: 'x', USER: '2' }, { name: 'x.lua', text: '' }))).toEqual({
      status: 500, json: { OPT_STATUS: 'FAIL', DESCRIPTION: 'strconv.Atoi: parsing "": invalid syntax', DATA: null },
    });
    expect(await call('POST', '/v1/plugin/', form({ NAME: 'x', TYPE: '3', USER: '2' }))).toEqual({
      status: 500, json: { OPT_STATUS: 'FAIL', DESCRIPTION: 'http: no such file', DATA: null },
    });
    expect(await call('DELETE', '/v1/plugin/nope/')).toEqual({
      status: 400, json: { OPT_STATUS: 'RESOURCE_NOT_FOUND', DESCRIPTION: 'plugin (name: nope) not found', DATA: null },
    });
    const org = await call('GET', '/v1/plugin/', undefined, { 'X-Org-Id': 'abc' });
    expect(org.status).toBe(400);
    expect(org.json.OPT_STATUS).toBe('ORG_ID_INVALID');
  });

  it('keeps plugins per org and deletes by name', async () => {
    await call('POST', '/v1/plugin/', form({ NAME: 'org2-only', TYPE: '3', USER: '2' }, { name: 'o.lua', text: 'c' }), { 'X-Org-Id': '2' });
    expect((await call('GET', '/v1/plugin/', undefined, { 'X-Org-Id': '2' })).json.DATA).toEqual([expect.objectContaining({ NAME: 'org2-only' })]);
    expect((await call('GET', '/v1/plugin/')).json.DATA).not.toContainEqual(expect.objectContaining({ NAME: 'org2-only' }));
    expect(await call('DELETE', '/v1/plugin/second/')).toEqual({ status: 200, json: { OPT_STATUS: 'SUCCESS', DESCRIPTION: '', DATA: null } });
    expect(executionOrder(fake)).toEqual(['first']);
  });

  it("implements Go's strconv.Atoi and time layout", () => {
    expect(goAtoi('+3')).toEqual({ ok: true, value: 3 });
    expect(goAtoi(' 3')).toEqual({ ok: false, error: 'strconv.Atoi: parsing " 3": invalid syntax' });
    expect(goAtoi('99999999999999999999')).toEqual({ ok: false, error: 'strconv.Atoi: parsing "99999999999999999999": value out of range' });
    expect(goDateTime(Date.UTC(2006, 0, 2, 15, 4, 5))).toBe('2006-01-02 15:04:05');
  });
});
