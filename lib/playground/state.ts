// The playground's state: what the user typed and picked in each mode. Every field has a default and
// every parse falls back field by field, so a stored or shared state from an older or hand-edited
// version never breaks the page; it only loses what it cannot read.
import { z } from 'zod';
import { STARTER_CLUSTER_SCRIPT, STARTER_PLUGIN, STARTER_ROUTING_SCRIPT } from './templates';

export const MODES = ['tagging', 'routing', 'cluster'] as const;
export type Mode = (typeof MODES)[number];
export const MODE_LABELS: Record<Mode, string> = { tagging: 'Tagging', routing: 'Routing', cluster: 'Cluster script' };

export function isMode(v: unknown): v is Mode {
  return typeof v === 'string' && (MODES as readonly string[]).includes(v);
}

const MAX_TEXT = 8_000_000;
const text = (d = '') => z.string().max(MAX_TEXT).catch(d);

const pluginSchema = z.object({
  name: z.string().max(256).catch('plugin'),
  source: text(),
});
export type PluginDraft = z.infer<typeof pluginSchema>;

export const DEFAULT_PLUGINS: PluginDraft[] = [{ name: 'starter', source: STARTER_PLUGIN }];

const taggingSchema = z.object({
  /** where the pods come from */
  source: z.enum(['cluster', 'text']).catch('cluster'),
  /** cluster pods: all the standard rule leaves unmatched, one namespace, or picked pods */
  scope: z.enum(['unmatched', 'namespace', 'selection']).catch('unmatched'),
  namespace: z.string().max(253).catch(''),
  /** `<namespace>/<name>` of picked pods */
  selection: z.array(z.string().max(512)).max(10_000).catch([]),
  /** pasted or uploaded JSON/YAML */
  text: text(),
  fileName: z.string().max(512).catch(''),
  plugins: z.array(pluginSchema).min(1).max(20).catch(DEFAULT_PLUGINS),
});
export type TaggingState = z.infer<typeof taggingSchema>;

const routingSchema = z.object({
  source: z.enum(['cluster', 'text', 'testdata']).catch('cluster'),
  /** cluster input: `<namespace>/<name>` of the Rollout and `<Kind>/<name>` of the gateway object */
  rollout: z.string().max(512).catch(''),
  ref: z.string().max(512).catch(''),
  /** pasted YAML: the Rollout (or TrafficRouting) and the gateway object, as documents */
  text: text(),
  /** an imported Kruise testdata file */
  testdata: text(),
  testdataName: z.string().max(512).catch(''),
  script: text(STARTER_ROUTING_SCRIPT),
  /** the `<group>/<Kind>` the script was loaded for (to replace it only while unedited) */
  scriptKey: z.string().max(512).catch(''),
  scriptPristine: z.boolean().catch(true),
  mode: z.enum(['controller', 'test']).catch('controller'),
});
export type RoutingState = z.infer<typeof routingSchema>;

const clusterSchema = z.object({ source: text(STARTER_CLUSTER_SCRIPT) });
export type ClusterState = z.infer<typeof clusterSchema>;

export const STATE_VERSION = 1;

function withDefaults<T extends z.ZodObject>(schema: T) {
  // `{}` through the schema gives every default; a non-object becomes `{}` first.
  return z.preprocess((v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {}), schema);
}

export const stateSchema = z.object({
  v: z.literal(STATE_VERSION).catch(STATE_VERSION),
  mode: z.enum(MODES).catch('tagging'),
  tagging: withDefaults(taggingSchema),
  routing: withDefaults(routingSchema),
  cluster: withDefaults(clusterSchema),
});
export type PlaygroundState = z.infer<typeof stateSchema>;

/** Any value -> a complete state (never throws). */
export function parseState(v: unknown): PlaygroundState {
  return withDefaults(stateSchema).parse(v);
}

export function defaultState(): PlaygroundState {
  return parseState({});
}
