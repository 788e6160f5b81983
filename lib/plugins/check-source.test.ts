import { createTranslator } from 'next-intl';
import { afterAll, describe, expect, it } from 'vitest';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import { closeThreadRunner } from '@/lib/runner/node-client';
import { checkPluginSource } from './check-source';

const en = createTranslator({ locale: 'en', messages: CATALOGUES.en });
const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
const text = (m: Msg, t: typeof en) => (t as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);

// Runs in the real worker thread (dist/lua-worker.mjs, built by scripts/build-engine.mjs).
afterAll(() => closeThreadRunner());

describe('checkPluginSource (server recompute before a save)', () => {
  it('accepts a plugin in the documented pattern without warnings', async () => {
    expect(await checkPluginSource('ok', 'function GetWorkloadTypeAndName(m) return "", "" end')).toEqual({ ok: true, warnings: [] });
  });

  it("refuses a syntax error with the engine's message and line", async () => {
    const r = await checkPluginSource('bad', 'x = 1\nlocal = 2\n');
    expect(r).toMatchObject({ ok: false, line: 2 });
    expect(!r.ok && r.error).toMatch(/^Plugin "bad" was not saved: it fails to load \(line 2\): lua script loading error: \(<string>:2: /);
    // for the UI: the explanation as a message, gopher-lua's words verbatim beside it
    expect(!r.ok && r.message).toEqual({ key: 'plugins.store.loadFailed', values: { name: 'bad', line: 2, quote: expect.stringMatching(/^lua script loading error: \(<string>:2: /) } });
  });

  it('refuses a top-level error and a top-level endless loop', async () => {
    const boom = await checkPluginSource('boom', 'x = 1\nerror("boom")');
    expect(!boom.ok && boom.error).toContain('(line 2): lua script loading error: (<string>:2: boom)');
    const loop = await checkPluginSource('loop', 'while true do end');
    expect(loop.ok).toBe(false);
    expect(!loop.ok && loop.error).toMatch(/budget exceeded.*DeepFlow has no limit/);
  });

  it('warns (does not refuse) when the global hook is missing or local', async () => {
    const none = await checkPluginSource('none', 'x = 1');
    expect(none.ok && none.warnings).toEqual([expect.stringContaining('does not define a global `GetWorkloadTypeAndName')]);
    const local = await checkPluginSource('local', 'local function GetWorkloadTypeAndName(m) return "a", "b" end');
    expect(local.ok && local.warnings).toEqual([expect.stringContaining('`GetWorkloadTypeAndName` is local')]);
  });

  it('gives each hook warning a note that renders to it in English and says it in Chinese', async () => {
    for (const [source, key] of [['x = 1', 'plugins.sync.hookMissing'], ['\nlocal function GetWorkloadTypeAndName(m) return "a", "b" end', 'plugins.sync.hookLocal']]) {
      const r = await checkPluginSource('p', source);
      if (!r.ok) throw new Error(r.error);
      expect(r.notes?.map((n) => n.key)).toEqual([key]);
      expect(r.notes!.map((n) => text(n, en))).toEqual(r.warnings);
      const chinese = text(r.notes![0], zh);
      expect(chinese).toMatch(/^第 \d 行：/);
      expect(chinese).not.toContain(r.warnings[0].replace(/^Line \d+: /, ''));
    }
  });
});
