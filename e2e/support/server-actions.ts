// Calls a server action the way the browser does (POST with the `Next-Action` id, arguments as JSON,
// same Origin), so a spec can drive the write path without depending on a particular page's layout.
// The id comes from the build's server-reference manifest (actions used by client components).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../failure-env';

interface Manifest {
  node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
}

/** The action's id and a page that uses it (actions are posted to such a page, like the browser does). */
export function actionTarget(filename: string, exportedName: string): { id: string; path: string } {
  const file = path.join(ROOT, '.next', 'server', 'server-reference-manifest.json');
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  const hit = Object.entries(m.node).find(([, v]) => v.filename === filename && v.exportedName === exportedName);
  if (!hit) throw new Error(`server action ${exportedName} of ${filename} is not in ${file} (is it used by a client component?)`);
  const page = Object.keys(hit[1].workers).find((w) => /^app\/.*page$/.test(w) && !w.includes('['));
  if (!page) throw new Error(`server action ${exportedName} is used by no page without parameters`);
  return { id: hit[0], path: page.replace(/^app/, '').replace(/\/page$/, '') || '/' };
}

/** The action's return value, decoded from the RSC flight response (`1:<json>` row). */
export async function callAction<T>(baseURL: string, filename: string, exportedName: string, ...args: unknown[]): Promise<T> {
  const target = actionTarget(filename, exportedName);
  const r = await fetch(`${baseURL}${target.path}`, {
    method: 'POST',
    headers: { 'Next-Action': target.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: baseURL },
    body: JSON.stringify(args),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${exportedName} answered HTTP ${r.status}: ${text.slice(0, 300)}`);
  const row = text.split('\n').find((l) => l.startsWith('1:'));
  if (!row) throw new Error(`${exportedName}: no result row in ${text.slice(0, 300)}`);
  return unescapeFlight(JSON.parse(row.slice(2))) as T;
}

// React's flight format escapes strings that start with `$` as `$$`.
function unescapeFlight(v: unknown): unknown {
  if (typeof v === 'string') return v.startsWith('$$') ? v.slice(1) : v;
  if (Array.isArray(v)) return v.map(unescapeFlight);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unescapeFlight(x)]));
  return v;
}
