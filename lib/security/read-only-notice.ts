// What the UI says in read-only mode (STUDIO_READ_ONLY=1). The English text stays for the server's
// own refusals and logs; components render the catalogue's `shell.readOnly.*` in the reader's language.
import { msg } from '@/lib/i18n/message';

export const READ_ONLY_NOTICE = 'The studio is read-only (STUDIO_READ_ONLY=1)';
export const READ_ONLY_REASON = `${READ_ONLY_NOTICE}: every change is refused on the server.`;
/** READ_ONLY_REASON as a message descriptor, for a decision in lib/ that a component shows (useMsg). */
export const READ_ONLY_REASON_MSG = msg('shell.readOnly.reason');

/** GET /api/studio: how this studio runs, for the browser. */
export interface StudioInfo {
  readOnly: boolean;
}
