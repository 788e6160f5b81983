// Runs a cluster script: the user's chunk with the studio's read-only `kube` module (kube-lua.ts) on
// DeepFlow's Lua 5.1 surface. Each kube read pauses the script (lib/lua's resumable runs), goes out
// through `transport` (the worker's fetch to `POST /api/kube`) and resumes with the decoded JSON.
import { createLuaState, createResumable, type Budget, type Fengari, type LuaFailure } from '@/lib/lua';
import type { ScriptCustomKind, ScriptReadRequest, ScriptReadResponse, ScriptReadVerb } from '@/lib/k8s/script-read-types';
import { KUBE_MODULE_CHUNK, KUBE_MODULE_SOURCE } from './kube-lua';
import { luaToJson, ResultTooLargeError } from './lua-json';
import type { ClusterScriptInput, ClusterScriptOutput, JsonValue } from './protocol';

export type KubeTransport = (request: ScriptReadRequest, signal: AbortSignal) => Promise<ScriptReadResponse>;

/** Lua time and instructions over the whole run (cluster reads excluded). */
export const CLUSTER_BUDGET: Budget = { instructions: 50_000_000, ms: 3000 };
/** The whole run, cluster reads included (the worker's hard stop sits above it). */
export const CLUSTER_WALL_MS = 30_000;

export interface ClusterRun {
  output: ClusterScriptOutput;
  stats: { ms: number; instructions: number };
}

interface Pending {
  spec: ScriptReadRequest;
  /** The user's line, prefixed to errors of this read. */
  where: string;
  /** Set when the request itself is malformed: answered with this error, nothing is sent. */
  invalid?: string;
}

const VERBS: readonly ScriptReadVerb[] = ['get', 'list', 'log'];

export async function runClusterScript(
  input: ClusterScriptInput,
  transport: KubeTransport,
  opts: { budget?: Partial<Budget>; wallMs?: number } = {},
): Promise<ClusterRun> {
  const started = performance.now();
  const prints: string[] = [];
  const budget = { ...CLUSTER_BUDGET, ...opts.budget };
  const state = createLuaState({ profile: 'deepflow', budget, onPrint: (t) => prints.push(t) });
  const { lua, lauxlib, to_luastring, to_jsstring } = state.fengari;
  const done = (error: LuaFailure | null, returned: JsonValue[] = [], instructions = 0): ClusterRun => ({
    output: { returned, prints, error },
    stats: { ms: performance.now() - started, instructions },
  });

  // The first frame that is not the kube module nor a JS function: where the user called.
  const userWhere = (L: unknown): string => {
    const ar = new lua.lua_Debug();
    for (let level = 1; lua.lua_getstack(L, level, ar); level++) {
      lua.lua_getinfo(L, to_luastring('Sl'), ar);
      const what = to_jsstring(ar.what);
      const source = to_jsstring(ar.source);
      if (what === 'C' || source === '=' + KUBE_MODULE_CHUNK) continue;
      return ar.currentline > 0 ? `${to_jsstring(ar.short_src)}:${ar.currentline}: ` : '';
    }
    return '';
  };

  try {
    const r = createResumable<Pending>(state);
    const loaded = state.load(KUBE_MODULE_SOURCE, KUBE_MODULE_CHUNK);
    if (!loaded.ok) throw new Error(`the kube module does not compile: ${loaded.error.message}`);
    r.pushYielding((L) => readSpec(state.fengari, L, userWhere(L), input.customKinds), userWhere);
    lua.lua_pushcfunction(state.L, (L: unknown) => {
      const message = lua.lua_type(L, 1) === lua.LUA_TSTRING ? (lua.lua_tojsstring(L, 1) as string) : to_jsstring(lauxlib.luaL_tolstring(L, 1));
      lua.lua_pushstring(L, to_luastring(userWhere(L) + message));
      return lua.lua_error(L);
    });
    const installed = state.call(2, 0);
    if (!installed.ok) throw new Error(`the kube module failed to load: ${installed.error.message}`);

    const chunk = state.load(input.source);
    if (!chunk.ok) return done(chunk.error);
    const outcome = await r.run({
      budget,
      wallMs: opts.wallMs ?? CLUSTER_WALL_MS,
      serve: async (p, signal) => {
        if (p.invalid) return [false, p.where + p.invalid];
        try {
          const res = await transport(p.spec, signal);
          return res.ok ? [true, res.body] : [false, `${p.where}kube: ${res.message}`];
        } catch (e) {
          return [false, `${p.where}kube: ${describe(p.spec)} failed: ${e instanceof Error ? e.message : String(e)}`];
        }
      },
    });
    if (!outcome.result.ok) return done(outcome.result.error, [], outcome.stats.instructions);
    const returned: JsonValue[] = [];
    try {
      for (let i = outcome.nresults; i >= 1; i--) returned.push(luaToJson(state.fengari, state.L, -i));
    } catch (e) {
      if (!(e instanceof ResultTooLargeError)) throw e;
      return done({ kind: 'result', message: e.message }, [], outcome.stats.instructions);
    }
    state.pop(outcome.nresults);
    return done(null, returned, outcome.stats.instructions);
  } finally {
    state.close();
  }
}

function describe(spec: ScriptReadRequest): string {
  const resource = spec.group ? `${spec.plural}.${spec.group}` : spec.plural;
  const target = spec.verb === 'log' ? `pods/log "${spec.name}"` : spec.name ? `${resource} "${spec.name}"` : resource;
  return `${spec.verb === 'log' ? 'get' : spec.verb} ${target}${spec.namespace ? ` in namespace "${spec.namespace}"` : ''}`;
}

/** The request table the module built (arg 1) -> a typed request; shape errors become `invalid`. */
function readSpec(f: Fengari, L: unknown, where: string, customKinds: ScriptCustomKind[] | undefined): Pending {
  const raw = luaToJson(f, L, 1);
  const o = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : undefined);
  const verb = VERBS.find((v) => v === o.verb) ?? 'get';
  const spec: ScriptReadRequest = { verb, group: str(o.group) ?? '', version: str(o.version) ?? '', plural: str(o.plural) ?? '' };
  const namespace = str(o.namespace);
  const name = str(o.name);
  if (namespace !== undefined) spec.namespace = namespace;
  if (name !== undefined) spec.name = name;
  if (customKinds?.length) spec.customKinds = customKinds;
  const q = o.query;
  let invalid: string | undefined;
  if (q && typeof q === 'object' && !Array.isArray(q)) {
    const query: NonNullable<ScriptReadRequest['query']> = {};
    for (const [k, v] of Object.entries(q)) {
      if (STRING_PARAMS.has(k) && typeof v === 'string') (query as Record<string, string>)[k] = v;
      else if (NUMBER_PARAMS.has(k) && typeof v === 'number') (query as Record<string, number>)[k] = v;
      else if (BOOLEAN_PARAMS.has(k) && typeof v === 'boolean') (query as Record<string, boolean>)[k] = v;
      else invalid ??= `kube: ${describe(spec)}: unsupported query parameter ${k}=${JSON.stringify(v)} (supported: ${[...STRING_PARAMS, ...NUMBER_PARAMS, ...BOOLEAN_PARAMS].join(', ')})`;
    }
    spec.query = query;
  }
  return invalid ? { spec, where, invalid } : { spec, where };
}

const STRING_PARAMS = new Set(['labelSelector', 'fieldSelector', 'continue', 'resourceVersion', 'container']);
const NUMBER_PARAMS = new Set(['limit', 'tailLines', 'sinceSeconds', 'limitBytes']);
const BOOLEAN_PARAMS = new Set(['timestamps', 'previous']);
