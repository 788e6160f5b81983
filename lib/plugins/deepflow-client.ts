import 'server-only';
// The DeepFlow controller's plugin API (deepflow-tagging.md §8), as deepflow-ctl calls it. Never
// throws: every answer is `{ ok: true, … }`, DeepFlow's own refusal (`refused`, OPT_STATUS and
// DESCRIPTION verbatim), or `unreachable` (down, timed out, or not DeepFlow's envelope).
export interface DeepflowServer {
  /** Base URL without the trailing slash, e.g. http://10.0.0.5:30417 */
  url: string;
  orgId: number;
  timeoutMs?: number;
}

export interface RemotePlugin {
  name: string;
  type: number;
  user: number;
  updatedAt: string;
}

export type DeepflowCall<T> =
  | ({ ok: true } & T)
  | { ok: false; kind: 'refused'; status: number; optStatus: string; description: string; error: string }
  | { ok: false; kind: 'unreachable'; error: string };

export const DEEPFLOW_TIMEOUT_MS = 10_000;
/** TYPE 3 = Lua, USER 2 = server (what `deepflow-ctl plugin create --type lua --user server` sends). */
export const LUA_TYPE = 3;
export const SERVER_USER = 2;

/** DEEPFLOW_SERVER_URL / DEEPFLOW_ORG_ID; null when no server is configured. Throws on a bad value. */
export function deepflowServerFromEnv(env: Record<string, string | undefined> = process.env): DeepflowServer | null {
  const raw = env.DEEPFLOW_SERVER_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DEEPFLOW_SERVER_URL="${raw}" is not a URL (expected e.g. http://<controller>:30417).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`DEEPFLOW_SERVER_URL="${raw}" must be an http:// or https:// URL.`);
  const orgText = env.DEEPFLOW_ORG_ID?.trim() || '1';
  const orgId = Number(orgText);
  if (!Number.isInteger(orgId) || orgId < 1) throw new Error(`DEEPFLOW_ORG_ID="${orgText}" must be a positive integer (DeepFlow's default organisation is 1).`);
  return { url: url.toString().replace(/\/+$/, ''), orgId };
}

export function serverKey(s: DeepflowServer): string {
  return `${s.url}#org${s.orgId}`;
}

function headers(s: DeepflowServer): Record<string, string> {
  return { 'X-Org-Id': String(s.orgId), 'X-User-Id': '1', 'X-User-Type': '1', Accept: 'application/json, text/plain' };
}

interface Envelope {
  OPT_STATUS: string;
  DESCRIPTION?: string;
  DATA?: unknown;
}

function isEnvelope(v: unknown): v is Envelope {
  return !!v && typeof v === 'object' && typeof (v as Envelope).OPT_STATUS === 'string';
}

const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);

async function call(s: DeepflowServer, method: string, path: string, body?: FormData): Promise<DeepflowCall<{ data: unknown }>> {
  const target = `${s.url}${path}`;
  const timeoutMs = s.timeoutMs ?? DEEPFLOW_TIMEOUT_MS;
  let res: Response;
  let text: string;
  try {
    res = await fetch(target, { method, headers: headers(s), body, cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const why = err.name === 'TimeoutError' || err.name === 'AbortError' ? `no answer within ${timeoutMs / 1000} s` : err.cause?.code ?? err.cause?.message ?? err.message;
    return { ok: false, kind: 'unreachable', error: `DeepFlow at ${s.url} did not answer ${method} ${path}: ${why}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!isEnvelope(json)) {
    return { ok: false, kind: 'unreachable', error: `DeepFlow at ${s.url} did not answer ${method} ${path} with its JSON envelope (HTTP ${res.status}: ${clip(text.trim()) || 'empty body'})` };
  }
  if (res.status !== 200 || json.OPT_STATUS !== 'SUCCESS') {
    const description = json.DESCRIPTION ?? '';
    return { ok: false, kind: 'refused', status: res.status, optStatus: json.OPT_STATUS, description, error: `DeepFlow at ${s.url} refused ${method} ${path} (HTTP ${res.status}): ${json.OPT_STATUS}: ${description}` };
  }
  return { ok: true, data: json.DATA ?? null };
}

function toRemote(row: unknown): RemotePlugin | null {
  if (!row || typeof row !== 'object') return null;
  const r = row as Record<string, unknown>;
  if (typeof r.NAME !== 'string') return null;
  return { name: r.NAME, type: Number(r.TYPE), user: Number(r.USER), updatedAt: String(r.UPDATED_AT ?? '') };
}

/** GET /v1/plugin/: every plugin of the org (all types), updated_at DESC as DeepFlow sorts it. */
export async function listRemotePlugins(s: DeepflowServer): Promise<DeepflowCall<{ plugins: RemotePlugin[] }>> {
  const r = await call(s, 'GET', '/v1/plugin/');
  if (!r.ok) return r;
  if (r.data === null) return { ok: true, plugins: [] }; // DeepFlow answers DATA: null when there are none
  if (!Array.isArray(r.data)) return { ok: false, kind: 'unreachable', error: `DeepFlow at ${s.url} answered GET /v1/plugin/ with DATA that is not a list` };
  const plugins = r.data.map(toRemote);
  if (plugins.some((p) => p === null)) return { ok: false, kind: 'unreachable', error: `DeepFlow at ${s.url} answered GET /v1/plugin/ with rows without NAME` };
  return { ok: true, plugins: plugins as RemotePlugin[] };
}

/** POST /v1/plugin/ (multipart NAME, TYPE=3, USER=2, IMAGE=<name>.lua): creates, or overwrites in place. */
export async function uploadPlugin(s: DeepflowServer, name: string, source: string): Promise<DeepflowCall<{ plugin: RemotePlugin | null }>> {
  const form = new FormData();
  form.append('NAME', name);
  form.append('TYPE', String(LUA_TYPE));
  form.append('USER', String(SERVER_USER));
  form.append('IMAGE', new Blob([source], { type: 'application/octet-stream' }), `${name}.lua`);
  const r = await call(s, 'POST', '/v1/plugin/', form);
  if (!r.ok) return r;
  return { ok: true, plugin: toRemote(r.data) };
}

/** DELETE /v1/plugin/<name>/. `RESOURCE_NOT_FOUND` comes back as a refusal with that OPT_STATUS. */
export async function deleteRemotePlugin(s: DeepflowServer, name: string): Promise<DeepflowCall<object>> {
  const r = await call(s, 'DELETE', `/v1/plugin/${encodeURIComponent(name)}/`);
  return r.ok ? { ok: true } : r;
}
