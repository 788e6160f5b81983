import { describe, expect, it } from 'vitest';
import { lintLua } from '@/lib/lua/lint';
import { clampLine, countBySeverity, fromLint, mergeDiagnostics, offsetOf } from './diagnostics';

describe('editor diagnostics', () => {
  it('turns lint issues into diagnostics with their source', () => {
    const list = fromLint(lintLua('local x = = 1\n', 'kruise'));
    expect(list[0]).toMatchObject({ severity: 'error', line: 1, source: 'syntax' });
  });

  it('merges page and own diagnostics without duplicates, ordered by position then severity', () => {
    const own = [{ severity: 'warning' as const, message: 'w', line: 3, column: 2 }, { severity: 'error' as const, message: 'e', line: 1 }];
    const page = [{ severity: 'error' as const, message: 'runtime', line: 3, column: 2 }, { severity: 'error' as const, message: 'e', line: 1 }];
    expect(mergeDiagnostics(own, page).map((d) => d.message)).toEqual(['e', 'runtime', 'w']);
    expect(countBySeverity(mergeDiagnostics(own, page))).toEqual({ error: 2, warning: 1, info: 0 });
  });

  it('maps line/column to a textarea offset, clamping lines past the end', () => {
    const text = 'ab\ncdef\n';
    expect(offsetOf(text, 2, 3)).toBe(5);
    expect(offsetOf(text, 2, 99)).toBe(7);
    expect(offsetOf(text, 9)).toBe(8);
    expect(clampLine(0, text)).toBe(1);
    expect(clampLine(40, text)).toBe(3);
  });
});
