// The agent config as users paste it (deepflow-tagging.md §9): the full agent YAML
// (`inputs.resources.kubernetes.api_resources`), the legacy `static_config.kubernetes-resources`, or
// a bare list. Refusals carry the line of the offending node so editors can mark it.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { newWarnings, pushWarning, type Warnings } from '@/lib/i18n/warnings';
import { msg, type Msg } from '@/lib/i18n/message';
import { mergeApiResources, type ApiResourceEntry } from './api-resources';

export type AgentConfigResult =
  | ({ ok: true; entries: ApiResourceEntry[] } & Warnings)
  | { ok: false; error: AgentConfigError };

/** `message` in English (logs, tests); `msg` for the page, absent for DeepFlow's own words (quoted). */
export type AgentConfigError = { line: number | null; message: string; msg?: Msg };

const PATH = ['inputs', 'resources', 'kubernetes', 'api_resources'];
const LEGACY_PATH = ['static_config', 'kubernetes-resources'];
const STRING_KEYS = ['name', 'group', 'version', 'field_selector'] as const;

class ConfigError extends Error {
  constructor(readonly line: number | null, message: string, readonly msg: Msg) {
    super(message);
  }
}

function entryOf(item: unknown, lineOf: (n: unknown) => number | null, legacy: boolean, warnings: Warnings): ApiResourceEntry {
  const line = lineOf(item);
  if (!isMap(item)) throw new ConfigError(line, 'each api_resources entry must be a mapping with a name', msg('settings.deepflow.config.notMapping'));
  const entry: ApiResourceEntry = { name: '' };
  let hasName = false;
  for (const pair of item.items) {
    const rawKey = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const key = legacy && rawKey === 'field-selector' ? 'field_selector' : rawKey;
    const value = isScalar(pair.value) ? pair.value.value : pair.value === null ? null : pair.value;
    const at = lineOf(pair.value) ?? lineOf(pair.key) ?? line;
    if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (value === null || value === undefined) continue;
      if (typeof value !== 'string') throw new ConfigError(at, `${rawKey} must be a string`, msg('settings.deepflow.config.notString', { key: rawKey }));
      entry[key as (typeof STRING_KEYS)[number]] = value;
      if (key === 'name') hasName = value !== '';
    } else if (key === 'disabled') {
      if (value === null || value === undefined) continue;
      if (typeof value !== 'boolean') throw new ConfigError(at, 'disabled must be true or false', msg('settings.deepflow.config.notBoolean'));
      entry.disabled = value;
    } else {
      const at = String(lineOf(pair.key) ?? line);
      pushWarning(warnings, `line ${at}: unknown key ${rawKey} in an api_resources entry (ignored)`, msg('settings.deepflow.unknownKey', { line: at, key: rawKey }));
    }
  }
  if (!hasName) throw new ConfigError(line, 'api_resources entry without name', msg('settings.deepflow.config.noName'));
  return entry;
}

export function parseAgentConfig(yamlText: string): AgentConfigResult {
  if (yamlText.trim() === '') return { ok: true, entries: [], ...newWarnings() };
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  const lineAt = (offset: number) => counter.linePos(offset).line;
  const lineOf = (n: unknown): number | null => {
    const range = (n as Node | null)?.range;
    return Array.isArray(range) ? lineAt(range[0]) : null;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    // the yaml library's words stay verbatim inside the studio's sentence
    const error = e.message.split('\n')[0];
    return { ok: false, error: { line: lineAt(e.pos[0]), message: `YAML syntax error: ${error}`, msg: msg('settings.deepflow.config.yamlSyntax', { error }) } };
  }
  const warnings = newWarnings();
  for (const w of doc.warnings) {
    // the yaml library's words stay verbatim inside the studio's sentence
    const line = lineAt(w.pos[0]);
    const warning = w.message.split('\n')[0];
    pushWarning(warnings, `line ${line}: ${warning}`, msg('settings.deepflow.yamlWarning', { line, warning }));
  }
  try {
    const root = doc.contents;
    let list: unknown = root;
    let legacy = false;
    if (root === null || (isScalar(root) && root.value === null)) return { ok: true, entries: [], ...warnings };
    if (isMap(root)) {
      legacy = !doc.hasIn(PATH) && doc.hasIn(LEGACY_PATH);
      const path = legacy ? LEGACY_PATH : PATH;
      for (let i = 1; i < path.length; i++) {
        const parent = doc.getIn(path.slice(0, i), true);
        if (parent !== undefined && parent !== null && !isMap(parent) && !(isScalar(parent) && parent.value === null)) {
          const at = path.slice(0, i).join('.');
          throw new ConfigError(lineOf(parent), `${at} must be a mapping`, msg('settings.deepflow.config.parentNotMapping', { path: at }));
        }
      }
      list = doc.getIn(path, true);
      if (list === undefined || list === null || (isScalar(list) && list.value === null)) return { ok: true, entries: [], ...warnings };
    } else if (!isSeq(root)) {
      throw new ConfigError(lineOf(root), 'expected the agent config (inputs.resources.kubernetes.api_resources) or a list of api_resources entries', msg('settings.deepflow.config.notAgentConfig'));
    }
    if (!isSeq(list)) throw new ConfigError(lineOf(list), 'api_resources must be a list', msg('settings.deepflow.config.notList'));
    const items = list.items;
    const entries = items.map((item) => entryOf(item, lineOf, legacy, warnings));
    const merged = mergeApiResources(entries);
    if (merged.skipped.length > 0) {
      const first = merged.skipped[0];
      return { ok: false, error: { line: lineOf(items[first.entry]), message: first.message } };
    }
    return { ok: true, entries, ...warnings };
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, error: { line: e.line, message: e.message, msg: e.msg } };
    throw e;
  }
}
