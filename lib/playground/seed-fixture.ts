// Test helper: the sandbox's default seed, as the live lists would deliver it.
import { DEFAULT_SEED_DIR, loadSeed } from '@/lib/k8s/sandbox/seed';

type Obj = { kind?: string; metadata?: { name?: string; namespace?: string } };

export async function seedObjects(): Promise<Obj[]> {
  return (await loadSeed(DEFAULT_SEED_DIR)) as Obj[];
}

export function byKind(objs: Obj[], kind: string): Obj[] {
  return objs.filter((o) => o.kind === kind);
}

export function named(objs: Obj[], kind: string, namespace: string, name: string): Obj {
  const o = objs.find((x) => x.kind === kind && x.metadata?.namespace === namespace && x.metadata?.name === name);
  if (!o) throw new Error(`seed has no ${kind} ${namespace}/${name}`);
  return o;
}
