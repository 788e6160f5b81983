// Test helper: the sandbox's shop seed (Rollouts and their gateway objects) as an API server returns them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

type Obj = Record<string, unknown> & { kind?: string; metadata?: { name?: string; namespace?: string } };

const SEED = path.resolve(__dirname, '../sandbox/seed/default/shop-rollouts.yaml');

export function shopSeed(): Obj[] {
  return parseAllDocuments(readFileSync(SEED, 'utf8')).map((d) => d.toJS() as Obj).filter((o) => o && typeof o === 'object');
}

export function seedObject(kind: string, name: string, namespace = 'shop'): Obj {
  const o = shopSeed().find((x) => x.kind === kind && x.metadata?.name === name && x.metadata?.namespace === namespace);
  if (!o) throw new Error(`seed has no ${kind} ${namespace}/${name}`);
  return structuredClone(o);
}
