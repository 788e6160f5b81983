'use server';
// Rollout actions (issue #8, contract C → C2). Thin: zod validates identifiers, the services in
// lib/rollouts/server-*.ts recompute everything from the cluster (Lua in the worker thread), check
// permission and preconditions, then write. The browser sends only identifiers, a step number,
// the resourceVersions it confirmed, the override flag and (to save) the script source.
import { cookies } from 'next/headers';
import { z } from 'zod';
import { actionScope } from '@/lib/auth/action-scope';
import { currentContext } from '@/lib/k8s/request-context';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';
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
import * as approve from '@/lib/rollouts/server-approve';
import { computeApplyPlan, computeRestorePlan } from '@/lib/rollouts/server-gateway-plan';
import { writePlan } from '@/lib/rollouts/server-gateway-write';
import { rolloutPermissions } from '@/lib/rollouts/server-permissions';
import { guard, refusal } from '@/lib/rollouts/server-result';
import { textAndMsg } from '@/lib/i18n/english';
import * as script from '@/lib/rollouts/server-script';

// Kubernetes name rules: DNS-1123 label (namespaces) and subdomain (object names).
const namespace = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'Invalid namespace.').max(63);
const name = z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'Invalid Rollout name.').max(253);
const rv = z.string().min(1).max(64);
const rolloutId = z.object({ namespace, name });
const expected = z.record(z.string().max(400), rv.nullable());
const step = z.number().int().min(1).max(50);
const scriptRef = { apiVersion: z.string().min(1).max(253), kind: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'Invalid kind.').max(63) };
const MAX_SOURCE = 512 * 1024; // a ConfigMap holds 1 MiB in all
const source = z.string().max(MAX_SOURCE, `The Lua source is larger than ${MAX_SOURCE / 1024} KiB.`);

async function run<S extends z.ZodType, T extends object>(kind: 'read' | 'write', schema: S, input: unknown, fn: (context: string, data: z.infer<S>) => Promise<T>): Promise<Result<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid input' };
  return actionScope(kind, () =>
    guard(async () => {
      const jar = await cookies();
      const { resolved } = currentContext(jar.get(CONTEXT_COOKIE)?.value);
      if (!resolved.name) throw refusal(resolved.problems[0] ? textAndMsg('rollouts.refusal.noContextWhy', { problem: resolved.problems[0].message }) : textAndMsg('rollouts.refusal.noContext'));
      return fn(resolved.name, parsed.data);
    }),
    { auditedWrite: true },
  );
}

export async function getRolloutPermissions(input: RolloutId): Promise<Result<{ permissions: RolloutPermissions }>> {
  return run('read', rolloutId, input, (ctx, d) => rolloutPermissions(ctx, d.namespace, d.name));
}

export async function planApplyStep(input: ApplyStepInput): Promise<Result<PlanResult>> {
  return run('read', rolloutId.extend({ step }), input, async (ctx, d) => ({ plan: (await computeApplyPlan(ctx, d.namespace, d.name, d.step)).plan }));
}

export async function applyStep(input: ApplyStepWrite): Promise<Result<WriteResult>> {
  return run('write', rolloutId.extend({ step, expected, override: z.boolean() }), input, async (ctx, d) =>
    writePlan(ctx, await computeApplyPlan(ctx, d.namespace, d.name, d.step), 'applyStep', d.expected, d.override),
  );
}

export async function planRestore(input: RolloutId): Promise<Result<PlanResult>> {
  return run('read', rolloutId, input, async (ctx, d) => ({ plan: (await computeRestorePlan(ctx, d.namespace, d.name)).plan }));
}

export async function restoreOriginal(input: RestoreWrite): Promise<Result<WriteResult>> {
  return run('write', rolloutId.extend({ expected, override: z.boolean() }), input, async (ctx, d) =>
    writePlan(ctx, await computeRestorePlan(ctx, d.namespace, d.name), 'restore', d.expected, d.override),
  );
}

export async function planApprove(input: RolloutId): Promise<Result<ApprovePlan>> {
  return run('read', rolloutId, input, (ctx, d) => approve.planApprove(ctx, d.namespace, d.name));
}

export async function approveStep(input: ApproveInput): Promise<Result<ApproveResult>> {
  return run('write', rolloutId.extend({ resourceVersion: rv }), input, (ctx, d) => approve.approveStep(ctx, d.namespace, d.name, d.resourceVersion));
}

export async function planSaveScript(input: SaveScriptInput): Promise<Result<SaveScriptPlan>> {
  return run('read', z.object({ ...scriptRef, source }), input, (ctx, d) => script.planSaveScript(ctx, d, d.source));
}

export async function saveScript(input: SaveScriptWrite): Promise<Result<SaveScriptResult>> {
  return run('write', z.object({ ...scriptRef, source, expectedResourceVersion: rv.nullable() }), input, (ctx, d) => script.saveScript(ctx, d, d.source, d.expectedResourceVersion));
}
