#!/usr/bin/env node
// Regenerates descriptor.generated.ts from the upstream schemas in proto/ (see proto/README.md):
//   node lib/k8s/sandbox/protobuf/generate-descriptor.mjs [--check]
//   node lib/k8s/sandbox/protobuf/generate-descriptor.mjs --extract-go-tags <dir>
// Output: the protobufjs JSON descriptor of the messages the sandbox decodes (pruned to what they
// reach), plus what the .proto files do not say and Go's JSON encoding needs: each field's JSON
// name, `omitempty`/`omitzero`, pointer-ness and `,inline`. Those come from the Go struct tags of
// the upstream types.go files, which are Go source and so not in this repository: the
// --extract-go-tags step reads them from a checkout (<dir>/k8s.io/api/…, <dir>/k8s.io/apimachinery/…)
// and writes them as data to proto/go-field-tags.json; the default run reads only the .proto files
// and that JSON. The runtime imports only the generated module (protobufjs/light, no .proto parsing
// inside the Next.js server bundle).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const here = dirname(fileURLToPath(import.meta.url));
const protoDir = join(here, 'proto');
const tagsFile = join(protoDir, 'go-field-tags.json');

/** Go package folder (under proto/k8s.io/) → proto package. */
const PACKAGES = {
  'api/core/v1': 'k8s.io.api.core.v1',
  'api/apps/v1': 'k8s.io.api.apps.v1',
  'api/batch/v1': 'k8s.io.api.batch.v1',
  'api/autoscaling/v1': 'k8s.io.api.autoscaling.v1',
  'api/authorization/v1': 'k8s.io.api.authorization.v1',
  'apimachinery/pkg/apis/meta/v1': 'k8s.io.apimachinery.pkg.apis.meta.v1',
};

/** Top-level messages a request body may carry (the kinds the sandbox serves, and what kubectl's verbs send). */
export const ROOTS = [
  ...['Namespace', 'Node', 'Pod', 'ConfigMap', 'Service'].map((k) => `k8s.io.api.core.v1.${k}`),
  ...['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet'].map((k) => `k8s.io.api.apps.v1.${k}`),
  ...['Job', 'CronJob'].map((k) => `k8s.io.api.batch.v1.${k}`),
  'k8s.io.api.autoscaling.v1.Scale',
  'k8s.io.api.authorization.v1.SelfSubjectAccessReview',
  'k8s.io.api.authorization.v1.SelfSubjectRulesReview',
  'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  'k8s.io.apimachinery.pkg.runtime.Unknown',
];

function loadRoot() {
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => (target.startsWith('k8s.io/') ? join(protoDir, target) : protobuf.util.path.resolve(origin, target));
  root.loadSync(
    Object.keys(PACKAGES)
      .filter((p) => !p.startsWith('apimachinery'))
      .map((p) => join(protoDir, 'k8s.io', p, 'generated.proto')),
    { keepCase: true },
  );
  root.resolveAll();
  return root;
}

function reachable(root) {
  const seen = new Set();
  const visit = (type) => {
    const name = type.fullName.slice(1); // protobufjs names start with a dot
    if (seen.has(name)) return;
    seen.add(name);
    for (const f of type.fieldsArray) if (f.resolvedType instanceof protobuf.Type) visit(f.resolvedType);
  };
  for (const name of ROOTS) visit(root.lookupType(name));
  return seen;
}

function prune(ns, keep) {
  for (const child of [...ns.nestedArray]) {
    if (child instanceof protobuf.Type) {
      if (!keep.has(child.fullName.slice(1))) ns.remove(child);
    } else if (child instanceof protobuf.Namespace) {
      prune(child, keep);
      if (!child.nestedArray.length) ns.remove(child);
    } else ns.remove(child); // services, enums: none are used
  }
}

/** Go struct tags: `Name *T \`json:"x,omitempty" protobuf:"bytes,1,opt,name=x"\``, per struct, per proto field. */
function goFields(goSource, pkg, keep, lookup) {
  const out = {};
  const slices = [];
  const lines = goSource.split('\n');
  let current = null;
  for (const line of lines) {
    const start = /^type (\w+) struct \{/.exec(line);
    if (start) {
      current = `${pkg}.${start[1]}`;
      continue;
    }
    const slice = /^type (\w+) \[\]\w+$/.exec(line.trim());
    if (slice && keep.has(`${pkg}.${slice[1]}`)) slices.push(`${pkg}.${slice[1]}`);
    if (line.startsWith('}')) current = null;
    if (!current || !keep.has(current) || /^\s*\/\//.test(line)) continue;
    const m = /^\s*(?:\w+\s+)?(\S+)\s+`([^`]*)`/.exec(line);
    if (!m) continue;
    // By field number: an embedded struct's tag may have no name= (`protobuf:"bytes,1,req"`).
    const id = /protobuf:"\w+,(\d+)/.exec(m[2]);
    const json = /json:"([^"]*)"/.exec(m[2]);
    if (!id || !json) continue;
    const field = lookup(current).fieldsById[Number(id[1])];
    const [jsonName, ...opts] = json[1].split(',');
    if (!field || jsonName === '-') continue;
    let flags = '';
    if (opts.includes('inline')) flags += 'i';
    if (opts.includes('omitempty')) flags += 'o';
    if (opts.includes('omitzero')) flags += 'z';
    if (m[1].startsWith('*')) flags += 'p';
    (out[current] ??= {})[field.name] = flags ? [jsonName, flags] : [jsonName];
  }
  return { fields: out, slices };
}

const TAGS_ABOUT =
  'Go struct tags of the Kubernetes types in proto/ (see README.md), per message, per proto field: ' +
  '[jsonName, flags]; flags: i = `,inline`, o = omitempty, z = omitzero, p = pointer. ' +
  'Written by generate-descriptor.mjs --extract-go-tags: do not edit.';

/** The tags file: one line per field, messages and fields in Go declaration order (deterministic, and the
 * order GO_FIELDS has always had), so a refresh diffs as upstream changed. */
function formatTags({ sliceMessages, fields }) {
  const messages = Object.entries(fields).map(([name, byField]) => {
    const lines = Object.entries(byField).map(([f, tag]) => `      ${JSON.stringify(f)}: ${JSON.stringify(tag)}`);
    return `    ${JSON.stringify(name)}: {\n${lines.join(',\n')}\n    }`;
  });
  return [
    '{',
    `  "about": ${JSON.stringify(TAGS_ABOUT)},`,
    `  "sliceMessages": ${JSON.stringify(sliceMessages)},`,
    '  "fields": {',
    messages.join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Step 1: the Go struct tags of a Kubernetes checkout → proto/go-field-tags.json. */
function extractGoTags(checkout, root, keep) {
  const fields = {};
  const slices = [];
  for (const [dir, pkg] of Object.entries(PACKAGES)) {
    const goFile = join(checkout, 'k8s.io', dir, 'types.go');
    if (!existsSync(goFile)) fail(`${goFile} not found: give the folder holding k8s.io/api and k8s.io/apimachinery`);
    // the field numbers are mapped to names through the committed .proto files: they must be the checkout's
    const theirs = join(checkout, 'k8s.io', dir, 'generated.proto');
    const ours = join(protoDir, 'k8s.io', dir, 'generated.proto');
    if (existsSync(theirs) && readFileSync(theirs, 'utf8') !== readFileSync(ours, 'utf8'))
      fail(`${theirs} differs from proto/k8s.io/${dir}/generated.proto: copy the .proto files of the same commit first`);
    const g = goFields(readFileSync(goFile, 'utf8'), pkg, keep, (name) => root.lookupType(name));
    Object.assign(fields, g.fields);
    slices.push(...g.slices);
  }
  const text = formatTags({ sliceMessages: slices.sort(), fields });
  writeFileSync(tagsFile, text);
  console.log(`go-field-tags.json: ${Object.keys(fields).length} messages, ${(text.length / 1024).toFixed(0)} KiB; now run node lib/k8s/sandbox/protobuf/generate-descriptor.mjs`);
}

/** Step 2's input: the committed tags, checked against the committed schemas. */
function readGoTags(root, keep) {
  const stale = (why) => fail(`proto/go-field-tags.json ${why}: re-run the --extract-go-tags step (proto/README.md)`);
  const text = readFileSync(tagsFile, 'utf8');
  const tags = JSON.parse(text);
  if (formatTags(tags) !== text) stale('is not as the extract step writes it');
  for (const name of tags.sliceMessages) if (!keep.has(name)) stale(`names ${name}, which the schemas do not reach`);
  for (const [name, byField] of Object.entries(tags.fields)) {
    if (!keep.has(name)) stale(`names ${name}, which the schemas do not reach`);
    const type = root.lookupType(name);
    for (const [field, tag] of Object.entries(byField)) {
      if (!type.fields[field]) stale(`names ${name}.${field}, which the schema does not have`);
      const ok = Array.isArray(tag) && typeof tag[0] === 'string' && (tag.length === 1 || (tag.length === 2 && /^i?o?z?p?$/.test(tag[1]) && tag[1] !== ''));
      if (!ok) stale(`has a malformed tag for ${name}.${field}: ${JSON.stringify(tag)}`);
    }
  }
  return { fields: tags.fields, slices: tags.sliceMessages };
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

const root = loadRoot();
const keep = reachable(root);
prune(root, keep);
const extract = process.argv.indexOf('--extract-go-tags');
if (extract !== -1) {
  const checkout = process.argv[extract + 1];
  if (!checkout) fail('usage: generate-descriptor.mjs --extract-go-tags <folder holding k8s.io/api and k8s.io/apimachinery>');
  extractGoTags(checkout, root, keep);
  process.exit(0);
}
const { fields, slices } = readGoTags(root, keep);
const descriptor = root.toJSON({ keepComments: false });
const text = [
  '// Generated by generate-descriptor.mjs from proto/ (Kubernetes v0.36.3 schemas, Apache-2.0): do not edit.',
  "import type { INamespace } from 'protobufjs/light';",
  '',
  '/** Go JSON encoding of a field: [jsonName, flags]; flags: i = `,inline`, o = omitempty, z = omitzero, p = pointer. */',
  'export type GoField = [string] | [string, string];',
  '',
  `export const ROOTS: readonly string[] = ${JSON.stringify(ROOTS)};`,
  '',
  '/** Named Go slices encoded as a message with one `items` field (JSON: a plain array). */',
  `export const SLICE_MESSAGES: readonly string[] = ${JSON.stringify(slices.sort())};`,
  '',
  `export const GO_FIELDS: Record<string, Record<string, GoField>> = JSON.parse(${JSON.stringify(JSON.stringify(fields))});`,
  '',
  `export const DESCRIPTOR: INamespace = JSON.parse(${JSON.stringify(JSON.stringify(descriptor))});`,
  '',
].join('\n');
const target = join(here, 'descriptor.generated.ts');
if (process.argv.includes('--check')) {
  // used by the unit test: the committed module must be what the committed schemas and tags give
  if (readFileSync(target, 'utf8') !== text) {
    console.error('descriptor.generated.ts is out of date: run node lib/k8s/sandbox/protobuf/generate-descriptor.mjs');
    process.exit(1);
  }
  process.exit(0);
}
writeFileSync(target, text);
console.log(`descriptor.generated.ts: ${keep.size} messages, ${Object.keys(fields).length} with Go field tags, ${(text.length / 1024).toFixed(0)} KiB`);
