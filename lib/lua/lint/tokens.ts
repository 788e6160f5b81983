// A Lua 5.1 token stream (names, strings, punctuation; comments and whitespace dropped), for the
// rules that must still run when the grammar fails (a half-typed line must not hide "hook is local").
export interface Token {
  type: 'name' | 'string' | 'number' | 'punct';
  value: string;
  /** 0-based offset. */
  index: number;
  line: number;
  /** 1-based. */
  column: number;
}

export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const n = source.length;
  const newlines = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (source[k] === '\n') { line++; lineStart = k + 1; }
  };
  const longLevel = (at: number) => {
    if (source[at] !== '[') return -1;
    let j = at + 1;
    while (source[j] === '=') j++;
    return source[j] === '[' ? j - at - 1 : -1;
  };
  while (i < n) {
    const c = source[i];
    if (c === '\n') { line++; lineStart = ++i; continue; }
    if (/\s/.test(c)) { i++; continue; }
    const at = { index: i, line, column: i - lineStart + 1 };
    if (c === '-' && source[i + 1] === '-') {
      const level = longLevel(i + 2);
      if (level >= 0) {
        const close = source.indexOf(`]${'='.repeat(level)}]`, i);
        const stop = close < 0 ? n : close + level + 2;
        newlines(i, stop);
        i = stop;
      } else {
        while (i < n && source[i] !== '\n') i++;
      }
      continue;
    }
    const level = longLevel(i);
    if (level >= 0) {
      const close = source.indexOf(`]${'='.repeat(level)}]`, i);
      const stop = close < 0 ? n : close + level + 2;
      out.push({ type: 'string', value: source.slice(i + level + 2, close < 0 ? n : close), ...at });
      newlines(i, stop);
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < n && source[j] !== c && source[j] !== '\n') {
        if (source[j] === '\\' && j + 1 < n) {
          value += source[j + 1];
          j += 2;
        } else value += source[j++];
      }
      out.push({ type: 'string', value, ...at });
      i = j + 1;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, i + 256));
    if (name) {
      out.push({ type: 'name', value: name[0], ...at });
      i += name[0].length;
      continue;
    }
    const num = /^(?:0[xX][0-9a-fA-F]+|\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(source.slice(i, i + 256));
    if (num) {
      out.push({ type: 'number', value: num[0], ...at });
      i += num[0].length;
      continue;
    }
    const punct = /^(?:\.\.\.|\.\.|==|~=|<=|>=|::|\/\/|[^\s])/.exec(source.slice(i, i + 3))![0];
    out.push({ type: 'punct', value: punct, ...at });
    i += punct.length;
  }
  return out;
}
