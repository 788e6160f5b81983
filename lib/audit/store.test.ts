import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { buildEntry } from './entry';
import { appendLine, readLines } from './store';

const entry = (i: number) => buildEntry({ action: 'plugin.save', context: '', target: { apiVersion: 'kube-lua-studio/v1', kind: 'Plugin', name: `p${i}` }, resourceVersionBefore: null, resourceVersionAfter: '1', diff: 'd'.repeat(300), result: 'ok' }, null, new Date(i * 1000), `id${i}`);

it('appends in order and keeps one rotated file at the cap', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kls-audit-store-'));
  const file = path.join(dir, 'sub', 'audit.jsonl');
  try {
    await Promise.all(Array.from({ length: 12 }, (_, i) => appendLine(entry(i), file, 2048)));
    const kept = await readLines(file);
    expect(kept.map((e) => e.id)).toEqual(kept.map((e) => e.id).sort((a, b) => Number(a.slice(2)) - Number(b.slice(2))));
    expect(kept.at(-1)!.id).toBe('id11');
    expect(kept.length).toBeLessThan(12);
    expect(fs.statSync(file).size).toBeLessThanOrEqual(2048);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
