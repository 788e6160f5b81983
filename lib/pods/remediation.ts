// Which remediation panels the unmatched pods call for, and the "Write a plugin" link (Contract C).
import { remediationFor, type PlatformId } from '@/lib/deepflow/platforms';
import type { PodEntry } from './pod-entry';

/** Pods listed in a link: the editor previews them first; a URL stays a sane length. */
export const LINK_PODS = 50;

export function writePluginHref(kind: string, pods: readonly string[]): string {
  // `/` and `,` stay readable: they are the format's separators, and legal in a query value
  const enc = (v: string) => encodeURIComponent(v).replace(/%2F/g, '/').replace(/%2C/g, ',');
  return `/plugins/new?kind=${enc(kind)}&pods=${pods.slice(0, LINK_PODS).map(enc).join(',')}`;
}

export interface RemediationGroup {
  /** null: plain pods with no platform (no owner, owner not watched, an unknown kind) */
  platform: PlatformId | null;
  /** the owner kind the pods share (most common first owner kind; '' = no owner) */
  kind: string;
  reasons: string[];
  pods: string[];
  href: string;
}

export function remediationGroups(rows: readonly PodEntry[]): RemediationGroup[] {
  const groups = new Map<string, { platform: PlatformId | null; kinds: Map<string, number>; reasons: Set<string>; pods: string[] }>();
  for (const e of rows) {
    const t = e.tag;
    if (!t?.unmatched) continue;
    const kind = t.reason?.owner?.kind ?? '';
    // without a platform, pods are grouped by owner kind: each kind needs its own plugin
    const key = t.platform ?? `kind:${kind}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { platform: t.platform, kinds: new Map(), reasons: new Set(), pods: [] }));
    g.kinds.set(kind, (g.kinds.get(kind) ?? 0) + 1);
    if (t.reason) g.reasons.add(t.reason.text);
    g.pods.push(e.key);
  }
  return [...groups.values()]
    .map((g) => {
      // the platform's template kind when its pods have it (OpenKruise: CloneSet), else the most common
      const preferred = g.platform ? remediationFor(g.platform).pluginKind : null;
      const kind = preferred !== null && g.kinds.has(preferred) ? preferred : [...g.kinds.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      return { platform: g.platform, kind, reasons: [...g.reasons].sort(), pods: g.pods, href: writePluginHref(kind, g.pods) };
    })
    .sort((a, b) => b.pods.length - a.pods.length);
}
