// Whether the namespace in `?ns=` exists, from the live namespaces list. Pure, so the rule is tested
// once: only a list the cluster actually delivered can say "missing"; while it loads, or when
// namespaces may not be listed (RBAC), nobody knows.
import type { ListStateName } from './types';

export type NamespaceExistence = 'exists' | 'missing' | 'unknown';

export function namespaceExistence(namespace: string | undefined, list: { state: ListStateName; items: readonly { metadata: { name?: string } }[] }): NamespaceExistence {
  if (!namespace) return 'exists';
  if (list.state !== 'live' && list.state !== 'reconnecting') return 'unknown';
  return list.items.some((n) => n.metadata.name === namespace) ? 'exists' : 'missing';
}
