// Integration tests: point the studio's kubeconfig loading at a sandbox, and undo it afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sandboxKubeconfig, type Sandbox } from '../sandbox';
import { resetKubeconfigCache } from '../kubeconfig';

/** Writes a kubeconfig for `sb` as context `context`, sets KUBECONFIG to it; returns the cleanup. */
export function useSandboxKubeconfig(sb: Sandbox, context: string, prefix: string): () => Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'config');
  fs.writeFileSync(file, sandboxKubeconfig([{ name: context, sandbox: sb }], context));
  process.env.KUBECONFIG = file;
  resetKubeconfigCache();
  return async () => {
    await sb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
