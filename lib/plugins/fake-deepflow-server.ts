// A stand-in for the DeepFlow controller's plugin API (deepflow-tagging.md §8), for tests and the
// e2e run: Node http only, bound to 127.0.0.1. It follows the reference to the letter where the
// studio can observe it: the envelope, `DATA: null` when empty, updated_at DESC with the
// "2006-01-02 15:04:05" layout, create-overwrites-in-place (id and created_at kept), per-org
// plugins, and the errors' status codes and texts. Images are kept as sent (no zlib: unobservable).
// Not part of the app: nothing imports it but tests and e2e/support/fake-deepflow.mjs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakePluginRow {
  id: number;
  name: string;
  type: number;
  user: number;
  image: Buffer;
  createdAt: number; // ms
  updatedAt: number; // ms
}

export interface FakeRequestLog {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  fields?: Record<string, string>;
  imageFileName?: string;
}

export interface FakeDeepflow {
  url: string;
  port: number;
  /** Rows per org id. */
  orgs: Map<number, FakePluginRow[]>;
  requests: FakeRequestLog[];
  /** `garbage`: every DeepFlow route answers HTML with 200; `hang`: never answers. */
  mode: 'normal' | 'garbage' | 'hang';
  close(): Promise<void>;
}

/** Go's time layout "2006-01-02 15:04:05" (the server's local time; UTC here). */
export function goDateTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** strconv.Atoi's acceptance and error texts (base 10, optional sign, 64-bit range). */
export function goAtoi(s: string): { ok: true; value: number } | { ok: false; error: string } {
  if (!/^[+-]?\d+$/.test(s)) return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
  const v = BigInt(s);
  if (v > 9223372036854775807n || v < -9223372036854775808n) return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range` };
  return { ok: true, value: Number(v) };
}

const STATUS_CODE: Record<string, number> = { SUCCESS: 200, RESOURCE_NOT_FOUND: 400, INVALID_PARAMETERS: 400, ORG_ID_INVALID: 400, FAIL: 500, SERVER_ERROR: 500 };

function send(res: http.ServerResponse, opt: string, description: string, data: unknown): void {
  const body = JSON.stringify({ OPT_STATUS: opt, DESCRIPTION: description, DATA: data });
  res.writeHead(STATUS_CODE[opt] ?? 500, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(body);
}

function rowJson(r: FakePluginRow) {
  return { NAME: r.name, TYPE: r.type, USER: r.user, UPDATED_AT: goDateTime(r.updatedAt) };
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeDeepflow(opts: { port?: number; host?: string; now?: () => number } = {}): Promise<FakeDeepflow> {
  const now = opts.now ?? (() => Date.now());
  const orgs = new Map<number, FakePluginRow[]>();
  const requests: FakeRequestLog[] = [];
  let nextId = 1;
  const fake = { orgs, requests, mode: 'normal' } as FakeDeepflow;

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readBody(req);
    const log: FakeRequestLog = { method: req.method ?? '', path: url.pathname, headers: { 'x-org-id': req.headers['x-org-id'] as string | undefined, 'x-user-id': req.headers['x-user-id'] as string | undefined, 'x-user-type': req.headers['x-user-type'] as string | undefined, accept: req.headers.accept } };

    // Test controls, outside DeepFlow's API: switch the failure mode.
    if (url.pathname === '/__fake__/mode' && req.method === 'POST') {
      const mode = body.toString().trim();
      fake.mode = mode === 'garbage' || mode === 'hang' ? mode : 'normal';
      res.writeHead(204).end();
      return;
    }
    const isPlugin = /^\/v1\/plugin\/?/.test(url.pathname);
    if (isPlugin) requests.push(log);
    if (isPlugin && fake.mode === 'hang') return; // never answers
    if (isPlugin && fake.mode === 'garbage') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
      return;
    }

    const orgHeader = req.headers['x-org-id'];
    let org = 1;
    if (typeof orgHeader === 'string' && orgHeader !== '') {
      const a = goAtoi(orgHeader);
      if (!a.ok) return send(res, 'ORG_ID_INVALID', `invalid org id (${orgHeader}): ${a.error}`, null);
      org = a.value;
    }
    const rows = orgs.get(org) ?? [];
    orgs.set(org, rows);

    if (req.method === 'GET' && (url.pathname === '/v1/plugin/' || url.pathname === '/v1/plugin')) {
      const sorted = [...rows].sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id);
      return send(res, 'SUCCESS', '', sorted.length ? sorted.map(rowJson) : null);
    }

    if (req.method === 'POST' && (url.pathname === '/v1/plugin/' || url.pathname === '/v1/plugin')) {
      let form: FormData;
      try {
        form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: new Uint8Array(body) }).formData();
      } catch {
        form = new FormData();
      }
      const field = (k: string) => {
        const v = form.get(k);
        return typeof v === 'string' ? v : '';
      };
      log.fields = { NAME: field('NAME'), TYPE: field('TYPE'), USER: field('USER') };
      const type = goAtoi(field('TYPE'));
      if (!type.ok) return send(res, 'FAIL', type.error, null);
      const user = goAtoi(field('USER'));
      if (!user.ok) return send(res, 'FAIL', user.error, null);
      const image = form.get('IMAGE');
      if (!image || typeof image === 'string') return send(res, 'FAIL', 'http: no such file', null);
      log.imageFileName = (image as File).name;
      const bytes = Buffer.from(await (image as Blob).arrayBuffer());
      const name = field('NAME');
      const at = now();
      const existing = rows.find((r) => r.name === name);
      if (existing) {
        // ORM update by name: zero values are skipped, id and created_at kept (execution position kept).
        if (type.value !== 0) existing.type = type.value;
        if (user.value !== 0) existing.user = user.value;
        if (bytes.length) existing.image = bytes;
        existing.updatedAt = at;
        return send(res, 'SUCCESS', '', rowJson(existing));
      }
      const row: FakePluginRow = { id: nextId++, name, type: type.value, user: user.value === 0 ? 1 : user.value, image: bytes, createdAt: at, updatedAt: at };
      rows.push(row);
      return send(res, 'SUCCESS', '', rowJson(row));
    }

    const del = /^\/v1\/plugin\/([^/]+)\/?$/.exec(url.pathname);
    if (req.method === 'DELETE' && del) {
      const name = decodeURIComponent(del[1]);
      const before = rows.length;
      const kept = rows.filter((r) => r.name !== name);
      if (kept.length === before) return send(res, 'RESOURCE_NOT_FOUND', `plugin (name: ${name}) not found`, null);
      orgs.set(org, kept);
      return send(res, 'SUCCESS', '', null);
    }

    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  fake.port = port;
  fake.url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  fake.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return fake;
}

/** Execution order DeepFlow would use for an org: Lua rows by ascending id (creation order, §3.2). */
export function executionOrder(fake: FakeDeepflow, org = 1): string[] {
  return [...(fake.orgs.get(org) ?? [])].filter((r) => r.type === 3).sort((a, b) => a.id - b.id).map((r) => r.name);
}
