// Calls a server action the way a forged client would: its Next-Action id (from the build's server
// reference manifest), JSON arguments, from the studio's own origin, with the browser's cookies.
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { ROOT } from '../failure-env';

interface Manifest {
  node: Record<string, { filename?: string; exportedName?: string }>;
}

export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as Manifest;
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!hit) throw new Error(`no server action ${exportedName} in ${file} in the build`);
  return hit[0];
}

/** The raw RSC answer (the action's result is JSON inside it) and the status. */
export async function callServerAction(request: APIRequestContext, baseURL: string, page: string, file: string, exportedName: string, args: unknown[]): Promise<{ status: number; body: string }> {
  const res = await request.post(`${baseURL}${page}`, {
    headers: { 'Next-Action': serverActionId(file, exportedName), Origin: baseURL, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
    data: JSON.stringify(args),
  });
  return { status: res.status(), body: await res.text() };
}
