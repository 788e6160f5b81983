// Lints for routing previews (kruise-routing.md §8.1 "Recommended lints", §5.2): the produced object
// and the step's input. Script lints (syntax, library surface, `return`) live in lib/lua/lint.
// Pure functions of plain JSON / source text: they run in the browser, the CLI and tests alike.
import type { KruiseData } from './data';
import { msg, type Msg } from '@/lib/i18n/message';

export interface RouteLintIssue {
  severity: 'error' | 'warning';
  /** English, for the CLI, logs and tests; `msg` is the same sentence for the page (lint-msg.test.ts keeps them equal). */
  message: string;
  msg: Msg;
  /** JSON path into the linted object, e.g. `spec.http[0].route`. */
  path?: string;
}

/** What Kruise writes back: the script's result decoded into `Data` (kruise-routing.md §5.2). */
export type { KruiseData };

export interface RouteLintOptions {
  /** The `obj` the script saw: enables the input lints (conditions without `type`, stable routes). */
  obj?: {
    data?: KruiseData;
    matches?: unknown;
    stableService?: string;
    canaryService?: string;
  };
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * How a gateway kind lists weighted destinations: sections of rules, the key of the destination list
 * in a rule, a destination's identity, its weight and the weight an unweighted destination counts as.
 */
interface RouteShape {
  sections: (spec: Json) => { path: string; rules: unknown[] }[];
  destinations: string;
  identity: (d: Json) => string;
  /** Weight of a destination without `weight`, when some other destination of the rule has one. */
  implicitWeight: number;
  /** Weights are percentages that must add up to 100 (Istio) rather than relative shares. */
  percent: boolean;
}

const istioShape: RouteShape = {
  sections: (spec) => ['http', 'tcp', 'tls'].map((k) => ({ path: `spec.${k}`, rules: list(spec[k]) })),
  destinations: 'route',
  identity: (d) => {
    const dest = isObject(d.destination) ? d.destination : {};
    const port = isObject(dest.port) ? dest.port.number ?? dest.port.name : undefined;
    return `${String(dest.host)}${dest.subset !== undefined ? ` subset ${String(dest.subset)}` : ''}${port !== undefined ? ` port ${String(port)}` : ''}`;
  },
  implicitWeight: 0,
  percent: true,
};

const SHAPES: Record<string, RouteShape> = {
  VirtualService: istioShape,
  ApisixRoute: {
    sections: (spec) => [{ path: 'spec.http', rules: list(spec.http) }],
    destinations: 'backends',
    identity: (d) => `${String(d.serviceName)}:${String(d.servicePort)}${d.subset !== undefined ? ` subset ${String(d.subset)}` : ''}`,
    implicitWeight: 100,
    percent: false,
  },
  IngressRoute: {
    sections: (spec) => [{ path: 'spec.routes', rules: list(spec.routes) }],
    destinations: 'services',
    identity: (d) => `${String(d.kind ?? 'Service')} ${d.namespace !== undefined ? `${String(d.namespace)}/` : ''}${String(d.name)}:${String(d.port)}`,
    implicitWeight: 1,
    percent: false,
  },
  TraefikService: {
    sections: (spec) => [{ path: 'spec.weighted', rules: isObject(spec.weighted) ? [spec.weighted] : [] }],
    destinations: 'services',
    identity: (d) => `${String(d.kind ?? 'Service')} ${d.namespace !== undefined ? `${String(d.namespace)}/` : ''}${String(d.name)}:${String(d.port)}`,
    implicitWeight: 1,
    percent: false,
  },
  HTTPProxy: {
    sections: (spec) => [{ path: 'spec.routes', rules: list(spec.routes) }, { path: 'spec.tcpproxy', rules: isObject(spec.tcpproxy) ? [spec.tcpproxy] : [] }],
    destinations: 'services',
    identity: (d) => `${String(d.name)}:${String(d.port)}`,
    implicitWeight: 0,
    percent: false,
  },
  HTTPRoute: {
    sections: (spec) => [{ path: 'spec.rules', rules: list(spec.rules) }],
    destinations: 'backendRefs',
    identity: (d) => `${d.namespace !== undefined ? `${String(d.namespace)}/` : ''}${String(d.name)}:${String(d.port)}`,
    implicitWeight: 1,
    percent: false,
  },
};

/** Lints a routing result (what Kruise would write) for the gateway kind, plus the step's input. */
export function lintRouteResult(gatewayKind: string, result: KruiseData | null | undefined, opts: RouteLintOptions = {}): RouteLintIssue[] {
  const issues: RouteLintIssue[] = [];
  if (opts.obj) issues.push(...lintMatches(opts.obj.matches));
  if (gatewayKind === 'VirtualService' && opts.obj) issues.push(...lintStableRoutes(opts.obj));
  if (!result) return issues;
  issues.push(...lintNulls(result));
  const shape = SHAPES[gatewayKind];
  if (shape && isObject(result.spec)) issues.push(...lintWeights(shape, result.spec));
  return issues;
}

function lintWeights(shape: RouteShape, spec: Json): RouteLintIssue[] {
  const issues: RouteLintIssue[] = [];
  for (const { path, rules } of shape.sections(spec)) {
    const single = path === 'spec.weighted' || path === 'spec.tcpproxy';
    rules.forEach((rule, i) => {
      if (!isObject(rule)) return;
      const dests = list(rule[shape.destinations]).filter(isObject);
      const where = single ? `${path}.${shape.destinations}` : `${path}[${i}].${shape.destinations}`;
      const seen = new Map<string, number>();
      dests.forEach((d, j) => {
        const id = shape.identity(d);
        const first = seen.get(id);
        if (first !== undefined) {
          const ref = `${where}[${first}]`;
          issues.push({ severity: 'warning', path: `${where}[${j}]`, message: `Destination ${id} repeats ${ref} in the same route.`, msg: msg('rollouts.lint.repeatedDestination', { id, ref }) });
        } else seen.set(id, j);
      });
      const weights = dests.map((d) => num(d.weight));
      if (dests.length === 0 || weights.every((w) => w === undefined)) return;
      const sum = weights.reduce<number>((s, w) => s + (w ?? shape.implicitWeight), 0);
      if (shape.percent || dests.length > 1) {
        if (sum !== 100) {
          const terms = weights.map((w) => w ?? `unset=${shape.implicitWeight}`).join(' + ');
          issues.push({
            severity: 'warning',
            path: where,
            message: `Weights add up to ${sum}, not 100 (${terms}).`,
            msg: msg('rollouts.lint.weightsSum', { sum: String(sum), terms }),
          });
        }
      }
    });
  }
  return issues;
}

/** `null` anywhere in the result: an API server pruning nulls makes the next compare differ (§5.2). */
function lintNulls(result: KruiseData): RouteLintIssue[] {
  const issues: RouteLintIssue[] = [];
  const walk = (v: unknown, path: string) => {
    if (issues.length >= 20) return;
    if (v === null) {
      issues.push({
        severity: 'warning',
        path,
        message: `${path} is null (an empty Lua table encodes as null). An API server that prunes nulls stores the object without it, so Kruise may never see the step as done.`,
        msg: msg('rollouts.lint.nullValue', { path }),
      });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (isObject(v)) for (const k of Object.keys(v).sort()) walk(v[k], `${path}.${k}`);
  };
  for (const key of ['spec', 'labels', 'annotations'] as const) if (key in result) walk(result[key], key);
  return issues;
}

/** Header / query conditions without `type` (YAML without CRD defaults): the Istio built-in fails or guesses. */
export function lintMatches(matches: unknown): RouteLintIssue[] {
  const issues: RouteLintIssue[] = [];
  list(matches).forEach((m, i) => {
    if (!isObject(m)) return;
    for (const field of ['headers', 'queryParams'] as const) {
      list(m[field]).forEach((c, j) => {
        if (isObject(c) && (c.type === undefined || c.type === null || c.type === '')) {
          issues.push({
            severity: 'error',
            path: `matches[${i}].${field}[${j}]`,
            message: `Condition on "${String(c.name)}" has no type. The API server would default it to Exact; the built-in VirtualService script fails with "table index is nil" or reuses the previous condition's kind.`,
            msg: msg('rollouts.lint.conditionNoType', { name: String(c.name) }),
          });
        }
      });
    }
    if (isObject(m.path) && (m.path.type === undefined || m.path.type === null || m.path.type === '')) {
      issues.push({
        severity: 'error',
        path: `matches[${i}].path`,
        message: 'Path match has no type. The API server would default it to PathPrefix; the built-in VirtualService script fails with "table index is nil" or reuses a previous kind.',
        msg: msg('rollouts.lint.pathNoType'),
      });
    }
  });
  return issues;
}

/** §8.1: weight mode processes a rule once per stable-host route, so two of them skew the weights. */
function lintStableRoutes(obj: NonNullable<RouteLintOptions['obj']>): RouteLintIssue[] {
  const issues: RouteLintIssue[] = [];
  const matchMode = list(obj.matches).length > 0;
  const spec = obj.data?.spec;
  if (matchMode || !isObject(spec) || typeof obj.stableService !== 'string') return issues;
  for (const section of ['http', 'tcp', 'tls']) {
    list(spec[section]).forEach((rule, i) => {
      if (!isObject(rule) || rule.match !== undefined) return;
      const stable = list(rule.route).filter((r) => {
        const host = isObject(r) && isObject(r.destination) ? r.destination.host : undefined;
        return typeof host === 'string' && host.split('.')[0] === obj.stableService;
      });
      if (stable.length > 1) {
        issues.push({
          severity: 'warning',
          path: `spec.${section}[${i}].route`,
          message: `${stable.length} routes go to the stable host "${obj.stableService}": Kruise's VirtualService script rescales this rule ${stable.length} times and appends ${stable.length} canary routes, so the weights will not add up to 100.`,
          msg: msg('rollouts.lint.stableRoutes', { count: String(stable.length), host: String(obj.stableService) }),
        });
      }
    });
  }
  return issues;
}
