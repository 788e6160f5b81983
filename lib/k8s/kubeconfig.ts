import 'server-only';
// Where the studio's kubeconfig comes from and which context is used, with kubectl's rules:
// KUBECONFIG (colon-separated, first file wins for duplicate names) or ~/.kube/config, else the pod's
// service account, else nothing (the bootstrap then starts the sandbox). Problems never throw: they
// are logged once and returned so `/api/cluster` can show them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';
import { loadKubeconfigFile } from './kubeconfig-file';
import { logProblemOnce, runtimeState } from './runtime-state';
import { msg } from '@/lib/i18n/message';
import type { Problem } from './types';

/** Environment variables; a plain record so tests can pass their own. */
export type Env = Record<string, string | undefined>;

export type KubeconfigSource = 'kubeconfig' | 'in-cluster' | 'sandbox' | 'none';

export interface LoadedKubeconfig {
  /** Merged config, or null when nothing usable was found. */
  kc: KubeConfig | null;
  source: KubeconfigSource;
  /** Files that were read (existing ones), in precedence order. */
  paths: string[];
  problems: Problem[];
}

export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
export const IN_CLUSTER_CONTEXT = 'inClusterContext';

export interface KubeconfigEnv {
  env?: Env;
  home?: string;
  serviceAccountDir?: string;
}

/** Candidate files in precedence order (they may not exist). */
export function kubeconfigCandidates({ env = process.env, home = os.homedir() }: KubeconfigEnv = {}): string[] {
  const sandbox = runtimeState().sandboxKubeconfig;
  if (sandbox) return [sandbox];
  if (env.KUBECONFIG) {
    return [...new Set(env.KUBECONFIG.split(path.delimiter).filter(Boolean).map((p) => path.resolve(expandHome(p, home))))];
  }
  return [path.join(home, '.kube', 'config')];
}

function expandHome(p: string, home: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(home, p.slice(1)) : p;
}

export function inClusterAvailable({ env = process.env, serviceAccountDir = SERVICE_ACCOUNT_DIR }: KubeconfigEnv = {}): boolean {
  return !!env.KUBERNETES_SERVICE_HOST && fs.existsSync(path.join(serviceAccountDir, 'token'));
}

export type ClusterSource = 'sandbox' | 'kubeconfig' | 'in-cluster';

/**
 * Where the clusters come from, kubectl's order: an existing kubeconfig file wins over the pod's
 * service account (a file is the more explicit choice); only with neither does the sandbox start,
 * so a studio deployed in a cluster never serves a demo cluster instead of its own. Pure.
 */
export function chooseClusterSource(found: { studioCluster?: string; kubeconfigFiles: number; serviceAccount: boolean }): ClusterSource {
  if (found.studioCluster === 'sandbox') return 'sandbox';
  if (found.kubeconfigFiles > 0) return 'kubeconfig';
  return found.serviceAccount ? 'in-cluster' : 'sandbox';
}

/** True when neither a kubeconfig file nor a service account exists: the sandbox is the only option. */
export function noKubeconfigAtAll(opts: KubeconfigEnv = {}): boolean {
  const files = kubeconfigCandidates(opts).filter((f) => fs.existsSync(f));
  return chooseClusterSource({ kubeconfigFiles: files.length, serviceAccount: inClusterAvailable(opts) }) === 'sandbox';
}

/** Loads and merges like kubectl; each file goes through `KubeConfig.loadFromFile`. */
export function loadKubeconfigUncached(opts: KubeconfigEnv = {}): LoadedKubeconfig {
  const candidates = kubeconfigCandidates(opts);
  const existing = candidates.filter((f) => fs.existsSync(f));
  const problems: Problem[] = [];
  const source: KubeconfigSource = runtimeState().sandboxKubeconfig ? 'sandbox' : 'kubeconfig';

  if (!existing.length) {
    if (chooseClusterSource({ kubeconfigFiles: 0, serviceAccount: inClusterAvailable(opts) }) === 'in-cluster') {
      const kc = new KubeConfig();
      try {
        kc.loadFromCluster(opts.serviceAccountDir ? opts.serviceAccountDir.replace(/\/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/?$/, '') : undefined);
        return { kc, source: 'in-cluster', paths: [], problems };
      } catch (err) {
        const error = (err as Error).message;
        problems.push({
          source: 'kubeconfig',
          message: `Cannot use the pod's service account: ${error}`,
          messageMsg: msg('shell.problem.serviceAccount', { error }),
          fix: 'Mount a service account token, or provide a kubeconfig via KUBECONFIG.',
          fixMsg: msg('shell.problem.serviceAccountFix'),
        });
      }
    } else {
      problems.push({
        source: 'kubeconfig',
        message: `No kubeconfig found (looked at ${candidates.join(', ')}).`,
        messageMsg: msg('shell.problem.noKubeconfig', { paths: candidates.join(', ') }),
        fix: 'Set KUBECONFIG or create ~/.kube/config, or restart with STUDIO_CLUSTER=sandbox to use the built-in sandbox clusters.',
        fixMsg: msg('shell.problem.noKubeconfigFix'),
      });
    }
    return { kc: null, source: 'none', paths: [], problems };
  }

  const loaded: KubeConfig[] = [];
  for (const file of existing) {
    const r = loadKubeconfigFile(file);
    if (!r.ok) problems.push(r.problem);
    else if (r.kc) loaded.push(r.kc);
  }
  const kc = loaded.length ? mergeFirstWins(loaded) : null;
  if (kc) problems.push(...danglingReferences(kc, existing));
  return { kc, source, paths: existing, problems };
}

/** kubectl's merge: the first file to define a name wins, and the first current-context set wins. */
export function mergeFirstWins(configs: KubeConfig[]): KubeConfig {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext = '';
  for (const c of configs) {
    for (const x of c.clusters ?? []) if (!clusters.has(x.name)) clusters.set(x.name, x);
    for (const x of c.users ?? []) if (!users.has(x.name)) users.set(x.name, x);
    for (const x of c.contexts ?? []) if (!contexts.has(x.name)) contexts.set(x.name, x);
    if (!currentContext && c.currentContext) currentContext = c.currentContext;
  }
  const kc = new KubeConfig();
  kc.loadFromOptions({ clusters: [...clusters.values()], users: [...users.values()], contexts: [...contexts.values()], currentContext });
  return kc;
}

function danglingReferences(kc: KubeConfig, files: string[]): Problem[] {
  const where = files.length === 1 ? files[0] : files.join(path.delimiter);
  const out: Problem[] = [];
  for (const ctx of kc.getContexts()) {
    if (!kc.getCluster(ctx.cluster)) {
      out.push({
        source: 'kubeconfig',
        file: files[0],
        context: ctx.name,
        message: `Context "${ctx.name}" refers to cluster "${ctx.cluster}", which ${where} does not define.`,
        messageMsg: msg('shell.problem.danglingCluster', { context: ctx.name, cluster: ctx.cluster, where }),
        fix: `Add a cluster named "${ctx.cluster}" or fix the context (kubectl config set-context ${ctx.name} --cluster=<name>).`,
        // `<name>` is a value: inside a message, next-intl would read it as a tag.
        fixMsg: msg('shell.problem.danglingClusterFix', { cluster: ctx.cluster, context: ctx.name, placeholder: '<name>' }),
      });
    }
  }
  return out;
}

// --- cached access ---------------------------------------------------------------------------------

interface CacheEntry {
  key: string;
  value: LoadedKubeconfig;
}
let cache: CacheEntry | undefined;

function cacheKey(): string {
  const files = kubeconfigCandidates();
  return files
    .map((f) => {
      try {
        const s = fs.statSync(f);
        return `${f}@${s.mtimeMs}:${s.size}`;
      } catch {
        return `${f}@-`;
      }
    })
    .join('|') + `|${inClusterAvailable()}`;
}

/** The current kubeconfig; re-read when a file changes (cheap stat per call). */
export function loadKubeconfig(): LoadedKubeconfig {
  const key = cacheKey();
  if (cache?.key !== key) {
    cache = { key, value: loadKubeconfigUncached() };
    cache.value.problems.forEach(logProblemOnce);
  }
  return cache.value;
}

export function resetKubeconfigCache(): void {
  cache = undefined;
}
