// One Lua state per batch that behaves like DeepFlow's fresh `lua.NewState()` per pod.
//
// Creating a fengari state (opening and shaping every library) costs more than running a typical
// plugin, so the batch keeps one state and, after each pod, restores the engine's snapshot of the
// standard environment taken when the state was fresh (`state.snapshot()` / `state.restore()`);
// when it cannot be restored in place the state is discarded and a new one built. Plugin chunks are
// compiled once per state and re-executed per pod: their _ENV is the (restored) globals table, so
// each pod sees fresh globals exactly as production does.
import { createLuaState, type Budget, type LuaFailure, type LuaRef, type LuaSnapshot, type LuaState } from '@/lib/lua';
import { installDkjson } from './dkjson';

export type CompiledPlugin = { ok: true; ref: LuaRef } | { ok: false; error: LuaFailure };

export class PodState {
  readonly state: LuaState;
  readonly plugins: CompiledPlugin[];
  private readonly fresh: LuaSnapshot;
  private printSink: ((line: string) => void) | null = null;

  constructor(sources: string[], budget?: Partial<Budget>) {
    this.state = createLuaState({ profile: 'deepflow', budget, onPrint: (line) => this.printSink?.(line) });
    installDkjson(this.state);
    this.plugins = sources.map((source) => {
      const loaded = this.state.load(source);
      if (!loaded.ok) return loaded;
      return { ok: true, ref: this.state.ref() };
    });
    this.fresh = this.state.snapshot();
  }

  set onPrint(sink: ((line: string) => void) | null) {
    this.printSink = sink;
  }

  /** Puts the state back to its fresh snapshot; false when it cannot (the caller builds a new one). */
  reset(): boolean {
    return this.state.restore(this.fresh);
  }

  close(): void {
    this.state.close();
  }
}
