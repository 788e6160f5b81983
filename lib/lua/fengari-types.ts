// Loose typing of the fengari module object (the C API mirrored in JS). The raw API is untyped by
// nature (stack indices, status codes); host modules wrap it, so `any` is confined to these members.
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface Fengari {
  lua: any;
  lauxlib: any;
  lualib: any;
  luaconf: any;
  to_luastring(s: string, cache?: boolean): Uint8Array;
  to_jsstring(b: Uint8Array, from?: number, to?: number, replacementChar?: boolean): string;
  luastring_eq(a: Uint8Array, b: Uint8Array): boolean;
  luastring_of(...bytes: number[]): Uint8Array;
  FENGARI_VERSION: string;
}
