'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

export const NAMESPACE_PARAM = 'ns';

/**
 * The namespace filter lives in the URL (`?ns=`) so a view survives reloads and can be shared;
 * `undefined` means all namespaces.
 */
export function useNamespace(): [string | undefined, (ns: string | undefined) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const ns = params.get(NAMESPACE_PARAM) || undefined;
  const setNs = useCallback(
    (next: string | undefined) => {
      const p = new URLSearchParams(params.toString());
      if (next) p.set(NAMESPACE_PARAM, next);
      else p.delete(NAMESPACE_PARAM);
      const q = p.toString();
      router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
    },
    [params, router, pathname],
  );
  return [ns, setNs];
}

/** Carries the namespace filter across navigation so switching pages keeps the same scope. */
export function withNamespace(href: string, ns: string | undefined): string {
  return ns ? `${href}?${NAMESPACE_PARAM}=${encodeURIComponent(ns)}` : href;
}
