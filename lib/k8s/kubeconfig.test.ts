import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { chooseClusterSource, kubeconfigCandidates, loadKubeconfig, loadKubeconfigUncached, noKubeconfigAtAll, resetKubeconfigCache } from './kubeconfig';
import { contextFromArgv, describeContexts, resolveContext } from './context';
import { cookieValue } from './request-context';

let dir: string;
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
  return p;
};

function config(opts: { clusters: [string, string][]; users?: string[]; contexts: [string, string, string?][]; current?: string }): string {
  const lines = ['apiVersion: v1', 'kind: Config', 'clusters:'];
  for (const [name, server] of opts.clusters) lines.push(`- name: ${name}`, '  cluster:', `    server: ${server}`);
  lines.push('users:');
  for (const u of opts.users ?? opts.contexts.map((c) => c[2] ?? 'u')) lines.push(`- name: ${u}`, '  user:', '    token: t');
  lines.push('contexts:');
  for (const [name, cluster, user] of opts.contexts) lines.push(`- name: ${name}`, '  context:', `    cluster: ${cluster}`, `    user: ${user ?? 'u'}`);
  if (opts.current) lines.push(`current-context: ${opts.current}`);
  return lines.join('\n') + '\n';
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kls-kc-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  resetKubeconfigCache();
  vi.unstubAllEnvs();
});

describe('kubeconfig discovery', () => {
  it('uses KUBECONFIG entries in order (deduplicated), else ~/.kube/config', () => {
    expect(kubeconfigCandidates({ env: { KUBECONFIG: `/a${path.delimiter}/b${path.delimiter}${path.delimiter}/a` }, home: '/h' })).toEqual(['/a', '/b']);
    expect(kubeconfigCandidates({ env: { KUBECONFIG: '~/k' }, home: '/h' })).toEqual(['/h/k']);
    expect(kubeconfigCandidates({ env: {}, home: '/h' })).toEqual(['/h/.kube/config']);
  });

  it('reports no kubeconfig at all when no file exists and no service account is mounted', () => {
    const env = { KUBECONFIG: path.join(dir, 'missing-1') };
    expect(noKubeconfigAtAll({ env, serviceAccountDir: path.join(dir, 'no-sa') })).toBe(true);
    const r = loadKubeconfigUncached({ env, serviceAccountDir: path.join(dir, 'no-sa') });
    expect(r.kc).toBeNull();
    expect(r.source).toBe('none');
    expect(r.problems[0]).toMatchObject({ source: 'kubeconfig' });
    expect(r.problems[0].message).toContain('missing-1');
    expect(r.problems[0].fix).toMatch(/STUDIO_CLUSTER=sandbox/);
  });

  it("uses the pod's service account when running in a cluster", () => {
    const root = path.join(dir, 'pod');
    const sa = path.join(root, 'var/run/secrets/kubernetes.io/serviceaccount');
    fs.mkdirSync(sa, { recursive: true });
    fs.writeFileSync(path.join(sa, 'token'), 'tok');
    fs.writeFileSync(path.join(sa, 'namespace'), 'studio');
    fs.writeFileSync(path.join(sa, 'ca.crt'), '');
    const env = { KUBECONFIG: path.join(dir, 'missing-2'), KUBERNETES_SERVICE_HOST: '10.0.0.1', KUBERNETES_SERVICE_PORT: '443' };
    expect(noKubeconfigAtAll({ env, serviceAccountDir: sa })).toBe(false);
    vi.stubEnv('KUBERNETES_SERVICE_HOST', '10.0.0.1');
    vi.stubEnv('KUBERNETES_SERVICE_PORT', '443');
    const r = loadKubeconfigUncached({ env, serviceAccountDir: sa });
    expect(r.source).toBe('in-cluster');
    expect(r.kc?.getCurrentCluster()?.server).toBe('https://10.0.0.1:443');
    expect(describeContexts(r.kc)[0]).toMatchObject({ server: 'https://10.0.0.1:443', namespace: 'studio' });
  });
});

describe('merging several files like kubectl', () => {
  it('first file wins for duplicate names and for current-context', () => {
    const a = write('merge/a', config({ clusters: [['prod', 'https://prod-a']], contexts: [['prod', 'prod']], current: 'prod' }));
    const b = write('merge/b', config({ clusters: [['prod', 'https://prod-b'], ['dev', 'https://dev']], contexts: [['prod', 'dev'], ['dev', 'dev']], current: 'dev' }));
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: [a, b].join(path.delimiter) } });
    expect(r.problems).toEqual([]);
    expect(r.paths).toEqual([a, b]);
    expect(r.kc!.getCurrentContext()).toBe('prod');
    expect(describeContexts(r.kc)).toEqual([
      { name: 'prod', cluster: 'prod', server: 'https://prod-a', user: 'u' },
      { name: 'dev', cluster: 'dev', server: 'https://dev', user: 'u' },
    ]);
  });

  it('takes current-context from a later file when the first sets none; skips missing and empty files', () => {
    const a = write('merge2/a', config({ clusters: [['x', 'https://x']], contexts: [['x', 'x']] }));
    const empty = write('merge2/empty', '\n');
    const b = write('merge2/b', config({ clusters: [['y', 'https://y']], contexts: [['y', 'y']], current: 'y' }));
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: [a, path.join(dir, 'nope'), empty, b].join(path.delimiter) } });
    expect(r.problems).toEqual([]);
    expect(r.kc!.getCurrentContext()).toBe('y');
    expect(r.kc!.getContexts().map((c) => c.name)).toEqual(['x', 'y']);
  });

  it('resolves relative certificate paths against their own file', () => {
    const a = write('rel/sub/config', 'clusters:\n- name: c\n  cluster:\n    server: https://c\n    certificate-authority: ca.pem\ncontexts:\n- name: c\n  context: {cluster: c, user: u}\nusers:\n- name: u\n  user: {token: t}\n');
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: a } });
    expect(r.kc!.getCluster('c')?.caFile).toBe(path.join(dir, 'rel/sub/ca.pem'));
  });
});

describe('broken kubeconfigs give a message with file and line, and keep going', () => {
  it('invalid YAML: names the file and the line', () => {
    const bad = write('bad/syntax', 'apiVersion: v1\nclusters:\n- name: a\n  cluster:\n    server: "https://a\ncontexts: []\n');
    const good = write('bad/good', config({ clusters: [['g', 'https://g']], contexts: [['g', 'g']], current: 'g' }));
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: [bad, good].join(path.delimiter) } });
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0];
    expect(p).toMatchObject({ source: 'kubeconfig', file: bad });
    expect(p.line).toBeGreaterThanOrEqual(5);
    expect(p.message).toContain(`${bad}:${p.line}`);
    expect(p.fix).toBeTruthy();
    // The valid file still loads: the app keeps serving.
    expect(r.kc!.getCurrentContext()).toBe('g');
  });

  it('bad indentation is reported at its line', () => {
    const bad = write('bad/indent', 'apiVersion: v1\nclusters:\n- name: a\n  cluster:\n    server: https://a\n   bogus: [\n');
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: bad } });
    expect(r.kc).toBeNull();
    expect(r.problems[0].line).toBe(6);
  });

  it('a structurally invalid entry is reported at the line of that entry', () => {
    const bad = write('bad/entry', 'apiVersion: v1\nclusters:\n- name: ok\n  cluster:\n    server: https://ok\n- name: broken\n  cluster:\n    insecure-skip-tls-verify: true\ncontexts: []\nusers: []\n');
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: bad } });
    expect(r.problems[0].message).toMatch(/clusters\[1\]\.cluster\.server is missing/);
    expect(r.problems[0].line).toBe(6);
    expect(r.problems[0].message).toContain(`${bad}:6`);
  });

  it('a file that is not a mapping is reported', () => {
    const bad = write('bad/list', '- just\n- a list\n');
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: bad } });
    expect(r.problems[0]).toMatchObject({ file: bad, line: 1 });
  });

  it('a context pointing at an undefined cluster is a problem naming the context', () => {
    const f = write('bad/dangling', config({ clusters: [['a', 'https://a']], contexts: [['a', 'a'], ['ghost', 'nowhere']], current: 'a' }));
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: f } });
    expect(r.problems).toEqual([expect.objectContaining({ source: 'kubeconfig', context: 'ghost' })]);
    expect(r.problems[0].message).toContain('"nowhere"');
  });

  it('logs each problem once to the terminal and reloads when the file changes', () => {
    const f = write('bad/reload', 'clusters: [\n');
    vi.stubEnv('KUBECONFIG', f);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(loadKubeconfig().problems).toHaveLength(1);
      resetKubeconfigCache();
      expect(loadKubeconfig().problems).toHaveLength(1);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(String(spy.mock.calls[0][0])).toContain(f);
      fs.writeFileSync(f, config({ clusters: [['a', 'https://a']], contexts: [['a', 'a']], current: 'a' }) + '# changed\n');
      const later = new Date(Date.now() + 5000);
      fs.utimesSync(f, later, later);
      expect(loadKubeconfig().problems).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('choosing the context', () => {
  const file = () => write('ctx/config', config({ clusters: [['a', 'https://a'], ['b', 'https://b']], contexts: [['a', 'a'], ['b', 'b']], current: 'a' }));
  const kc = () => loadKubeconfigUncached({ env: { KUBECONFIG: file() } }).kc;

  it('parses --context in both spellings', () => {
    expect(contextFromArgv(['node', 'next', '--context=b'])).toBe('b');
    expect(contextFromArgv(['node', 'next', '--context', 'b', '-p', '3000'])).toBe('b');
    expect(contextFromArgv(['node', 'next', '--context', '--port'])).toBeUndefined();
    expect(contextFromArgv(['node', 'next'])).toBeUndefined();
  });

  it('cookie > --context > STUDIO_CONTEXT > current-context', () => {
    expect(resolveContext(kc(), { argv: [], env: {} })).toMatchObject({ name: 'a', origin: 'kubeconfig' });
    expect(resolveContext(kc(), { argv: [], env: { STUDIO_CONTEXT: 'b' } })).toMatchObject({ name: 'b', origin: 'env' });
    expect(resolveContext(kc(), { argv: ['--context=b'], env: { STUDIO_CONTEXT: 'a' } })).toMatchObject({ name: 'b', origin: 'argv' });
    expect(resolveContext(kc(), { cookie: 'a', argv: ['--context=b'], env: {} })).toMatchObject({ name: 'a', origin: 'cookie' });
  });

  it('an unknown --context selects nothing (no silent fallback) and says how to fix it', () => {
    const r = resolveContext(kc(), { argv: ['--context=prod'], env: {} });
    expect(r.name).toBeNull();
    expect(r.problems[0]).toMatchObject({ source: 'context', context: 'prod' });
    expect(r.problems[0].message).toMatch(/"prod".*--context.*Known contexts: a, b/);
    expect(r.problems[0].fix).toMatch(/--context=/);
    const env = resolveContext(kc(), { argv: [], env: { STUDIO_CONTEXT: 'prod' } });
    expect(env.name).toBeNull();
    expect(env.problems[0].message).toContain('STUDIO_CONTEXT');
  });

  it('a stale cookie is reported and the configured context is used', () => {
    const r = resolveContext(kc(), { cookie: 'gone', argv: [], env: {} });
    expect(r.name).toBe('a');
    expect(r.problems[0]).toMatchObject({ source: 'context', context: 'gone' });
  });

  it('a current-context that does not exist is a problem', () => {
    const f = write('ctx/badcurrent', config({ clusters: [['a', 'https://a']], contexts: [['a', 'a']], current: 'zzz' }));
    const r = resolveContext(loadKubeconfigUncached({ env: { KUBECONFIG: f } }).kc, { argv: [], env: {} });
    expect(r.name).toBeNull();
    expect(r.problems[0].message).toContain('"zzz"');
  });

  it('reads the context cookie', () => {
    expect(cookieValue('a=1; kls-context=prod%2Deu; b=2', 'kls-context')).toBe('prod-eu');
    expect(cookieValue('a=1', 'kls-context')).toBeUndefined();
    expect(cookieValue(null, 'kls-context')).toBeUndefined();
  });
});

describe('in a cluster: kubeconfig, service account or sandbox', () => {
  it('chooses like kubectl, and never the sandbox when the pod has a service account', () => {
    expect(chooseClusterSource({ kubeconfigFiles: 0, serviceAccount: true })).toBe('in-cluster');
    expect(chooseClusterSource({ kubeconfigFiles: 1, serviceAccount: true })).toBe('kubeconfig');
    expect(chooseClusterSource({ kubeconfigFiles: 2, serviceAccount: false })).toBe('kubeconfig');
    expect(chooseClusterSource({ kubeconfigFiles: 0, serviceAccount: false })).toBe('sandbox');
    expect(chooseClusterSource({ studioCluster: 'sandbox', kubeconfigFiles: 0, serviceAccount: true })).toBe('sandbox');
  });

  it('the sandbox starts only with neither a kubeconfig file nor a mounted token plus KUBERNETES_SERVICE_HOST', () => {
    const sa = path.join(dir, 'pod-sa');
    fs.mkdirSync(sa, { recursive: true });
    fs.writeFileSync(path.join(sa, 'token'), 'tok');
    const none = { KUBECONFIG: path.join(dir, 'missing-3') };
    expect(noKubeconfigAtAll({ env: { ...none, KUBERNETES_SERVICE_HOST: '10.0.0.1' }, serviceAccountDir: sa })).toBe(false);
    // a token file without the service host is not a pod (a copied directory, a test)
    expect(noKubeconfigAtAll({ env: none, serviceAccountDir: sa })).toBe(true);
    expect(noKubeconfigAtAll({ env: { ...none, KUBERNETES_SERVICE_HOST: '10.0.0.1' }, serviceAccountDir: path.join(dir, 'no-sa') })).toBe(true);
    expect(noKubeconfigAtAll({ env: { KUBECONFIG: __filename }, serviceAccountDir: path.join(dir, 'no-sa') })).toBe(false);
  });
});
