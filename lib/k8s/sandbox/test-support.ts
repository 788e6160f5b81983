// Helpers for the sandbox's own tests (and anyone else's): a KubeConfig wired to a sandbox, and a
// raw HTTPS request for the cases @kubernetes/client-node cannot express.
import { request as httpsRequest } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import { sandboxKubeconfig, type Sandbox } from './index';

export function kubeConfigFor(sb: Pick<Sandbox, 'url' | 'caPem' | 'token'>, namespace = 'default'): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(sandboxKubeconfig([{ name: 'sandbox', sandbox: sb, namespace }], 'sandbox'));
  return kc;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => any;
}

export function raw(
  sb: Pick<Sandbox, 'url' | 'caPem' | 'token'>,
  method: string,
  path: string,
  opts: { body?: unknown; contentType?: string; accept?: string; token?: string | null; headers?: Record<string, string | string[]> } = {},
): Promise<RawResponse> {
  const url = new URL(path, sb.url);
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const headers: Record<string, string | string[]> = { ...opts.headers };
  if (opts.token !== null) headers.Authorization = `Bearer ${opts.token ?? sb.token}`;
  if (body !== undefined) {
    headers['Content-Type'] = opts.contentType ?? 'application/json';
    // Node's client does not chunk DELETE bodies, so the length must be explicit.
    headers['Content-Length'] = String(Buffer.byteLength(body));
  }
  if (opts.accept) headers.Accept = opts.accept;
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method, headers, ca: sb.caPem, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

export const testPod = (name: string, namespace = 'default', labels: Record<string, string> = {}, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
  ...extra,
});
