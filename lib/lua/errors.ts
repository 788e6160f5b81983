// Maps fengari runtime messages to what gopher-lua would log (lua-dialect.md §5.2). The bundle
// records the details gopher's wording needs in l_G.studioLastError (scripts/build-engine.mjs).
import fengari from './fengari';
import { formatLuaNumber } from './number';

const { to_jsstring } = fengari;

// ltm.js TMS numbering -> gopher-lua's operation names
const ARITH_OPS: Record<number, string> = { 6: 'add', 7: 'sub', 8: 'mul', 9: 'mod', 10: 'pow', 11: 'div', 18: 'unm', 22: 'concat' };
const LUA_TNUMBER = 3;
const NUMINT = 3 | (1 << 4);

export interface LastError {
  op: number | 'index';
  key?: Uint8Array | number | null;
  keyType?: number;
  t1?: Uint8Array;
  t2?: Uint8Array;
}

/** `<string>:L: ` prefix, if any, and the rest. */
function splitPosition(message: string): [string, string] {
  const m = /^(<string>:\d+: )([\s\S]*)$/.exec(message);
  return m ? [m[1], m[2]] : ['', message];
}

export function productionMessage(message: string, last: LastError | null): string {
  const [where, body] = splitPosition(message);
  let m: RegExpExecArray | null;
  if ((m = /^attempt to index a (\w+) value/.exec(body))) {
    const key = last && last.op === 'index' ? keyText(last) : '?';
    return `${where}attempt to index a non-table object(${m[1]}) with key '${key}'`;
  }
  if (/^attempt to call a \w+ value/.test(body)) return `${where}attempt to call a non-function object`;
  if (/^attempt to (perform arithmetic on|concatenate) a \w+ value/.test(body) && last && typeof last.op === 'number') {
    const op = ARITH_OPS[last.op] ?? 'arithmetic';
    const t1 = last.t1 ? to_jsstring(last.t1) : '?';
    const t2 = last.t2 ? to_jsstring(last.t2) : '?';
    return `${where}cannot perform ${op} operation between ${t1} and ${t2}`;
  }
  if (/^attempt to get length of a \w+ value/.test(body)) return `${where}__len undefined`;
  if ((m = /^bad argument #(\d+) to '([^']+)'(.*)$/s.exec(body))) return `${where}bad argument #${m[1]} to ${m[2]}${m[3]}`;
  return message;
}

function keyText(last: LastError): string {
  const k = last.key;
  if (k instanceof Uint8Array) return to_jsstring(k);
  if (typeof k === 'number') return last.keyType === NUMINT || last.keyType === LUA_TNUMBER ? formatLuaNumber(k) : String(k);
  return '?';
}

/** Line of a `<string>:L:` message. */
export function lineOf(message: string): number | undefined {
  const m = /^<string>:(\d+):/.exec(message);
  return m ? Number(m[1]) : undefined;
}
