'use client';
// Stub of the rollout action components (issue #8 contract): the detail page places them; the
// actions helper replaces this file with the real dialogs and server-action calls.
import type { ReactNode } from 'react';

function Pending({ label }: { label: string }) {
  return (
    <button type="button" aria-disabled="true" className="rounded border border-border px-2 py-1 text-sm text-muted" title="Not available yet">
      {label}
    </button>
  );
}

export function RolloutActionsProvider(props: { namespace: string; name: string; children: ReactNode }) {
  return <>{props.children}</>;
}

export function ApplyStepButton(props: { step: number }) {
  return <Pending label={`Apply step ${props.step}`} />;
}

export function RestoreOriginalButton() {
  return <Pending label="Restore original" />;
}

export function ApproveButton(props: { paused: boolean }) {
  void props.paused;
  return <Pending label="Approve" />;
}

export function SaveScriptButton(props: { scriptRef: { apiVersion: string; kind: string }; source: string; onSaved?: () => void }) {
  void props;
  return <Pending label="Save script" />;
}
