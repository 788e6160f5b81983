// `kube-lua-studio route`: every canary step of a Rollout / TrafficRouting through a routing script.
import { stringify } from 'yaml';
import { routeSteps } from '../kruise';
import { lintRouteResult } from '../kruise/lint';
import { indent } from './format';
import { readDocuments, readText, InputError, type Json } from './input';
import { builtinFor } from './scripts';
import { pickGateway, pickRollout } from './validate';

export interface RouteOptions {
  rollout: string;
  gateway: string;
  script?: string;
  mode?: 'controller' | 'test';
  json?: boolean;
}

export interface CommandOutput {
  code: number;
  stdout: string;
  /** Written before stdout (diagnostics that hold for the whole run). */
  stderr?: string;
}

export function runRoute(opts: RouteOptions): CommandOutput {
  const source = pickRollout(opts.rollout, readDocuments(opts.rollout, 'Rollout'));
  const gateway = pickGateway(opts.gateway, readDocuments(opts.gateway, 'gateway object'));
  let script: string;
  let scriptLabel: string;
  if (opts.script) {
    script = readText(opts.script, 'script');
    scriptLabel = opts.script;
  } else {
    const builtin = builtinFor(gateway.apiVersion, gateway.kind);
    if (!builtin) {
      throw new InputError(`${opts.gateway}: no built-in script for ${String(gateway.apiVersion).split('/')[0]}/${String(gateway.kind)}; pass --script`);
    }
    script = builtin.source;
    scriptLabel = `${builtin.kruiseBuiltin ? 'Kruise built-in' : 'ConfigMap recipe'} ${builtin.key}`;
  }
  const mode = opts.mode ?? 'controller';
  const isRollout = source.kind === 'Rollout';
  // Controller mode applies the CRD defaults the API server would (pasted YAML lacks them; a warning says so).
  const { steps, warnings, inputErrors } = routeSteps({
    ...(isRollout ? { rollout: source } : { trafficRouting: source }),
    gateway,
    script,
    mode,
    crdDefaults: mode === 'controller',
  });
  if (inputErrors.length > 0) {
    const e = inputErrors[0];
    const file = e.code === 'no-gateway' || e.code === 'empty-original-annotation' ? opts.gateway : opts.rollout;
    throw new InputError(`${file}: ${e.message}`);
  }
  const failed = steps.some((s) => s.error !== null);
  if (opts.json) {
    const out = { steps: steps.map((s) => ({ index: s.index, ran: s.ran, obj: s.obj, result: s.result, error: s.error })) };
    return { code: failed ? 1 : 0, stdout: `${JSON.stringify(out, null, 2)}\n` };
  }
  const name = (o: Json) => `${String(o.kind)} ${String((o.metadata as Json | undefined)?.name ?? '')}`.trim();
  const lines = [`${name(source)} -> ${name(gateway)}  (script: ${scriptLabel}; mode: ${mode})`];
  for (const w of warnings ?? []) lines.push(`warning: ${typeof w === 'string' ? w : JSON.stringify(w)}`);
  // A script that does not load fails every step that runs Lua with the same error: say it once.
  const loadFailure = steps.find((s) => s.loadFailed);
  if (loadFailure) {
    lines.push('', 'script does not load:', indent(loadFailure.error ?? ''));
    if (loadFailure.production && loadFailure.production !== loadFailure.error) lines.push(indent(`production: ${loadFailure.production}`));
  }
  for (const step of steps) {
    const status = step.loadFailed ? 'FAILED (the script does not load, see above)' : step.error !== null ? 'FAILED' : step.ran ? 'ran' : 'no Lua (original restored)';
    lines.push('', `step ${step.index}: ${status}`);
    if (step.loadFailed) continue;
    if (step.error !== null) {
      lines.push(indent(step.error));
      if (step.production && step.production !== step.error) lines.push(indent(`production: ${step.production}`));
    } else if (step.result) {
      lines.push(indent(stringify(step.result, { lineWidth: 0 }).trimEnd()));
    }
    const issues = step.ran ? lintRouteResult(String(gateway.kind), step.result, { obj: step.obj as never }) : [];
    for (const w of step.warnings ?? []) lines.push(indent(`warning: ${typeof w === 'string' ? w : JSON.stringify(w)}`));
    for (const issue of issues) lines.push(indent(`${issue.severity}: ${issue.path && !issue.message.includes(issue.path) ? `${issue.path}: ` : ''}${issue.message}`));
    for (const p of step.prints ?? []) lines.push(indent(`print: ${p}`));
  }
  return { code: failed ? 1 : 0, stdout: `${lines.join('\n')}\n` };
}
