// Go encoding/json-compatible parsing for the Lua `json.decode` (kruise-routing.md §4.2): same
// accepted syntax and Go's error texts. Produces plain JS values (pushed with Kruise's null rules).
export type DecodeResult = { ok: true; value: unknown } | { ok: false; error: string };

class SyntaxErr extends Error {}

function quoteChar(c: string): string {
  if (c === "'") return "'\\''";
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c);
  return "'" + q.slice(1, -1) + "'";
}

export function goJsonDecode(text: string): DecodeResult {
  let i = 0;
  const n = text.length;
  const ws = () => { while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++; };
  const fail = (context: string): never => {
    if (i >= n) throw new SyntaxErr('unexpected end of JSON input');
    throw new SyntaxErr(`invalid character ${quoteChar(text[i])} ${context}`);
  };
  const value = (): unknown => {
    ws();
    if (i >= n) throw new SyntaxErr('unexpected end of JSON input');
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') { i++; return obj; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('looking for beginning of object key string');
        const key = string();
        ws();
        if (text[i] !== ':') fail('after object key');
        i++;
        obj[key] = value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return obj; }
        fail('after object key:value pair');
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') { i++; return arr; }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return arr; }
        fail('after array element');
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (c === word[0]) {
        for (let k = 1; k < word.length; k++) {
          i++;
          if (text[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k])})`);
        }
        i++;
        return v;
      }
    }
    return fail('looking for beginning of value');
  };
  const string = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= n) throw new SyntaxErr('unexpected end of JSON input');
      const c = text[i];
      if (c === '"') { i++; return out; }
      if (c < ' ') fail('in string literal');
      if (c === '\\') {
        i++;
        const e = text[i];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && e in simple) { out += simple[e]; i++; continue; }
        if (e === 'u') {
          const hex = text.slice(i + 1, i + 5);
          for (let k = 0; k < 4; k++) {
            i++;
            if (i >= n) throw new SyntaxErr('unexpected end of JSON input');
            if (!/[0-9a-fA-F]/.test(text[i])) fail('in \\u hexadecimal character escape');
          }
          i++;
          out += String.fromCharCode(parseInt(hex, 16));
          continue;
        }
        fail('in string escape code');
      }
      out += c;
      i++;
    }
  };
  const number = (): number => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (text[i] >= '1' && text[i] <= '9') while (text[i] >= '0' && text[i] <= '9') i++;
    else fail('in numeric literal');
    if (text[i] === '.') {
      i++;
      if (!(text[i] >= '0' && text[i] <= '9')) fail('after decimal point in numeric literal');
      while (text[i] >= '0' && text[i] <= '9') i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!(text[i] >= '0' && text[i] <= '9')) fail('in exponent of numeric literal');
      while (text[i] >= '0' && text[i] <= '9') i++;
    }
    return Number(text.slice(start, i));
  };
  try {
    const v = value();
    ws();
    if (i < n) fail('after top-level value');
    return { ok: true, value: fixSurrogates(v) };
  } catch (e) {
    if (e instanceof SyntaxErr) return { ok: false, error: e.message };
    throw e;
  }
}

// Go replaces unpaired \uD800-style escapes with U+FFFD
function fixSurrogates(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  if (Array.isArray(v)) return v.map(fixSurrogates);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [fixSurrogates(k) as string, fixSurrogates(x)]));
  return v;
}
