import 'server-only';
// Atomic replacement of one file: write a temp file in the same directory, fsync it, rename it over
// the target, fsync the directory. A crash at any step leaves either the old file or the new one,
// never a mix; a temp file may be left behind, which readers ignore (its name starts with `.`).
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** The few fs functions the store uses, injectable so tests can fail any step. */
export interface StoreFs {
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  open(file: string, flags: string): Promise<{ writeFile(data: string, encoding: 'utf8'): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  mkdir(dir: string, opts: { recursive: true }): Promise<unknown>;
  readdir(dir: string): Promise<string[]>;
  stat(file: string): Promise<{ mtimeMs: number }>;
}

export const realFs: StoreFs = {
  readFile: (f, e) => nodeFs.readFile(f, e),
  open: (f, flags) => nodeFs.open(f, flags),
  rename: (a, b) => nodeFs.rename(a, b),
  unlink: (f) => nodeFs.unlink(f),
  mkdir: (d, o) => nodeFs.mkdir(d, o),
  readdir: (d) => nodeFs.readdir(d),
  stat: (f) => nodeFs.stat(f),
};

export const TEMP_MARK = '.tmp-';

export function isTempFile(base: string): boolean {
  return base.startsWith('.') && base.includes(TEMP_MARK);
}

async function fsyncDir(fs: StoreFs, dir: string): Promise<void> {
  let h: Awaited<ReturnType<StoreFs['open']>> | null = null;
  try {
    h = await fs.open(dir, 'r');
    await h.sync();
  } catch (e) {
    // Some file systems cannot fsync a directory (EISDIR/EINVAL/EPERM): the rename is still atomic.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw e;
  } finally {
    await h?.close().catch(() => undefined);
  }
}

export async function writeFileAtomic(fs: StoreFs, file: string, data: string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  let renamed = false;
  try {
    const h = await fs.open(tmp, 'wx');
    try {
      await h.writeFile(data, 'utf8');
      await h.sync();
    } finally {
      await h.close();
    }
    await fs.rename(tmp, file);
    renamed = true;
    await fsyncDir(fs, dir);
  } catch (e) {
    if (!renamed) await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** Removes temp files a crashed writer left in `dir` (call while holding the store's lock). */
export async function removeStrayTempFiles(fs: StoreFs, dir: string): Promise<void> {
  let names: string[] = [];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter(isTempFile).map((n) => fs.unlink(path.join(dir, n)).catch(() => undefined)));
}
