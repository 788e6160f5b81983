import { describe, expect, it } from 'vitest';
import { createLuaState, type LuaProfile } from './index';
import { gopherToNumber } from './tonumber';

describe('gopher-lua tonumber', () => {
  it.each([
    ['12', undefined, 12], ['  12\n', undefined, 12], ['-7', undefined, -7], ['1.5', undefined, 1.5], ['.5', undefined, 0.5],
    ['5.', undefined, 5], ['1.5e2', undefined, 150], ['0x10', undefined, 16], ['0X1f', undefined, 31], ['0x1.8p1', undefined, 3],
    ['1e3', undefined, null], ['1E+2', undefined, null], ['abc', undefined, null], ['', undefined, null], ['-0x10', undefined, null],
    ['9223372036854775807', undefined, 9223372036854775807], ['9223372036854775808', undefined, null], ['1.5e400', undefined, null],
    ['inf', undefined, null], ['nan', undefined, null], ['1.5.2', undefined, null], ['\r12', undefined, null],
    ['ff', 16, 255], ['0x10', 16, null], ['zz', 36, 1295], ['12', 1, null], ['1.5', 16, 1.5], ['777', 8, 511], ['8', 8, null],
  ])('tonumber(%j, %s) = %s', (s, base, expected) => {
    expect(gopherToNumber(s, base)).toBe(expected);
  });

  it.each(['kruise', 'deepflow'] as LuaProfile[])('is the global tonumber of the %s profile, coercion unchanged', (profile) => {
    const out: string[] = [];
    const s = createLuaState({ profile, onPrint: (t) => out.push(t) });
    expect(s.load('print(tonumber("1e3"), "1e3" + 0, tonumber(" 0x10 "), tonumber(42), tonumber(nil), tonumber(true), tonumber("10", 2))').ok).toBe(true);
    expect(s.call(0, 0).ok).toBe(true);
    expect(out).toEqual(['nil\t1000\t16\t42\tnil\tnil\t2']);
    s.close();
  });
});
