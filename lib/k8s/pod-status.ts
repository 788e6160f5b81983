// The STATUS, READY and RESTARTS columns of `kubectl get pods`, following the rules of kubectl's pod
// printer (k8s.io/kubernetes pkg/printers/internalversion/printers.go, printPod), so the studio says
// `CrashLoopBackOff`, `Init:0/1`, `Completed` or `Terminating` exactly where kubectl does.
// Pure: works on the plain JSON of a pod.

export interface PodStatusSummary {
  /** kubectl's STATUS column. */
  status: string;
  /** Ready containers / containers, e.g. `1/2` (sidecar init containers count, as in kubectl). */
  ready: string;
  restarts: number;
  /** When the most recent counted restart ended (RFC 3339), or null: kubectl's `(5m ago)`. */
  lastRestartAt: string | null;
}

interface ContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string };
}

interface ContainerStatus {
  name?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

interface PodLike {
  metadata?: { deletionTimestamp?: string | null };
  spec?: { containers?: unknown[]; initContainers?: { name?: string; restartPolicy?: string }[] };
  status?: {
    phase?: string;
    reason?: string;
    conditions?: { type?: string; status?: string; reason?: string }[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}

const NODE_LOST = 'NodeLost';

/** The objects of a list field; anything else (a missing list, nulls in it) is ignored. */
function array<T>(v: unknown): T[] {
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as T[]) : [];
}

/** Keeps the later of two RFC 3339 timestamps (they compare as strings only when equally formatted). */
function later(a: string | null, b: string | undefined): string | null {
  if (!b) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

function exitText(t: NonNullable<ContainerState['terminated']>, prefix: string): string {
  if (t.reason) return prefix + t.reason;
  return t.signal ? `${prefix}Signal:${t.signal}` : `${prefix}ExitCode:${t.exitCode ?? 0}`;
}

function conditionTrue(pod: PodLike, type: string): boolean {
  return array<{ type?: string; status?: string }>(pod.status?.conditions).some((c) => c.type === type && c.status === 'True');
}

export function podStatus(input: unknown): PodStatusSummary {
  const pod = (input && typeof input === 'object' ? input : {}) as PodLike;
  const status = pod.status && typeof pod.status === 'object' ? pod.status : {};
  const phase = status.phase ?? '';
  let reason = status.reason || phase;
  if (array<{ type?: string; reason?: string }>(status.conditions).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const initSpecs = array<{ name?: string; restartPolicy?: string }>(pod.spec?.initContainers);
  // Sidecars (init containers with restartPolicy Always) run for the pod's life and count as containers.
  const sidecars = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const total = array(pod.spec?.containers).length + sidecars.size;
  let ready = 0;
  let restarts = 0;
  let lastRestartAt: string | null = null;
  let sidecarRestarts = 0;
  let sidecarLastRestartAt: string | null = null;

  let initializing = false;
  const initStatuses = array<ContainerStatus>(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    const finished = c.lastState?.terminated?.finishedAt;
    restarts += c.restartCount ?? 0;
    lastRestartAt = later(lastRestartAt, finished);
    const sidecar = sidecars.has(c.name);
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      sidecarLastRestartAt = later(sidecarLastRestartAt, finished);
    }
    const term = c.state?.terminated;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    // The first init container that has not succeeded decides the status.
    const waiting = c.state?.waiting?.reason;
    if (term) reason = exitText(term, 'Init:');
    else if (waiting && waiting !== 'PodInitializing') reason = `Init:${waiting}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(pod, 'Initialized')) {
    // Once initialized, only sidecar restarts stay in the count: plain init containers ran once.
    restarts = sidecarRestarts;
    lastRestartAt = sidecarLastRestartAt;
    let hasRunning = false;
    const statuses = array<ContainerStatus>(status.containerStatuses);
    // Backwards, as kubectl does: the first container's state is the one that ends up shown.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestartAt = later(lastRestartAt, c.lastState?.terminated?.finishedAt);
      const waiting = c.state?.waiting?.reason;
      const term = c.state?.terminated;
      if (waiting) reason = waiting;
      else if (term) reason = exitText(term, '');
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata?.deletionTimestamp) {
    if (status.reason === NODE_LOST) reason = 'Unknown';
    else if (phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  }

  return { status: reason || 'Unknown', ready: `${ready}/${total}`, restarts, lastRestartAt };
}
