// The runner's `lint` request goes through the dialect-aware lint module of lib/lua.
export { lintLua, type LintIssue, type LuaDialect } from '@/lib/lua/lint';
