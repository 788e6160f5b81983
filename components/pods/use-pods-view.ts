'use client';
// The pods page's view state, read from and written to the URL (lib/pods/filters.ts decides the format).
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseView, serialiseView, type PodsViewState } from '@/lib/pods/filters';

export function usePodsView(): [PodsViewState, (patch: Partial<PodsViewState>, mode?: 'push' | 'replace') => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = params.toString();
  const view = useMemo(() => parseView(new URLSearchParams(query)), [query]);
  const update = useCallback(
    (patch: Partial<PodsViewState>, mode: 'push' | 'replace' = 'replace') => {
      // read the live URL: several updates may land before React re-renders with the new params
      const current = new URLSearchParams(window.location.search);
      const q = serialiseView({ ...parseView(current), ...patch }, current);
      const href = q ? `${pathname}?${q}` : pathname;
      if (mode === 'push') router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    },
    [router, pathname],
  );
  return [view, update];
}
