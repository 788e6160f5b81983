import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from '@playwright/test';
import type { RunnerRequestBody, RunnerResult } from '../../lib/runner/protocol';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let bundle: Promise<string> | null = null;

/** The real browser client (lib/runner/browser-client.ts), bundled as-is for the page: no test hook in production code. */
function clientBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(root, 'lib/runner/browser-client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__e2eLuaRunner',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

/**
 * Drives the app's Lua Web Worker through the same client the hook uses: one BrowserRunner (one
 * Worker from /workers/lua-worker.js) per page.
 */
export class LuaRunnerPO {
  constructor(private readonly page: Page) {}

  /** Call after page.goto (any studio page: the worker and /api/kube are same-origin). */
  async attach(): Promise<void> {
    await this.page.addScriptTag({ content: await clientBundle() });
    await this.page.evaluate(() => {
      const w = window as unknown as { __e2eLuaRunner: { createBrowserRunner(): unknown }; __e2eRunner?: unknown };
      w.__e2eRunner = w.__e2eLuaRunner.createBrowserRunner();
    });
  }

  run(request: RunnerRequestBody, timeoutMs = 10_000): Promise<RunnerResult> {
    return this.page.evaluate(
      ([req, ms]) => (window as unknown as { __e2eRunner: { run(r: unknown, o: { timeoutMs: number }): Promise<RunnerResult> } }).__e2eRunner.run(req, { timeoutMs: ms }),
      [request, timeoutMs] as const,
    );
  }
}
