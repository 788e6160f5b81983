import 'server-only';
// Records each plugin write (issue #9 §3) around the service's own logic: the target is what the
// store changes (the file store's plugin, or the cluster store's ConfigMap), versions are the store's.
import { recordFailure, recordRefusal, recordWrite, refuseReadOnly, type AuditBase } from '@/lib/audit';
import { READ_ONLY_MSG } from '@/lib/security/read-only';
import { unifiedDiff } from '@/lib/audit/entry';
import type { PluginStore } from './store';
import type { DeepflowSettings, PluginRecord, Result } from './types';

/** The plugin as the audit's diff shows it. */
export function pluginText(p: Pick<PluginRecord, 'enabled' | 'source'> | null): string | null {
  return p ? `-- enabled: ${p.enabled}\n${p.source.endsWith('\n') ? p.source : `${p.source}\n`}` : null;
}

export interface PluginWrite {
  name: string;
  /** the record as the write means to leave it; null: gone */
  intended: (before: PluginRecord | null) => Pick<PluginRecord, 'enabled' | 'source'> | null;
  /** when the change is not in the plugin itself (its position) */
  diff?: string;
}

async function current(store: PluginStore, name: string): Promise<PluginRecord | null> {
  try {
    return (await store.list()).plugins.find((p) => p.name === name) ?? null;
  } catch {
    return null; // the write itself reports the store's failure
  }
}

function base(store: PluginStore, action: string, w: PluginWrite, before: PluginRecord | null, after: Pick<PluginRecord, 'enabled' | 'source'> | null): AuditBase {
  const { context, target } = store.auditTarget(w.name);
  return { action, context, target, resourceVersionBefore: before?.version ?? null, diff: w.diff ?? unifiedDiff(`plugins/${w.name}.lua`, pluginText(before), pluginText(after)) };
}

/**
 * Runs `run` once and records one entry per written plugin. `after` names, for a success, what each
 * plugin ended as (null: removed; undefined: not written after all), in the order of `writes`.
 */
export async function auditedPluginWrite<T extends object>(store: PluginStore, action: string, writes: PluginWrite[], run: () => Promise<Result<T>>, after: (r: T) => (PluginRecord | null | undefined)[]): Promise<Result<T>> {
  const befores = await Promise.all(writes.map((w) => current(store, w.name)));
  const bases = writes.map((w, i) => base(store, action, w, befores[i], w.intended(befores[i])));
  const readOnly = await refuseReadOnly(bases);
  if (readOnly) return { ok: false, error: readOnly, message: READ_ONLY_MSG };
  let r: Result<T>;
  try {
    r = await run();
  } catch (err) {
    for (const b of bases) await recordFailure(b, err);
    throw err;
  }
  if (!r.ok) {
    for (const b of bases) await recordRefusal(b, r.error);
    return r;
  }
  const results = after(r);
  for (const [i, w] of writes.entries()) {
    const a = results[i];
    if (a === undefined) continue;
    await recordWrite({ ...base(store, action, w, befores[i], a), resourceVersionAfter: a?.version ?? null, result: 'ok' });
  }
  return r;
}

const settingsText = (s: Pick<DeepflowSettings, 'agentConfigYaml' | 'version'>) => `# DeepFlow ${s.version}\n${s.agentConfigYaml}`;

/** The DeepFlow settings save, recorded like a plugin write. */
export async function auditedSettingsSave(store: PluginStore, input: Pick<DeepflowSettings, 'agentConfigYaml' | 'version'>, run: () => Promise<Result<{ settings: DeepflowSettings }>>): Promise<Result<{ settings: DeepflowSettings }>> {
  const before = await store.getSettings().catch(() => null);
  const { context, target } = store.settingsAuditTarget();
  const audit: AuditBase = { action: 'settings.save', context, target, resourceVersionBefore: before && before.settingsVersion !== '0' ? before.settingsVersion : null, diff: unifiedDiff('deepflow-settings', before && settingsText(before), settingsText(input)) };
  const readOnly = await refuseReadOnly([audit]);
  if (readOnly) return { ok: false, error: readOnly, message: READ_ONLY_MSG };
  let r: Result<{ settings: DeepflowSettings }>;
  try {
    r = await run();
  } catch (err) {
    await recordFailure(audit, err);
    throw err;
  }
  if (!r.ok) await recordRefusal(audit, r.error);
  else await recordWrite({ ...audit, resourceVersionAfter: r.settings.settingsVersion, result: 'ok' });
  return r;
}

/** The store as the request sees it: its settings save is audited (the plugin writes are, in service.ts). */
export function withSettingsAudit(store: PluginStore): PluginStore {
  return new Proxy(store, {
    get(t, p) {
      if (p === 'saveSettings') return (input: Parameters<PluginStore['saveSettings']>[0], base: string) => auditedSettingsSave(t, input, () => t.saveSettings(input, base));
      const v = Reflect.get(t, p, t) as unknown;
      return typeof v === 'function' ? v.bind(t) : v;
    },
  });
}
