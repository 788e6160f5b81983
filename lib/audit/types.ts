// One audit entry per write attempt (issue #9 §3). Plain JSON: the /audit page reads it as is.
export interface AuditEntry {
  id: string;
  /** ISO time the attempt finished */
  time: string;
  user: string;
  groups: string[];
  /** e.g. "rollout.applyStep", "rollout.restore", "rollout.approve", "rollout.saveScript", "plugin.save" */
  action: string;
  context: string;
  target: { apiVersion: string; kind: string; namespace?: string; name: string };
  resourceVersionBefore: string | null;
  resourceVersionAfter: string | null;
  /** unified diff of what the write changes (empty when nothing would change) */
  diff: string;
  result: 'ok' | 'error' | 'refused';
  error?: string;
}
