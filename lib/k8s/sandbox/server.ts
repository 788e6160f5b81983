// The HTTPS listener: bearer-token auth, RBAC-style denials, discovery, and dispatch to handlers.
// Sockets are tracked so `pause()` can drop every connection (an outage) while keeping the port.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { apiGroupDoc, apiGroupList, apiResourceList, apiVersions, SERVER_VERSION } from './discovery';
import { handleResource } from './handlers';
import { openapiGroupVersion, openapiRoot } from './openapi';
import { sendError, sendJson } from './http';
import { parseRoute, verbOf } from './router';
import { ApiError, errors } from './status';
import type { SandboxStore } from './store';

export interface ServerConfig {
  store: SandboxStore;
  token: string;
  user: string;
  denyResources: string[];
  tls: { key: string; cert: string };
  bookmarkIntervalMs: number;
  log?: (line: string) => void;
}

// Anonymous access to these matches the default `system:public-info-viewer` role.
const PUBLIC = new Set(['version', 'health']);

function authorized(req: IncomingMessage, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1].trim());
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class SandboxServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  constructor(
    private readonly cfg: ServerConfig,
    private readonly host: string,
  ) {
    this.server = createServer({ key: cfg.tls.key, cert: cfg.tls.cert }, (req, res) => {
      this.handle(req, res).catch((err) => sendError(res, err));
    });
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    // Watches are long-lived; the default 5 min request timeout would cut them.
    this.server.requestTimeout = 0;
    this.server.headersTimeout = 60_000;
    this.server.keepAliveTimeout = 60_000;
  }

  get address(): string {
    return `${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}`;
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.server.once('error', onError);
      this.server.listen(port, this.host, () => {
        this.server.off('error', onError);
        const addr = this.server.address();
        this.port = typeof addr === 'object' && addr ? addr.port : port;
        resolve(this.port);
      });
    });
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
    });
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://sandbox');
    const route = parseRoute(url.pathname, this.cfg.store);
    if (this.cfg.log) {
      const started = Date.now();
      res.on('finish', () => this.cfg.log!(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    }
    if (!PUBLIC.has(route.type) && !authorized(req, this.cfg.token)) throw errors.unauthorized();
    const kinds = this.cfg.store.kinds;
    switch (route.type) {
      case 'version':
        return sendJson(res, 200, SERVER_VERSION);
      case 'health':
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
        return;
      case 'api':
        return sendJson(res, 200, apiVersions(this.address));
      case 'apis':
        return sendJson(res, 200, apiGroupList(kinds));
      case 'group': {
        const doc = apiGroupDoc(kinds, route.group);
        if (!doc) throw errors.pathNotFound();
        return sendJson(res, 200, doc);
      }
      case 'resources': {
        const doc = apiResourceList(kinds, route.group, route.version);
        if (!doc) throw errors.pathNotFound();
        return sendJson(res, 200, doc);
      }
      case 'resource': {
        if (route.subresource === 'log' && this.cfg.denyResources.includes('pods/log')) {
          // RBAC names the subresource: `pods/log` is granted (or not) apart from `pods`
          throw new ApiError(403, 'Forbidden', `pods "${route.name}" is forbidden: User "${this.cfg.user}" cannot get resource "pods/log" in API group "" in the namespace "${route.namespace}"`, { name: route.name, kind: 'pods' });
        }
        if (route.subresource !== 'log' && this.cfg.denyResources.includes(route.kind.plural)) {
          const watch = route.legacyWatch || url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1';
          throw errors.forbidden(this.cfg.user, verbOf(req.method ?? 'GET', route, watch), route.kind, route.namespace, route.name);
        }
        return handleResource(req, res, route, url, { store: this.cfg.store, bookmarkIntervalMs: this.cfg.bookmarkIntervalMs });
      }
      case 'openapi': {
        const doc = route.path ? openapiGroupVersion(kinds, route.path) : openapiRoot(kinds);
        if (!doc) throw errors.pathNotFound();
        return sendJson(res, 200, doc);
      }
      default:
        throw errors.pathNotFound();
    }
  }
}
