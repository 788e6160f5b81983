'use server';
// Plugin writes (Contract B). Thin: zod validates the shape, lib/plugins/service.ts does the rest
// (name rule, server-side load check, store, DeepFlow server). Nothing is thrown to the UI.
import { cookies } from 'next/headers';
import { z } from 'zod';
import { actionScope } from '@/lib/auth/action-scope';
import { msg, type Msg } from '@/lib/i18n/message';
import { CONTEXT_COOKIE } from '@/lib/k8s/types';
import { pluginServiceEnv } from '@/lib/plugins/open-store';
import * as service from '@/lib/plugins/service';
import type { PluginList, PluginRecord, Result } from '@/lib/plugins/types';

const MAX_SOURCE = 512 * 1024; // DeepFlow stores any size; a ConfigMap holds 1 MiB with history
const name = z.string({ error: 'The plugin name is required.' }).max(256, 'The plugin name is longer than 256 characters.');
const version = z.string().min(1).max(64);
const source = z.string().max(MAX_SOURCE, `The Lua source is larger than ${MAX_SOURCE / 1024} KiB.`);

type Synced = { warnings: string[]; notes?: Msg[]; deepflowError?: string };

async function run<S extends z.ZodType, T extends object>(schema: S, input: unknown, fn: (env: service.ServiceEnv, data: z.infer<S>) => Promise<Result<T>>): Promise<Result<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const why = parsed.error.issues[0]?.message ?? 'invalid input';
    return { ok: false, error: why, message: msg('plugins.store.invalid', { quote: why }) };
  }
  // every plugin action writes
  return actionScope('write', async () => {
    try {
      const jar = await cookies();
      return await fn(pluginServiceEnv(jar.get(CONTEXT_COOKIE)?.value), parsed.data);
    } catch (e) {
      const why = (e as Error).message;
      return { ok: false, error: `The plugin store failed: ${why}`, message: msg('plugins.store.storeFailed', { quote: why }) };
    }
  }, { auditedWrite: true });
}

const saveInput = z.object({ name, source, baseVersion: version.nullable(), previousName: name.optional() });
export async function savePlugin(input: z.input<typeof saveInput>): Promise<Result<{ plugin: PluginRecord } & Synced>> {
  return run(saveInput, input, (env, d) => service.savePlugin(env, d));
}

const deleteInput = z.object({ name, baseVersion: version });
export async function deletePlugin(input: z.input<typeof deleteInput>): Promise<Result<Synced>> {
  return run(deleteInput, input, (env, d) => service.deletePlugin(env, d));
}

const enabledInput = z.object({ name, enabled: z.boolean(), baseVersion: version });
export async function setPluginEnabled(input: z.input<typeof enabledInput>): Promise<Result<{ plugin: PluginRecord } & Synced>> {
  return run(enabledInput, input, (env, d) => service.setPluginEnabled(env, d));
}

const duplicateInput = z.object({ name, newName: name });
export async function duplicatePlugin(input: z.input<typeof duplicateInput>): Promise<Result<{ plugin: PluginRecord } & Synced>> {
  return run(duplicateInput, input, (env, d) => service.duplicatePlugin(env, d));
}

const reorderInput = z.object({ order: z.array(name).max(1000), listVersion: version });
/** On a DeepFlow server the order is creation order: the plugins are deleted and re-created in the new order (see `warnings`). */
export async function reorderPlugins(input: z.input<typeof reorderInput>): Promise<Result<{ list: PluginList } & Synced>> {
  return run(reorderInput, input, (env, d) => service.reorderPlugins(env, d));
}

const restoreInput = z.object({ name, version, baseVersion: version });
export async function restorePluginVersion(input: z.input<typeof restoreInput>): Promise<Result<{ plugin: PluginRecord } & Synced>> {
  return run(restoreInput, input, (env, d) => service.restorePluginVersion(env, d));
}
