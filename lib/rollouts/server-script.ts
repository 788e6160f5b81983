import 'server-only';
// "Save script": the routing script for `<Kind>.<group>` into ConfigMap kruise-rollout-configuration
// in the Kruise namespace (kruise-routing.md §6.1), validated with the kruise dialect first (in the
// worker). The ConfigMap is created when missing; otherwise one key changes with a full Update and
// the resourceVersion the user saw as precondition.
import { recordFailure, recordWrite, refuseReadOnly, type AuditBase } from '@/lib/audit';
import { unifiedDiff } from '@/lib/audit/entry';
import { createObject, getObject, KubeRequestError, replaceObject } from '@/lib/k8s/client';
import { kindByKey } from '@/lib/k8s/kinds';
import { englishText, textAndMsg } from '@/lib/i18n/english';
import { msg, type Msg } from '@/lib/i18n/message';
import { configMapKey, scriptGroup, type ScriptRef } from '@/lib/kruise';
import type { LintIssue } from '@/lib/lua/lint';
import type { SaveScriptPlan, SaveScriptResult, SaveWarningMsg } from './action-types';
import { requirePermission, saveScriptContext } from './server-permissions';
import { ActionError, ReadOnlyRefusal, refusal as refuse } from './server-result';
import { changedSince, createdSince, deletedSince } from '@/lib/k8s/changed-since';
import { builtins, KRUISE_CONFIGMAP, kruiseNamespace, lintKruise } from './server-env';
import { loadKruiseConfigMap } from './server-load';

const CONFIGMAPS = kindByKey('configmaps')!;
const NAMESPACES = kindByKey('namespaces')!;

export function shadowedByBuiltin(ref: ScriptRef): boolean {
  return !!builtins()[`${scriptGroup(ref.apiVersion)}/${ref.kind}`];
}

export function shadowWarning(ref: ScriptRef): { text: string; msg: Msg } {
  return textAndMsg('rollouts.saveWarning.shadowed', { kind: ref.kind, key: configMapKey(ref), group: scriptGroup(ref.apiVersion) });
}

async function lint(source: string): Promise<LintIssue[]> {
  const res = await lintKruise(source);
  if (!res.ok) throw refuse(textAndMsg('rollouts.refusal.notChecked', { error: res.error }));
  return res.output;
}

/**
 * Syntax errors refuse the save, with their line numbers; the parser's words stay verbatim. One
 * descriptor per line so each is in the reader's language: the catalogue puts the separators in,
 * and the descriptors joined with a space say `text` exactly.
 */
export function syntaxRefusal(issues: LintIssue[]): { text: string; msgs: Msg[] } | null {
  const syntax = issues.filter((i) => i.rule === 'syntax' && i.severity === 'error');
  if (!syntax.length) return null;
  const msgs = [
    msg('rollouts.refusal.syntaxNotSaved'),
    ...syntax.map((i, n) => msg('rollouts.refusal.syntaxLine', { line: String(i.line), message: i.message, end: n === syntax.length - 1 ? 'last' : 'more' })),
  ];
  return { text: msgs.map((m) => englishText(m.key, m.values)).join(' '), msgs };
}

/** The warnings of a save that went through, in English and for the page (index for index). */
function saveWarnings(ref: ScriptRef, issues: LintIssue[]): { warnings: string[]; warningMsgs: SaveWarningMsg[] } {
  const out = { warnings: [] as string[], warningMsgs: [] as SaveWarningMsg[] };
  if (shadowedByBuiltin(ref)) {
    const w = shadowWarning(ref);
    out.warnings.push(w.text);
    out.warningMsgs.push({ msg: w.msg });
  }
  for (const i of issues.filter((i) => i.rule !== 'syntax' && i.severity !== 'info')) {
    out.warnings.push(englishText('rollouts.saveWarning.line', { line: String(i.line), message: i.message }));
    out.warningMsgs.push(i.msg ? { line: i.line, msg: i.msg } : null);
  }
  return out;
}

export async function planSaveScript(context: string, ref: ScriptRef, source: string): Promise<SaveScriptPlan> {
  const [cm, issues] = await Promise.all([loadKruiseConfigMap(context), lint(source)]);
  if (cm.warning) throw new ActionError(cm.warning, cm.warningMsg);
  const key = configMapKey(ref);
  const data = (cm.object?.data ?? {}) as Record<string, string>;
  return {
    key,
    configMap: { namespace: cm.namespace, name: cm.name, exists: !!cm.object, resourceVersion: cm.object?.metadata.resourceVersion ?? null },
    before: Object.prototype.hasOwnProperty.call(data, key) ? data[key] : null,
    after: source,
    shadowedByBuiltin: shadowedByBuiltin(ref),
    lint: issues.map((i) => ({ line: i.line, message: i.message, ...(i.msg ? { msg: i.msg } : {}), severity: i.severity })),
  };
}

async function namespaceMissing(context: string, namespace: string): Promise<boolean> {
  try {
    await getObject(context, NAMESPACES, namespace, undefined, { timeoutMs: 10_000 });
    return false;
  } catch (err) {
    // only a NotFound says "missing"; a user who may not read namespaces gets the create's own answer
    return err instanceof KubeRequestError && err.error.code === 404;
  }
}

function scriptAudit(context: string, namespace: string, key: string, before: string | null, source: string, rv: string | null): AuditBase {
  return {
    action: 'rollout.saveScript',
    context,
    target: { apiVersion: 'v1', kind: 'ConfigMap', namespace, name: KRUISE_CONFIGMAP },
    resourceVersionBefore: rv,
    diff: unifiedDiff(`ConfigMap/${namespace}/${KRUISE_CONFIGMAP}/data/${key}`, before, source),
  };
}

export async function saveScript(context: string, ref: ScriptRef, source: string, expectedResourceVersion: string | null): Promise<SaveScriptResult> {
  const key = configMapKey(ref);
  let base = scriptAudit(context, kruiseNamespace(), key, null, source, expectedResourceVersion);
  try {
    const readOnly = await refuseReadOnly([base]);
    if (readOnly) throw new ReadOnlyRefusal(readOnly);
    const result = await writeScript(context, ref, source, expectedResourceVersion, (cm) => {
      const data = (cm.object?.data ?? {}) as Record<string, string>;
      base = scriptAudit(context, cm.namespace, key, Object.prototype.hasOwnProperty.call(data, key) ? data[key] : null, source, cm.object?.metadata.resourceVersion ?? null);
    });
    await recordWrite({ ...base, resourceVersionAfter: result.resourceVersion || null, result: 'ok' });
    return result;
  } catch (err) {
    if (!(err instanceof ReadOnlyRefusal)) await recordFailure(base, err);
    throw err;
  }
}

async function writeScript(context: string, ref: ScriptRef, source: string, expectedResourceVersion: string | null, loaded: (cm: Awaited<ReturnType<typeof loadKruiseConfigMap>>) => void): Promise<SaveScriptResult> {
  const issues = await lint(source);
  const refusal = syntaxRefusal(issues);
  if (refusal) throw new ActionError(refusal.text, refusal.msgs);
  const cm = await loadKruiseConfigMap(context);
  loaded(cm);
  if (cm.warning) throw new ActionError(cm.warning, cm.warningMsg);
  await requirePermission(context, 'saveScript', await saveScriptContext(context, !!cm.object));
  const target = `ConfigMap ${cm.namespace}/${KRUISE_CONFIGMAP}`;
  const live = cm.object?.metadata.resourceVersion ?? null;
  if (live !== expectedResourceVersion) {
    if (live === null) throw refuse(deletedSince('ConfigMap', `${cm.namespace}/${KRUISE_CONFIGMAP}`));
    if (expectedResourceVersion === null) throw refuse(createdSince('ConfigMap', `${cm.namespace}/${KRUISE_CONFIGMAP}`, live));
    throw refuse(changedSince('ConfigMap', cm.namespace, KRUISE_CONFIGMAP, expectedResourceVersion, live));
  }
  const key = configMapKey(ref);
  const warnings = saveWarnings(ref, issues);
  const opts = { timeoutMs: 15_000 };
  if (!cm.object) {
    if (await namespaceMissing(context, cm.namespace)) {
      throw refuse(textAndMsg('rollouts.refusal.noNamespace', { namespace: cm.namespace, target }));
    }
    const created = await createObject(context, CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: KRUISE_CONFIGMAP, namespace: cm.namespace }, data: { [key]: source } }, cm.namespace, opts);
    return { resourceVersion: created.metadata.resourceVersion ?? '', ...warnings };
  }
  const body = { ...cm.object, data: { ...((cm.object.data ?? {}) as Record<string, string>), [key]: source } };
  const updated = await replaceObject(context, CONFIGMAPS, body, cm.namespace, opts);
  return { resourceVersion: updated.metadata.resourceVersion ?? '', ...warnings };
}
