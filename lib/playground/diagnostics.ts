// Runtime error messages -> editor diagnostics. Engine messages carry the chunk position as
// `<string>:LINE:` (also when wrapped, e.g. DeepFlow's "lua script execution error: (…)").
export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column?: number;
  source?: string;
}

export function errorLine(message: string): number | null {
  const m = /<string>:(\d+):/.exec(message);
  return m ? Number(m[1]) : null;
}

/** A diagnostic for a runtime error; line 1 when the message names none (budget, load failures). */
export function runtimeDiagnostic(message: string, source = 'runtime'): Diagnostic {
  return { severity: 'error', message, line: errorLine(message) ?? 1, source };
}
