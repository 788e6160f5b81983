// Keystroke-to-preview latency in the playground, in Chromium against the built app: from the
// keydown of a character typed into Monaco to the moment the preview shows the output that
// character produces (a 10-step routing preview, and a 1,000-pod tagging preview). The playground's
// state is put into localStorage before the page loads, as a returning user's would be.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STORAGE_KEY = 'kube-lua-studio.playground';
const SAMPLES = Number(process.env.BENCH_UI_SAMPLES ?? 30);
const TAG = 'bench';

function routingState() {
  const steps = Array.from({ length: 10 }, (_, i) =>
    i % 2 === 0
      ? { replicas: i + 1, matches: [{ headers: [{ type: 'Exact', name: 'x-canary', value: 'true' }] }] }
      : { replicas: i + 1, traffic: `${(i + 1) * 10}%` });
  const rollout = {
    apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: { name: 'web', namespace: 'shop' },
    spec: { workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, strategy: { canary: { steps, trafficRoutings: [{ service: 'web', customNetworkRefs: [{ apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', name: 'web' }] }] } } },
  };
  const gateway = {
    apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'web', namespace: 'shop' },
    spec: { hosts: ['shop.example.com'], http: [{ match: [{ uri: { prefix: '/static' } }], route: [{ destination: { host: 'static' } }] }, { route: [{ destination: { host: 'web', port: { number: 80 } } }] }] },
  };
  // The built-in VirtualService script, ending with a tag the benchmark types into.
  const builtin = readFileSync(path.join(root, 'lua/networking.istio.io/VirtualService/trafficRouting.lua'), 'utf8');
  const script = `local BENCH_TAG = "${TAG}"\n${builtin.replace(/return obj\.data\s*$/, 'obj.data.spec.benchTag = BENCH_TAG\nreturn obj.data\n')}`;
  return { v: 1, mode: 'routing', routing: { source: 'text', text: `${YAML.stringify(rollout)}---\n${YAML.stringify(gateway)}`, script, scriptPristine: false, mode: 'controller' } };
}

function taggingState(pods) {
  const plugin = `local BENCH_TAG = "${TAG}"\nfunction GetWorkloadTypeAndName(metaJsonStr)\n  return "deployment", BENCH_TAG\nend\n`;
  return { v: 1, mode: 'tagging', tagging: { source: 'text', text: JSON.stringify({ apiVersion: 'v1', kind: 'List', items: pods }), plugins: [{ name: 'bench', source: plugin }] } };
}

async function measure({ browser, url, state, region, fmt, label }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('bench-seeded')) {
      localStorage.setItem(key, value);
      sessionStorage.setItem('bench-seeded', '1');
    }
  }, [STORAGE_KEY, JSON.stringify(state)]);
  const page = await context.newPage();
  try {
    await page.goto(`${url}/playground?mode=${state.mode}`);
    const target = page.getByRole(region.role, { name: region.name, exact: true }).first();
    await target.waitFor({ timeout: 60_000 });
    const editor = page.getByRole('textbox', { name: 'Lua source', exact: true }).first();
    // Monaco replaces the loading textarea: wait for it, then put the cursor inside the tag string.
    await page.waitForFunction(() => document.querySelector('.monaco-editor') !== null, null, { timeout: 60_000 });
    await editor.focus();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    const handle = await target.elementHandle();
    await page.waitForFunction(([el, want]) => el.textContent.includes(want), [handle, TAG], { timeout: 60_000 });
    await page.evaluate(() => {
      window.__benchKeydowns = [];
      document.addEventListener('keydown', () => window.__benchKeydowns.push(performance.now()), true);
    });
    const times = [];
    let tag = TAG;
    for (let i = 0; i < SAMPLES; i++) {
      const ch = String.fromCharCode(97 + (i % 26));
      tag += ch;
      const seen = handle.evaluate((el, want) => new Promise((resolve) => {
        const check = () => {
          if (!el.textContent.includes(want)) return false;
          resolve(performance.now());
          return true;
        };
        if (check()) return;
        const obs = new MutationObserver(() => check() && obs.disconnect());
        obs.observe(el, { subtree: true, childList: true, characterData: true });
      }), tag);
      await page.keyboard.press(ch);
      const t1 = await seen;
      const t0 = await page.evaluate(() => window.__benchKeydowns.at(-1));
      times.push(t1 - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))];
    console.log(`  ${label.padEnd(34)} median ${fmt(median, 1).padStart(6)} ms, p95 ${fmt(p95, 1).padStart(6)} ms (${times.length} keystrokes)`);
    return { median, p95 };
  } finally {
    await context.close();
  }
}

export async function measurePreviewLatency({ browser, url, fmt, generatePods }) {
  console.log('\nKeystroke to preview (Monaco keydown to the preview showing its output, browser Web Worker)');
  const out = {};
  try {
    out.routing = await measure({ browser, url, fmt, label: '10-step routing preview', state: routingState(), region: { role: 'region', name: 'Step 10 produced object' } });
  } catch (e) {
    console.log(`  10-step routing preview: not measured (${e.message.split('\n')[0]})`);
  }
  try {
    const pods = generatePods(1000);
    out.tagging = await measure({ browser, url, fmt, label: '1,000-pod tagging preview', state: taggingState(pods), region: { role: 'table', name: 'Tagging result' } });
  } catch (e) {
    console.log(`  1,000-pod tagging preview: not measured (${e.message.split('\n')[0]})`);
  }
  return out;
}
