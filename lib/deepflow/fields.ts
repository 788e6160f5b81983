// Reading unstructured pod/object JSON the way DeepFlow's Go code does with type assertions: a value
// of the wrong type reads as absent (an object) or as "" (a string).

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function rec(v: unknown): Record<string, unknown> | null {
  return isRecord(v) ? v : null;
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}
