'use server';
// Settings writes: the DeepFlow emulation settings, stored beside the plugins. The YAML is parsed
// with DeepFlow's rules before anything is written; a refusal keeps the saved (last good) one.
import { cookies } from 'next/headers';
import { z } from 'zod';
import { actionScope } from '@/lib/auth/action-scope';
import { DEEPFLOW_VERSIONS } from '@/lib/deepflow/versions';
import { parseAgentConfig } from '@/lib/deepflow/agent-config';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';
import { openPluginStore } from '@/lib/plugins/open-store';
import type { DeepflowSettings, Result } from '@/lib/plugins/types';

const settingsInput = z.object({
  agentConfigYaml: z.string().max(256 * 1024, 'The agent configuration is larger than 256 KiB.'),
  version: z.enum(DEEPFLOW_VERSIONS, { error: `The DeepFlow version must be one of ${DEEPFLOW_VERSIONS.join(', ')}.` }),
  baseVersion: z.string().min(1).max(64),
});

export async function saveDeepflowSettings(input: z.input<typeof settingsInput>): Promise<Result<{ settings: DeepflowSettings; warnings: string[] }> & { line?: number | null }> {
  const parsed = settingsInput.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid input' };
  return actionScope('write', async () => {
    try {
      const { agentConfigYaml, version, baseVersion } = parsed.data;
      const config = parseAgentConfig(agentConfigYaml);
      if (!config.ok) {
        const where = config.error.line !== null ? `Line ${config.error.line}: ` : '';
        return { ok: false, error: `${where}${config.error.message}. Not saved: the last saved configuration stays in force.`, line: config.error.line };
      }
      const jar = await cookies();
      const r = await openPluginStore(jar.get(CONTEXT_COOKIE)?.value).saveSettings({ agentConfigYaml, version }, baseVersion);
      return r.ok ? { ok: true, settings: r.settings, warnings: config.warnings } : r;
    } catch (e) {
      return { ok: false, error: `The settings store failed: ${(e as Error).message}` };
    }
  }, { auditedWrite: true });
}
