// Every mutating request the sandbox served, with who sent it and what it left, kept in memory for
// the e2e suite's audit check (e2e/audit-complete.spec.ts): it compares this list with the studio's
// audit. Read it at WRITE_LOG_PATH (authenticated, sandbox only: a real API server has no such path).
import type { IncomingMessage, ServerResponse } from 'node:http';

export const WRITE_LOG_PATH = '/debug/kube-lua-studio/writes';
const MAX = 20_000;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SandboxWrite {
  time: string;
  method: string;
  path: string;
  user: string;
  userAgent: string;
  status: number;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** of the object the response carries (the written one; for a DELETE the last one) */
  resourceVersion?: string;
}

export type WriteTarget = Pick<SandboxWrite, 'group' | 'resource' | 'subresource' | 'namespace' | 'name'>;

export class WriteLog {
  private readonly items: SandboxWrite[] = [];

  all(): SandboxWrite[] {
    return [...this.items];
  }

  /** Watches the response of a mutating request and records it once sent. */
  watch(req: IncomingMessage, res: ServerResponse, user: string, target: WriteTarget): void {
    const method = req.method ?? 'GET';
    if (!MUTATING.has(method)) return;
    const chunks: Buffer[] = [];
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      const c = args[0];
      if (typeof c === 'string' || Buffer.isBuffer(c)) chunks.push(Buffer.from(c));
      return end(...args);
    }) as ServerResponse['end'];
    res.on('finish', () => {
      const meta = metadataOf(Buffer.concat(chunks).toString('utf8'));
      this.items.push({
        time: new Date().toISOString(),
        method,
        path: req.url ?? '',
        user,
        userAgent: String(req.headers['user-agent'] ?? ''),
        status: res.statusCode,
        ...target,
        // a create names its object in the body, not the path
        name: target.name ?? meta?.name,
        ...(meta?.resourceVersion ? { resourceVersion: meta.resourceVersion } : {}),
      });
      if (this.items.length > MAX) this.items.splice(0, this.items.length - MAX);
    });
  }
}

function metadataOf(text: string): { name?: string; resourceVersion?: string } | null {
  try {
    const o = JSON.parse(text) as { kind?: string; metadata?: { name?: string; resourceVersion?: string } };
    return o.kind === 'Status' ? null : (o.metadata ?? null);
  } catch {
    return null;
  }
}
