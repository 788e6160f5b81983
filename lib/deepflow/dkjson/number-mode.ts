// How JSON numbers become Lua numbers (deepflow-tagging.md §10.3). dkjson lexes a permissive
// pattern and hands the text to the runtime's `tonumber`; gopher-lua's `tonumber` reads a text with
// a `.` as a float64 and any other text as a base-10 int64. The studio emulates DeepFlow, so the
// default reproduces gopher-lua exactly: `1e3` and out-of-int64 integers fail the whole decode,
// `9007199254740993` becomes 9007199254740992 and `-0` becomes 0. 'puc' is PUC Lua 5.1's strtod
// reading, kept for side-by-side comparisons with native Lua.
export type DkjsonNumberMode = 'gopher-lua' | 'puc-lua';

export const DKJSON_NUMBER_MODE: DkjsonNumberMode = 'gopher-lua';

/** One sentence the UI shows next to dkjson results. */
export const DKJSON_NUMBER_NOTE =
  'Numbers are read like gopher-lua (DeepFlow): exponents without a decimal point (1e3) and integers beyond int64 make dkjson.decode fail, -0 reads as 0.';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const GO_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GO_INT = /^[+-]?\d+$/;
const C_STRTOD = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/** `tonumber(text)` for the texts dkjson's number pattern can produce; null when it yields nil. */
export function luaToNumber(text: string, mode: DkjsonNumberMode = DKJSON_NUMBER_MODE): number | null {
  if (mode === 'puc-lua') return C_STRTOD.test(text) ? Number(text) : null;
  if (text.includes('.')) {
    if (!GO_FLOAT.test(text)) return null;
    const v = Number(text);
    return Number.isFinite(v) ? v : null; // strconv.ParseFloat: ±Inf comes with ErrRange → nil
  }
  if (!GO_INT.test(text)) return null;
  const big = BigInt(text);
  if (big < INT64_MIN || big > INT64_MAX) return null;
  return Number(big) + 0; // int64 → float64; `+ 0` turns -0 into 0
}
