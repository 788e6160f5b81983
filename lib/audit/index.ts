import 'server-only';
// The audit's server API for write paths: record an attempt (issue #9 §3).
export { recordWrite } from './recorder';
export { auditAttempt, recordFailure, recordRefusal, refuseReadOnly, type AuditBase } from './attempt';
