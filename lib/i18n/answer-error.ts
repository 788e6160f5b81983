// What a failed GET of the studio's own API becomes in the browser: the route's words when it gave
// them (with their descriptor), else the status, said once for every fetcher.
import { msg, MsgError, type Msg } from './message';

export type ErrorBody = { error?: string; errorMsg?: Msg } | null;

export function answerError(url: string, status: number, body: ErrorBody): MsgError {
  if (body?.error) return new MsgError(body.error, body.errorMsg);
  return new MsgError(`GET ${url} answered ${status}`, msg('common.apiError.answered', { url, status: String(status) }));
}

export function notJsonError(url: string): MsgError {
  return new MsgError(`GET ${url} did not answer JSON`, msg('common.apiError.notJson', { url }));
}
