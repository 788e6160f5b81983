// The browser part of `npm run bench`, in Debian's Chromium against the built studio and its sandbox:
// the JavaScript each page ships (list pages must not load Monaco) and keystroke-to-preview latency;
// then the 10,000-pod pods page against a studio of its own (bench-pods.mjs).
import { chromium } from '@playwright/test';
import { startStudio } from './bench-studio.mjs';
import { measurePreviewLatency } from './bench-latency.mjs';
import { benchPodsPage } from './bench-pods.mjs';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const MONACO = /MonacoEnvironment|vs\/editor\/editor\.main|monaco-editor/;

/** The pods page at scale, in its own Chromium; `BENCH_PODS_PAGE=0` skips it. */
export async function benchPods({ root, work, fmt }) {
  if (process.env.BENCH_PODS_PAGE === '0') {
    console.log('\nPods page at scale skipped (BENCH_PODS_PAGE=0)');
    return null;
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    return await benchPodsPage({ browser, root, work, fmt });
  } finally {
    await browser.close();
  }
}

export async function benchUi({ root, work, fmt, generatePods }) {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const studio = await startStudio({ root, work });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    console.log('\nPages (JavaScript shipped on first load, decoded / transferred)');
    const bytes = {};
    for (const page of ['/pods', '/rollouts', '/playground']) {
      const r = await pageScripts(browser, studio.url + page);
      bytes[page] = r;
      console.log(`  ${page.padEnd(12)} ${fmt(r.decoded / 1024).padStart(6)} KiB / ${fmt(r.transferred / 1024).padStart(6)} KiB in ${r.files} files; Monaco ${r.monaco ? 'loaded' : 'not loaded'}`);
    }
    const latency = await measurePreviewLatency({ browser, url: studio.url, fmt, generatePods });
    return { bytes, latency };
  } finally {
    await browser.close();
    await studio.stop();
  }
}

async function pageScripts(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const bodies = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (type === 'script' || /\.m?js(\?|$)/.test(new URL(res.url()).pathname)) bodies.push(res);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  let decoded = 0;
  let transferred = 0;
  let monaco = false;
  for (const res of bodies) {
    const body = await res.body().catch(() => Buffer.alloc(0));
    decoded += body.length;
    transferred += (await res.request().sizes().catch(() => ({ responseBodySize: body.length }))).responseBodySize;
    if (MONACO.test(body.toString('utf8'))) monaco = true;
  }
  await context.close();
  return { decoded, transferred, files: bodies.length, monaco };
}
