// The metadata rules a real API server applies on every create and update, with its own messages
// (k8s.io/apimachinery v0.32: pkg/util/validation, pkg/api/validation/objectmeta.go,
// pkg/apis/meta/v1/validation), so an object the sandbox accepts is one a cluster accepts too.
// Lengths are in bytes, as Go's len() counts them.
import type { KindDef } from '../kinds';
import { errors } from './status';
import type { K8sObject, ObjectMeta } from './store';

export interface FieldError {
  field: string;
  reason: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueTooLong';
  message: string;
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** apimachinery `RegexError`: examples joined with "', " + " or " (hence the double space). */
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (!examples.length) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}

const maxLenError = (n: number) => `must be no more than ${n} characters`;

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QNAME_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const full = (fmt: string) => new RegExp(`^${fmt}$`);
const DNS1123_LABEL = full(DNS1123_LABEL_FMT);
const DNS1123_SUBDOMAIN = full(DNS1123_SUBDOMAIN_FMT);
const DNS1035_LABEL = full(DNS1035_LABEL_FMT);
const QNAME = full(QNAME_FMT);
const LABEL_VALUE = full(LABEL_VALUE_FMT);

const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

export function isDNS1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (bytes(v) > 253) errs.push(maxLenError(253));
  if (!DNS1123_SUBDOMAIN.test(v))
    errs.push(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

export function isDNS1123Label(v: string): string[] {
  const errs: string[] = [];
  if (bytes(v) > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL.test(v)) {
    // A valid subdomain that is not a valid label (length checked above) can only have dots.
    if (DNS1123_SUBDOMAIN.test(v)) errs.push('must not contain dots');
    else errs.push(regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

export function isDNS1035Label(v: string): string[] {
  const errs: string[] = [];
  if (bytes(v) > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL.test(v))
    errs.push(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** Label keys, annotation keys (lower-cased first), finalizers: `[prefix/]name`. */
export function isQualifiedName(v: string): string[] {
  const errs: string[] = [];
  const parts = v.split('/');
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (!prefix.length) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [`a qualified name ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (!name.length) errs.push('name part must be non-empty');
  else if (bytes(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!QNAME.test(name)) errs.push(`name part ${regexError(QNAME_MSG, QNAME_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

export function isValidLabelValue(v: string): string[] {
  const errs: string[] = [];
  if (bytes(v) > 63) errs.push(maxLenError(63));
  if (!LABEL_VALUE.test(v))
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  return errs;
}

export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** Go's %q for the strings these messages quote (JSON escaping is the same for printable text). */
const quote = (s: string) => JSON.stringify(s);

const invalid = (field: string, value: string, detail: string): FieldError => ({ field, reason: 'FieldValueInvalid', message: `Invalid value: ${quote(value)}: ${detail}` });

/** Which name rule a kind's objects follow (core validation: Namespace label, Service DNS-1035, the rest subdomain). */
export function nameRule(k: Pick<KindDef, 'group' | 'plural'>): (name: string) => string[] {
  if (k.group === '' && k.plural === 'namespaces') return isDNS1123Label;
  if (k.group === '' && k.plural === 'services') return isDNS1035Label;
  return isDNS1123Subdomain;
}

/** `generateName` is checked with a trailing dash masked (a suffix will follow), as `maskTrailingDash` does. */
const maskTrailingDash = (s: string) => (s.length > 1 && s.endsWith('-') ? `${s.slice(0, -2)}a` : s);

const strings = (v: unknown): [string, string][] =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v as Record<string, unknown>).map(([key, val]) => [key, typeof val === 'string' ? val : String(val)]) : [];

/** ValidateObjectMetaAccessor's checks for name, generateName, namespace, labels, annotations and finalizers. */
export function validateObjectMeta(k: Pick<KindDef, 'group' | 'plural' | 'namespaced'>, meta: ObjectMeta): FieldError[] {
  const out: FieldError[] = [];
  const rule = nameRule(k);
  if (meta.generateName) for (const m of rule(maskTrailingDash(meta.generateName))) out.push(invalid('metadata.generateName', meta.generateName, m));
  if (!meta.name) out.push({ field: 'metadata.name', reason: 'FieldValueRequired', message: 'Required value: name or generateName is required' });
  else for (const m of rule(meta.name)) out.push(invalid('metadata.name', meta.name, m));
  if (k.namespaced && meta.namespace) for (const m of isDNS1123Label(meta.namespace)) out.push(invalid('metadata.namespace', meta.namespace, m));

  for (const [key, value] of strings(meta.labels)) {
    for (const m of isQualifiedName(key)) out.push(invalid('metadata.labels', key, m));
    for (const m of isValidLabelValue(value)) out.push(invalid('metadata.labels', value, m));
  }
  let size = 0;
  for (const [key, value] of strings(meta.annotations)) {
    // The rule is a qualified name except that case does not matter.
    for (const m of isQualifiedName(key.toLowerCase())) out.push(invalid('metadata.annotations', key, m));
    size += bytes(key) + bytes(value);
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) out.push({ field: 'metadata.annotations', reason: 'FieldValueTooLong', message: `Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  for (const f of Array.isArray(meta.finalizers) ? meta.finalizers : []) if (typeof f === 'string') for (const m of isQualifiedName(f)) out.push(invalid('metadata.finalizers', f, m));
  return out;
}

/** Throws the API server's 422 `Invalid` Status (`<Kind>[.<group>] "<name>" is invalid: …`, with causes). */
export function assertValidObject(k: KindDef, obj: K8sObject): void {
  const causes = validateObjectMeta(k, obj.metadata ?? {});
  if (causes.length) throw errors.invalid(k, obj.metadata?.name ?? '', causes);
}
