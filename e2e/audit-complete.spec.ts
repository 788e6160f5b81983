import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { AUDIT_FILE, parseLines, type AuditLine } from '../lib/audit/log-file';
import { kindForObject } from '../lib/k8s/kinds';
import type { SandboxWrite } from '../lib/k8s/sandbox/write-log';
import { STUDIO_DATA_DIR } from './env';
import { SETUP_AGENT } from './kube';
import { sandboxWrites } from './support/sandbox-writes';

// Runs after every other spec (project "audit" depends on "main", playwright.config.ts): each write
// the studios made to the main sandbox during the run is in the audit with the same target, the
// resourceVersion it left, and a diff. The specs' own setup calls carry SETUP_AGENT and are not the studio's.

function auditLines(): AuditLine[] {
  const file = path.join(STUDIO_DATA_DIR, AUDIT_FILE);
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');
  return parseLines(read(`${file}.1`) + read(file));
}

const targetKey = (w: Pick<SandboxWrite, 'group' | 'resource' | 'namespace' | 'name'>) => `${w.group}/${w.resource} ${w.namespace ?? ''}/${w.name ?? ''}`;

function entryKey(e: AuditLine): string | null {
  const kind = kindForObject(e.target.apiVersion, e.target.kind);
  return kind ? targetKey({ group: kind.group, resource: kind.plural, namespace: e.target.namespace, name: e.target.name }) : null;
}

test('every write the studio made to the sandbox is in the audit with its resourceVersion and diff', async () => {
  const writes = (await sandboxWrites()).filter((w) => w.userAgent !== SETUP_AGENT && w.status >= 200 && w.status < 300);
  expect(writes.length, 'the run made writes through the studio').toBeGreaterThan(0);
  const byTarget = new Map<string, AuditLine[]>();
  for (const e of auditLines()) {
    const k = entryKey(e);
    if (k && e.result === 'ok') byTarget.set(k, [...(byTarget.get(k) ?? []), e]);
  }
  const missing = writes.flatMap((w) => {
    const candidates = byTarget.get(targetKey(w)) ?? [];
    const hit = candidates.find((e) => (w.method === 'DELETE' ? e.resourceVersionAfter === null : e.resourceVersionAfter === w.resourceVersion) && e.diff !== '');
    return hit ? [] : [`${w.method} ${w.path} by ${w.user} (${w.userAgent}) → resourceVersion ${w.resourceVersion ?? 'none'}: no audit entry with that target, version and a diff`];
  });
  expect(missing).toEqual([]);
});
