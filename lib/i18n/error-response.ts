import 'server-only';
// A route's failure answer: the English for logs and API clients, and the descriptor the studio's
// own pages render in the reader's language (lib/i18n/answer-error.ts reads both).
import { textAndMsg } from './english';
import type { MessageValues } from './message';

export function errorResponse(key: string, values: MessageValues, init: ResponseInit): Response {
  const { text, msg } = textAndMsg(key, values);
  return Response.json({ error: text, errorMsg: msg }, init);
}
