// `application/vnd.kubernetes.protobuf` request bodies → the object's JSON. kubectl (client-go)
// sends built-in kinds this way: the 4-byte magic `k8s\0`, then a runtime.Unknown whose typeMeta
// names the kind and whose `raw` holds the object's own message.
import { Root, type Type } from 'protobufjs/light';
import { ApiError } from '../status';
import { DESCRIPTOR, ROOTS } from './descriptor.generated';
import { toGoJson } from './go-json';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = Buffer.from('k8s\0', 'latin1');
const DELETE_OPTIONS = 'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions';

let root: Root | undefined;
function lookup(name: string): Type {
  root ??= Root.fromJSON(DESCRIPTOR);
  return root.lookupType(name);
}

/** The message of a kind, or undefined when the sandbox has no schema for it. */
export function messageNameFor(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  // client-go encodes DeleteOptions in the group version of the request (`apps/v1`, `v1`, …)
  if (kind === 'DeleteOptions' && version === 'v1') return DELETE_OPTIONS;
  const pkg = group === '' ? 'core' : group.replace(/\.k8s\.io$/, '');
  const name = `k8s.io.api.${pkg}.${version}.${kind}`;
  return ROOTS.includes(name) ? name : undefined;
}

const unsupported = (what: string) =>
  new ApiError(
    415,
    'UnsupportedMediaType',
    `the sandbox cannot decode ${PROTOBUF_MEDIA_TYPE} bodies of ${what}; send it as application/json (kubectl: create it from a file with -f)`,
  );

const malformed = (why: string) => new ApiError(400, 'BadRequest', `the body of the request could not be decoded as ${PROTOBUF_MEDIA_TYPE}: ${why}`);

/** Decodes a protobuf-encoded object to the JSON the API server would see, apiVersion and kind first. */
export function decodeProtobufObject(body: Uint8Array): Record<string, unknown> {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw malformed('it does not start with the k8s\\0 prefix');
  let unknown: Record<string, any>;
  try {
    unknown = lookup('k8s.io.apimachinery.pkg.runtime.Unknown').decode(buf.subarray(MAGIC.length)) as never;
  } catch (err) {
    throw malformed((err as Error).message);
  }
  const apiVersion: string = unknown.typeMeta?.apiVersion ?? '';
  const kind: string = unknown.typeMeta?.kind ?? '';
  if (!kind) throw malformed('the envelope names no kind');
  if (unknown.contentEncoding) throw unsupported(`content encoding "${unknown.contentEncoding}"`);
  if (unknown.contentType && unknown.contentType !== PROTOBUF_MEDIA_TYPE) throw unsupported(`content type "${unknown.contentType}" inside the envelope`);
  const name = messageNameFor(apiVersion, kind);
  if (!name) throw unsupported(`kind ${kind} (${apiVersion || 'no apiVersion'})`);
  const type = lookup(name);
  let object: Record<string, unknown>;
  try {
    object = toGoJson(type, type.decode(unknown.raw ?? new Uint8Array())) as Record<string, unknown>;
  } catch (err) {
    throw malformed(`${kind}: ${(err as Error).message}`);
  }
  return { apiVersion, kind, ...object };
}
