// What the UI says in read-only mode (STUDIO_READ_ONLY=1); plain text, shared by server and browser.
export const READ_ONLY_NOTICE = 'The studio is read-only (STUDIO_READ_ONLY=1)';
export const READ_ONLY_REASON = `${READ_ONLY_NOTICE}: every change is refused on the server.`;

/** GET /api/studio: how this studio runs, for the browser. */
export interface StudioInfo {
  readOnly: boolean;
}
