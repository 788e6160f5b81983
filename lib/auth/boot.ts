import 'server-only';
// At server start (instrumentation.ts): refuse an exposed studio without sign-in even when `next
// start` is run directly, warn loudly for an explicit STUDIO_AUTH=none, and stamp client addresses.
import { authStartupDecision } from './startup-check.mjs';
import { installRemoteAddressStamp } from './remote-address';
import { parseTrustedProxies } from './trusted-proxy';

export type BootCheck = { ok: true; warning: string | null } | { ok: false; reason: string };

export function bootCheck(env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): BootCheck {
  const d = authStartupDecision(env, argv);
  if (!d.ok) return d;
  if (d.mode === 'proxy') {
    const { invalid } = parseTrustedProxies(env['STUDIO_TRUSTED_PROXIES']);
    if (invalid.length) return { ok: false, reason: `Refusing to start: STUDIO_TRUSTED_PROXIES has entries that are neither an IP address nor a CIDR: ${invalid.join(', ')}.` };
  }
  return { ok: true, warning: d.warning };
}

export function bootAuth(): void {
  const check = bootCheck(process.env, process.argv);
  if (!check.ok) {
    console.error(`[kube-lua-studio] ${check.reason}`);
    process.exit(1);
  }
  if (check.warning) console.warn(`\n[kube-lua-studio] ${check.warning}\n`);
  installRemoteAddressStamp();
}
