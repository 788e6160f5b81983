'use server';
// Settings writes: the DeepFlow emulation settings, stored beside the plugins. The YAML is parsed
// with DeepFlow's rules before anything is written; a refusal keeps the saved (last good) one.
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { actionScope } from '@/lib/auth/action-scope';
import { DEEPFLOW_VERSIONS } from '@/lib/deepflow/versions';
import { parseAgentConfig } from '@/lib/deepflow/agent-config';
import type { Warnings } from '@/lib/i18n/warnings';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';
import { openPluginStore } from '@/lib/plugins/open-store';
import type { DeepflowSettings, Result } from '@/lib/plugins/types';

// Zod's messages are catalogue keys (settings.action.*), translated in the reader's language below.
const settingsInput = z.object({
  agentConfigYaml: z.string().max(256 * 1024, 'tooLarge'),
  version: z.enum(DEEPFLOW_VERSIONS, { error: 'badVersion' }),
  baseVersion: z.string().min(1).max(64, 'invalidInput'),
});
const INPUT_KEYS = new Set(['tooLarge', 'badVersion']);

export async function saveDeepflowSettings(input: z.input<typeof settingsInput>): Promise<Result<{ settings: DeepflowSettings } & Warnings> & { line?: number | null }> {
  const t = await getTranslations('settings.action');
  const parsed = settingsInput.safeParse(input);
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message ?? '';
    return { ok: false, error: INPUT_KEYS.has(key) ? t(key as 'tooLarge' | 'badVersion', { versions: DEEPFLOW_VERSIONS.join(', ') }) : t('invalidInput') };
  }
  return actionScope('write', async () => {
    try {
      const { agentConfigYaml, version, baseVersion } = parsed.data;
      const config = parseAgentConfig(agentConfigYaml);
      if (!config.ok) {
        // the studio's sentence in the reader's language; DeepFlow's own message stays verbatim
        const say = await getTranslations();
        const message = config.error.msg ? say(config.error.msg.key as never, config.error.msg.values as never) : config.error.message;
        const error = config.error.line !== null ? t('notSavedLine', { line: config.error.line, message }) : t('notSaved', { message });
        return { ok: false, error, line: config.error.line };
      }
      const jar = await cookies();
      const r = await openPluginStore(jar.get(CONTEXT_COOKIE)?.value).saveSettings({ agentConfigYaml, version }, baseVersion);
      return r.ok ? { ok: true, settings: r.settings, warnings: config.warnings, warningMsgs: config.warningMsgs } : r;
    } catch (e) {
      return { ok: false, error: t('storeFailed', { message: (e as Error).message }) };
    }
  }, { auditedWrite: true });
}
