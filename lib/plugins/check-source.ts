import 'server-only';
// The server's own look at a plugin before it is written (it never trusts the browser's preview):
// the source is loaded in the Node worker thread, as DeepFlow's gather loop would load it, within a
// budget, and the DeepFlow lint says whether the global hook exists. Load failures refuse the save;
// hook problems are warnings (the plugin may rely on an earlier plugin's function, §3.2).
import { runInThread } from '@/lib/runner/node-client';
import type { LintIssue } from '@/lib/lua/lint';
import { msg, type Msg } from '@/lib/i18n/message';

/** In-engine budget for loading one plugin, and the hard stop of the worker behind it. */
const BUDGET_MS = 1_000;
const HARD_STOP_MS = 5_000;

// A synthetic pod: enough metadata for the chain to load the plugin and call its hook once.
const PROBE_POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kls-save-check', namespace: 'default', uid: '00000000-0000-0000-0000-000000000000', labels: {} }, spec: {}, status: {} };

/** `notes`: the warnings as messages for the UI, one per warning (the lint's own words inside). */
export type SourceCheck = { ok: true; warnings: string[]; notes?: Msg[] } | { ok: false; error: string; message?: Msg; line: number | null };

function lineOf(message: string): number | null {
  const m = /<string>:(\d+):/.exec(message) ?? /line:(\d+)/.exec(message);
  return m ? Number(m[1]) : null;
}

// A descriptor's values cannot hold another descriptor, so each hook sentence has a note of its own
// (the same words as the lint's, with the line); `hook` keeps the English of a sentence not listed.
function hookNote(i: LintIssue): Msg {
  if (i.msg?.key === 'lint.hookLocal') return msg('plugins.sync.hookLocal', { line: i.line });
  if (i.msg?.key === 'lint.hookMissing') return msg('plugins.sync.hookMissing', { line: i.line });
  return msg('plugins.sync.hook', { line: i.line, message: i.message });
}

export async function checkPluginSource(name: string, source: string): Promise<SourceCheck> {
  const tag = await runInThread({ type: 'tag', input: { pods: [PROBE_POD], plugins: [{ name, source }], budget: { ms: BUDGET_MS } } }, { timeoutMs: HARD_STOP_MS });
  if (!tag.ok) {
    if (tag.error.kind === 'timeout') {
      const seconds = HARD_STOP_MS / 1000;
      return { ok: false, error: `Plugin "${name}" was not saved: loading it did not finish within ${seconds} s and was stopped.`, message: msg('plugins.store.loadTimeout', { name, seconds }), line: null };
    }
    return { ok: false, error: `Plugin "${name}" was not saved: ${tag.error.message}.`, message: msg('plugins.store.checkFailed', { name, quote: tag.error.message }), line: null };
  }
  if (tag.type !== 'tag') return { ok: false, error: 'The Lua worker answered another request.', line: null };
  const result = tag.output.pods[0]?.plugin;
  const loadError = result?.error?.startsWith('lua script loading error') ? result.error : null;
  if (loadError) {
    const line = lineOf(loadError);
    // gopher-lua's words stay verbatim (`quote`), after the explanation in the reader's language
    return { ok: false, error: `Plugin "${name}" was not saved: it fails to load${line ? ` (line ${line})` : ''}: ${loadError}`, message: msg('plugins.store.loadFailed', { name, line: line ?? 'none', quote: loadError }), line };
  }
  const warnings: string[] = [];
  const notes: Msg[] = [];
  const lint = await runInThread({ type: 'lint', input: { source, dialect: 'deepflow' } }, { timeoutMs: HARD_STOP_MS });
  if (lint.ok && lint.type === 'lint') {
    for (const i of lint.output as LintIssue[]) if (i.rule === 'deepflow/hook') {
      warnings.push(`Line ${i.line}: ${i.message}`);
      notes.push(hookNote(i));
    }
  }
  return notes.length ? { ok: true, warnings, notes } : { ok: true, warnings };
}
