// Lints on each gateway object a step produces (issue #8): weights that do not add up to 100 and
// repeated destinations come from lint.ts (one implementation per rule), conditions without `type`
// from the step's obj; this adds the missing canary Service, which needs the cluster's Services.
import { msg, type Msg } from '@/lib/i18n/message';
import { lintRouteResult, type RouteLintOptions } from './lint';

export interface GatewayLint {
  severity: 'warning' | 'error';
  /** English (CLI, server plan, tests); `msg` is the same sentence for the page. */
  message: string;
  msg: Msg;
  path?: string;
}

export interface GatewayLintContext {
  canaryService: string;
  stableService: string;
  /** names of the Services in the object's namespace; undefined = unknown (no lint) */
  services?: readonly string[];
  /** the obj the script saw: adds the input lints (conditions without `type`, several stable routes) */
  obj?: RouteLintOptions['obj'];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Service names a produced spec sends traffic to, with their paths: Istio `destination.host`
 * (first DNS label, as the built-in script compares), Gateway API `backendRefs[].name`, Contour /
 * Traefik `services[].name`, APISIX `backends[].serviceName`.
 */
function destinations(spec: unknown): { name: string; path: string }[] {
  const out: { name: string; path: string }[] = [];
  const walk = (v: unknown, path: string, parentKey: string) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, `${path}[${i}]`, parentKey));
      return;
    }
    if (!isObj(v)) return;
    if (parentKey === 'destination' && typeof v.host === 'string') out.push({ name: v.host.split('.')[0], path: `${path}.host` });
    if ((parentKey === 'backendRefs' || parentKey === 'services') && typeof v.name === 'string' && (v.kind === undefined || v.kind === 'Service')) {
      out.push({ name: v.name, path: `${path}.name` });
    }
    if (parentKey === 'backends' && typeof v.serviceName === 'string') out.push({ name: v.serviceName, path: `${path}.serviceName` });
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, k);
  };
  walk(spec, 'spec', 'spec');
  return out;
}

export function gatewayLints(produced: object, ctx: GatewayLintContext): GatewayLint[] {
  const o = produced as Obj;
  const kind = typeof o.kind === 'string' ? o.kind : '';
  const meta = isObj(o.metadata) ? o.metadata : {};
  const data = {
    ...(o.spec !== undefined ? { spec: o.spec } : {}),
    ...(isObj(meta.labels) ? { labels: meta.labels as Record<string, string> } : {}),
  };
  const lints: GatewayLint[] = lintRouteResult(kind, data, ctx.obj ? { obj: ctx.obj } : {});
  if (ctx.services && ctx.canaryService !== ctx.stableService) {
    const known = new Set(ctx.services);
    const missing = destinations(o.spec).filter((d) => d.name === ctx.canaryService && !known.has(d.name));
    if (missing.length) {
      lints.push({
        severity: 'warning',
        path: missing[0].path,
        message: `Service "${ctx.canaryService}" does not exist. Kruise creates it when the step runs; written by hand, this route sends canary traffic nowhere.`,
        msg: msg('rollouts.lint.missingCanaryService', { service: ctx.canaryService }),
      });
    }
  }
  return lints;
}
