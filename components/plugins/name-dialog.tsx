'use client';
// Asks for a plugin name (rename, duplicate), checked live by the same rule the server applies.
import { useId, useState } from 'react';
import { useMsg } from '@/components/use-msg';
import { Dialog, DialogButtons } from './dialog';
import { FailureText, type Shown } from './failure-text';
import { nameProblem } from './name-problem';

export function NameDialog({ open, title, label, initial, taken, confirmLabel, onConfirm, onCancel, busy, error, children }: {
  open: boolean;
  title: string;
  label: string;
  initial: string;
  /** Names already in the store (the current name of a renamed plugin excluded). */
  taken: readonly string[];
  confirmLabel: string;
  onConfirm: (name: string) => void;
  onCancel: () => void;
  busy?: boolean;
  error?: Shown | null;
  children?: React.ReactNode;
}) {
  return (
    <Dialog open={open} title={title} onCancel={onCancel}>
      {/* keyed by `initial` so each opening starts from the suggested name */}
      <NameForm key={initial} label={label} initial={initial} taken={taken} confirmLabel={confirmLabel} onConfirm={onConfirm} onCancel={onCancel} busy={busy} error={error}>
        {children}
      </NameForm>
    </Dialog>
  );
}

function NameForm({ label, initial, taken, confirmLabel, onConfirm, onCancel, busy, error, children }: {
  label: string;
  initial: string;
  taken: readonly string[];
  confirmLabel: string;
  onConfirm: (name: string) => void;
  onCancel: () => void;
  busy?: boolean;
  error?: Shown | null;
  children?: React.ReactNode;
}) {
  const id = useId();
  const [name, setName] = useState(initial);
  const m = useMsg();
  const problem = nameProblem(name, taken);
  return (
    <form className="flex flex-col gap-2" onSubmit={(e) => { e.preventDefault(); if (!problem) onConfirm(name); }}>
      {children ? <div className="text-muted">{children}</div> : null}
      <label htmlFor={id} className="font-medium">{label}</label>
      <input
        id={id}
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        className="rounded border border-line-strong bg-surface px-2 py-1 font-mono"
      />
      {problem ? <p id={`${id}-problem`} className="text-[12px] text-danger">{m(problem)}</p> : null}
      {error ? <p role="alert" className="whitespace-pre-wrap text-danger"><FailureText shown={error} /></p> : null}
      <DialogButtons confirmLabel={confirmLabel} onConfirm={() => { if (!problem) onConfirm(name); }} onCancel={onCancel} busy={busy} disabled={!!problem} />
    </form>
  );
}
