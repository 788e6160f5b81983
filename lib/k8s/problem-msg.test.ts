import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import { sandboxStartProblem, scaleProblem, seedProblem } from './bootstrap';
import { connectionProblem } from './cluster-info';
import { toKubeError } from './errors';
import { resolveContext } from './context';
import { loadKubeconfigUncached } from './kubeconfig';
import { loadKubeconfigFile } from './kubeconfig-file';
import { checkScale } from './sandbox/scale';
import { SeedError } from './sandbox/seed';
import type { Problem } from './types';

// Every configuration problem carries its English text (terminal, CLI, tests) and the same sentence
// as message descriptors: rendered through the English catalogue they give back that text exactly.
const en = createTranslator({ locale: 'en', messages: CATALOGUES.en });
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
const text = (m: Msg, t: typeof en = en) => (t as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);

/** Messages that only quote another component's text read the same in both languages. */
const QUOTE_ONLY = new Set(['shell.problem.connectionReason']);

function expectLocalized(problems: Problem[], count = 1): void {
  expect(problems).toHaveLength(count);
  for (const p of problems) {
    expect(p.messageMsg, p.message).toBeDefined();
    expect(p.fixMsg, p.fix).toBeDefined();
    expect(text(p.messageMsg!)).toBe(p.message);
    expect(text(p.fixMsg!)).toBe(p.fix);
    if (!QUOTE_ONLY.has(p.messageMsg!.key)) expect(text(p.messageMsg!, zh)).not.toBe(p.message);
    expect(text(p.fixMsg!, zh)).not.toBe(p.fix);
    // Quoted text (file paths, context names, parser errors) survives translation.
    for (const v of Object.values(p.messageMsg!.values ?? {})) if (typeof v === 'string' && v.length > 3 && !/^\d+$/.test(v)) expect(text(p.messageMsg!, zh)).toContain(v);
  }
}

let dir: string;
const write = (name: string, body: string) => {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, body);
  return p;
};
const kubeconfig = (contexts: [string, string][], current?: string) =>
  [
    'apiVersion: v1',
    'clusters:',
    '- name: a',
    '  cluster:',
    '    server: https://a',
    'users:',
    '- name: u',
    '  user:',
    '    token: t',
    contexts.length ? 'contexts:' : 'contexts: []',
    ...contexts.flatMap(([name, cluster]) => [`- name: ${name}`, '  context:', `    cluster: ${cluster}`, '    user: u']),
    ...(current ? [`current-context: ${current}`] : []),
  ].join('\n') + '\n';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kls-problem-msg-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('kubeconfig problems render in both languages', () => {
  it('a file that cannot be read', () => {
    const r = loadKubeconfigFile(path.join(dir, 'does-not-exist'));
    expect(r.ok).toBe(false);
    if (!r.ok) expectLocalized([r.problem]);
  });

  it('invalid YAML, with and without a line, quoting the parser verbatim', () => {
    const bad = write('syntax', 'apiVersion: v1\nclusters:\n- name: a\n  cluster:\n    server: "https://a\ncontexts: []\n');
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: bad } });
    expectLocalized(r.problems);
    expect(r.problems[0].messageMsg?.key).toBe('shell.problem.invalidYaml');
    expectLocalized(loadKubeconfigUncached({ env: { KUBECONFIG: write('indent', 'apiVersion: v1\nclusters:\n- name: a\n  cluster:\n    server: https://a\n   bogus: [\n') } }).problems);
    expectLocalized(loadKubeconfigUncached({ env: { KUBECONFIG: write('braces', 'clusters: [\n') } }).problems);
  });

  it('a file that is not a mapping', () => {
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: write('list', '- just\n- a list\n') } });
    expectLocalized(r.problems);
    expect(r.problems[0].messageMsg?.key).toBe('shell.problem.notKubeconfig');
  });

  it('an incomplete entry', () => {
    const bad = write('entry', 'apiVersion: v1\nclusters:\n- name: ok\n  cluster:\n    server: https://ok\n- name: broken\n  cluster:\n    insecure-skip-tls-verify: true\ncontexts: []\nusers: []\n');
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: bad } });
    expectLocalized(r.problems);
    expect(r.problems[0].messageMsg?.key).toBe('shell.problem.invalidEntry');
  });

  it('a context pointing at an undefined cluster, in one file and in several', () => {
    const f = write('dangling', kubeconfig([['a', 'a'], ['ghost', 'nowhere']], 'a'));
    expectLocalized(loadKubeconfigUncached({ env: { KUBECONFIG: f } }).problems);
    const g = write('other', kubeconfig([['b', 'a']], 'b'));
    expectLocalized(loadKubeconfigUncached({ env: { KUBECONFIG: [f, g].join(path.delimiter) } }).problems);
  });

  it('no kubeconfig at all', () => {
    const r = loadKubeconfigUncached({ env: { KUBECONFIG: [path.join(dir, 'missing-1'), path.join(dir, 'missing-2')].join(path.delimiter) }, serviceAccountDir: path.join(dir, 'no-sa') });
    expectLocalized(r.problems);
    expect(r.problems[0].messageMsg?.key).toBe('shell.problem.noKubeconfig');
  });

  it("the pod's service account cannot be used", () => {
    const sa = path.join(dir, 'pod/var/run/secrets/kubernetes.io/serviceaccount');
    fs.mkdirSync(sa, { recursive: true });
    fs.writeFileSync(path.join(sa, 'token'), 'tok');
    const spy = vi.spyOn(KubeConfig.prototype, 'loadFromCluster').mockImplementation(() => {
      throw new Error("ENOENT: no such file or directory, open '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt'");
    });
    try {
      const r = loadKubeconfigUncached({ env: { KUBECONFIG: path.join(dir, 'missing-3'), KUBERNETES_SERVICE_HOST: '10.0.0.1' }, serviceAccountDir: sa });
      expectLocalized(r.problems);
      expect(r.problems[0].messageMsg).toMatchObject({ key: 'shell.problem.serviceAccount', values: { error: expect.stringContaining('ENOENT') } });
    } finally {
      spy.mockRestore();
    }
  });
});

describe('context problems render in both languages', () => {
  const kc = (contexts: [string, string][], current?: string) => loadKubeconfigUncached({ env: { KUBECONFIG: write(`ctx-${contexts.length}-${current ?? ''}`, kubeconfig(contexts, current)) } }).kc;

  it('a stale cookie, with known contexts and with none', () => {
    expectLocalized(resolveContext(kc([['a', 'a'], ['b', 'a']], 'a'), { cookie: 'gone', argv: [], env: {} }).problems);
    const none = resolveContext(kc([]), { cookie: 'gone', argv: [], env: {} }).problems;
    expectLocalized(none);
    expect(none[0].fix).toContain('(none)');
  });

  it('an unknown --context or STUDIO_CONTEXT, whose fix names <one of: …>', () => {
    const argv = resolveContext(kc([['a', 'a'], ['b', 'a']], 'a'), { argv: ['--context=prod'], env: {} }).problems;
    expectLocalized(argv);
    expect(argv[0].fix).toContain('--context=<one of: a, b>');
    expectLocalized(resolveContext(kc([['a', 'a']], 'a'), { argv: [], env: { STUDIO_CONTEXT: 'prod' } }).problems);
    expectLocalized(resolveContext(kc([]), { argv: ['--context=prod'], env: {} }).problems);
  });

  it('a current-context that does not exist, and none at all (the <name> placeholder is a value)', () => {
    const bad = resolveContext(kc([['a', 'a']], 'zzz'), { argv: [], env: {} }).problems;
    expectLocalized(bad);
    expect(text(bad[0].fixMsg!, zh)).toContain('kubectl config use-context <name>');
    const none = resolveContext(kc([['a', 'a']]), { argv: [], env: {} }).problems;
    expectLocalized(none);
    expect(text(none[0].fixMsg!, zh)).toContain('--context=<name>');
  });
});

describe('sandbox and connection problems render in both languages', () => {
  it('the sandboxes could not start', () => {
    expectLocalized([sandboxStartProblem(new Error('listen EADDRINUSE: address already in use 127.0.0.1:6443'))]);
  });

  it('STUDIO_SANDBOX_SCALE is not usable', () => {
    for (const value of ['lots', '1_000_000']) {
      const scale = checkScale(value);
      if (!scale || !('error' in scale)) throw new Error(`expected an error for ${value}`);
      expectLocalized([scaleProblem(scale)]);
    }
  });

  it('a seed that did not load, with and without a line', () => {
    expectLocalized([seedProblem('sandbox', new SeedError('/seed/pods.yaml', 'unknown kind "Gadget"', 'Remove it', 6, 3))]);
    expectLocalized([seedProblem('sandbox-staging', new SeedError('/seed/dir', 'no YAML files', 'Add one'))]);
  });

  it('the API server does not answer', () => {
    expectLocalized([connectionProblem('prod', 'https://prod:6443', 'Cannot reach https://prod:6443: connection refused (ECONNREFUSED). Retrying automatically.')]);
    expectLocalized([connectionProblem('prod', 'https://prod:6443', undefined)]);
    expectLocalized([connectionProblem('prod', null, undefined)]);
    // the studio's own wording of the failure travels with it, so the banner is Chinese too
    const e = toKubeError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), { server: 'https://prod:6443' });
    const p = connectionProblem('prod', 'https://prod:6443', e.message, e.messageMsg);
    expect(text(p.messageMsg!)).toBe('Cannot reach https://prod:6443: connection refused. Retrying automatically.');
    expect(text(p.messageMsg!, zh)).toBe('无法连接 https://prod:6443：连接被拒绝。正在自动重试。');
  });
});
