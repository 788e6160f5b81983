// The one plugin-name rule, shared by the server actions and the editor (pure).
//
// DeepFlow itself accepts almost any NAME (an empty one too, §8.2), but a plugin is deleted with
// `DELETE /v1/plugin/<name>/` and `deepflow-ctl plugin delete <name>`: a name with `/`, `?`, `#`,
// `%`, spaces or shell metacharacters cannot travel through that URL or command line unchanged, so
// such a plugin could be created and never deleted. The column is VARCHAR(256). A leading `-` would
// read as a flag to deepflow-ctl, a leading `.` makes hidden/relative file names in the studio's
// data directory. Hence: 1–256 characters, letters, digits, `.`, `_`, `-`, starting with a letter
// or digit.
export const PLUGIN_NAME_MAX_LENGTH = 256;

import { msg, type Msg } from '@/lib/i18n/message';

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** null when `name` is a valid plugin name, else the reason: in English and as a message for the UI. */
export function checkPluginName(name: string): { text: string; message: Msg } | null {
  if (typeof name !== 'string' || name.length === 0) return { text: 'The plugin name is required.', message: msg('plugins.name.required') };
  if (name.length > PLUGIN_NAME_MAX_LENGTH) {
    return { text: `The plugin name is ${name.length} characters long; DeepFlow keeps at most ${PLUGIN_NAME_MAX_LENGTH}.`, message: msg('plugins.name.tooLong', { length: name.length, max: PLUGIN_NAME_MAX_LENGTH }) };
  }
  if (!/^[A-Za-z0-9]/.test(name)) return { text: 'The plugin name must start with a letter or a digit.', message: msg('plugins.name.start') };
  if (!NAME_RE.test(name)) {
    const bad = [...name].find((c) => !/[A-Za-z0-9._-]/.test(c)) ?? '';
    const kind = bad === ' ' ? 'space' : /\s/.test(bad) ? 'whitespace' : bad;
    const shown = kind === 'space' ? 'a space' : kind === 'whitespace' ? 'a whitespace character' : `"${bad}"`;
    return {
      text: `The plugin name may contain only letters, digits, ".", "_" and "-" (it has ${shown}): DeepFlow deletes plugins by name in a URL (/v1/plugin/<name>/) and on the deepflow-ctl command line.`,
      message: msg('plugins.name.chars', { bad: kind, url: '/v1/plugin/<name>/' }),
    };
  }
  return null;
}

/** null when `name` is a valid plugin name, else the reason in English (server actions, CLI, audit). */
export function validatePluginName(name: string): string | null {
  return checkPluginName(name)?.text ?? null;
}
