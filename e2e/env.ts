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
