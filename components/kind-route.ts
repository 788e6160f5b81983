import { parseKindSpec } from '@/lib/k8s/kind-spec';
import { BUILTIN_KINDS, customKind, kindByKey, type KindDef } from '@/lib/k8s/kinds';

// `/resources/[kind]` takes a registry key (`pods`, `rollouts.rollouts.kruise.io`) or, for a CRD the
// registry does not know, kubectl's fully qualified `plural.version.group` (`httpproxies.v1.projectcontour.io`),
// so a link to a custom kind works in any browser, not only the one that stored it.
const VERSION = /^v\d+((alpha|beta)\d+)?$/;

export function kindHref(k: KindDef): string {
  const seg = k.custom && k.group ? `${k.plural}.${k.versions[0]}.${k.group}` : k.key;
  return `/resources/${encodeURIComponent(seg)}`;
}

export function resolveKindParam(param: string, extra: readonly KindDef[] = []): KindDef | undefined {
  const known = kindByKey(param, extra);
  if (known) return known;
  // The watch protocol's own spelling, `group/version/plural[:cluster]`, is accepted too.
  if (param.includes('/')) {
    const r = parseKindSpec(param);
    return r.ok ? { ...r.kind, key: r.kind.custom ? `${r.kind.plural}.${r.kind.group}` : r.kind.key } : undefined;
  }
  const [plural, version, ...group] = param.split('.');
  if (!plural || !version || !VERSION.test(version) || group.length === 0) return undefined;
  const g = group.join('.');
  const stored = extra.find((k) => k.group === g && k.plural === plural);
  if (stored) return stored;
  const builtin = BUILTIN_KINDS.find((k) => k.group === g && k.plural === plural);
  if (builtin) return builtin;
  return customKind({ group: g, version, plural });
}
