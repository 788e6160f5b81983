'use client';
// The rollouts list's filters, read from and written to the URL (lib/rollouts/browser-list.ts decides the format).
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { parseRolloutsView, serialiseRolloutsView, type RolloutsViewState } from '@/lib/rollouts/browser-list';

export function useRolloutsView(): [RolloutsViewState, (patch: Partial<RolloutsViewState>) => void] {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = params.toString();
  const view = useMemo(() => parseRolloutsView(new URLSearchParams(query)), [query]);
  const update = useCallback(
    (patch: Partial<RolloutsViewState>) => {
      // the live URL: several updates may land before React re-renders with the new params
      const current = new URLSearchParams(window.location.search);
      const q = serialiseRolloutsView({ ...parseRolloutsView(current), ...patch }, current);
      router.replace(q ? `${pathname}?${q}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  return [view, update];
}
