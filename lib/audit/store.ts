import 'server-only';
// The JSON-lines audit log under STUDIO_DATA_DIR (beside the plugin store): append-only, one line
// per attempt, rotated to `audit.jsonl.1` at the cap so it never grows without bound.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '@/lib/plugins/file-store';
import { AUDIT_FILE, formatLine, maxBytesFromEnv, needsRotation, parseLines, type AuditLine } from './log-file';

export function auditFilePath(env: Record<string, string | undefined> = process.env): string {
  return path.join(defaultDataDir(env), AUDIT_FILE);
}

// One append at a time per process, so rotation and appends never interleave.
let queue: Promise<void> = Promise.resolve();

export function appendLine(line: AuditLine, file = auditFilePath(), max = maxBytesFromEnv(process.env)): Promise<void> {
  const run = queue.then(async () => {
    const text = formatLine(line);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const size = await fs.stat(file).then((s) => s.size, () => 0);
    if (needsRotation(size, Buffer.byteLength(text), max)) await fs.rename(file, `${file}.1`);
    // O_APPEND: other studio processes sharing the directory append whole lines too
    await fs.appendFile(file, text, { encoding: 'utf8', mode: 0o600 });
  });
  queue = run.catch(() => undefined);
  return run;
}

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw e;
  }
}

/** Every kept line, oldest first (throws on an unreadable file: the page shows the error). */
export async function readLines(file = auditFilePath()): Promise<AuditLine[]> {
  const [old, cur] = await Promise.all([readText(`${file}.1`), readText(file)]);
  return [...parseLines(old), ...parseLines(cur)];
}
