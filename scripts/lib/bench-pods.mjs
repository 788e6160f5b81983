// The 10,000-pod figures of `npm run bench`: a studio started with STUDIO_SANDBOX_SCALE=10000, then
// - on the server, how long `/api/watch` takes to deliver the pod list (first page, all pages, size);
// - in Chromium, the pods page's time to first rows and to every pod evaluated (Contract D: the
//   `kls:pods-first-rows` / `kls:pods-evaluated` marks and the "Evaluated n of n pods" status), the
//   table rows in the DOM (virtualised: far below the pod count) and keystroke-to-filtered-table
//   latency in the page's text filter.
// A figure the page does not offer (yet) is reported as "not available"; nothing here throws.
import { startStudio } from './bench-studio.mjs';

const SCALE = Number(process.env.BENCH_SCALE ?? 10_000);
const SAMPLES = Number(process.env.BENCH_FILTER_SAMPLES ?? 7);
const WAIT_MS = Number(process.env.BENCH_PODS_TIMEOUT_MS ?? 90_000);
const FILTER_TEXT = 'mysql-1';
export const POD_TARGETS = { firstRowsMs: 1000, evaluatedMs: 2000 };

export async function benchPodsPage({ browser, root, work, fmt }) {
  const t0 = performance.now();
  const studio = await startStudio({ root, work, port: Number(process.env.BENCH_PORT ?? 3177), env: { STUDIO_SANDBOX_SCALE: String(SCALE) } });
  const result = { startMs: performance.now() - t0 };
  try {
    console.log(`\nPods page, ${fmt(SCALE)}-pod sandbox (STUDIO_SANDBOX_SCALE=${SCALE}; studio up in ${fmt(result.startMs / 1000, 1)} s)`);
    result.server = await measureWatch(studio.url).catch((e) => ({ error: e?.message ?? String(e) }));
    if (result.server.error) console.log(`  server: not measured (${result.server.error})`);
    else
      console.log(
        `  server /api/watch: first page of pods after ${fmt(result.server.firstPageMs)} ms, all ${fmt(result.server.pods)} pods after ${fmt(result.server.allMs)} ms ` +
          `(${result.server.pages} pages, ${fmt(result.server.bytes / 1048576, 1)} MiB of SSE)`,
      );
    result.page = await measurePage(browser, studio.url, fmt);
    return result;
  } finally {
    await studio.stop();
  }
}

/** Reads `/api/watch` for pods until the snapshot is complete (the last page has no `more`). */
async function measureWatch(url) {
  const info = await (await fetch(`${url}/api/cluster`)).json();
  const params = new URLSearchParams({ context: info.current, namespace: '', kinds: 'pods' });
  const ctl = new AbortController();
  const started = performance.now();
  const res = await fetch(`${url}/api/watch?${params}`, { signal: ctl.signal });
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let bytes = 0;
  let pods = 0;
  let pages = 0;
  let firstPageMs;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended before the snapshot was complete');
      bytes += value.length;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.startsWith('data: ')) continue;
        const event = JSON.parse(block.slice(6));
        if (event.type !== 'snapshot') continue;
        pages++;
        pods = event.continued ? pods + event.items.length : event.items.length;
        firstPageMs ??= performance.now() - started;
        if (!event.more) return { firstPageMs, allMs: performance.now() - started, pods, pages, bytes };
      }
    }
  } finally {
    ctl.abort();
  }
}

async function measurePage(browser, url, fmt) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const out = { firstRowsMs: null, evaluatedMs: null, domRows: null, total: null, filter: null, notes: [] };
  try {
    await page.goto(`${url}/pods`, { waitUntil: 'commit' });
    const table = page.getByRole('main').getByRole('table', { name: 'Pods' }).or(page.getByRole('main').getByRole('grid', { name: 'Pods' })).first();
    const dataRow = table.getByRole('row').filter({ has: page.getByRole('cell') }).first();
    try {
      await dataRow.waitFor({ state: 'attached', timeout: WAIT_MS });
      out.firstRowsMs = await page.evaluate(() => performance.getEntriesByName('kls:pods-first-rows')[0]?.startTime ?? performance.now());
    } catch {
      out.notes.push('no table "Pods" with rows');
    }
    const status = page.getByRole('status').filter({ hasText: /Evaluated ([\d,]+) of \1 pods/ });
    try {
      // Wait for all pods: the total in the status must reach the generated count.
      await page.waitForFunction(
        (scale) => [...document.querySelectorAll('[role="status"]')].some((el) => {
          const m = /Evaluated ([\d,]+) of ([\d,]+) pods/.exec(el.textContent ?? '');
          return !!m && m[1] === m[2] && Number(m[2].replace(/,/g, '')) >= scale;
        }),
        SCALE,
        { timeout: out.firstRowsMs === null ? 1 : WAIT_MS, polling: 'raf' },
      );
      out.evaluatedMs = await page.evaluate(() => performance.getEntriesByName('kls:pods-evaluated').at(-1)?.startTime ?? performance.now());
      out.total = Number(((await status.first().innerText()).match(/of ([\d,]+)/)?.[1] ?? '0').replace(/,/g, ''));
    } catch {
      out.notes.push('no "Evaluated n of n pods" status');
    }
    if (out.firstRowsMs !== null) {
      out.domRows = await table.getByRole('row').count();
      out.filter = await measureFilter(page, table).catch((e) => {
        out.notes.push(`filter not measured: ${e?.message?.split('\n')[0] ?? e}`);
        return null;
      });
    }
  } finally {
    await context.close();
  }
  const na = 'not available';
  const vs = (ms, target) => (ms === null ? na : `${fmt(ms)} ms (target < ${fmt(target)} ms, ratio ${fmt(ms / target, 2)})`);
  console.log(`  first rows                     ${vs(out.firstRowsMs, POD_TARGETS.firstRowsMs)}`);
  console.log(`  all pods evaluated             ${vs(out.evaluatedMs, POD_TARGETS.evaluatedMs)}${out.total ? ` (${fmt(out.total)} pods)` : ''}`);
  console.log(`  table rows in the DOM          ${out.domRows === null ? na : fmt(out.domRows)}`);
  console.log(`  filter keystroke to table      ${out.filter ? `median ${fmt(out.filter.median)} ms, max ${fmt(out.filter.max)} ms (${out.filter.samples} keystrokes)` : na}`);
  if (out.notes.length) console.log(`  (${out.notes.join('; ')})`);
  return out;
}

/** From the keydown of the last character of FILTER_TEXT to the first frame where every row matches. */
async function measureFilter(page, table) {
  const main = page.getByRole('main');
  const box = main.getByRole('searchbox').or(main.getByLabel(/filter/i).and(main.getByRole('textbox'))).first();
  await box.waitFor({ timeout: 5000 });
  const handle = await table.elementHandle();
  const times = [];
  for (let i = 0; i < SAMPLES; i++) {
    await box.fill('');
    await box.fill(FILTER_TEXT.slice(0, -1));
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.__klsKeydown = undefined;
      document.addEventListener('keydown', () => (window.__klsKeydown ??= performance.now()), { capture: true, once: true });
    });
    const done = page.evaluate(
      ({ el, needle }) =>
        new Promise((resolve, reject) => {
          const stop = performance.now() + 20_000;
          const tick = () => {
            const rows = [...el.querySelectorAll('tr, [role="row"]')].filter((r) => r.querySelector('td, [role="cell"], [role="gridcell"]'));
            if (window.__klsKeydown !== undefined && rows.length > 0 && rows.every((r) => (r.textContent ?? '').includes(needle))) return resolve(performance.now() - window.__klsKeydown);
            if (performance.now() > stop) return reject(new Error('the table never showed only matching rows'));
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      { el: handle, needle: FILTER_TEXT },
    );
    await box.press(FILTER_TEXT.at(-1));
    times.push(await done);
  }
  await box.fill('');
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], max: times.at(-1), samples: times.length };
}
