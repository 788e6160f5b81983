import type { ReactNode } from 'react';

/**
 * A page's heading, its description and its primary actions. Heading and actions wrap onto
 * separate lines when the window is narrow (768 px) instead of clipping either.
 */
export function PageHeader({ title, children, actions }: { title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-4">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h1 className="min-w-0 break-words text-lg font-semibold">{title}</h1>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children ? <p className="mt-0.5 max-w-3xl text-muted">{children}</p> : null}
    </div>
  );
}
