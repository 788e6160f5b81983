// Failures the browser states itself (the server never answered, no context to ask), in English
// beside their descriptors. The English is literal here, not read from the catalogue, so the browser
// bundle does not carry every catalogue; client-failures.test.ts checks the two say the same.
import { msg, type Msg } from '@/lib/i18n/message';

export type Failure = { error: string; messages: Msg[] };

/** A server action that threw before answering (network, a redeploy). */
export function notAsked(e: unknown): Failure {
  const error = (e as Error).message;
  return { error: `The server could not be asked: ${error}`, messages: [msg('rollouts.refusal.notAsked', { error })] };
}

export function noContext(): Failure {
  return { error: 'No cluster context is selected.', messages: [msg('rollouts.refusal.noContext')] };
}

export function permissionsUnchecked(e: unknown): Failure {
  const error = (e as Error).message;
  return { error: `Permissions could not be checked: ${error}`, messages: [msg('rollouts.refusal.permissionsUnchecked', { error })] };
}
