// Reading the files the CLI is given. Every problem becomes ONE InputError naming the file (exit 2).
import { readFileSync, statSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

export class InputError extends Error {}

export function readText(file: string, what = 'file'): string {
  try {
    if (statSync(file).isDirectory()) throw new InputError(`${file}: is a directory, expected a ${what}`);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new InputError(`${file}: cannot read the ${what}: ${reason}`);
  }
}

/** Every document of a YAML or JSON file (JSON is YAML, but its errors read better from JSON.parse). */
export function parseDocuments(file: string, text: string): unknown[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return [JSON.parse(text)];
    } catch (e) {
      throw new InputError(`${file}: JSON does not parse: ${(e as Error).message}`);
    }
  }
  const docs = parseAllDocuments(text, { prettyErrors: true });
  if (!Array.isArray(docs)) return [];
  for (const doc of docs) {
    const err = doc.errors[0];
    if (err) throw new InputError(`${file}: YAML does not parse: ${err.message.split('\n')[0]}`);
  }
  return docs.map((d) => d.toJS({ maxAliasCount: 1000 })).filter((d) => d !== null && d !== undefined);
}

export function readDocuments(file: string, what = 'file'): unknown[] {
  const docs = parseDocuments(file, readText(file, what));
  if (docs.length === 0) throw new InputError(`${file}: is empty`);
  return docs;
}

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function describeObject(v: unknown): string {
  if (!isObject(v)) return Array.isArray(v) ? 'a list' : `a ${v === null ? 'null' : typeof v}`;
  const kind = typeof v.kind === 'string' ? v.kind : undefined;
  const api = typeof v.apiVersion === 'string' ? v.apiVersion : undefined;
  if (!kind) return 'an object without kind';
  return `${api ? `${api} ` : ''}${kind}${isObject(v.metadata) && typeof v.metadata.name === 'string' ? ` "${v.metadata.name}"` : ''}`;
}
