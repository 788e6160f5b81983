import { describe, expect, it } from 'vitest';
import { loadSeed, DEFAULT_SEED_DIR } from './sandbox/seed';
import { prepareForCreate } from './sandbox/pod-create';
import { podStatus } from './pod-status';

const running = (name: string, ready = true, restartCount = 0) => ({ name, ready, started: true, restartCount, state: { running: { startedAt: '2025-01-01T00:00:00Z' } } });
const waiting = (name: string, reason: string, restartCount = 0) => ({ name, ready: false, restartCount, state: { waiting: { reason } } });
const terminated = (name: string, t: { reason?: string; exitCode?: number; signal?: number }) => ({ name, ready: false, restartCount: 0, state: { terminated: { exitCode: 0, ...t } } });
const spec = (containers: string[], init: { name: string; restartPolicy?: string }[] = []) => ({ containers: containers.map((name) => ({ name })), initContainers: init });
const cond = (type: string, status: string) => ({ type, status });

type Case = [string, unknown, { status: string; ready: string; restarts?: number }];

const cases: Case[] = [
  ['a fresh pod (the API server set Pending)', { spec: spec(['app']), status: { phase: 'Pending', qosClass: 'BestEffort' } }, { status: 'Pending', ready: '0/1', restarts: 0 }],
  ['no status at all', { spec: spec(['app']) }, { status: 'Unknown', ready: '0/1' }],
  ['running and ready', { spec: spec(['a', 'b']), status: { phase: 'Running', containerStatuses: [running('a'), running('b')] } }, { status: 'Running', ready: '2/2' }],
  ['running, one container not ready', { spec: spec(['a', 'b']), status: { phase: 'Running', containerStatuses: [running('a'), running('b', false)] } }, { status: 'Running', ready: '1/2' }],
  ['crash loop', { spec: spec(['app']), status: { phase: 'Running', containerStatuses: [waiting('app', 'CrashLoopBackOff', 4)] } }, { status: 'CrashLoopBackOff', ready: '0/1', restarts: 4 }],
  ['image pull', { spec: spec(['app']), status: { phase: 'Pending', containerStatuses: [waiting('app', 'ImagePullBackOff')] } }, { status: 'ImagePullBackOff', ready: '0/1' }],
  ['the first container\'s state wins', { spec: spec(['a', 'b']), status: { phase: 'Running', containerStatuses: [waiting('a', 'CreateContainerConfigError'), waiting('b', 'CrashLoopBackOff')] } }, { status: 'CreateContainerConfigError', ready: '0/2' }],
  ['completed', { spec: spec(['app']), status: { phase: 'Succeeded', containerStatuses: [terminated('app', { reason: 'Completed' })] } }, { status: 'Completed', ready: '0/1' }],
  ['error', { spec: spec(['app']), status: { phase: 'Failed', containerStatuses: [terminated('app', { reason: 'Error', exitCode: 1 })] } }, { status: 'Error', ready: '0/1' }],
  ['exit code without reason', { spec: spec(['app']), status: { phase: 'Failed', containerStatuses: [terminated('app', { exitCode: 137 })] } }, { status: 'ExitCode:137', ready: '0/1' }],
  ['signal without reason', { spec: spec(['app']), status: { phase: 'Failed', containerStatuses: [terminated('app', { exitCode: 0, signal: 9 })] } }, { status: 'Signal:9', ready: '0/1' }],
  ['completed next to a running one, pod not ready', { spec: spec(['a', 'b']), status: { phase: 'Running', conditions: [cond('Ready', 'False')], containerStatuses: [terminated('a', { reason: 'Completed' }), running('b')] } }, { status: 'NotReady', ready: '1/2' }],
  ['completed next to a running one, pod ready', { spec: spec(['a', 'b']), status: { phase: 'Running', conditions: [cond('Ready', 'True')], containerStatuses: [terminated('a', { reason: 'Completed' }), running('b')] } }, { status: 'Running', ready: '1/2' }],
  ['pod reason (evicted)', { spec: spec(['app']), status: { phase: 'Failed', reason: 'Evicted' } }, { status: 'Evicted', ready: '0/1' }],
  ['scheduling gated', { spec: spec(['app']), status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } }, { status: 'SchedulingGated', ready: '0/1' }],
  ['init container running', { spec: spec(['app'], [{ name: 'init' }]), status: { phase: 'Pending', initContainerStatuses: [running('init', false)], containerStatuses: [waiting('app', 'PodInitializing')] } }, { status: 'Init:0/1', ready: '0/1' }],
  ['second init container pending', { spec: spec(['app'], [{ name: 'i1' }, { name: 'i2' }]), status: { phase: 'Pending', initContainerStatuses: [terminated('i1', { reason: 'Completed' }), waiting('i2', 'PodInitializing')] } }, { status: 'Init:1/2', ready: '0/1' }],
  ['init crash loop (restarts counted while initializing)', { spec: spec(['app'], [{ name: 'init' }]), status: { phase: 'Pending', initContainerStatuses: [waiting('init', 'CrashLoopBackOff', 3)], containerStatuses: [waiting('app', 'PodInitializing')] } }, { status: 'Init:CrashLoopBackOff', ready: '0/1', restarts: 3 }],
  ['init error', { spec: spec(['app'], [{ name: 'init' }]), status: { phase: 'Failed', initContainerStatuses: [terminated('init', { reason: 'Error', exitCode: 1 })] } }, { status: 'Init:Error', ready: '0/1' }],
  ['init exit code', { spec: spec(['app'], [{ name: 'init' }]), status: { phase: 'Pending', initContainerStatuses: [terminated('init', { exitCode: 2 })] } }, { status: 'Init:ExitCode:2', ready: '0/1' }],
  ['init signal', { spec: spec(['app'], [{ name: 'init' }]), status: { phase: 'Pending', initContainerStatuses: [terminated('init', { exitCode: 1, signal: 15 })] } }, { status: 'Init:Signal:15', ready: '0/1' }],
  ['init done, main running (init restarts no longer counted)', { spec: spec(['app'], [{ name: 'init' }]), status: { phase: 'Running', conditions: [cond('Initialized', 'True')], initContainerStatuses: [{ ...terminated('init', { reason: 'Completed' }), restartCount: 2 }], containerStatuses: [running('app', true, 1)] } }, { status: 'Running', ready: '1/1', restarts: 1 }],
  ['sidecar init container counts as a container', { spec: spec(['app'], [{ name: 'proxy', restartPolicy: 'Always' }]), status: { phase: 'Running', conditions: [cond('Initialized', 'True')], initContainerStatuses: [running('proxy', true, 2)], containerStatuses: [running('app')] } }, { status: 'Running', ready: '2/2', restarts: 2 }],
  ['terminating', { metadata: { deletionTimestamp: '2025-01-01T00:00:00Z' }, spec: spec(['app']), status: { phase: 'Running', containerStatuses: [running('app')] } }, { status: 'Terminating', ready: '1/1' }],
  ['deleted after it finished keeps its result', { metadata: { deletionTimestamp: '2025-01-01T00:00:00Z' }, spec: spec(['app']), status: { phase: 'Succeeded', containerStatuses: [terminated('app', { reason: 'Completed' })] } }, { status: 'Completed', ready: '0/1' }],
  ['node lost', { metadata: { deletionTimestamp: '2025-01-01T00:00:00Z' }, spec: spec(['app']), status: { phase: 'Running', reason: 'NodeLost', containerStatuses: [running('app')] } }, { status: 'Unknown', ready: '1/1' }],
];

describe('podStatus (kubectl get pods STATUS / READY / RESTARTS)', () => {
  it.each(cases)('%s', (_name, pod, expected) => {
    expect(podStatus(pod)).toMatchObject(expected);
  });

  it('takes the latest restart time over all counted containers', () => {
    const pod = {
      spec: spec(['a', 'b']),
      status: {
        phase: 'Running',
        containerStatuses: [
          { ...running('a', true, 1), lastState: { terminated: { exitCode: 1, finishedAt: '2025-01-01T10:00:00Z' } } },
          { ...running('b', true, 2), lastState: { terminated: { exitCode: 1, finishedAt: '2025-01-02T09:00:00Z' } } },
        ],
      },
    };
    expect(podStatus(pod)).toEqual({ status: 'Running', ready: '2/2', restarts: 3, lastRestartAt: '2025-01-02T09:00:00Z' });
    expect(podStatus({ spec: spec(['a']), status: { phase: 'Running', containerStatuses: [running('a')] } }).lastRestartAt).toBeNull();
  });

  it('survives garbage', () => {
    for (const junk of [null, undefined, 42, 'pod', [], { status: 'x' }, { spec: { containers: 'x' }, status: { containerStatuses: [null] } }]) {
      expect(() => podStatus(junk)).not.toThrow();
    }
  });

  it("shows the seed's mysql-1 as kubectl does", async () => {
    const seed = (await loadSeed(DEFAULT_SEED_DIR)) as { kind: string; metadata: { name: string; namespace?: string } }[];
    const mysql = seed.find((o) => o.kind === 'Pod' && o.metadata.name === 'mysql-1' && o.metadata.namespace === 'db');
    expect(podStatus(mysql)).toEqual({ status: 'CrashLoopBackOff', ready: '0/1', restarts: 17, lastRestartAt: '2025-07-23T08:04:00Z' });
  });

  it('shows a pod just created through the API as Pending', () => {
    const created = prepareForCreate({ group: '', kind: 'Pod' }, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'new' }, spec: spec(['app']) });
    expect(podStatus(created)).toEqual({ status: 'Pending', ready: '0/1', restarts: 0, lastRestartAt: null });
  });
});
