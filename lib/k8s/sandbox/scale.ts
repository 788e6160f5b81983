// STUDIO_SANDBOX_SCALE=<n>: generated objects added to the sandbox seed, to see the studio with a
// production-sized cluster (n pods across 20 namespaces). Deterministic: the same n gives the same
// objects (seeded PRNG, fixed timestamps that the sandbox rebases to "now" like the demo seed).
// The mix follows what DeepFlow meets in the field: Deployments (with an inactive old ReplicaSet),
// StatefulSets, DaemonSets, OpenKruise CloneSets, OpenGauss clusters, Jobs from CronJobs, pods
// without owner, static pods (owner Node) and virtual-kubelet pods; statuses Running,
// CrashLoopBackOff, Pending and Completed; labels, annotations and status of realistic size.
import { msg, type Msg } from '@/lib/i18n/message';
import type { K8sObject } from './store';

export const SCALE_NAMESPACES = [
  'checkout', 'catalog', 'search', 'ads', 'billing', 'identity', 'media', 'analytics', 'ml-serving', 'data-pipeline',
  'messaging', 'monitoring', 'logging', 'gateway', 'notifications', 'inventory', 'recommendations', 'fraud', 'reporting', 'edge',
].map((n) => `scale-${n}`);

const APPS = ['api', 'web', 'worker', 'gateway', 'cache', 'indexer', 'scheduler', 'consumer', 'renderer', 'auth', 'router', 'exporter', 'ingest', 'sync', 'notifier'];
const BASE_TIME = Date.parse('2026-11-30T00:00:00Z');
const LETTERS = 'bcdfghjklmnpqrstvwxz2456789';

/** Parses STUDIO_SANDBOX_SCALE: a pod count, or an error text for the user. */
export function parseScale(text: string | undefined): { pods: number } | { error: string } | null {
  const r = checkScale(text);
  return r && 'error' in r ? { error: r.error } : r;
}

const MAX_SCALE_PODS = 200_000;

/** `parseScale`, with the error also as a message descriptor for the UI (English: `error`). */
export function checkScale(text: string | undefined): { pods: number } | { error: string; errorMsg: Msg } | null {
  if (text === undefined || text.trim() === '' || text.trim() === '0') return null;
  const t = text.trim().replace(/[_,]/g, '');
  if (!/^\d+$/.test(t)) return { error: `STUDIO_SANDBOX_SCALE must be a number of pods (e.g. 10000), not "${text}"`, errorMsg: msg('shell.problem.scaleNotNumber', { text }) };
  const pods = Number(t);
  if (pods > MAX_SCALE_PODS) {
    return { error: `STUDIO_SANDBOX_SCALE=${pods} is more than the sandbox holds in memory comfortably (at most ${MAX_SCALE_PODS})`, errorMsg: msg('shell.problem.scaleTooLarge', { pods: String(pods), max: String(MAX_SCALE_PODS) }) };
  }
  return { pods };
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = Record<string, unknown>;

/** The generated objects for `pods` pods (plus their namespaces, nodes and owners). */
export function generateScaleObjects(pods: number, seed = 20261202): K8sObject[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
  const suffix = (n: number) => Array.from({ length: n }, () => LETTERS[Math.floor(r() * LETTERS.length)]).join('');
  const uid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(r() * 4)]}${hex(3)}-${hex(12)}`;
  const time = (daysAgo: number) => new Date(BASE_TIME - Math.floor(daysAgo * 86_400_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out: K8sObject[] = [];
  const names = new Set<string>();
  const podName = (base: string) => {
    let n: string;
    do n = `${base}-${suffix(5)}`;
    while (names.has(n));
    names.add(n);
    return n;
  };
  // A mirror pod's owner is its Node, with `controller` but no `blockOwnerDeletion`.
  const ref = (o: K8sObject) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid!, controller: true, ...(o.kind === 'Node' ? {} : { blockOwnerDeletion: true }) });
  const apps = new Set<string>();
  const owner = (apiVersion: string, kind: string, name: string, namespace: string | undefined, extra: Json = {}): K8sObject => {
    const o: K8sObject = { apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}), uid: uid(), creationTimestamp: time(20 + r() * 10), labels: { app: name } }, ...extra };
    out.push(o);
    return o;
  };

  for (const ns of SCALE_NAMESPACES) out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, uid: uid(), creationTimestamp: time(60), labels: { 'kubernetes.io/metadata.name': ns } } });
  const nodeCount = Math.max(3, Math.round(pods / 100));
  const nodes = Array.from({ length: nodeCount }, (_, i) =>
    owner('v1', 'Node', `scale-node-${String(i + 1).padStart(3, '0')}`, undefined, { spec: { podCIDR: `10.${100 + (i >> 8)}.${i & 255}.0/24` } }),
  );
  for (const n of nodes) n.metadata.labels = { 'kubernetes.io/hostname': n.metadata.name!, 'kubernetes.io/os': 'linux', 'node.kubernetes.io/instance-type': 'm6i.2xlarge' };
  const vk = owner('v1', 'Node', 'scale-virtual-kubelet', undefined, { spec: { taints: [{ key: 'virtual-kubelet.io/provider', value: 'serverless', effect: 'NoSchedule' }] } });
  vk.metadata.labels = { type: 'virtual-kubelet', 'kubernetes.io/role': 'agent', 'kubernetes.io/hostname': 'scale-virtual-kubelet' };

  let made = 0;
  const pod = (o: { ns: string; name: string; app: string; owner?: K8sObject; labels?: Record<string, string>; node?: string | null; status?: 'Running' | 'CrashLoopBackOff' | 'Pending' | 'Completed'; image?: string }) => {
    made++;
    const status = o.status ?? (r() < 0.03 ? 'CrashLoopBackOff' : r() < 0.03 ? 'Pending' : 'Running');
    const node = status === 'Pending' ? null : o.node === undefined ? pick(nodes).metadata.name! : o.node;
    const ip = `10.${Math.floor(r() * 64) + 128}.${Math.floor(r() * 256)}.${Math.floor(r() * 254) + 1}`;
    const created = time(r() * 14);
    const image = o.image ?? `registry.example.com/${o.ns.slice(6)}/${o.app}:1.${Math.floor(r() * 40)}.${Math.floor(r() * 10)}`;
    const istio = r() < 0.5;
    const labels: Record<string, string> = { app: o.app, 'app.kubernetes.io/name': o.app, 'app.kubernetes.io/part-of': o.ns.slice(6), 'app.kubernetes.io/version': image.split(':')[1], ...o.labels };
    if (istio) Object.assign(labels, { 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': o.app, 'service.istio.io/canonical-revision': 'v1' });
    const annotations: Record<string, string> = {
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9090',
      'cni.projectcalico.org/containerID': hex(64),
      'cni.projectcalico.org/podIP': `${ip}/32`,
      'cni.projectcalico.org/podIPs': `${ip}/32`,
    };
    if (istio) annotations['sidecar.istio.io/status'] = JSON.stringify({ initContainers: ['istio-init'], containers: ['istio-proxy'], volumes: ['istio-envoy', 'istio-data', 'istio-podinfo', 'istio-token', 'istiod-ca-cert'], imagePullSecrets: null, revision: 'default' });
    const main = o.app.replace(/[^a-z0-9-]/g, '');
    const terminated = status === 'Completed';
    const crash = status === 'CrashLoopBackOff';
    const restarts = crash ? 5 + Math.floor(r() * 60) : r() < 0.1 ? Math.floor(r() * 3) : 0;
    const containerStatus: Json = {
      name: main,
      image,
      imageID: `${image.split(':')[0]}@sha256:${hex(64)}`,
      containerID: `containerd://${hex(64)}`,
      ready: status === 'Running',
      started: status === 'Running',
      restartCount: restarts,
      state: terminated
        ? { terminated: { exitCode: 0, reason: 'Completed', startedAt: created, finishedAt: created } }
        : crash
          ? { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=${main} pod=${o.name}_${o.ns}(${hex(8)})` } }
          : { running: { startedAt: created } },
      ...(crash ? { lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: created, finishedAt: created } } } : {}),
    };
    const cond = (type: string, ok: boolean) => ({ type, status: ok ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: created });
    const p: K8sObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: o.name,
        namespace: o.ns,
        uid: uid(),
        creationTimestamp: created,
        labels,
        annotations,
        ...(o.owner ? { generateName: `${o.name.slice(0, o.name.lastIndexOf('-'))}-`, ownerReferences: [ref(o.owner)] } : {}),
      },
      spec: {
        containers: [
          {
            name: main,
            image,
            imagePullPolicy: 'IfNotPresent',
            ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
            env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } }, { name: 'LOG_LEVEL', value: 'info' }],
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '512Mi' } },
            readinessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        restartPolicy: terminated ? 'Never' : 'Always',
        dnsPolicy: 'ClusterFirst',
        serviceAccountName: 'default',
        schedulerName: 'default-scheduler',
        terminationGracePeriodSeconds: 30,
        ...(node ? { nodeName: node } : {}),
        ...(node === vk.metadata.name ? { nodeSelector: { type: 'virtual-kubelet' }, tolerations: [{ key: 'virtual-kubelet.io/provider', operator: 'Exists', effect: 'NoSchedule' }] } : {}),
      },
      status:
        status === 'Pending'
          ? { phase: 'Pending', qosClass: 'Burstable', conditions: [{ ...cond('PodScheduled', false), reason: 'Unschedulable', message: `0/${nodeCount} nodes are available: ${nodeCount} Insufficient memory. preemption: 0/${nodeCount} nodes are available: ${nodeCount} No preemption victims found for incoming pod.` }] }
          : {
              phase: terminated ? 'Succeeded' : 'Running',
              conditions: [cond('PodReadyToStartContainers', !terminated), cond('Initialized', true), cond('Ready', status === 'Running'), cond('ContainersReady', status === 'Running'), cond('PodScheduled', true)],
              hostIP: `10.0.${Math.floor(r() * 4)}.${Math.floor(r() * 250) + 1}`,
              podIP: ip,
              podIPs: [{ ip }],
              startTime: created,
              qosClass: 'Burstable',
              containerStatuses: [containerStatus],
            },
    };
    out.push(p);
  };

  // Fractions of the pods, in order; the last kind fills up to the exact count.
  while (made < pods) {
    const ns = pick(SCALE_NAMESPACES);
    const app = `${pick(APPS)}-${suffix(3)}`;
    if (apps.has(`${ns}/${app}`)) continue;
    apps.add(`${ns}/${app}`);
    const left = pods - made;
    const roll = r();
    if (roll < 0.45) {
      const dep = owner('apps/v1', 'Deployment', app, ns, { spec: { replicas: 0 } });
      const hash = suffix(10);
      const rs = owner('apps/v1', 'ReplicaSet', `${app}-${hash}`, ns);
      rs.metadata.ownerReferences = [ref(dep)];
      // The previous rollout's ReplicaSet, scaled to zero, as a real cluster keeps it.
      const old = owner('apps/v1', 'ReplicaSet', `${app}-${suffix(10)}`, ns, { spec: { replicas: 0 }, status: { replicas: 0 } });
      old.metadata.ownerReferences = [ref(dep)];
      const n = Math.min(left, 2 + Math.floor(r() * 12));
      (dep.spec as Json).replicas = n;
      rs.spec = { replicas: n };
      const serverless = r() < 0.08;
      for (let i = 0; i < n; i++) {
        const name = podName(`${app}-${hash}`);
        const labels: Record<string, string> = { 'pod-template-hash': hash };
        if (serverless) Object.assign(labels, { 'virtual-kubelet.io/provider-cluster-type': 'serverless', 'virtual-kubelet.io/provider-resource-name': `${name}-${suffix(8)}` });
        pod({ ns, name, app, owner: rs, labels, node: serverless ? vk.metadata.name : undefined });
      }
    } else if (roll < 0.57) {
      const sts = owner('apps/v1', 'StatefulSet', `${app}-db`, ns);
      const n = Math.min(left, 1 + Math.floor(r() * 5));
      sts.spec = { replicas: n, serviceName: `${app}-db` };
      for (let i = 0; i < n; i++) pod({ ns, name: `${app}-db-${i}`, app: `${app}-db`, owner: sts, labels: { 'statefulset.kubernetes.io/pod-name': `${app}-db-${i}`, 'controller-revision-hash': `${app}-db-${suffix(10)}` } });
    } else if (roll < 0.63) {
      const ds = owner('apps/v1', 'DaemonSet', `${app}-agent`, ns);
      for (const n of nodes.slice(0, Math.min(left, nodes.length))) pod({ ns, name: podName(`${app}-agent`), app: `${app}-agent`, owner: ds, node: n.metadata.name!, labels: { 'controller-revision-hash': suffix(10), 'pod-template-generation': '1' } });
    } else if (roll < 0.73) {
      const cs = owner('apps.kruise.io/v1alpha1', 'CloneSet', app, ns);
      const n = Math.min(left, 2 + Math.floor(r() * 10));
      cs.spec = { replicas: n };
      for (let i = 0; i < n; i++) pod({ ns, name: podName(app), app, owner: cs, labels: { 'apps.kruise.io/cloneset-instance-id': suffix(5), 'controller-revision-hash': `${app}-${suffix(10)}` } });
    } else if (roll < 0.78) {
      const og = owner('opengauss.cmbc.com.cn/v1', 'OpenGaussCluster', `og-${app}`, ns);
      const n = Math.min(left, 2 + Math.floor(r() * 2));
      for (let i = 0; i < n; i++) pod({ ns, name: `og-${app}-${i}`, app: 'opengauss', owner: og, image: 'opengauss/opengauss:5.0.3', labels: { 'opengauss.cluster': `og-${app}`, 'opengauss.role': i === 0 ? 'primary' : 'standby' } });
    } else if (roll < 0.86) {
      const cron = r() < 0.7 ? owner('batch/v1', 'CronJob', `${app}-report`, ns, { spec: { schedule: '*/30 * * * *' } }) : undefined;
      const runs = Math.min(left, 1 + Math.floor(r() * 3));
      for (let i = 0; i < runs; i++) {
        const jobName = cron ? `${app}-report-${29_000_000 + Math.floor(r() * 100_000)}` : `${app}-migrate-${suffix(5)}`;
        const job = owner('batch/v1', 'Job', jobName, ns, { spec: { completions: 1, backoffLimit: 6 } });
        if (cron) job.metadata.ownerReferences = [ref(cron)];
        pod({ ns, name: podName(jobName), app: jobName, owner: job, status: i === runs - 1 && r() < 0.3 ? 'Running' : 'Completed', labels: { 'batch.kubernetes.io/job-name': jobName, 'job-name': jobName } });
      }
    } else if (roll < 0.93) {
      pod({ ns, name: podName(`${app}-debug`), app: `${app}-debug` });
    } else {
      const node = pick(nodes);
      const name = `${pick(['haproxy', 'keepalived', 'node-problem-detector'])}-${app}-${node.metadata.name}`;
      if (names.has(name)) continue;
      names.add(name);
      pod({ ns: 'kube-system', name, app: name.split('-')[0], owner: node, node: node.metadata.name!, labels: { tier: 'node', component: name.split('-')[0] } });
      const p = out[out.length - 1];
      p.metadata.annotations = { ...p.metadata.annotations, 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.hash': hex(32), 'kubernetes.io/config.mirror': hex(32), 'kubernetes.io/config.seen': p.metadata.creationTimestamp! };
    }
  }
  return out;
}
