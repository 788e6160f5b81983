// A user-facing sentence decided in `lib/` (a classification reason, a refusal) travels as a key
// and its values, plain JSON, and is rendered in the reader's language by the component. Keys are
// full paths into the catalogues ("pods.reason.noOwner"); catalogues.test.ts checks they exist.
export type MessageValues = Record<string, string | number>;
export type Msg = { key: string; values?: MessageValues };

export function msg(key: string, values?: MessageValues): Msg {
  return values ? { key, values } : { key };
}

/**
 * An Error whose text the studio wrote: `message` is the English (logs, tests), `msg` renders it in
 * the reader's language. Thrown in react-query fetchers so an error state is shown translated.
 */
export class MsgError extends Error {
  constructor(
    message: string,
    readonly msg?: Msg,
  ) {
    super(message);
    this.name = 'MsgError';
  }
}
