// `GET /api/v1/namespaces/{ns}/pods/{name}/log`: seeded, deterministic container logs, with the
// parameters and error answers of the API server (PodLogOptions validation, container choice,
// waiting containers, `previous`). Each container has a fixed list of lines (picked from templates by
// a PRNG seeded with namespace/pod/container); the lines are 15 s apart, the last one at the latest
// 15 s boundary, so `sinceSeconds` and `timestamps` behave as on a live cluster.
import { ApiError, errors } from './status';
import type { K8sObject } from './store';

export const LOG_LINE_INTERVAL_MS = 15_000;

export interface LogQuery {
  container?: string;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  timestamps?: boolean;
  previous?: boolean;
  limitBytes?: number;
}

interface ContainerSpec { name?: string }
interface ContainerStatus {
  name?: string;
  restartCount?: number;
  state?: { waiting?: { reason?: string }; running?: { startedAt?: string }; terminated?: { startedAt?: string } };
}

const TEMPLATES = [
  'INFO  request handled method=GET path=/healthz status=200 duration={ms}ms',
  'INFO  request handled method=GET path=/api/items status=200 duration={ms}ms',
  'INFO  request handled method=POST path=/api/orders status=201 duration={ms}ms',
  'WARN  slow upstream call target={peer} duration={slow}ms',
  'INFO  cache refreshed entries={n}',
  'DEBUG connection pool size={small} idle={tiny}',
  'ERROR upstream {peer} answered 503, retrying in {tiny}s',
  'INFO  config reloaded generation={small}',
];
const PEERS = ['payments:8080', 'inventory:9090', 'db:5432', 'cache:6379', 'auth:8443'];

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

// mulberry32: a tiny seeded PRNG, so a pod's lines are the same in every run.
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fixed text lines of one container (the `previous` instance has its own). */
export function containerLogLines(namespace: string, pod: string, container: string, previous = false): string[] {
  const rand = prng(hash(`${namespace}/${pod}/${container}${previous ? '#previous' : ''}`));
  const count = 12 + Math.floor(rand() * 24);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const lines = [`INFO  starting ${container} in pod ${namespace}/${pod}`];
  for (let i = 1; i < count; i++) {
    const t = TEMPLATES[int(0, TEMPLATES.length - 1)];
    lines.push(
      t.replace('{ms}', String(int(1, 90)))
        .replace('{slow}', String(int(800, 4000)))
        .replace('{peer}', PEERS[int(0, PEERS.length - 1)])
        .replace('{n}', String(int(10, 5000)))
        .replace('{small}', String(int(2, 40)))
        .replace('{tiny}', String(int(1, 5))),
    );
  }
  if (previous) lines.push('ERROR fatal: out of memory, exiting');
  return lines;
}

function invalid(pod: string, field: string, message: string): ApiError {
  return errors.invalid({ group: '', kind: 'PodLogOptions' }, pod, [{ field, message }]);
}

function rfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** The log text the API server would send for `pod` (throws ApiError for its 400/422 answers). */
export function podLog(pod: K8sObject, q: LogQuery, now = Date.now()): string {
  const name = pod.metadata.name ?? '';
  const namespace = pod.metadata.namespace ?? '';
  const spec = (pod as { spec?: { containers?: ContainerSpec[]; initContainers?: ContainerSpec[] } }).spec ?? {};
  const names = (spec.containers ?? []).map((c) => c.name ?? '');
  const initNames = (spec.initContainers ?? []).map((c) => c.name ?? '');

  if (q.tailLines !== undefined && q.tailLines < 0) throw invalid(name, 'tailLines', `Invalid value: ${q.tailLines}: must be greater than or equal to 0`);
  if (q.sinceSeconds !== undefined && q.sinceSeconds < 1) throw invalid(name, 'sinceSeconds', `Invalid value: ${q.sinceSeconds}: must be greater than 0`);
  if (q.limitBytes !== undefined && q.limitBytes < 1) throw invalid(name, 'limitBytes', `Invalid value: ${q.limitBytes}: must be greater than 0`);
  if (q.sinceSeconds !== undefined && q.sinceTime !== undefined) throw invalid(name, 'sinceTime', 'Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified');

  let container = q.container;
  if (!container) {
    if (names.length !== 1) {
      const init = initNames.length ? ` or one of the init containers: [${initNames.join(' ')}]` : '';
      throw errors.badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]${init}`);
    }
    container = names[0];
  }
  if (!names.includes(container) && !initNames.includes(container)) throw errors.badRequest(`container ${container} is not valid for pod ${name}`);

  const status = (pod as { status?: { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[]; phase?: string } }).status ?? {};
  const cs = [...(status.containerStatuses ?? []), ...(status.initContainerStatuses ?? [])].find((s) => s.name === container);
  const waiting = cs?.state?.waiting ?? (!cs && status.phase === 'Pending' ? { reason: 'ContainerCreating' } : undefined);
  if (q.previous) {
    if (!cs?.restartCount) throw errors.badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
  } else if (waiting) {
    throw errors.badRequest(`container "${container}" in pod "${name}" is waiting to start: ${waiting.reason ?? 'ContainerCreating'}`);
  }

  const lines = containerLogLines(namespace, name, container, q.previous === true);
  const last = Math.floor(now / LOG_LINE_INTERVAL_MS) * LOG_LINE_INTERVAL_MS - (q.previous ? 3_600_000 : 0);
  let stamped = lines.map((text, i) => ({ at: last - (lines.length - 1 - i) * LOG_LINE_INTERVAL_MS, text }));
  const since = q.sinceSeconds !== undefined ? now - q.sinceSeconds * 1000 : q.sinceTime !== undefined ? Date.parse(q.sinceTime) : undefined;
  if (since !== undefined && !Number.isNaN(since)) stamped = stamped.filter((l) => l.at >= since);
  if (q.tailLines !== undefined) stamped = q.tailLines === 0 ? [] : stamped.slice(-q.tailLines);
  let text = stamped.map((l) => `${q.timestamps ? rfc3339Nano(l.at) + ' ' : ''}${l.text}\n`).join('');
  if (q.limitBytes !== undefined) text = Buffer.from(text, 'utf8').subarray(0, q.limitBytes).toString('utf8');
  return text;
}

/** Reads PodLogOptions from the query string, answering 400 for values that are not numbers/booleans. */
export function logQuery(params: URLSearchParams): LogQuery {
  const q: LogQuery = {};
  const int = (key: 'tailLines' | 'sinceSeconds' | 'limitBytes') => {
    const v = params.get(key);
    if (v === null) return;
    if (!/^-?\d+$/.test(v)) throw errors.badRequest(`invalid value for ${key}: ${JSON.stringify(v)}: strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
    q[key] = Number(v);
  };
  const bool = (key: 'timestamps' | 'previous') => {
    const v = params.get(key);
    if (v === null) return;
    if (!/^(true|false|1|0)$/.test(v)) throw errors.badRequest(`invalid value for ${key}: ${JSON.stringify(v)}: strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`);
    q[key] = v === 'true' || v === '1';
  };
  int('tailLines');
  int('sinceSeconds');
  int('limitBytes');
  bool('timestamps');
  bool('previous');
  const container = params.get('container');
  if (container) q.container = container;
  const sinceTime = params.get('sinceTime');
  if (sinceTime) q.sinceTime = sinceTime;
  return q;
}
