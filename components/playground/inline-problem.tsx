'use client';
import { useTranslations } from 'next-intl';
import type { InputProblem } from '@/lib/playground/input';
import { useMsg } from '@/components/use-msg';

/** An input that cannot be used: what is wrong and on which line; the last good preview stays. */
export function InlineProblem({ problem, what }: { problem: InputProblem; what: string }) {
  const t = useTranslations('playground.problem');
  const m = useMsg();
  return (
    <div role="alert" className="rounded-md border border-danger/50 bg-danger-soft px-3 py-2 text-[12px]">
      <p className="font-semibold text-danger">
        {problem.line === undefined ? what : problem.column === undefined ? t('at', { what, line: problem.line }) : t('atColumn', { what, line: problem.line, column: problem.column })}
      </p>
      <p className="mt-0.5 text-fg">{problem.msg ? m(problem.msg) : problem.message}</p>
      <p className="mt-0.5 text-muted">{t('kept')}</p>
    </div>
  );
}
