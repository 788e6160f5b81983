// Maps whatever a cluster call throws (client-node's ApiException, Watch errors, undici network
// errors, aborts) to one typed shape with text written for the person looking at the page.
import { commonTextAndMsg } from '@/lib/i18n/common-text';
import type { MessageValues } from '@/lib/i18n/message';
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

// the words for each live in the catalogue (common.kubeError.unreachable), errors.test.ts checks each has its own
export const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ECONNABORTED',
]);

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

const yes = (v: string | undefined) => (v ? 'yes' : 'no');

/** The error's text in English and as a descriptor: one wording, from the common catalogue. */
function withText(e: Omit<KubeError, 'message' | 'messageMsg'>, key: string, values?: MessageValues): KubeError {
  const { text, msg } = commonTextAndMsg(`common.kubeError.${key}`, values);
  return { ...e, message: text, messageMsg: msg };
}

export function toKubeError(err: unknown, ctx: ErrorContext = {}): KubeError {
  const status = parseStatus((err as { body?: unknown })?.body) ?? (isStatus(err) ? err : undefined);
  const code = status?.code ?? httpCode(err);
  const serverMsg = status?.message;
  const on = { hasContext: yes(ctx.context), context: ctx.context ?? '' };
  const res = { hasResource: yes(ctx.resource), resource: ctx.resource ?? '' };
  const server = { hasServer: yes(ctx.server), server: ctx.server ?? '' };

  if (typeof code === 'number') {
    switch (code) {
      case 401:
        return withText({ code, reason: 'Unauthorized' }, 'unauthorized', on);
      case 403:
        return withText({ code, reason: status?.reason ?? 'Forbidden' }, 'forbidden', {
          hasVerb: yes(ctx.verb),
          verb: ctx.verb ?? '',
          ...res,
          hasName: yes(ctx.name),
          name: ctx.name ?? '',
          where: ctx.namespace ? 'namespace' : ctx.name ? 'none' : 'all',
          namespace: ctx.namespace ?? '',
          ...on,
          hasServerMessage: yes(serverMsg),
          serverMessage: serverMsg ?? '',
        });
      case 404:
        return ctx.name
          ? withText({ code, reason: status?.reason ?? 'NotFound' }, 'notFound', { ...res, name: ctx.name, hasNamespace: yes(ctx.namespace), namespace: ctx.namespace ?? '' })
          : withText({ code, reason: status?.reason ?? 'NotFound' }, 'notServed', { ...res, ...on });
      case 410:
        // the API server's own words stay verbatim; only the studio's fallback is translated
        return serverMsg ? { code, reason: status?.reason ?? 'Expired', message: serverMsg } : withText({ code, reason: status?.reason ?? 'Expired' }, 'expired');
      case 400:
      case 409:
      case 422:
      case 500:
        return serverMsg ? { code, reason: status?.reason ?? 'Error', message: serverMsg } : withText({ code, reason: status?.reason ?? 'Error' }, 'answered', { code });
      default:
        return serverMsg ? { code: 'unknown', reason: status?.reason ?? `HTTP ${code}`, message: serverMsg } : withText({ code: 'unknown', reason: status?.reason ?? `HTTP ${code}` }, 'answeredHttp', { code });
    }
  }

  const name = (err as { name?: unknown })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return withText({ code: 'timeout', reason: 'Timeout' }, 'timeout', server);
  const net = causeCode(err);
  if (net && TLS_CODES.has(net)) return withText({ code: 'unreachable', reason: net }, 'tls', { ...server, code: net });
  if (net && NETWORK_CODES.has(net)) return withText({ code: 'unreachable', reason: net }, 'unreachable', { ...server, net, detail: '' });
  const msg = err instanceof Error ? err.message : String(err);
  if (/fetch failed|socket|network|terminated|closed/i.test(msg)) {
    return withText({ code: 'unreachable', reason: net ?? 'NetworkError' }, 'unreachable', { ...server, net: 'other', detail: msg });
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
