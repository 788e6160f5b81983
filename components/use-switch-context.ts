'use client';
// Lives in components/ because it calls the root server action: lib/ never imports app/.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { switchContext } from '@/app/actions';
import type { SwitchContextResult } from '@/lib/k8s/types';

/** Switches the context (cookie via the server action), then resets every query so all views follow. */
export function useSwitchContext() {
  const queryClient = useQueryClient();
  return useMutation<SwitchContextResult, Error, string>({
    mutationFn: (context: string) => switchContext({ context }),
    onSuccess: async (result) => {
      if (!result.ok) return;
      queryClient.removeQueries({ queryKey: ['kube'] });
      await queryClient.resetQueries();
    },
  });
}
