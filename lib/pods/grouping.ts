// Abstract workloads: pods that join one `namespace/name` group (plugin or built-in rule results).
// The type is the one the group's first pod decided (regroupAbstract already applied it to all).
import { msg, type Msg } from '@/lib/i18n/message';
import type { PodEntry } from './pod-entry';

export interface GroupInfo { key: string; type: string; label: string; pods: number }

export function abstractGroups(rows: readonly PodEntry[]): Map<string, GroupInfo> {
  const out = new Map<string, GroupInfo>();
  for (const e of rows) {
    const t = e.tag;
    if (!t?.groupKey || !t.workload) continue;
    const g = out.get(t.groupKey);
    if (g) g.pods++;
    else out.set(t.groupKey, { key: t.groupKey, type: t.workload.type, label: t.label ?? '', pods: 1 });
  }
  return out;
}

/** The badge of a row in a group (en: `group db/og · StatefulSet · 3 pods`); null outside one. */
export function groupNote(e: PodEntry, groups: ReadonlyMap<string, GroupInfo>): Msg | null {
  const g = e.tag?.groupKey ? groups.get(e.tag.groupKey) : undefined;
  return g ? msg('pods.group.note', { key: g.key, type: g.type, pods: g.pods }) : null;
}

/** The same badge without the leading word, for the table cell (the title keeps the full note). */
export function groupBadge(note: Msg): Msg {
  return msg('pods.group.badge', note.values);
}
