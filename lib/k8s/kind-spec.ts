// Kinds as they travel from the browser: a registry key (`pods`, `rollouts.rollouts.kruise.io`) or a
// custom CRD spec `group/version/plural[:cluster]`. Shared by the client (to build URLs) and the server
// (which validates with zod before anything reaches the cluster).
import { z } from 'zod';
import { customKind, kindByKey, type KindDef } from './kinds';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

const customSpec = z
  .string()
  .max(300)
  .regex(/^[^/]*\/[^/]+\/[^/:]+(:cluster)?$/, 'expected group/version/plural[:cluster]')
  .transform((s, ctx) => {
    const cluster = s.endsWith(':cluster');
    const [group, version, plural] = (cluster ? s.slice(0, -':cluster'.length) : s).split('/');
    if (group && !DNS_SUBDOMAIN.test(group)) ctx.addIssue({ code: 'custom', message: `invalid API group "${group}"` });
    if (!DNS_LABEL.test(version)) ctx.addIssue({ code: 'custom', message: `invalid version "${version}"` });
    if (!DNS_LABEL.test(plural)) ctx.addIssue({ code: 'custom', message: `invalid resource "${plural}"` });
    return { group, version, plural, namespaced: !cluster };
  });

/** `group/version/plural[:cluster]` for a custom kind (the form the client sends back). */
export function customKindSpec(input: { group: string; version: string; plural: string; namespaced?: boolean }): string {
  return `${input.group}/${input.version}/${input.plural}${input.namespaced === false ? ':cluster' : ''}`;
}

/** What `useKubeList` and `/api/watch` take for a kind: its registry key, or the spec for a custom CRD. */
export function watchKeyOf(k: KindDef): string {
  return k.custom ? customKindSpec({ group: k.group, version: k.versions[0], plural: k.plural, namespaced: k.namespaced }) : k.key;
}

export type KindSpecResult = { ok: true; kind: KindDef } | { ok: false; error: string };

/** Resolves a key or custom spec. The returned KindDef keeps the requested string as its `key`. */
export function parseKindSpec(spec: string): KindSpecResult {
  const trimmed = spec.trim();
  const builtin = kindByKey(trimmed);
  if (builtin) return { ok: true, kind: builtin };
  if (!trimmed.includes('/')) return { ok: false, error: `unknown kind "${trimmed}": use a registry key or group/version/plural` };
  const parsed = customSpec.safeParse(trimmed);
  if (!parsed.success) return { ok: false, error: `"${trimmed}": ${parsed.error.issues.map((i) => i.message).join('; ')}` };
  return { ok: true, kind: { ...customKind(parsed.data), key: trimmed } };
}

/** Zod schema for a comma-separated `kinds` query parameter; rejects the whole list on any bad entry. */
export const kindListSchema = z
  .string()
  .max(4000)
  .transform((s, ctx) => {
    const out: KindDef[] = [];
    for (const part of new Set(s.split(',').map((p) => p.trim()).filter(Boolean))) {
      const r = parseKindSpec(part);
      if (r.ok) out.push(r.kind);
      else ctx.addIssue({ code: 'custom', message: r.error });
    }
    if (!out.length) ctx.addIssue({ code: 'custom', message: 'no kinds requested' });
    return out;
  });
