// A decoded Kubernetes protobuf message → the JSON the API server's Go code would produce for the
// same object (decode into the Go struct, then encoding/json). The .proto files say nothing about
// JSON, so each field's Go tag (name, omitempty/omitzero, pointer, `,inline`) comes from
// GO_FIELDS, and the types with a custom Go encoding (Time, IntOrString, Quantity, …) are mapped here.
import { type Field, type Message, Type, util } from 'protobufjs/light';
import { GO_FIELDS, SLICE_MESSAGES, type GoField } from './descriptor.generated';

type Json = unknown;
type Special = (msg: Record<string, unknown>) => Json;

const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';
/** Go's zero time.Time (0001-01-01T00:00:00Z) as Unix seconds: JSON null, dropped by omitzero. */
const GO_ZERO_TIME = -62135596800;

const has = (msg: object, key: string) => Object.prototype.hasOwnProperty.call(msg, key);

function int64(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Number(v);
  // Long (when the `long` package is present) or protobufjs' own { low, high } bits
  return util.LongBits.from(v as never).toNumber();
}

/** RFC 3339 in UTC, as Go's time.Time formats it: seconds (Time) or microseconds (MicroTime). */
function rfc3339(seconds: number, micros?: number): string {
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micros === undefined ? `${iso}Z` : `${iso}.${String(micros).padStart(6, '0')}Z`;
}

/** time.Duration.String(): "1h2m3.5s", "150ms", "0s". */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const sign = ns < 0 ? '-' : '';
  let n = Math.abs(ns);
  if (n < 1e9) {
    const [unit, div] = n < 1e3 ? ['ns', 1] : n < 1e6 ? ['µs', 1e3] : ['ms', 1e6];
    return `${sign}${trimFraction(n / div)}${unit}`;
  }
  const h = Math.floor(n / 3.6e12);
  n -= h * 3.6e12;
  const m = Math.floor(n / 6e10);
  n -= m * 6e10;
  return `${sign}${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${trimFraction(n / 1e9)}s`;
}

const trimFraction = (x: number) => String(Number(x.toFixed(9)));

function rawJson(bytes: unknown, what: string): Json {
  const buf = bytes instanceof Uint8Array ? Buffer.from(bytes) : Buffer.alloc(0);
  if (!buf.length) return undefined;
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    throw new Error(`${what} does not hold JSON`);
  }
}

const SPECIAL: Record<string, Special> = {
  [`${META}.Time`]: (m) => {
    // Go writes nothing for the zero time; seconds only (Time drops nanos both ways)
    if (!has(m, 'seconds') && !has(m, 'nanos')) return undefined;
    const s = int64(m.seconds ?? 0);
    return s === GO_ZERO_TIME ? undefined : rfc3339(s);
  },
  [`${META}.MicroTime`]: (m) => {
    if (!has(m, 'seconds') && !has(m, 'nanos')) return undefined;
    const s = int64(m.seconds ?? 0);
    return s === GO_ZERO_TIME && !m.nanos ? undefined : rfc3339(s, Math.floor(Number(m.nanos ?? 0) / 1000));
  },
  [`${META}.Duration`]: (m) => goDuration(int64(m.duration ?? 0)),
  [`${META}.FieldsV1`]: (m) => rawJson(m.Raw, 'FieldsV1'),
  'k8s.io.apimachinery.pkg.runtime.RawExtension': (m) => rawJson(m.raw, 'RawExtension'),
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': (m) => (int64(m.type ?? 0) === 1 ? (m.strVal ?? '') : (m.intVal ?? 0)),
  'k8s.io.apimachinery.pkg.api.resource.Quantity': (m) => (m.string as string | undefined) || '0',
};

function scalar(field: Field, v: unknown): Json {
  switch (field.type) {
    case 'bytes':
      return Buffer.from(v as Uint8Array).toString('base64');
    case 'int64':
    case 'uint64':
    case 'sint64':
    case 'fixed64':
    case 'sfixed64':
      return int64(v);
    default:
      return v;
  }
}

function zeroOf(field: Field): Json {
  if (field.type === 'string') return '';
  if (field.type === 'bool') return false;
  if (field.type === 'bytes') return undefined; // a nil []byte: JSON null
  return 0;
}

const isZero = (v: Json) => v === '' || v === 0 || v === false || v === undefined;

function element(field: Field, v: unknown): Json {
  return field.resolvedType instanceof Type ? toGoJson(field.resolvedType, v as Message) : scalar(field, v);
}

/** The Go-JSON form of `msg` (a decoded message of `type`); undefined for a zero Time. */
export function toGoJson(type: Type, msg: Message | Record<string, unknown>): Json {
  const name = type.fullName.replace(/^\./, '');
  const m = msg as Record<string, unknown>;
  const special = SPECIAL[name];
  if (special) return special(m);
  if (SLICE_MESSAGES.includes(name)) return ((m.items as unknown[] | undefined) ?? []).map((x) => scalar(type.fields.items, x));
  const tags = GO_FIELDS[name];
  const out: Record<string, Json> = {};
  for (const field of type.fieldsArray) {
    // No Go tag (runtime.Unknown and friends): proto2 presence, proto name.
    const [json, flags = ''] = tags?.[field.name] ?? ([field.name, 'p'] as GoField);
    const v = m[field.name];
    let value: Json;
    if (field.map) {
      const entries = Object.entries((v as Record<string, unknown> | undefined) ?? {});
      if (!entries.length) continue; // nil and empty maps alike: omitempty or null
      value = Object.fromEntries(entries.map(([k, x]) => [k, element(field, x)]));
    } else if (field.repeated) {
      const items = (v as unknown[] | undefined) ?? [];
      if (!items.length) continue;
      value = items.map((x) => element(field, x));
    } else if (field.resolvedType instanceof Type) {
      // Go writes non-pointer structs always and pointers when set: presence on the wire says it.
      if (!has(m, field.name)) continue;
      value = toGoJson(field.resolvedType, v as Message);
      if (value === undefined) continue;
      if (flags.includes('i')) {
        Object.assign(out, value);
        continue;
      }
    } else if (flags.includes('p')) {
      if (!has(m, field.name)) continue;
      value = scalar(field, v);
    } else {
      value = has(m, field.name) ? scalar(field, v) : zeroOf(field);
      if (value === undefined || ((flags.includes('o') || flags.includes('z')) && isZero(value))) continue;
    }
    out[json] = value;
  }
  return out;
}
