export type AuthMode = 'none' | 'token' | 'proxy';
export declare const AUTH_MODES: readonly AuthMode[];
export declare function bindsLoopbackOnly(host: string | undefined): boolean;
export type StartupDecision = { ok: true; mode: AuthMode; warning: string | null } | { ok: false; reason: string };
export declare function bindHost(env: Readonly<Record<string, string | undefined>>, argv?: readonly string[]): string;
export declare function authStartupDecision(env: Readonly<Record<string, string | undefined>>, argv?: readonly string[]): StartupDecision;
