import 'server-only';
// Serialises the store's read-modify-write cycles: a promise chain per data directory within the
// process, and a lock file (`O_EXCL`) across processes (two studios sharing one directory). A lock
// file whose owner process is gone, or older than STALE_MS, is taken over: a crash cannot wedge it.
import path from 'node:path';
import type { StoreFs } from './atomic-write';

const chains = new Map<string, Promise<unknown>>();
const STALE_MS = 15_000;
const WAIT_MS = 10_000;

/** Runs `fn` after every earlier call for the same key has settled. */
export function withMutex<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = chains.get(key) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  chains.set(key, tail);
  void tail.then(() => {
    if (chains.get(key) === tail) chains.delete(key);
  });
  return run;
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function acquireFile(fs: StoreFs, file: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const h = await fs.open(file, 'wx');
      try {
        await h.writeFile(String(process.pid), 'utf8');
      } finally {
        await h.close();
      }
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
    const age = await fs.stat(file).then((s) => Date.now() - s.mtimeMs, () => 0);
    if ((owner && owner !== process.pid && !alive(owner)) || age > STALE_MS) {
      await fs.unlink(file).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new Error(`The plugin store is locked by process ${owner || '?'} (${file}); try again.`);
    await sleep(25);
  }
}

/** In-process mutex plus the directory's lock file, held while `fn` runs. */
export function withStoreLock<T>(fs: StoreFs, dir: string, fn: () => Promise<T>): Promise<T> {
  return withMutex(dir, async () => {
    const file = path.join(dir, 'store.lock');
    await acquireFile(fs, file);
    try {
      return await fn();
    } finally {
      await fs.unlink(file).catch(() => undefined);
    }
  });
}
