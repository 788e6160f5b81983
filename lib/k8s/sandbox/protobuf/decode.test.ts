// The protobuf decoder: objects encoded here with protobufjs, and bodies the real kubectl 1.32 sent
// (fixtures/kubectl-requests.json: captured through a logging proxy, each with the JSON that
// `kubectl create … --dry-run=client -o json` prints for the same command, minus creationTimestamp: null).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Root, type Type } from 'protobufjs/light';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../http';
import { ApiError } from '../status';
import { decodeProtobufObject, messageNameFor, PROTOBUF_MEDIA_TYPE } from './decode';
import { DESCRIPTOR, GO_FIELDS, ROOTS } from './descriptor.generated';
import { goDuration } from './go-json';
import requests from './fixtures/kubectl-requests.json';

const root = Root.fromJSON(DESCRIPTOR);
const type = (name: string): Type => root.lookupType(name);

/** What client-go sends: `k8s\0` + runtime.Unknown{typeMeta, raw}. */
function envelope(apiVersion: string, kind: string, message: string, object: Record<string, unknown>, extra: Record<string, unknown> = {}): Buffer {
  const t = type(message);
  const raw = t.encode(t.fromObject(object)).finish();
  const u = type('k8s.io.apimachinery.pkg.runtime.Unknown');
  const body = u.encode(u.fromObject({ typeMeta: { apiVersion, kind }, raw, ...extra })).finish();
  return Buffer.concat([Buffer.from('k8s\0', 'latin1'), body]);
}

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

const t0 = Date.parse('2026-11-30T10:20:30Z') / 1000;

describe('decodeProtobufObject', () => {
  it('a Pod: Time, MicroTime-free ObjectMeta, IntOrString, Quantity, inline volume source, pointer zeros, omitempty zeros', () => {
    const body = envelope('v1', 'Pod', 'k8s.io.api.core.v1.Pod', {
      metadata: {
        name: 'web-0',
        namespace: '', // Go writes non-pointer strings always: "" is omitempty → absent
        uid: '',
        generation: 0,
        creationTimestamp: { seconds: t0, nanos: 123 },
        labels: { app: 'web' },
        annotations: {},
        managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { Raw: Buffer.from('{"f:metadata":{}}') }, time: { seconds: t0 } }],
      },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            ports: [{ containerPort: 8080, protocol: 'TCP' }],
            resources: { limits: { cpu: { string: '500m' }, memory: { string: '128Mi' } } },
            readinessProbe: { handler: { httpGet: { path: '/healthz', port: { type: 1, strVal: 'http' } } }, periodSeconds: 5 },
            livenessProbe: { handler: { tcpSocket: { port: { type: 0, intVal: 8080 } } } },
          },
        ],
        volumes: [{ name: 'cfg', volumeSource: { configMap: { localObjectReference: { name: 'web-config' }, defaultMode: 420 } } }],
        terminationGracePeriodSeconds: 0, // *int64 set to 0: kept
        activeDeadlineSeconds: 9007199254740991, // int64 beyond int32
        hostNetwork: false, // bool omitempty: dropped
        securityContext: { runAsUser: 0, runAsNonRoot: false }, // *int64 / *bool zeros: kept
      },
    });
    expect(decodeProtobufObject(body)).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-0',
        creationTimestamp: '2026-11-30T10:20:30Z',
        labels: { app: 'web' },
        managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} }, time: '2026-11-30T10:20:30Z' }],
      },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            ports: [{ containerPort: 8080, protocol: 'TCP' }],
            resources: { limits: { cpu: '500m', memory: '128Mi' } },
            readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 5 },
            livenessProbe: { tcpSocket: { port: 8080 } },
          },
        ],
        volumes: [{ name: 'cfg', configMap: { name: 'web-config', defaultMode: 420 } }],
        terminationGracePeriodSeconds: 0,
        activeDeadlineSeconds: 9007199254740991,
        securityContext: { runAsUser: 0, runAsNonRoot: false },
      },
    });
  });

  it('ConfigMap binaryData is base64, an empty Time is absent, a non-omitempty zero is kept', () => {
    const cm = decodeProtobufObject(
      envelope('v1', 'ConfigMap', 'k8s.io.api.core.v1.ConfigMap', {
        metadata: { name: 'bin', creationTimestamp: {} },
        data: { text: 'x' },
        binaryData: { blob: Buffer.from([0, 255, 254]) },
        immutable: false,
      }),
    );
    expect(cm).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bin' }, data: { text: 'x' }, binaryData: { blob: 'AP/+' }, immutable: false });
    const ssar = decodeProtobufObject(
      envelope('authorization.k8s.io/v1', 'SelfSubjectAccessReview', 'k8s.io.api.authorization.v1.SelfSubjectAccessReview', {
        spec: { resourceAttributes: { verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'shop' } },
        status: {},
      }),
    );
    expect(ssar.status).toEqual({ allowed: false }); // `json:"allowed"`: Go prints false
    expect(ssar.spec).toEqual({ resourceAttributes: { verb: 'update', group: 'networking.istio.io', resource: 'virtualservices', namespace: 'shop' } });
  });

  it('a Deployment, a Scale, DeleteOptions (in any group version) and a CronJob', () => {
    const d = decodeProtobufObject(
      envelope('apps/v1', 'Deployment', 'k8s.io.api.apps.v1.Deployment', {
        metadata: { name: 'web' },
        spec: { replicas: 0, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: { type: 1, strVal: '25%' }, maxUnavailable: { type: 0, intVal: 0 } } }, progressDeadlineSeconds: 600 },
      }),
    );
    expect(d.spec).toEqual({ replicas: 0, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } }, progressDeadlineSeconds: 600 });
    const s = decodeProtobufObject(envelope('autoscaling/v1', 'Scale', 'k8s.io.api.autoscaling.v1.Scale', { metadata: { name: 'web', resourceVersion: '42' }, spec: { replicas: 3 }, status: { replicas: 1, selector: 'app=web' } }));
    expect(s).toEqual({ apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', resourceVersion: '42' }, spec: { replicas: 3 }, status: { replicas: 1, selector: 'app=web' } });
    const del = decodeProtobufObject(envelope('apps/v1', 'DeleteOptions', 'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions', { propagationPolicy: 'Foreground', gracePeriodSeconds: 0, preconditions: { resourceVersion: '7' }, dryRun: ['All'] }));
    expect(del).toEqual({ apiVersion: 'apps/v1', kind: 'DeleteOptions', propagationPolicy: 'Foreground', gracePeriodSeconds: 0, preconditions: { resourceVersion: '7' }, dryRun: ['All'] });
    const cj = decodeProtobufObject(
      envelope('batch/v1', 'CronJob', 'k8s.io.api.batch.v1.CronJob', { metadata: { name: 'nightly' }, spec: { schedule: '0 3 * * *', suspend: true, jobTemplate: { spec: { backoffLimit: 2 } } }, status: { lastScheduleTime: { seconds: t0 } } }),
    );
    expect(cj).toMatchObject({ spec: { schedule: '0 3 * * *', suspend: true, jobTemplate: { spec: { backoffLimit: 2 } } }, status: { lastScheduleTime: '2026-11-30T10:20:30Z' } });
  });

  it.each(requests.map((r) => [r.kubectl, r] as const))('kubectl %s: the protobuf body decodes to the JSON kubectl would send', (_, r) => {
    expect(decodeProtobufObject(Buffer.from(r.body, 'base64'))).toEqual(r.json);
  });

  it('a kind without a schema is 415 UnsupportedMediaType; garbage is 400', () => {
    const secret = envelope('v1', 'Secret', 'k8s.io.api.core.v1.ConfigMap', { metadata: { name: 's' } });
    const e = apiError(() => decodeProtobufObject(secret));
    expect([e.code, e.reason]).toEqual([415, 'UnsupportedMediaType']);
    expect(e.message).toBe(`the sandbox cannot decode ${PROTOBUF_MEDIA_TYPE} bodies of kind Secret (v1); send it as application/json (kubectl: create it from a file with -f)`);
    expect(apiError(() => decodeProtobufObject(envelope('v1', 'ConfigMap', 'k8s.io.api.core.v1.ConfigMap', {}, { contentEncoding: 'gzip' }))).code).toBe(415);
    expect(apiError(() => decodeProtobufObject(Buffer.from('{"kind":"ConfigMap"}'))).message).toContain('does not start with the k8s\\0 prefix');
    const truncated = Buffer.from(requests[2].body, 'base64').subarray(0, 40);
    expect([apiError(() => decodeProtobufObject(truncated)).code, apiError(() => decodeProtobufObject(truncated)).reason]).toEqual([400, 'BadRequest']);
  });

  it('maps group versions to messages', () => {
    expect(messageNameFor('v1', 'Namespace')).toBe('k8s.io.api.core.v1.Namespace');
    expect(messageNameFor('authorization.k8s.io/v1', 'SelfSubjectRulesReview')).toBe('k8s.io.api.authorization.v1.SelfSubjectRulesReview');
    expect(messageNameFor('meta.k8s.io/v1', 'DeleteOptions')).toBe('k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions');
    expect(messageNameFor('apps/v1', 'ControllerRevision')).toBeUndefined();
    expect(messageNameFor('rollouts.kruise.io/v1beta1', 'Rollout')).toBeUndefined();
  });
});

describe('decodeBody by Content-Type', () => {
  it('protobuf bytes, JSON and YAML', () => {
    const body = Buffer.from(requests[1].body, 'base64');
    expect(decodeBody(body, `${PROTOBUF_MEDIA_TYPE}`)).toEqual(requests[1].json);
    expect(decodeBody(Buffer.from('{"a":1}'), 'application/json; charset=utf-8')).toEqual({ a: 1 });
    expect(decodeBody('a: 1\n', 'application/yaml')).toEqual({ a: 1 });
  });
});

describe('the generated descriptor', () => {
  it('is what generate-descriptor.mjs makes of the committed schemas and Go tags (proto/go-field-tags.json)', async () => {
    const script = fileURLToPath(new URL('./generate-descriptor.mjs', import.meta.url));
    const code = await new Promise<number | null>((resolve) => spawn(process.execPath, [script, '--check'], { stdio: 'inherit' }).on('close', resolve));
    expect(code).toBe(0);
  });

  it('every field of every Kubernetes struct it reaches has its Go JSON tag', () => {
    const special = ['Time', 'MicroTime', 'Duration', 'FieldsV1', 'Quantity', 'IntOrString', 'RawExtension', 'Unknown', 'TypeMeta'];
    const missing: string[] = [];
    const walk = (name: string, seen = new Set<string>()) => {
      if (seen.has(name)) return;
      seen.add(name);
      const t = type(name);
      const tags = GO_FIELDS[name];
      for (const f of t.fieldsArray) {
        if (!special.includes(t.name) && !tags?.[f.name]) missing.push(`${name}.${f.name}`);
        if (f.resolvedType && 'fieldsArray' in f.resolvedType) walk(f.resolvedType.fullName.slice(1), seen);
      }
    };
    for (const r of ROOTS) walk(r);
    expect(missing).toEqual([]);
  });
});

describe('goDuration', () => {
  it('formats like time.Duration.String()', () => {
    expect([0, 1500, 2_500_000, 1e9, 90e9, 3_723_500_000_000, -5e9].map(goDuration)).toEqual(['0s', '1.5µs', '2.5ms', '1s', '1m30s', '1h2m3.5s', '-5s']);
  });
});
