import 'server-only';
// The client's socket address, for the sign-in rate limit and the proxy trust check. Next keeps a
// client-sent X-Forwarded-For as it is, so it cannot tell who connected; instead every request the
// process's HTTP servers receive is stamped with its socket address under a header of our own,
// overwriting any value the client sent. Installed once at boot (instrumentation.ts).
import http from 'node:http';
import https from 'node:https';

export const REMOTE_ADDRESS_HEADER = 'x-kls-remote-address';
const INSTALLED = Symbol.for('kube-lua-studio.auth.remote-address');

export function stampRemoteAddress(req: http.IncomingMessage): void {
  req.headers[REMOTE_ADDRESS_HEADER] = req.socket?.remoteAddress ?? '';
}

export function installRemoteAddressStamp(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as Record<symbol, unknown> & { emit: (event: string | symbol, ...args: unknown[]) => boolean };
    if (proto[INSTALLED]) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === 'request' || event === 'upgrade') stampRemoteAddress(args[0] as http.IncomingMessage);
      return emit.call(this, event, ...args);
    };
    proto[INSTALLED] = true;
  }
}

/** null when the stamp is missing (not installed): callers then trust nothing about the address. */
export function remoteAddress(headers: Headers): string | null {
  return headers.get(REMOTE_ADDRESS_HEADER) || null;
}
