import 'server-only';
// STUDIO_PLUGIN_STORE=cluster: plugins as ConfigMaps in STUDIO_NAMESPACE (default kube-lua-studio)
// of the request's current context, so several studio replicas (or a team) share one state.
//   one ConfigMap per plugin (cluster-names.ts), labelled managed-by=kube-lua-studio and
//   kind=deepflow-plugin: `plugin.lua` = source, `history.json` = the last 20 versions (trimmed
//   further, oldest first, to stay well under the 1 MiB object limit); name, order, enabled and
//   timestamps in annotations;
//   `kube-lua-studio-settings` = DeepflowSettings; `kube-lua-studio-deepflow-sync` = upload marks.
// Concurrency is Kubernetes' own: `version` is the resourceVersion and every update is a replace
// carrying it, so a stale one is answered 409 and becomes the conflict message.
// The namespace is created on the first write when it does not exist (labelled managed-by); when the
// credentials may not create it, the error says which command to run. Reads of a missing namespace
// answer an empty store.
import * as k8s from '@kubernetes/client-node';
import { createHash } from 'node:crypto';
import { auditAttempt } from '@/lib/audit';
import { unifiedDiff, type AuditTarget } from '@/lib/audit/entry';
import { msg } from '@/lib/i18n/message';
import { clusterClient } from '@/lib/k8s/client';
import { toKubeError } from '@/lib/k8s/errors';
import { DEFAULT_DEEPFLOW_VERSION, DEEPFLOW_VERSIONS, type DeepflowVersion } from '@/lib/deepflow/versions';
import { ANN, LABELS, PLUGIN_SELECTOR, SETTINGS_CONFIGMAP, SYNC_CONFIGMAP, configMapNameFor } from './cluster-names';
import { alreadyExists, checkOrder, conflict, deletedSinceOpened, listConflict, notFound, pushHistory, settingsConflict } from './records';
import type { PluginChange, PluginStore, StoredList } from './store';
import type { DeepflowSettings, PluginHistoryEntry, PluginRecord, Result } from './types';

/** Source + history stay below this (the API server refuses objects over 1 MiB, metadata included). */
export const MAX_DATA_BYTES = 900 * 1024;

export function clusterNamespaceFromEnv(env: Record<string, string | undefined> = process.env): string {
  const ns = env.STUDIO_NAMESPACE?.trim() || 'kube-lua-studio';
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns) || ns.length > 63) throw new Error(`STUDIO_NAMESPACE="${ns}" is not a namespace name (lower-case letters, digits and "-", at most 63).`);
  return ns;
}

class StoreError extends Error {}

function statusOf(e: unknown): number | undefined {
  const c = (e as { code?: unknown })?.code;
  return typeof c === 'number' ? c : undefined;
}

/** Trims the oldest versions until source + history fit MAX_DATA_BYTES. */
export function fitHistory(source: string, history: PluginHistoryEntry[]): PluginHistoryEntry[] {
  let h = history;
  while (h.length > 1 && Buffer.byteLength(source) + Buffer.byteLength(JSON.stringify(h)) > MAX_DATA_BYTES) h = h.slice(0, -1);
  return h;
}

function parseHistory(text: string | undefined): PluginHistoryEntry[] {
  try {
    const v = JSON.parse(text ?? '[]') as unknown;
    return Array.isArray(v) ? (v as PluginHistoryEntry[]) : [];
  } catch {
    return [];
  }
}

interface Loaded {
  cm: k8s.V1ConfigMap;
  record: PluginRecord;
  order: number;
  revision: number;
  history: PluginHistoryEntry[];
}

export class ClusterStore implements PluginStore {
  readonly kind = 'cluster' as const;
  readonly location: string;
  private readonly api: k8s.CoreV1Api;
  private readonly server: string;

  constructor(private readonly opts: { context: string; namespace: string }) {
    this.location = `${opts.context}/${opts.namespace}`;
    const client = clusterClient(opts.context);
    this.server = client.server;
    this.api = client.kc.makeApiClient(k8s.CoreV1Api);
  }

  auditTarget(name: string): { context: string; target: AuditTarget } {
    return { context: this.opts.context, target: { apiVersion: 'v1', kind: 'ConfigMap', namespace: this.ns, name: configMapNameFor(name) } };
  }

  settingsAuditTarget(): { context: string; target: AuditTarget } {
    return { context: this.opts.context, target: { apiVersion: 'v1', kind: 'ConfigMap', namespace: this.ns, name: SETTINGS_CONFIGMAP } };
  }

  private get ns(): string {
    return this.opts.namespace;
  }

  private fail(e: unknown, verb: string, name?: string): never {
    if (e instanceof StoreError) throw e;
    const k = toKubeError(e, { verb, resource: 'configmaps', namespace: this.ns, name, server: this.server, context: this.opts.context });
    throw new StoreError(k.message);
  }

  private load(cm: k8s.V1ConfigMap): Loaded {
    const a = cm.metadata?.annotations ?? {};
    const history = parseHistory(cm.data?.['history.json']);
    const record: PluginRecord = {
      name: a[ANN.name] ?? cm.metadata?.name ?? '',
      source: cm.data?.['plugin.lua'] ?? '',
      enabled: a[ANN.enabled] !== 'false',
      createdAt: a[ANN.createdAt] ?? String(cm.metadata?.creationTimestamp ?? ''),
      updatedAt: a[ANN.updatedAt] ?? a[ANN.createdAt] ?? '',
      version: cm.metadata?.resourceVersion ?? '',
    };
    return { cm, record, order: Number(a[ANN.order] ?? 0), revision: Number(a[ANN.revision] ?? 0), history };
  }

  private async all(): Promise<Loaded[]> {
    try {
      const list = await this.api.listNamespacedConfigMap({ namespace: this.ns, labelSelector: PLUGIN_SELECTOR });
      return list.items.map((cm) => this.load(cm)).sort((a, b) => a.order - b.order || a.record.createdAt.localeCompare(b.record.createdAt) || a.record.name.localeCompare(b.record.name));
    } catch (e) {
      if (statusOf(e) === 404) return []; // namespace not there yet: an empty store
      this.fail(e, 'list');
    }
  }

  private async find(name: string): Promise<Loaded | null> {
    try {
      const cm = await this.api.readNamespacedConfigMap({ name: configMapNameFor(name), namespace: this.ns });
      const l = this.load(cm);
      return l.record.name === name ? l : null;
    } catch (e) {
      if (statusOf(e) === 404) return null;
      this.fail(e, 'get', configMapNameFor(name));
    }
  }

  private async ensureNamespace(): Promise<void> {
    try {
      await this.api.readNamespace({ name: this.ns });
      return;
    } catch (e) {
      if (statusOf(e) !== 404 && statusOf(e) !== 403) this.fail(e, 'get namespace');
      if (statusOf(e) === 403) return; // may not read namespaces: try the write, its error will say more
    }
    try {
      const body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: this.ns, labels: { 'app.kubernetes.io/managed-by': 'kube-lua-studio' } } };
      const audit = { action: 'plugin.createNamespace', context: this.opts.context, target: { apiVersion: 'v1', kind: 'Namespace', name: this.ns }, resourceVersionBefore: null, diff: unifiedDiff(`Namespace/${this.ns}`, null, body) };
      await auditAttempt(audit, () => this.api.createNamespace({ body }), (ns) => ns.metadata?.resourceVersion ?? null);
    } catch (e) {
      if (statusOf(e) === 409) return;
      if (statusOf(e) === 403) throw new StoreError(`Namespace "${this.ns}" does not exist in context "${this.opts.context}" and these credentials may not create it: run \`kubectl create namespace ${this.ns}\` (or set STUDIO_NAMESPACE).`);
      this.fail(e, 'create namespace');
    }
  }

  private body(name: string, source: string, enabled: boolean, order: number, createdAt: string, updatedAt: string, revision: number, history: PluginHistoryEntry[], resourceVersion?: string): k8s.V1ConfigMap {
    return {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: configMapNameFor(name),
        namespace: this.ns,
        labels: { ...LABELS },
        annotations: { [ANN.name]: name, [ANN.order]: String(order), [ANN.enabled]: String(enabled), [ANN.createdAt]: createdAt, [ANN.updatedAt]: updatedAt, [ANN.revision]: String(revision) },
        ...(resourceVersion ? { resourceVersion } : {}),
      },
      data: { 'plugin.lua': source, 'history.json': JSON.stringify(fitHistory(source, history)) },
    };
  }

  async list(): Promise<StoredList> {
    const all = await this.all();
    return { plugins: all.map((l) => l.record), listVersion: listVersionOf(all) };
  }

  async history(name: string): Promise<PluginHistoryEntry[] | null> {
    return (await this.find(name))?.history ?? null;
  }

  async create(input: { name: string; source: string; enabled?: boolean }): Promise<Result<{ plugin: PluginRecord }>> {
    await this.ensureNamespace();
    const all = await this.all();
    if (all.some((l) => l.record.name === input.name)) return alreadyExists(input.name);
    const at = new Date().toISOString();
    const enabled = input.enabled ?? true;
    const order = all.reduce((m, l) => Math.max(m, l.order), 0) + 1;
    const history = [{ version: '1', savedAt: at, name: input.name, source: input.source, enabled }];
    try {
      const cm = await this.api.createNamespacedConfigMap({ namespace: this.ns, body: this.body(input.name, input.source, enabled, order, at, at, 1, history) });
      return { ok: true, plugin: this.load(cm).record };
    } catch (e) {
      if (statusOf(e) === 409) return alreadyExists(input.name);
      this.fail(e, 'create', configMapNameFor(input.name));
    }
  }

  async update(name: string, baseVersion: string, change: PluginChange): Promise<Result<{ plugin: PluginRecord }>> {
    const cur = await this.find(name);
    if (!cur) return deletedSinceOpened(name);
    if (cur.record.version !== baseVersion) return conflict(name, baseVersion, cur.record.version);
    const newName = change.rename ?? name;
    const source = change.source ?? cur.record.source;
    const enabled = change.enabled ?? cur.record.enabled;
    if (source === cur.record.source && enabled === cur.record.enabled && newName === name) return { ok: true, plugin: cur.record };
    const at = new Date().toISOString();
    const revision = cur.revision + 1;
    const history = pushHistory(cur.history, { version: String(revision), savedAt: at, name: newName, source, enabled });
    if (newName === name) {
      try {
        const cm = await this.api.replaceNamespacedConfigMap({ name: configMapNameFor(name), namespace: this.ns, body: this.body(name, source, enabled, cur.order, cur.record.createdAt, at, revision, history, baseVersion) });
        return { ok: true, plugin: this.load(cm).record };
      } catch (e) {
        if (statusOf(e) === 409) return this.conflictNow(name, baseVersion);
        this.fail(e, 'update', configMapNameFor(name));
      }
    }
    // Rename = a new object (the object name follows the plugin name), then delete the old one with
    // its resourceVersion as precondition; if that delete loses a race, the new object is removed.
    if (await this.find(newName)) return alreadyExists(newName);
    let created: k8s.V1ConfigMap;
    try {
      created = await this.api.createNamespacedConfigMap({ namespace: this.ns, body: this.body(newName, source, enabled, cur.order, cur.record.createdAt, at, revision, history) });
    } catch (e) {
      if (statusOf(e) === 409) return alreadyExists(newName);
      this.fail(e, 'create', configMapNameFor(newName));
    }
    try {
      await this.api.deleteNamespacedConfigMap({ name: configMapNameFor(name), namespace: this.ns, body: { preconditions: { resourceVersion: baseVersion } } });
    } catch (e) {
      await this.api.deleteNamespacedConfigMap({ name: configMapNameFor(newName), namespace: this.ns }).catch(() => undefined);
      if (statusOf(e) === 409 || statusOf(e) === 404) return this.conflictNow(name, baseVersion);
      this.fail(e, 'delete', configMapNameFor(name));
    }
    return { ok: true, plugin: this.load(created).record };
  }

  private async conflictNow(name: string, baseVersion: string): Promise<Result<never>> {
    const now = await this.find(name);
    return now ? conflict(name, baseVersion, now.record.version) : deletedSinceOpened(name);
  }

  async remove(name: string, baseVersion: string): Promise<Result> {
    const cur = await this.find(name);
    if (!cur) return notFound(name);
    if (cur.record.version !== baseVersion) return conflict(name, baseVersion, cur.record.version);
    try {
      await this.api.deleteNamespacedConfigMap({ name: configMapNameFor(name), namespace: this.ns, body: { preconditions: { resourceVersion: baseVersion } } });
      return { ok: true };
    } catch (e) {
      if (statusOf(e) === 409) return this.conflictNow(name, baseVersion);
      if (statusOf(e) === 404) return notFound(name);
      this.fail(e, 'delete', configMapNameFor(name));
    }
  }

  async reorder(order: string[], listVersion: string): Promise<Result<StoredList>> {
    const all = await this.all();
    const current = listVersionOf(all);
    if (current !== listVersion) return listConflict(listVersion, current);
    const bad = checkOrder(order, all.map((l) => l.record.name));
    if (bad) return { ok: false, error: bad };
    const byName = new Map(all.map((l) => [l.record.name, l]));
    for (const [i, n] of order.entries()) {
      const l = byName.get(n)!;
      if (l.order === i + 1) continue;
      const cm = structuredClone(l.cm);
      cm.metadata!.annotations = { ...cm.metadata!.annotations, [ANN.order]: String(i + 1) };
      try {
        await this.api.replaceNamespacedConfigMap({ name: cm.metadata!.name!, namespace: this.ns, body: cm });
      } catch (e) {
        if (statusOf(e) === 409) return { ...listConflict(listVersion, '(changed)'), message: msg('plugins.store.changedDuringReorder', { name: n }), error: `Plugin "${n}" was changed during the reorder; the order may be partly applied. Reload the list and reorder again.` };
        this.fail(e, 'update', cm.metadata!.name);
      }
    }
    return { ok: true, ...(await this.list()) };
  }

  private async readAux(name: string): Promise<k8s.V1ConfigMap | null> {
    try {
      return await this.api.readNamespacedConfigMap({ name, namespace: this.ns });
    } catch (e) {
      if (statusOf(e) === 404) return null;
      this.fail(e, 'get', name);
    }
  }

  async getSettings(): Promise<DeepflowSettings> {
    const cm = await this.readAux(SETTINGS_CONFIGMAP);
    if (!cm) return { agentConfigYaml: '', version: DEFAULT_DEEPFLOW_VERSION, settingsVersion: '0' };
    const v = cm.data?.['deepflow-version'] ?? '';
    const version = (DEEPFLOW_VERSIONS as readonly string[]).includes(v) ? (v as DeepflowVersion) : DEFAULT_DEEPFLOW_VERSION;
    return { agentConfigYaml: cm.data?.['agent-config.yaml'] ?? '', version, settingsVersion: cm.metadata?.resourceVersion ?? '0' };
  }

  async saveSettings(input: { agentConfigYaml: string; version: DeepflowVersion }, baseVersion: string): Promise<Result<{ settings: DeepflowSettings }>> {
    const body: k8s.V1ConfigMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: SETTINGS_CONFIGMAP, namespace: this.ns, labels: { 'app.kubernetes.io/managed-by': 'kube-lua-studio' }, ...(baseVersion !== '0' ? { resourceVersion: baseVersion } : {}) },
      data: { 'agent-config.yaml': input.agentConfigYaml, 'deepflow-version': input.version },
    };
    try {
      let cm: k8s.V1ConfigMap;
      if (baseVersion === '0') {
        await this.ensureNamespace();
        cm = await this.api.createNamespacedConfigMap({ namespace: this.ns, body });
      } else {
        cm = await this.api.replaceNamespacedConfigMap({ name: SETTINGS_CONFIGMAP, namespace: this.ns, body });
      }
      return { ok: true, settings: { ...input, settingsVersion: cm.metadata?.resourceVersion ?? '' } };
    } catch (e) {
      if (statusOf(e) === 409 || statusOf(e) === 404) return settingsConflict(baseVersion, (await this.getSettings()).settingsVersion);
      this.fail(e, 'update', SETTINGS_CONFIGMAP);
    }
  }

  async uploadMarks(serverKey: string): Promise<Record<string, string>> {
    const cm = await this.readAux(SYNC_CONFIGMAP);
    return parseMarks(cm)[serverKey] ?? {};
  }

  async markUploaded(serverKey: string, name: string, at: string | null): Promise<void> {
    // Read-modify-replace with the resourceVersion; another replica's concurrent mark → retry.
    for (let attempt = 0; attempt < 5; attempt++) {
      const cm = await this.readAux(SYNC_CONFIGMAP);
      const all = parseMarks(cm);
      const marks = { ...(all[serverKey] ?? {}) };
      if (at === null) delete marks[name];
      else marks[name] = at;
      all[serverKey] = marks;
      const body: k8s.V1ConfigMap = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: SYNC_CONFIGMAP, namespace: this.ns, labels: { 'app.kubernetes.io/managed-by': 'kube-lua-studio' }, ...(cm ? { resourceVersion: cm.metadata?.resourceVersion } : {}) },
        data: { 'marks.json': JSON.stringify(all) },
      };
      try {
        if (cm) await this.api.replaceNamespacedConfigMap({ name: SYNC_CONFIGMAP, namespace: this.ns, body });
        else {
          await this.ensureNamespace();
          await this.api.createNamespacedConfigMap({ namespace: this.ns, body });
        }
        return;
      } catch (e) {
        if (statusOf(e) !== 409) this.fail(e, 'update', SYNC_CONFIGMAP);
      }
    }
    throw new StoreError(`Could not record the DeepFlow upload of "${name}": ${SYNC_CONFIGMAP} kept changing.`);
  }
}

function parseMarks(cm: k8s.V1ConfigMap | null): Record<string, Record<string, string>> {
  try {
    const v = JSON.parse(cm?.data?.['marks.json'] ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, Record<string, string>>) : {};
  } catch {
    return {};
  }
}

/** Any change to any plugin object (or the set of them) changes this. */
function listVersionOf(all: Loaded[]): string {
  const h = createHash('sha256');
  for (const l of all) h.update(`${l.cm.metadata?.name}@${l.cm.metadata?.resourceVersion}\n`);
  return h.digest('hex').slice(0, 16);
}
