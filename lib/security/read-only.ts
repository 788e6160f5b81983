import 'server-only';
import { msg, type Msg } from '@/lib/i18n/message';
// STUDIO_READ_ONLY=1: every write is refused on the server, whatever the UI shows (issue #9 §3).
// Read per call from the live environment (a bundler may inline `process.env.NAME` at build time).
export const READ_ONLY_MESSAGE = 'The studio is read-only (STUDIO_READ_ONLY=1): no change was made.';
/** READ_ONLY_MESSAGE in the reader's language (read-only.test.ts keeps the two equal). */
export const READ_ONLY_MSG: Msg = msg('shell.readOnly.refused');

export function isReadOnly(env: Record<string, string | undefined> = process.env): boolean {
  const v = (env['STUDIO_READ_ONLY'] ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false' && v !== 'no';
}

/** null when writes are allowed, else the message to return to the UI. */
export function readOnlyRefusal(env: Record<string, string | undefined> = process.env): string | null {
  return isReadOnly(env) ? READ_ONLY_MESSAGE : null;
}
