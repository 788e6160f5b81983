'use client';
import { namespaceExistence, type NamespaceExistence } from '@/lib/k8s/namespace-existence';
import { kindByKey } from '@/lib/k8s/kinds';
import { useKubeList } from '@/lib/k8s/hooks';

/** 'missing' once the live namespaces list lacks `namespace`; 'unknown' while loading or when forbidden. */
export function useNamespaceExists(namespace: string | undefined): NamespaceExistence {
  // The header's namespace filter watches the same list, so this shares its stream.
  const list = useKubeList(kindByKey('namespaces')!.key);
  return namespaceExistence(namespace, list);
}
