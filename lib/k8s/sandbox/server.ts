// The HTTPS listener: bearer-token auth, RBAC (rbac.ts) on every resource request, discovery, and
// dispatch to handlers.
// Sockets are tracked so `pause()` can drop every connection (an outage) while keeping the port.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { handleReview, REVIEW_GROUP, reviewGroup, reviewGroupDoc, reviewResourceList, REVIEW_VERSION } from './access-review';
import { AUTHN_GROUP, authnGroup, authnGroupDoc, authnResourceList, AUTHN_VERSION, handleAuthn } from './authentication';
import { actAs, impersonationRequest } from './impersonation';
import { apiGroupDoc, apiGroupList, apiResourceList, apiVersions, SERVER_VERSION } from './discovery';
import { handleResource } from './handlers';
import { openapiGroupVersion, openapiRoot } from './openapi';
import { sendError, sendJson } from './http';
import { parseRoute, verbOf } from './router';
import { authorize, forbidden, type Rbac, type RbacUser } from './rbac';
import { errors } from './status';
import type { SandboxStore } from './store';
import { WRITE_LOG_PATH, WriteLog } from './write-log';

export interface ServerConfig {
  store: SandboxStore;
  rbac: Rbac;
  tls: { key: string; cert: string };
  bookmarkIntervalMs: number;
  log?: (line: string) => void;
}

// Anonymous access to these matches the default `system:public-info-viewer` role.
const PUBLIC = new Set(['version', 'health']);

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function authenticate(req: IncomingMessage, rbac: Rbac): RbacUser | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  const actor = rbac.authenticate(m?.[1].trim(), sameToken);
  // Impersonate-* headers: the request then acts as whom the caller may impersonate (403 otherwise).
  return actor && actAs(actor, impersonationRequest(req.headers, req.headersDistinct), rbac);
}

export class SandboxServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private port = 0;
  /** every mutating request served, for the e2e audit check (write-log.ts) */
  readonly writes = new WriteLog();

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
    const user = authenticate(req, this.cfg.rbac);
    if (!PUBLIC.has(route.type) && !user) throw errors.unauthorized();
    if (url.pathname === WRITE_LOG_PATH && user) return sendJson(res, 200, { items: this.writes.all() });
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
        return sendJson(res, 200, withReviewGroup(apiGroupList(kinds)));
      case 'group': {
        const doc = route.group === REVIEW_GROUP ? reviewGroupDoc() : route.group === AUTHN_GROUP ? authnGroupDoc() : apiGroupDoc(kinds, route.group);
        if (!doc) throw errors.pathNotFound();
        return sendJson(res, 200, doc);
      }
      case 'resources': {
        const doc =
          route.group === REVIEW_GROUP && route.version === REVIEW_VERSION
            ? reviewResourceList()
            : route.group === AUTHN_GROUP && route.version === AUTHN_VERSION
              ? authnResourceList()
              : apiResourceList(kinds, route.group, route.version);
        if (!doc) throw errors.pathNotFound();
        return sendJson(res, 200, doc);
      }
      case 'resource': {
        const watch = route.legacyWatch || url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1';
        // RBAC names subresources apart: `pods/log` and `rollouts/status` are granted on their own.
        const attrs = { verb: verbOf(req.method ?? 'GET', route, watch), group: route.kind.group, resource: route.kind.plural, subresource: route.subresource, name: route.name, namespace: route.namespace };
        this.writes.watch(req, res, user!.name, { group: route.kind.group, resource: route.kind.plural, subresource: route.subresource, namespace: route.namespace, name: route.name });
        if (!authorize(user!, attrs).allowed) throw forbidden(user!.name, attrs);
        return handleResource(req, res, route, url, { store: this.cfg.store, bookmarkIntervalMs: this.cfg.bookmarkIntervalMs });
      }
      case 'review': {
        const attrs = { verb: 'create', group: REVIEW_GROUP, resource: route.resource };
        if (!authorize(user!, attrs).allowed) throw forbidden(user!.name, attrs);
        return handleReview(req, res, route.resource, user!);
      }
      case 'authn': {
        const attrs = { verb: 'create', group: AUTHN_GROUP, resource: route.resource };
        if (!authorize(user!, attrs).allowed) throw forbidden(user!.name, attrs);
        return handleAuthn(req, res, route.resource, user!, this.cfg.rbac, sameToken);
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

/** `authorization.k8s.io` and `authentication.k8s.io` are served by the API server itself, not by kinds in the registry. */
function withReviewGroup(list: ReturnType<typeof apiGroupList>) {
  return { ...list, groups: [...list.groups, reviewGroup(), authnGroup()] };
}
