// Maps whatever a cluster call throws (client-node's ApiException, Watch errors, undici network
// errors, aborts) to one typed shape with text written for the person looking at the page.
import type { KubeError } from './types';

export interface ErrorContext {
  /** Verb as the API server's RBAC sees it: list, watch, get, patch. */
  verb?: string;
  /** Group resource, e.g. `pods`, `rollouts.rollouts.kruise.io`. */
  resource?: string;
  namespace?: string;
  name?: string;
  server?: string;
  context?: string;
}

interface StatusLike {
  kind?: string;
  code?: number;
  reason?: string;
  message?: string;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
  UND_ERR_BODY_TIMEOUT: 'the server stopped sending data',
  ECONNABORTED: 'connection aborted',
};

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function parseStatus(body: unknown): StatusLike | undefined {
  let b = body;
  if (typeof b === 'string') {
    try {
      b = JSON.parse(b);
    } catch {
      return undefined;
    }
  }
  if (b && typeof b === 'object' && ((b as StatusLike).kind === 'Status' || typeof (b as StatusLike).code === 'number')) return b as StatusLike;
  return undefined;
}

/** Walks `cause` chains: undici wraps the socket error in `TypeError: fetch failed`. */
function causeCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function httpCode(err: unknown): number | undefined {
  const e = err as { code?: unknown; statusCode?: unknown };
  if (typeof e?.statusCode === 'number') return e.statusCode;
  // DOMException carries a numeric legacy `code` (23 for TimeoutError) that is not an HTTP status.
  if (typeof e?.code === 'number' && e.code >= 100 && e.code < 600 && !(err instanceof DOMException)) return e.code;
  return undefined;
}

function what(ctx: ErrorContext): string {
  const res = ctx.resource ?? 'resources';
  const target = ctx.name ? `${res} "${ctx.name}"` : res;
  const where = ctx.namespace ? ` in namespace "${ctx.namespace}"` : ctx.name ? '' : ' in all namespaces';
  return `${ctx.verb ?? 'access'} ${target}${where}`;
}

export function toKubeError(err: unknown, ctx: ErrorContext = {}): KubeError {
  const status = parseStatus((err as { body?: unknown })?.body) ?? (isStatus(err) ? err : undefined);
  const code = status?.code ?? httpCode(err);
  const serverMsg = status?.message;
  const on = ctx.context ? ` (context "${ctx.context}")` : '';

  if (typeof code === 'number') {
    switch (code) {
      case 401:
        return { code, reason: 'Unauthorized', message: `The cluster rejected the credentials${on} (401 Unauthorized). Log in again or refresh the token in your kubeconfig, then reload.` };
      case 403:
        return { code, reason: status?.reason ?? 'Forbidden', message: `Forbidden: you may not ${what(ctx)}${on}.${serverMsg ? ` The server said: ${serverMsg}` : ''}` };
      case 404:
        return ctx.name
          ? { code, reason: status?.reason ?? 'NotFound', message: `${ctx.resource ?? 'Object'} "${ctx.name}" was not found${ctx.namespace ? ` in namespace "${ctx.namespace}"` : ''}.` }
          : { code, reason: status?.reason ?? 'NotFound', message: `The cluster does not serve ${ctx.resource ?? 'this resource'}${on}: is its CRD installed?` };
      case 410:
        return { code, reason: status?.reason ?? 'Expired', message: serverMsg ?? 'The watch resourceVersion is too old; the list is being reloaded.' };
      case 400:
      case 409:
      case 422:
      case 500:
        return { code, reason: status?.reason ?? 'Error', message: serverMsg ?? `The server answered ${code}.` };
      default:
        return { code: 'unknown', reason: status?.reason ?? `HTTP ${code}`, message: serverMsg ?? `The server answered HTTP ${code}.` };
    }
  }

  const name = (err as { name?: unknown })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { code: 'timeout', reason: 'Timeout', message: `${ctx.server ?? 'The cluster'} did not answer in time; retrying automatically.` };
  }
  const net = causeCode(err);
  if (net && TLS_CODES.has(net)) {
    return {
      code: 'unreachable',
      reason: net,
      message: `TLS check failed for ${ctx.server ?? 'the cluster'} (${net}): check certificate-authority-data in your kubeconfig. Retrying automatically.`,
    };
  }
  if (net && NETWORK_CODES[net]) {
    return { code: 'unreachable', reason: net, message: `Cannot reach ${ctx.server ?? 'the cluster'}: ${NETWORK_CODES[net]}. Retrying automatically.` };
  }
  const msg = err instanceof Error ? err.message : String(err);
  if (/fetch failed|socket|network|terminated|closed/i.test(msg)) {
    return { code: 'unreachable', reason: net ?? 'NetworkError', message: `Cannot reach ${ctx.server ?? 'the cluster'}: ${msg}. Retrying automatically.` };
  }
  return { code: 'unknown', reason: 'Error', message: msg };
}

function isStatus(err: unknown): err is StatusLike {
  return !!err && typeof err === 'object' && (err as StatusLike).kind === 'Status';
}

/** True for failures worth retrying without user action (network, timeouts, overload). */
export function isTransient(e: KubeError): boolean {
  return e.code === 'unreachable' || e.code === 'timeout' || e.code === 500 || e.code === 'unknown';
}
