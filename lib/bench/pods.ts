// Realistic pods for the tagging benchmark: Deployment / StatefulSet / OpenGauss / DaemonSet / bare
// and in-house (label-tagged) pods with the label and annotation sizes seen in real clusters
// (Istio sidecar status, kubectl restartedAt, Prometheus scrape hints). Deterministic (seeded).
type Json = Record<string, unknown>;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const hex = (r: () => number, n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('');
const uid = (r: () => number) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-8${hex(r, 3)}-${hex(r, 12)}`;
const APPS = ['checkout', 'cart', 'payments', 'search', 'catalog', 'profile', 'gateway', 'orders', 'shipping', 'reviews'];
const NAMESPACES = ['shop', 'db', 'platform', 'batch', 'edge', 'observability'];

function istioStatus(r: () => number): string {
  return JSON.stringify({
    initContainers: ['istio-init'],
    containers: ['istio-proxy'],
    volumes: ['workload-socket', 'credential-socket', 'workload-certs', 'istio-envoy', 'istio-data', 'istio-podinfo', 'istio-token', 'istiod-ca-cert'],
    imagePullSecrets: null,
    revision: `1-2${Math.floor(r() * 3)}-${Math.floor(r() * 9)}`,
  });
}

export interface BenchCluster {
  pods: Json[];
  objects: Json[];
}

export function generateCluster(count: number, seed = 42): BenchCluster {
  const r = rng(seed);
  const pods: Json[] = [];
  const objects: Json[] = [];
  const owners = new Map<string, Json>();
  const templateHashes = new Map<string, string>();
  const workload = (apiVersion: string, kind: string, name: string, namespace: string, extra: Json = {}) => {
    const key = `${kind}/${namespace}/${name}`;
    let o = owners.get(key);
    if (!o) {
      o = { apiVersion, kind, metadata: { name, namespace, uid: uid(r) }, spec: { replicas: 3 }, ...extra };
      owners.set(key, o);
      objects.push(o);
    }
    return o;
  };
  const ownerRef = (o: Json) => ({ apiVersion: o.apiVersion, kind: o.kind, name: (o.metadata as Json).name, uid: (o.metadata as Json).uid, controller: true, blockOwnerDeletion: true });
  for (let i = 0; i < count; i++) {
    const app = APPS[Math.floor(r() * APPS.length)];
    const ns = NAMESPACES[Math.floor(r() * NAMESPACES.length)];
    const roll = r();
    const labels: Json = { app, 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': 'webshop', 'app.kubernetes.io/version': `1.${Math.floor(r() * 30)}.${Math.floor(r() * 10)}` };
    const ip = `10.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`;
    const annotations: Json = {
      'prometheus.io/scrape': 'true',
      'prometheus.io/port': '9090',
      'kubectl.kubernetes.io/restartedAt': '2026-11-20T10:15:00Z',
      'cni.projectcalico.org/containerID': hex(r, 64),
      'cni.projectcalico.org/podIP': `${ip}/32`,
      'cni.projectcalico.org/podIPs': `${ip}/32`,
    };
    if (r() < 0.6) {
      annotations['sidecar.istio.io/status'] = istioStatus(r);
      labels['security.istio.io/tlsMode'] = 'istio';
      labels['service.istio.io/canonical-name'] = app;
    }
    let name: string;
    let ownerReferences: Json[] | undefined;
    if (roll < 0.4) {
      const dep = workload('apps/v1', 'Deployment', app, ns);
      let hash = templateHashes.get(`${ns}/${app}`);
      if (!hash) templateHashes.set(`${ns}/${app}`, (hash = hex(r, 9).replace(/[0-9]/g, (d) => 'bcdfghjkl'[Number(d)])));
      const rs = workload('apps/v1', 'ReplicaSet', `${app}-${hash}`, ns);
      (rs.metadata as Json).ownerReferences = [ownerRef(dep)];
      labels['pod-template-hash'] = hash;
      name = `${app}-${hash}-${hex(r, 5)}`;
      ownerReferences = [ownerRef(rs)];
    } else if (roll < 0.6) {
      const sts = workload('apps/v1', 'StatefulSet', `${app}-db`, ns);
      const ordinal = Math.floor(r() * 5);
      name = `${app}-db-${ordinal}`;
      labels['statefulset.kubernetes.io/pod-name'] = name;
      labels['controller-revision-hash'] = `${app}-db-${hex(r, 10)}`;
      ownerReferences = [ownerRef(sts)];
    } else if (roll < 0.75) {
      const og = workload('opengauss.cmbc.com.cn/v1', 'OpenGaussCluster', `og-${app}`, 'db');
      name = `og-${app}-${Math.floor(r() * 3)}`;
      labels['opengauss.cluster'] = `og-${app}`;
      ownerReferences = [ownerRef(og)];
    } else if (roll < 0.85) {
      const ds = workload('apps/v1', 'DaemonSet', `${app}-agent`, 'observability');
      name = `${app}-agent-${hex(r, 5)}`;
      ownerReferences = [ownerRef(ds)];
    } else if (roll < 0.93) {
      name = `${app}-worker-${hex(r, 6)}`;
      labels['workload.example.com/name'] = `${app}-worker`;
    } else {
      name = `${app}-debug-${hex(r, 4)}`;
    }
    const metadata: Json = {
      name,
      namespace: ns,
      uid: uid(r),
      creationTimestamp: '2026-11-21T08:00:00Z',
      generateName: `${name.slice(0, -5)}-`,
      resourceVersion: String(100000 + i),
      labels,
      annotations,
      ...(ownerReferences ? { ownerReferences } : {}),
    };
    pods.push({ apiVersion: 'v1', kind: 'Pod', metadata, spec: { nodeName: `node-${i % 40}` }, status: { phase: 'Running' } });
  }
  return { pods, objects };
}
