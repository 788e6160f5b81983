// Kruise's `json` Lua module (kruise-routing.md §4.2): encode/decode with Go semantics, errors
// returned as `nil, message`.
import type { LuaState } from '@/lib/lua';
import { bytesToGoString } from '@/lib/go-json';
import { encodeLuaValue } from './encode';
import { goJsonDecode } from './decode';

export function registerJsonModule(state: LuaState): void {
  state.registerGlobalModule('json', (s) => s.pushFunctionTable({
    encode(t) {
      const r = encodeLuaValue(t.readValue(1));
      if (r.ok) {
        t.pushString(r.json);
        return 1;
      }
      t.pushNil();
      t.pushString(r.error);
      return 2;
    },
    decode(t) {
      const r = goJsonDecode(bytesToGoString(t.checkBytes(1)));
      if (r.ok) {
        t.pushJson(r.value);
        return 1;
      }
      t.pushNil();
      t.pushString(r.error);
      return 2;
    },
  }));
}
