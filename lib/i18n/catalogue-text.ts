// English text and descriptor from ONE feature's catalogue. Modules that run in the browser or are
// imported nearly everywhere (the Kubernetes client, the playground parsers, the pod evaluator, the
// linter) read their own small catalogue rather than all of them (lib/i18n/english.ts).
import { fillIcu, messageAt } from './fill-icu';
import { msg, type MessageValues, type Msg } from './message';

export type TextAndMsg = { text: string; msg: Msg };

/** `(key, values)` for keys `<feature>.…`, whose English comes from `tree` (messages/en/<feature>.json). */
export function catalogueText<F extends string>(feature: F, tree: object): (key: `${F}.${string}`, values?: MessageValues) => TextAndMsg {
  return (key, values) => ({ text: fillIcu(messageAt(tree, key.slice(feature.length + 1)), values), msg: msg(key, values) });
}
