// Every shape of failure × every shape of context that toKubeError words differently: errors-catalogue.test.ts
// renders each through the catalogue in both languages.
import type { ErrorContext } from '../errors';
import { NETWORK_CODES } from '../errors';

const status = (code: number, message?: string, reason?: string) => ({ body: JSON.stringify({ kind: 'Status', code, message, reason }) });
const cause = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

const contexts: [string, ErrorContext][] = [
  ['empty', {}],
  ['list all', { verb: 'list', resource: 'pods', context: 'prod' }],
  ['list ns', { verb: 'list', resource: 'pods', namespace: 'shop' }],
  ['get named ns', { verb: 'get', resource: 'configmaps', namespace: 'kruise-rollout', name: 'cfg', server: 'https://10.0.0.1:6443', context: 'prod' }],
  ['get named cluster', { verb: 'get', resource: 'nodes', name: 'n1' }],
  ['named no resource', { name: 'x', namespace: 'a' }],
  ['server only', { server: 'https://k.example:443' }],
];

const errors: [string, unknown][] = [
  ['401', status(401)],
  ['403', status(403)],
  ['403 said', status(403, 'pods is forbidden: User "u" cannot list resource "pods"', 'Forbidden')],
  ['404', status(404)],
  ['410', status(410)],
  ['410 said', status(410, 'too old resource version: 1 (2)')],
  ['409', status(409)],
  ['409 said', status(409, 'the object has been modified')],
  ['500', status(500)],
  ['503', status(503)],
  ['418 said', status(418, 'teapot')],
  ['timeout', Object.assign(new Error('t'), { name: 'TimeoutError' })],
  ['abort', Object.assign(new Error('a'), { name: 'AbortError' })],
  ['tls', cause('DEPTH_ZERO_SELF_SIGNED_CERT')],
  ...[...NETWORK_CODES].map((c): [string, unknown] => [c, cause(c)]),
  ['fetch failed', new TypeError('fetch failed')],
  ['socket', new Error('other side closed the socket')],
  ['plain', new Error('something odd')],
];

export const MATRIX: [string, unknown, ErrorContext][] = errors.flatMap(([e, err]) => contexts.map(([c, ctx]): [string, unknown, ErrorContext] => [`${e} / ${c}`, err, ctx]));
