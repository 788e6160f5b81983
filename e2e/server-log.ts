import fs from 'node:fs';
import { expect } from '@playwright/test';

/** What a studio server started by e2e/support/start-logged.mjs has printed so far. */
export function serverLog(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Waits until the server's terminal output contains `text` (problems are printed once, at start). */
export async function expectServerLog(file: string, text: string | RegExp): Promise<void> {
  await expect.poll(() => serverLog(file), { message: `terminal output in ${file}`, timeout: 10_000 }).toMatch(text instanceof RegExp ? text : new RegExp(escapeRegExp(text)));
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
