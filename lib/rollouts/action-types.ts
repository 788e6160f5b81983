// The JSON contract between the Rollout server actions (app/rollouts/actions.ts) and the browser
// (components/rollouts/actions). Plain data only: importable by client and server code alike.
import type { PlanWarningMsg } from './plan-warnings';
import type { Msg } from '@/lib/i18n/message';

export type Result<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string; /** `error` in the reader's language, sentence by sentence */ messages?: Msg[] };

export interface Permission {
  allowed: boolean;
  /** Why not (or why unknown), in words: "You may not update virtualservices.networking.istio.io in shop (context sandbox-readonly)". */
  reason?: string;
  /** `reason` in the reader's language, sentence by sentence */
  reasonMsgs?: Msg[];
}

export interface RolloutPermissions {
  applyStep: Permission;
  restore: Permission;
  approve: Permission;
  saveScript: Permission;
}

export interface GatewayRef {
  apiVersion: string;
  kind: string;
  name: string;
}

export interface GatewayChange {
  ref: GatewayRef;
  namespace: string;
  /** Of the live object the plan was computed from: the write's precondition. */
  resourceVersion: string | null;
  before: object | null;
  after: object | null;
  changed: boolean;
  /** The write stores the original-spec annotation (absent on the live object). */
  storesOriginal: boolean;
  /** For the confirmation diff. */
  beforeYaml: string;
  afterYaml: string;
  /** Controller wording, e.g. `failed to execute lua for VirtualService(shop/frontend): <string>:3: …`. */
  error?: string;
  /** `error` for the page when it is the studio's own sentence */
  errorMsg?: Msg;
}

export interface GatewayPlan {
  changes: GatewayChange[];
  /** False when any ref failed: nothing is written then. */
  ready: boolean;
  errors: string[];
  /** `errors` for the page, index for index: the studio's own sentences; null: engine or controller text, verbatim */
  errorMsgs: (Msg | null)[];
  /** English (logs, tests) */
  warnings: string[];
  /** `warnings` for the page, index for index (lib/rollouts/plan-warnings.ts) */
  warningMsgs: PlanWarningMsg[];
  /** "Rollout shop/frontend is Progressing on this object: the controller will overwrite manual changes on its next reconcile." */
  progressingConflict: string | null;
  /** `progressingConflict` for the page, one sentence per Progressing owner (empty when null) */
  progressingConflictMsgs: Msg[];
}

/** `${kind}/${name}` → resourceVersion the user confirmed (null: the object did not exist then), as in `GatewayChange.resourceVersion`. */
export type ExpectedVersions = Record<string, string | null>;

export interface RolloutId {
  namespace: string;
  name: string;
}

export interface ApplyStepInput extends RolloutId {
  step: number;
}
export interface ApplyStepWrite extends ApplyStepInput {
  expected: ExpectedVersions;
  override: boolean;
}
export interface RestoreWrite extends RolloutId {
  expected: ExpectedVersions;
  override: boolean;
}

export interface PlanResult {
  plan: GatewayPlan;
}
export interface WriteResult {
  plan: GatewayPlan;
  /** `${kind}/${name}` of every object written. */
  written: string[];
}

export interface ApprovePlan {
  resourceVersion: string;
  from: string;
  to: 'StepReady';
  patch: object;
  statusPath: string;
}
export interface ApproveInput extends RolloutId {
  resourceVersion: string;
}
export interface ApproveResult {
  state: string;
}

export interface ScriptRef {
  apiVersion: string;
  kind: string;
}
export interface SaveScriptInput extends ScriptRef {
  source: string;
}
export interface SaveScriptWrite extends SaveScriptInput {
  expectedResourceVersion: string | null;
}
export interface ScriptLintEntry {
  line: number;
  message: string;
  /** `message` in the reader's language (absent for quoted syntax errors) */
  msg?: Msg;
  severity: string;
}
export interface SaveScriptPlan {
  key: string;
  configMap: { namespace: string; name: string; exists: boolean; resourceVersion: string | null };
  before: string | null;
  after: string;
  shadowedByBuiltin: boolean;
  lint: ScriptLintEntry[];
}
/** One save warning for the page: `msg`, after "Line {line}:" when it is about one line; null: English only. */
export type SaveWarningMsg = { line?: number; msg: Msg } | null;
export interface SaveScriptResult {
  resourceVersion: string;
  /** English (logs, tests) */
  warnings: string[];
  /** `warnings` for the page, index for index */
  warningMsgs: SaveWarningMsg[];
}
