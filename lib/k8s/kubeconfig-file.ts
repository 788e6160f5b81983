import 'server-only';
// Loads one kubeconfig file through client-node (`KubeConfig.loadFromFile`, the same path kubectl users
// get), and when that fails turns the failure into a Problem naming the file and line.
import fs from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { LineCounter, parseDocument } from 'yaml';
import { msg } from '@/lib/i18n/message';
import type { Problem } from './types';

export type FileLoad = { ok: true; kc: KubeConfig | null } | { ok: false; problem: Problem };

const FIX_SYNTAX = 'Fix the YAML at that line (compare with `kubectl config view`), or point KUBECONFIG at another file; the studio reloads it on the next request.';
const FIX_SYNTAX_MSG = msg('shell.problem.syntaxFix');

export function loadKubeconfigFile(file: string): FileLoad {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const error = (err as Error).message;
    return {
      ok: false,
      problem: {
        source: 'kubeconfig',
        file,
        message: `Cannot read ${file}: ${error}`,
        messageMsg: msg('shell.problem.unreadable', { file, error }),
        fix: 'Check the path and its permissions, or remove it from KUBECONFIG.',
        fixMsg: msg('shell.problem.unreadableFix'),
      },
    };
  }
  // kubectl accepts an empty file as an empty config.
  if (!text.trim()) return { ok: true, kc: null };

  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    const location = `${file}${line ? `:${line}` : ''}`;
    const error = firstLine(e.message);
    return { ok: false, problem: { source: 'kubeconfig', file, line, message: `${location}: invalid YAML: ${error}`, messageMsg: msg('shell.problem.invalidYaml', { location, error }), fix: FIX_SYNTAX, fixMsg: FIX_SYNTAX_MSG } };
  }
  const root: unknown = doc.toJS();
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    const location = `${file}:1`;
    return {
      ok: false,
      problem: { source: 'kubeconfig', file, line: 1, message: `${location}: not a kubeconfig (expected a mapping with clusters, users and contexts)`, messageMsg: msg('shell.problem.notKubeconfig', { location }), fix: FIX_SYNTAX, fixMsg: FIX_SYNTAX_MSG },
    };
  }

  const kc = new KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    const mark = (err as { mark?: { line?: number } }).mark;
    const line = typeof mark?.line === 'number' ? mark.line + 1 : lineOfPath(doc, lines, message);
    const location = `${file}${line ? `:${line}` : ''}`;
    const error = firstLine(message);
    return {
      ok: false,
      problem: {
        source: 'kubeconfig',
        file,
        line,
        message: `${location}: ${error}`,
        messageMsg: msg('shell.problem.invalidEntry', { location, error }),
        fix: 'Complete or remove that entry (every cluster needs a server, every context a cluster and a user).',
        fixMsg: msg('shell.problem.invalidEntryFix'),
      },
    };
  }
  return { ok: true, kc };
}

/** The yaml library ends its first line with "at line N, column M:"; the file:line prefix already says it. */
function firstLine(s: string): string {
  return s.split('\n')[0].trim().replace(/\s*at line \d+, column \d+:?$/, '');
}

/** client-node reports entries as `clusters[1].cluster.server is missing`; find where that entry starts. */
function lineOfPath(doc: ReturnType<typeof parseDocument>, lines: LineCounter, message: string): number | undefined {
  const m = /(clusters|users|contexts)\[(\d+)\]((?:\.[\w-]+)*)/.exec(message);
  if (!m) return undefined;
  // The entry's own line (`- name: broken`) is what people recognise, even for a missing nested field.
  const node = doc.getIn([m[1], Number(m[2])], true) as { range?: [number, number, number] } | undefined;
  return node && typeof node === 'object' && node.range ? lines.linePos(node.range[0]).line : undefined;
}
