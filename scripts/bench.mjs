// `npm run bench`: tagging throughput (1- and 3-plugin chains, 10,000 generated pods) and routing
// speed (VirtualService script), with native Lua 5.1 + dkjson side by side when installed; then, in
// Chromium against the built app, the JavaScript per page and keystroke-to-preview latency, and the
// pods page with 10,000 pods (STUDIO_SANDBOX_SCALE). BENCH_ONLY=pods runs only that last part.
// Prints figures and ratios; never fails (exit code 0 even when a target is missed).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchPods, benchUi } from './lib/bench-ui.mjs';
import { POD_TARGETS } from './lib/bench-pods.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PODS = Number(process.env.BENCH_PODS ?? 10_000);
const work = mkdtempSync(path.join(tmpdir(), 'kls-bench-'));
const now = () => performance.now();
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

try {
  await main();
} catch (e) {
  console.log(`bench: could not finish: ${e?.stack ?? e}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

async function main() {
  if (process.env.BENCH_ONLY === 'pods') {
    // Only the 10,000-pod pods page (the slow part to iterate on).
    printPodTargets(await benchPods({ root, work, fmt }), true);
    return;
  }
  const bundle = path.join(work, 'hosts.mjs');
  await build({
    entryPoints: [path.join(root, 'lib/bench/index.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    tsconfig: path.join(root, 'tsconfig.json'),
    plugins: [{ name: 'root-alias', setup: (b) => b.onResolve({ filter: /^@\// }, (a) => b.resolve('./' + a.path.slice(2), { resolveDir: root, kind: a.kind })) }],
  });
  const hosts = await import(pathToFileURL(bundle).href);
  const { pods, objects } = hosts.generateCluster(PODS);
  const metas = pods.map((p) => hosts.podMetadataJson(p));
  const avgMeta = metas.reduce((s, m) => s + m.length, 0) / metas.length;
  const plugin = (f) => ({ name: path.basename(f, '.lua'), source: readFileSync(path.join(root, f), 'utf8') });
  const chains = {
    '1 plugin (opengauss)': [plugin('plugins/examples/opengauss.lua')],
    '3 plugins (label, annotation, opengauss)': [plugin('plugins/examples/workload-label.lua'), plugin('plugins/examples/workload-annotation.lua'), plugin('plugins/examples/opengauss.lua')],
  };
  console.log(`Kube Lua Studio benchmark (node ${process.version}, ${PODS.toLocaleString('en-US')} pods, metadata JSON ${fmt(avgMeta)} bytes on average, ${objects.length} workload objects)\n`);

  const dkjson = ['/usr/share/lua/5.1/dkjson.lua', '/usr/local/share/lua/5.1/dkjson.lua'].find((f) => existsSync(f));
  const lua = ['/usr/bin/lua5.1', '/usr/local/bin/lua5.1'].find((f) => existsSync(f));
  const native = lua && dkjson;
  if (native) {
    writeFileSync(path.join(work, 'driver.lua'), hosts.nativeDriver(dkjson));
    writeFileSync(path.join(work, 'driver-once.lua'), hosts.nativeDriver(dkjson, true));
    writeFileSync(path.join(work, 'metas.txt'), metas.join('\n') + '\n');
  }

  console.log('Tagging (DeepFlow semantics: fresh state per pod, chain stops at the first answer)');
  const rows = [];
  for (const [label, chain] of Object.entries(chains)) {
    hosts.tagPods({ pods: pods.slice(0, 1000), plugins: chain, objects }); // warm-up (JIT)
    const t0 = now();
    const result = hosts.tagPods({ pods, plugins: chain, objects });
    const ms = now() - t0;
    const answered = result.pods.filter((p) => p.plugin.type !== '' && p.plugin.name !== '').length;
    const studio = PODS / (ms / 1000);
    const row = { label, studio, answered };
    if (native) {
      const files = chain.map((p, i) => {
        const f = path.join(work, `plugin-${i}.lua`);
        writeFileSync(f, p.source);
        return f;
      });
      const runNative = (driver) => {
        const t1 = now();
        const out = JSON.parse(execFileSync(lua, [path.join(work, driver), path.join(work, 'metas.txt'), ...files], { encoding: 'utf8', maxBuffer: 1 << 20 }));
        return { rate: PODS / ((now() - t1) / 1000), matched: out.matched };
      };
      const perPod = runNative('driver.lua');
      const once = runNative('driver-once.lua');
      row.nativePerPod = perPod.rate;
      row.native = once.rate;
      row.nativeMatched = once.matched === perPod.matched ? once.matched : `${once.matched}/${perPod.matched}`;
    }
    rows.push(row);
    console.log(`  ${label}`);
    console.log(`    studio                                          ${fmt(row.studio).padStart(7)} pods/s   (answers: ${answered})`);
    if (native) {
      console.log(`    native lua5.1+dkjson, compiled once per run     ${fmt(row.native).padStart(7)} pods/s   studio/native ${fmt(row.studio / row.native, 2)}   (answers: ${row.nativeMatched})`);
      console.log(`    native lua5.1+dkjson, recompiled per pod        ${fmt(row.nativePerPod).padStart(7)} pods/s   studio/native ${fmt(row.studio / row.nativePerPod, 2)}   (what DeepFlow does)`);
    }
  }
  if (!native) console.log('  native side skipped: install lua5.1 and lua-dkjson (apt-get install -y lua5.1 lua-dkjson)');

  console.log('\nRouting (OpenKruise VirtualService built-in, controller mode)');
  const script = readFileSync(path.join(root, 'lua/networking.istio.io/VirtualService/trafficRouting.lua'), 'utf8');
  const steps = Array.from({ length: 10 }, (_, i) =>
    i % 2 === 0
      ? { replicas: i + 1, matches: [{ headers: [{ type: 'Exact', name: 'x-canary', value: 'true' }, { type: 'RegularExpression', name: 'user-agent', value: '.*Mobile.*' }] }], requestHeaderModifier: { set: [{ name: 'x-route', value: 'canary' }] } }
      : { replicas: i + 1, traffic: `${(i + 1) * 10}%` });
  const rollout = { apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: { name: 'web' }, spec: { strategy: { canary: { steps, trafficRoutings: [{ service: 'web' }] } } } };
  const gateway = {
    apiVersion: 'networking.istio.io/v1beta1', kind: 'VirtualService', metadata: { name: 'web', labels: { app: 'web' } },
    spec: { hosts: ['shop.example.com'], gateways: ['istio-system/public'], http: [
      { match: [{ uri: { prefix: '/static' } }], route: [{ destination: { host: 'static' } }] },
      { route: [{ destination: { host: 'web.shop.svc.cluster.local', port: { number: 80 } } }], retries: { attempts: 3, perTryTimeout: '2s' }, timeout: '10s' },
    ] },
  };
  const input = { rollout, gateway, script };
  for (let i = 0; i < 20; i++) hosts.routeSteps(input); // warm-up
  const times = [];
  const t0 = now();
  let ran = 0;
  while (now() - t0 < 3000 || times.length < 30) {
    const t = now();
    const out = hosts.routeSteps(input);
    times.push(now() - t);
    ran += out.steps.length;
    if (out.steps.some((s) => s.error)) throw new Error(`routing failed: ${out.steps.find((s) => s.error).error}`);
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((s, t) => s + t, 0);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(`  ${fmt(ran / (total / 1000))} steps/s; a 10-step preview takes ${fmt(median, 2)} ms (median of ${times.length}), p95 ${fmt(p95, 2)} ms`);

  let ui = null;
  if (process.env.BENCH_UI === '0') console.log('\nBrowser figures skipped (BENCH_UI=0)');
  else {
    try {
      ui = await benchUi({ root, work, fmt, generatePods: (n) => hosts.generateCluster(n).pods });
    } catch (e) {
      console.log(`\nBrowser figures not measured: ${e?.message ?? e}`);
    }
  }

  let podsPage = null;
  if (process.env.BENCH_UI !== '0') {
    try {
      podsPage = await benchPods({ root, work, fmt });
    } catch (e) {
      console.log(`\nPods page figures not measured: ${e?.message ?? e}`);
    }
  }

  console.log('\nTargets');
  if (native) {
    for (const r of rows) {
      const ratio = r.studio / r.native;
      console.log(`  tagging ${r.label}: studio/native (compiled once) ${fmt(ratio, 2)} (target >= 0.33): ${ratio >= 1 / 3 ? 'met' : 'NOT met'}`);
    }
  } else console.log('  tagging vs native: not measured (native Lua missing)');
  console.log(`  10-step routing preview ${fmt(median, 2)} ms (target < 20 ms): ${median < 20 ? 'met' : 'NOT met'}`);
  if (ui?.latency?.routing) {
    const { p95 } = ui.latency.routing;
    console.log(`  keystroke to 10-step routing preview p95 ${fmt(p95, 1)} ms (target <= 150 ms, aim <= 50 ms): ${p95 <= 150 ? 'met' : 'NOT met'}`);
  }
  if (ui?.bytes) {
    const lists = ['/pods', '/rollouts'].filter((p) => ui.bytes[p]?.monaco);
    console.log(`  list pages load no Monaco: ${lists.length === 0 ? 'met' : `NOT met (${lists.join(', ')})`}`);
  }
  printPodTargets(podsPage, false);
}

function printPodTargets(pods, heading) {
  if (heading) console.log('\nTargets');
  const page = pods?.page;
  const line = (label, ms, target) =>
    console.log(`  pods page ${label} ${ms == null ? 'not available' : `${fmt(ms)} ms (target < ${fmt(target)} ms, ratio ${fmt(ms / target, 2)}): ${ms < target ? 'met' : 'NOT met'}`}`);
  line('time to first rows', page?.firstRowsMs, POD_TARGETS.firstRowsMs);
  line('time to all pods evaluated', page?.evaluatedMs, POD_TARGETS.evaluatedMs);
  if (page?.domRows != null) console.log(`  pods page virtualised (DOM rows far below the pod count): ${page.domRows < 1000 ? 'met' : 'NOT met'} (${fmt(page.domRows)} rows)`);
}
