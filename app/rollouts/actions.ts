'use server';
// Rollout actions (issue #8, contract C → C2). Thin: zod validates identifiers, the services in
// lib/rollouts/server-*.ts recompute everything on the server and write. Nothing is thrown to the UI.
import type {
  ApplyStepInput,
  ApplyStepWrite,
  ApproveInput,
  ApprovePlan,
  ApproveResult,
  PlanResult,
  RestoreWrite,
  Result,
  RolloutId,
  RolloutPermissions,
  SaveScriptInput,
  SaveScriptPlan,
  SaveScriptResult,
  SaveScriptWrite,
  WriteResult,
} from '@/lib/rollouts/action-types';

const notYet = { ok: false as const, error: 'not yet' };

export async function getRolloutPermissions(input: RolloutId): Promise<Result<{ permissions: RolloutPermissions }>> {
  void input;
  return notYet;
}

export async function planApplyStep(input: ApplyStepInput): Promise<Result<PlanResult>> {
  void input;
  return notYet;
}

export async function applyStep(input: ApplyStepWrite): Promise<Result<WriteResult>> {
  void input;
  return notYet;
}

export async function planRestore(input: RolloutId): Promise<Result<PlanResult>> {
  void input;
  return notYet;
}

export async function restoreOriginal(input: RestoreWrite): Promise<Result<WriteResult>> {
  void input;
  return notYet;
}

export async function planApprove(input: RolloutId): Promise<Result<ApprovePlan>> {
  void input;
  return notYet;
}

export async function approveStep(input: ApproveInput): Promise<Result<ApproveResult>> {
  void input;
  return notYet;
}

export async function planSaveScript(input: SaveScriptInput): Promise<Result<SaveScriptPlan>> {
  void input;
  return notYet;
}

export async function saveScript(input: SaveScriptWrite): Promise<Result<SaveScriptResult>> {
  void input;
  return notYet;
}
