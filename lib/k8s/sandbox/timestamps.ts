// Moves a seed's clock: every RFC 3339 timestamp shifts by the same amount, so relative facts
// (which pod is older, how long ago a condition changed) survive while ages stay realistic.
import { copySeedSource } from './seed';

const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$/;

function newest(value: unknown, acc: { max: number }): void {
  if (typeof value === 'string') {
    if (RFC3339.test(value)) acc.max = Math.max(acc.max, Date.parse(value));
  } else if (Array.isArray(value)) value.forEach((v) => newest(v, acc));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => newest(v, acc));
}

function shifted(value: unknown, delta: number): unknown {
  if (typeof value === 'string') {
    if (!RFC3339.test(value)) return value;
    // Kubernetes writes whole seconds; keep that form.
    return new Date(Date.parse(value) + delta).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  if (Array.isArray(value)) return value.map((v) => shifted(v, delta));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shifted(v, delta)]));
  }
  return value;
}

/** Returns copies of `objects` whose newest timestamp is `now`; seed source locations are kept. */
export function rebaseTimestamps(objects: object[], now: number): object[] {
  const acc = { max: -Infinity };
  newest(objects, acc);
  if (!Number.isFinite(acc.max)) return objects;
  const delta = Math.floor((now - acc.max) / 1000) * 1000;
  return objects.map((o) => {
    const copy = shifted(o, delta) as object;
    copySeedSource(o, copy);
    return copy;
  });
}
