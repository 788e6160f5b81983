// DNS rebinding: a page on evil.example that re-points its name to 127.0.0.1 reaches the studio with
// `Host: evil.example:…`. Every route must refuse that, and server actions must also refuse a foreign
// Origin. Requests go through Playwright's API client, which sends the headers as given.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { BASE_URL, PORT } from './env';
import { ROOT } from './failure-env';

const FOREIGN_HOST = `evil.example:${PORT}`;

/** The id of a real server action (app/actions.ts switchContext) from the build the studio serves. */
function switchContextActionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(([, a]) => a.filename === 'app/actions.ts' && a.exportedName === 'switchContext')?.[0];
  if (!id) throw new Error('switchContext is not in the server reference manifest');
  return id;
}

const actionHeaders = (id: string) => ({ 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' });
const actionBody = JSON.stringify([{ context: 'sandbox' }]);

test.describe('host guard', () => {
  test('a foreign Host is refused on pages, /api/*, the watch stream and server actions', async ({ playwright }) => {
    const evil = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Host: FOREIGN_HOST } });
    try {
      const requests = [
        evil.get('/pods'),
        evil.get('/api/cluster'),
        evil.get('/api/watch?context=sandbox&kinds=pods'),
        evil.post('/api/kube', { data: { verb: 'list', group: '', version: 'v1', plural: 'pods' } }),
        evil.post('/pods', { headers: { ...actionHeaders(switchContextActionId()), Origin: `http://${FOREIGN_HOST}` }, data: actionBody }),
        // An action id that does not exist: the guard answers before Next looks the action up.
        evil.post('/pods', { headers: { ...actionHeaders('00deadbeef'), Origin: `http://${FOREIGN_HOST}` }, data: actionBody }),
      ];
      for (const res of await Promise.all(requests)) {
        expect(res.status(), res.url()).toBe(421);
        expect(res.headers()['content-type']).toMatch(/^text\/plain/);
        const text = await res.text();
        expect(text).toContain(`Host ${FOREIGN_HOST} is not allowed`);
        expect(text).toContain('set STUDIO_ALLOWED_HOSTS');
        expect(text).not.toContain('sandbox-admin');
      }
    } finally {
      await evil.dispose();
    }
  });

  test('a server action from a foreign Origin, or without one, is refused; from the studio it runs', async ({ request }) => {
    const id = switchContextActionId();
    const foreign = await request.post('/pods', { headers: { ...actionHeaders(id), Origin: 'http://evil.example' }, data: actionBody });
    expect(foreign.status()).toBe(403);
    expect(await foreign.text()).toMatch(/^Cross-origin server action refused: Origin http:\/\/evil\.example is not this studio/);

    const otherLocalPort = await request.post('/pods', { headers: { ...actionHeaders(id), Origin: 'http://127.0.0.1:1' }, data: actionBody });
    expect(otherLocalPort.status()).toBe(403);

    const noOrigin = await request.post('/pods', { headers: actionHeaders(id), data: actionBody });
    expect(noOrigin.status()).toBe(403);
    expect(await noOrigin.text()).toContain('no Origin header');

    const own = await request.post('/pods', { headers: { ...actionHeaders(id), Origin: BASE_URL }, data: actionBody });
    expect(own.status()).toBe(200);
    expect(await own.text()).toContain('"context":"sandbox"');
  });

  test('loopback names still work', async ({ playwright, request }) => {
    const cluster = await request.get('/api/cluster');
    expect(cluster.status()).toBe(200);
    expect((await cluster.json()).current).toBe('sandbox');
    for (const host of [`localhost:${PORT}`, `127.0.0.1:${PORT}`]) {
      const ctx = await playwright.request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Host: host } });
      try {
        expect((await ctx.get('/api/cluster')).status(), host).toBe(200);
        expect((await ctx.get('/pods')).status(), host).toBe(200);
      } finally {
        await ctx.dispose();
      }
    }
  });

  test('the pages the browser loads pass the guard', async ({ shell }) => {
    await shell.goto('/pods');
    await shell.expectConnected();
    await expect(shell.heading('Pods')).toBeVisible();
  });
});
