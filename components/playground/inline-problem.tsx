'use client';
import type { InputProblem } from '@/lib/playground/input';

/** An input that cannot be used: what is wrong and on which line; the last good preview stays. */
export function InlineProblem({ problem, what }: { problem: InputProblem; what: string }) {
  return (
    <div role="alert" className="rounded-md border border-danger/50 bg-danger-soft px-3 py-2 text-[12px]">
      <p className="font-semibold text-danger">
        {what}
        {problem.line !== undefined ? `, line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ''}` : ''}
      </p>
      <p className="mt-0.5 text-fg">{problem.message}</p>
      <p className="mt-0.5 text-muted">The last good preview is kept below, marked stale.</p>
    </div>
  );
}
