import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Shared by playwright.config.ts (to start the server) and the specs (to reach the same sandbox).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Parallel checkouts (git worktrees) on one machine shift every e2e port by E2E_PORT_OFFSET. */
export const PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const PORT = 3199 + PORT_OFFSET;
export const HOST = '127.0.0.1';
export const BASE_URL = `http://${HOST}:${PORT}`;
/** The sandbox writes its kubeconfig here on start; specs use it to change the cluster under the page. */
export const SANDBOX_KUBECONFIG = path.join(root, 'test-results', 'e2e-kubeconfig.yaml');

/**
 * The main studio's plugin store: a fresh directory per run. Set once in the runner process (config
 * load) and inherited through the environment by the workers and web servers, so all see the same.
 */
export const STUDIO_DATA_DIR = (process.env.E2E_STUDIO_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), `kls-e2e-data-${PORT_OFFSET}-`)));
/** The fake DeepFlow controller (lib/plugins/fake-deepflow-server.ts) the main studio syncs with. */
export const FAKE_DEEPFLOW_PORT = 3400 + PORT_OFFSET;
export const FAKE_DEEPFLOW_URL = `http://${HOST}:${FAKE_DEEPFLOW_PORT}`;
/** A second studio a spec starts itself (restart test), on its own fixed port. */
export const SECOND_STUDIO_PORT = 3500 + PORT_OFFSET;
