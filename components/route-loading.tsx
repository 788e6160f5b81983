import { SkeletonTable } from './list-states';

/** Shared body of every `loading.tsx`: a heading-shaped bar and a table skeleton, announced politely. */
export function RouteLoading({ what }: { what: string }) {
  return (
    <div className="flex flex-col gap-3">
      <div aria-hidden="true" className="skeleton h-5 w-40" />
      <SkeletonTable label={`Loading ${what}…`} />
    </div>
  );
}
