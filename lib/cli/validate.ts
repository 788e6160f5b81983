// Picks the objects the commands need out of the parsed files, or says in one line what is wrong.
import { describeObject, InputError, isObject, type Json } from './input';

const KRUISE_GROUP = 'rollouts.kruise.io';
const groupOf = (apiVersion: unknown) => (typeof apiVersion === 'string' && apiVersion.includes('/') ? apiVersion.split('/')[0] : String(apiVersion));

/** Items of a List-shaped document, or the documents themselves. */
export function flattenItems(docs: unknown[]): unknown[] {
  return docs.flatMap((d) => (Array.isArray(d) ? d : isObject(d) && Array.isArray(d.items) && (d.kind === undefined || /List$/.test(String(d.kind))) ? d.items : [d]));
}

const isRolloutKind = (o: Json) => groupOf(o.apiVersion) === KRUISE_GROUP && (o.kind === 'Rollout' || o.kind === 'TrafficRouting');

export function pickRollout(file: string, docs: unknown[]): Json {
  const items = flattenItems(docs);
  const found = items.find((o): o is Json => isObject(o) && isRolloutKind(o));
  if (!found) {
    throw new InputError(`${file}: expected a Rollout or TrafficRouting (${KRUISE_GROUP}), got ${items.length === 1 ? describeObject(items[0]) : `${items.length} objects, none of them a Rollout`}`);
  }
  const spec = isObject(found.spec) ? found.spec : {};
  const strategy = isObject(spec.strategy) ? spec.strategy : {};
  if (found.kind === 'Rollout') {
    const plan = isObject(strategy.canary) ? strategy.canary : isObject(strategy.blueGreen) ? strategy.blueGreen : undefined;
    const name = isObject(strategy.blueGreen) && !isObject(strategy.canary) ? 'blueGreen' : 'canary';
    if (!plan || !Array.isArray(plan.steps) || plan.steps.length === 0) {
      throw new InputError(`${file}: ${describeObject(found)} has no canary steps (spec.strategy.${name}.steps is empty or missing)`);
    }
    const routings = Array.isArray(plan.trafficRoutings) ? plan.trafficRoutings : [];
    if (!isObject(routings[0]) || typeof routings[0].service !== 'string') {
      throw new InputError(`${file}: ${describeObject(found)} has no traffic routing (spec.strategy.${name}.trafficRoutings[0].service is missing)`);
    }
  } else {
    const refs = Array.isArray(spec.objectRef) ? spec.objectRef : [];
    if (!isObject(refs[0]) || typeof refs[0].service !== 'string') {
      throw new InputError(`${file}: ${describeObject(found)} has no spec.objectRef[0].service`);
    }
  }
  return found;
}

export function pickGateway(file: string, docs: unknown[]): Json {
  const items = flattenItems(docs).filter(isObject);
  const gateway = items.find((o) => !isRolloutKind(o) && typeof o.kind === 'string' && typeof o.apiVersion === 'string');
  if (!gateway) {
    const first = flattenItems(docs)[0];
    throw new InputError(`${file}: expected the gateway object (e.g. an Istio VirtualService), got ${describeObject(first)}`);
  }
  if (!isObject(gateway.spec)) throw new InputError(`${file}: ${describeObject(gateway)} has no spec`);
  return gateway;
}

export interface PodInput {
  pods: Json[];
  objects: Json[];
}

export function pickPods(file: string, docs: unknown[]): PodInput {
  const items = flattenItems(docs);
  const podListItems = docs.length === 1 && isObject(docs[0]) && docs[0].kind === 'PodList';
  const pods: Json[] = [];
  const objects: Json[] = [];
  for (const item of items) {
    if (!isObject(item)) continue;
    if (item.kind === 'Pod' || (podListItems && item.kind === undefined)) pods.push(item);
    else objects.push(item);
  }
  if (pods.length === 0) {
    throw new InputError(`${file}: expected a Pod, a PodList or a List with pods, got ${items.length === 1 ? describeObject(items[0]) : `${items.length} objects and no pod`}`);
  }
  return { pods, objects };
}

export { groupOf };
