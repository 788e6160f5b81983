// The request headers an identity adds, as undici's dispatcher sees them. Pure, so the rules are
// tested without a cluster: every Impersonate-* header the kubeconfig may have set (its `as:` user)
// is dropped first, so a proxy-mode request can never act as anyone but the signed-in user, and
// each group travels in its own Impersonate-Group header (the API server reads one group per value;
// a comma-joined value would be one group named "a,b").

/** undici accepts headers as a record (array values repeat the header) or a flat [name, value, …] list. */
export type DispatchHeaders = Record<string, string | string[] | undefined> | string[] | null | undefined;

export interface Impersonation {
  user: string;
  groups: readonly string[];
}

const IMPERSONATE = /^impersonate-/i;

export function withImpersonation(headers: DispatchHeaders, who: Impersonation): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const add = (name: string, value: string | string[] | undefined) => {
    if (value === undefined || IMPERSONATE.test(name)) return;
    const prev = out[name];
    out[name] = prev === undefined ? value : ([] as string[]).concat(prev, value);
  };
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) add(headers[i], headers[i + 1]);
  } else if (headers) {
    for (const [name, value] of Object.entries(headers)) add(name, value);
  }
  out['Impersonate-User'] = who.user;
  if (who.groups.length) out['Impersonate-Group'] = [...who.groups];
  return out;
}
