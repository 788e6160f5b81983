import { getTranslations } from 'next-intl/server';
import { SkeletonTable } from './list-states';
import type { RouteSection } from './route-sections';

/** Shared body of every `loading.tsx`: a heading-shaped bar and a table skeleton, announced politely. */
export async function RouteLoading({ what }: { what: RouteSection }) {
  const t = await getTranslations('common.routeLoading');
  return (
    <div className="flex flex-col gap-3">
      <div aria-hidden="true" className="skeleton h-5 w-40" />
      <SkeletonTable label={t(what)} />
    </div>
  );
}
