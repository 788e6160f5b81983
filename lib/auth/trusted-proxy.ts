// STUDIO_AUTH=proxy: the user and group headers are believed only from the configured proxy
// addresses (IPs or CIDRs, IPv4 or IPv6). Node's BlockList does the address matching.
import { BlockList, isIP } from 'node:net';

export interface TrustedProxies {
  list: BlockList;
  /** Entries that are neither an address nor a CIDR (the studio refuses to start with any). */
  invalid: string[];
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) → `10.0.0.1`. */
export function normalizeAddress(address: string): string {
  const a = address.trim().replace(/^\[(.*)\]$/, '$1');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped ? mapped[1] : a;
}

export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const invalid: string[] = [];
  for (const raw of (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [addr, bits, extra] = raw.split('/');
    const ip = normalizeAddress(addr);
    const family = isIP(ip);
    const prefix = bits === undefined ? null : Number(bits);
    if (!family || extra !== undefined || (prefix !== null && (!/^\d{1,3}$/.test(bits!) || prefix > (family === 4 ? 32 : 128)))) {
      invalid.push(raw);
      continue;
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === null) list.addAddress(ip, type);
    else list.addSubnet(ip, prefix, type);
  }
  return { list, invalid };
}

export function isTrustedProxy(address: string | null | undefined, proxies: TrustedProxies): boolean {
  if (!address) return false;
  const ip = normalizeAddress(address);
  const family = isIP(ip);
  return family !== 0 && proxies.list.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** Groups header: comma-separated (oauth2-proxy's X-Forwarded-Groups), blanks dropped. */
export function parseGroups(value: string | null): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
