import type { ReactNode } from 'react';

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-4">
      <h1 className="text-lg font-semibold">{title}</h1>
      {children ? <p className="mt-0.5 max-w-3xl text-muted">{children}</p> : null}
    </div>
  );
}
