// deploy/ as kubectl renders it (`kubectl kustomize`, when kubectl is on PATH) and the Dockerfile's
// shape (Docker is not needed: the rules are read from the file).
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { KUBECTL } from '@/lib/k8s/sandbox/kubectl-support';
import { OVERLAYS, type Overlay } from '@/lib/security/permissions';
import { DEPLOY } from '@/lib/security/rbac-manifests';

const root = path.resolve(__dirname, '..');
const run = promisify(execFile);

if (!KUBECTL) console.warn('deploy.test.ts: kustomize rendering skipped because `kubectl` is not on PATH');

interface Container {
  name: string;
  image: string;
  env: { name: string; value?: string }[];
  securityContext: Record<string, unknown>;
  resources: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe: { httpGet: { path: string; httpHeaders?: { name: string; value: string }[] } };
  livenessProbe: { httpGet: { path: string } };
  volumeMounts: { name: string; mountPath: string }[];
}
interface Obj {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: { type?: string; template?: { spec: { serviceAccountName: string; securityContext: Record<string, unknown>; containers: Container[]; volumes: { name: string; emptyDir?: object }[] } } };
}

const rendered: Partial<Record<Overlay | 'base', Obj[]>> = {};

async function render(dir: string): Promise<Obj[]> {
  const { stdout } = await run(KUBECTL!, ['kustomize', path.join(root, 'deploy', dir)], { env: { PATH: process.env.PATH, HOME: tmpdir(), NODE_ENV: 'test' } });
  return parseAllDocuments(stdout).map((d) => d.toJS() as Obj);
}

const studio = (objs: Obj[]) => objs.find((o) => o.kind === 'Deployment')!.spec!.template!.spec;
const envOf = (objs: Obj[]) => Object.fromEntries(studio(objs).containers[0].env.map((e) => [e.name, e.value]));

describe.skipIf(!KUBECTL)('kubectl kustomize deploy/…', () => {
  beforeAll(async () => {
    rendered.base = await render('base');
    for (const o of OVERLAYS) rendered[o] = await render(`overlays/${o}`);
  });

  it('base: Namespace, ServiceAccount, Deployment and a ClusterIP Service', () => {
    expect(rendered.base!.map((o) => `${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`).sort()).toEqual([
      'Deployment kube-lua-studio/kube-lua-studio',
      'Namespace /kube-lua-studio',
      'Service kube-lua-studio/kube-lua-studio',
      'ServiceAccount kube-lua-studio/kube-lua-studio',
    ]);
    expect(rendered.base!.find((o) => o.kind === 'Service')!.spec!.type).toBe('ClusterIP');
  });

  it('the Deployment runs as the service account, in the cluster store, behind sign-in', () => {
    const spec = studio(rendered.base!);
    expect(spec.serviceAccountName).toBe(DEPLOY.serviceAccount);
    expect(envOf(rendered.base!)).toMatchObject({ HOST: '0.0.0.0', STUDIO_AUTH: 'token', STUDIO_PLUGIN_STORE: 'cluster', STUDIO_NAMESPACE: DEPLOY.namespace, STUDIO_KRUISE_NAMESPACE: DEPLOY.kruiseNamespace, STUDIO_DATA_DIR: '/data' });
    expect(envOf(rendered.base!)).not.toHaveProperty('STUDIO_READ_ONLY');
  });

  it('is locked down: non-root, read-only root filesystem, no capabilities, RuntimeDefault seccomp, bounded resources', () => {
    const spec = studio(rendered.base!);
    const c = spec.containers[0];
    expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(c.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(Object.keys(c.resources.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(c.resources.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(c.image).toMatch(/^kube-lua-studio:\d+\.\d+\.\d+$/);
  });

  it('writes only to emptyDirs: the data directory, /tmp and the Next.js cache', () => {
    const spec = studio(rendered.base!);
    const mounts = Object.fromEntries(spec.containers[0].volumeMounts.map((m) => [m.mountPath, m.name]));
    expect(Object.keys(mounts).sort()).toEqual(['/app/.next/cache', '/data', '/tmp']);
    for (const name of Object.values(mounts)) expect(spec.volumes.find((v) => v.name === name)?.emptyDir).toBeDefined();
  });

  it('probes /api/healthz under a loopback Host (the DNS-rebinding guard refuses the pod IP)', () => {
    const c = studio(rendered.base!).containers[0];
    expect(c.readinessProbe.httpGet.path).toBe('/api/healthz');
    expect(c.livenessProbe.httpGet.path).toBe('/api/healthz');
    expect(c.readinessProbe.httpGet.httpHeaders).toEqual([{ name: 'Host', value: 'localhost' }]);
  });

  it('each overlay adds its generated RBAC and its settings', () => {
    for (const o of OVERLAYS) {
      const kinds = rendered[o]!.map((x) => x.kind);
      for (const k of ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']) expect(kinds, `${o} ${k}`).toContain(k);
      // kustomize must not move the Kruise-namespace Role into the studio's namespace
      expect(rendered[o]!.filter((x) => x.kind === 'Role').map((x) => x.metadata.namespace).sort()).toEqual([DEPLOY.namespace, DEPLOY.kruiseNamespace].sort());
    }
    expect(envOf(rendered['read-only']!)).toMatchObject({ STUDIO_READ_ONLY: '1', STUDIO_AUTH: 'token' });
    expect(envOf(rendered['read-write']!)).not.toHaveProperty('STUDIO_READ_ONLY');
    expect(envOf(rendered.proxy!)).toMatchObject({ STUDIO_AUTH: 'proxy' });
    expect(envOf(rendered.proxy!).STUDIO_TRUSTED_PROXIES).toBeTruthy();
  });
});

describe('Dockerfile', () => {
  const text = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const stages: { from: string; name?: string; lines: string[] }[] = [];
  for (const l of lines) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?$/i.exec(l);
    if (from) stages.push({ from: from[1], name: from[2], lines: [] });
    else stages.at(-1)?.lines.push(l);
  }
  const final = stages.at(-1)!;

  it('is multi-stage on node:20-bookworm-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const s of stages) expect(s.from).toBe('node:20-bookworm-slim');
  });

  it('runs as a non-root USER', () => {
    const user = final.lines.filter((l) => /^USER\s/i.test(l)).at(-1);
    expect(user).toBeDefined();
    expect(user!.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
  });

  it('ships production dependencies only, built with next build in another stage', () => {
    const build = stages.find((s) => s.lines.some((l) => /next build|npm run build/.test(l)));
    expect(build && build !== final).toBe(true);
    const nodeModules = final.lines.filter((l) => /^COPY\b.*node_modules/.test(l));
    expect(nodeModules).toHaveLength(1);
    const from = /--from=(\S+)/.exec(nodeModules[0])?.[1];
    const deps = stages.find((s) => s.name === from)!;
    expect(deps.lines.some((l) => /npm ci\b.*--omit=dev/.test(l))).toBe(true);
    expect(deps.lines.some((l) => /npm (ci|install)\b(?!.*--omit=dev)/.test(l))).toBe(false);
    expect(final.lines.some((l) => /^RUN\b.*npm (ci|install)/.test(l))).toBe(false);
    expect(final.lines.some((l) => /^COPY\s+(--chown=\S+\s+)?\.\s/.test(l)), 'no source tree in the final image').toBe(false);
  });

  it('starts next directly (npm start would build and write on a read-only filesystem)', () => {
    const cmd = final.lines.find((l) => /^CMD\b/.test(l))!;
    expect(cmd).toMatch(/next start/);
    expect(cmd).not.toMatch(/npm|start\.mjs/);
  });

  it('.dockerignore keeps local build output and state out of the context', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const p of ['node_modules', '.next', '.git', '.studio', '.studio-data']) expect(ignored).toContain(p);
  });
});
