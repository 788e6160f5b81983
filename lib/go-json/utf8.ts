// Go's unicode/utf8 decoding rule, shared by the Lua engine (string.format %q) and the Go JSON
// encoder: Lua strings are bytes, Go reads them as UTF-8 with each invalid byte one RuneError.

/** One UTF-8 code point at `i`: [codePoint, size], or [-1, 1] for an invalid byte (Go's RuneError rule). */
export function decodeRune(b: Uint8Array, i: number): [number, number] {
  const c = b[i];
  if (c < 0x80) return [c, 1];
  let need: number;
  let cp: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; min = 0x80; }
  else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; min = 0x800; }
  else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; min = 0x10000; }
  else return [-1, 1];
  for (let k = 1; k <= need; k++) {
    const cc = b[i + k];
    if (cc === undefined || (cc & 0xc0) !== 0x80) return [-1, 1];
    cp = (cp << 6) | (cc & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return [-1, 1];
  return [cp, need + 1];
}

/** Lua bytes -> JS string as Go's string(bytes) range loop sees it: each invalid UTF-8 byte -> U+FFFD. */
export function bytesToGoString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const [cp, size] = decodeRune(bytes, i);
    out += cp < 0 ? '\uFFFD' : String.fromCodePoint(cp);
    i += size;
  }
  return out;
}
