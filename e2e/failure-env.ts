import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST, PORT_OFFSET } from './env';

// The extra studio servers that the failure-state specs run against, one per broken setup. Shared by
// playwright.config.ts (to start them) and the specs (to reach them and read their terminal output).
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixture = (p: string) => path.join(ROOT, 'e2e', 'fixtures', p);

/** Outside Playwright's outputDir (wiped at the start of a run, after the servers have started). */
export const SERVER_LOG_DIR = path.join(ROOT, 'test-results', 'e2e-servers');

/** Fixed ports of the API servers the specs start themselves (`startSandbox({ port })`). */
export const FLAKY_API_PORT = 3195;
export const RESTRICTED_API_PORT = 3196;
/** Bearer tokens written into the fixture kubeconfigs; the specs' sandboxes accept exactly these. */
export const FLAKY_TOKEN = 'e2e-flaky-token-0123456789';
export const RESTRICTED_TOKEN = 'e2e-restricted-token-0123456789';

export interface FailureServer {
  name: string;
  port: number;
  baseURL: string;
  /** Everything the server printed (stdout and stderr), as a user would see it in the terminal. */
  log: string;
  env: Record<string, string>;
}

function server(name: string, basePort: number, env: Record<string, string>): FailureServer {
  const port = basePort + PORT_OFFSET;
  // Blank values so a developer's own shell (STUDIO_CLUSTER, STUDIO_CONTEXT, KUBECONFIG) cannot leak in.
  const base = { HOST, PORT: String(port), STUDIO_CLUSTER: '', STUDIO_CONTEXT: '', STUDIO_SANDBOX_SEED: '', STUDIO_SANDBOX_KUBECONFIG: '', KUBECONFIG: '' };
  return { name, port, baseURL: `http://${HOST}:${port}`, log: path.join(SERVER_LOG_DIR, `${name}.log`), env: { ...base, ...env } };
}

export const BROKEN_SEED_DIR = fixture('broken-seed');
export const BROKEN_SEED_FILE = path.join(BROKEN_SEED_DIR, 'pods.yaml');
export const BROKEN_SEED_LINE = 15;
export const MALFORMED_KUBECONFIG = fixture('malformed-kubeconfig.yaml');
export const MALFORMED_KUBECONFIG_LINE = 17;
export const TWO_CONTEXTS_KUBECONFIG = fixture('two-contexts-kubeconfig.yaml');
export const UNKNOWN_CONTEXT = 'no-such-context';

export const TOKEN_AUTH_KUBECONFIG = path.join(ROOT, 'test-results', 'e2e-token-auth-kubeconfig.yaml');
/** The read-only studio's sandbox kubeconfig, written by that studio on start. */
export const READ_ONLY_KUBECONFIG = path.join(ROOT, 'test-results', 'e2e-read-only-kubeconfig.yaml');

export const SERVERS = {
  brokenSeed: server('broken-seed', 3190, {
    STUDIO_CLUSTER: 'sandbox',
    STUDIO_SANDBOX_SEED: path.relative(ROOT, BROKEN_SEED_DIR) + path.sep,
    STUDIO_SANDBOX_KUBECONFIG: path.join(ROOT, 'test-results', 'e2e-broken-seed-kubeconfig.yaml'),
  }),
  malformedKubeconfig: server('malformed-kubeconfig', 3191, { KUBECONFIG: MALFORMED_KUBECONFIG }),
  unknownContext: server('unknown-context', 3192, { KUBECONFIG: TWO_CONTEXTS_KUBECONFIG, STUDIO_CONTEXT: UNKNOWN_CONTEXT }),
  unreachable: server('unreachable', 3193, { KUBECONFIG: fixture('flaky-kubeconfig.yaml') }),
  forbidden: server('forbidden', 3194, { KUBECONFIG: fixture('restricted-kubeconfig.yaml') }),
  // STUDIO_AUTH=token (auth.spec.ts): its own sandbox, whose kubeconfig holds the admin and viewer tokens.
  tokenAuth: server('token-auth', 3197, {
    STUDIO_AUTH: 'token',
    STUDIO_CLUSTER: 'sandbox',
    STUDIO_SANDBOX_KUBECONFIG: TOKEN_AUTH_KUBECONFIG,
    STUDIO_DATA_DIR: path.join(ROOT, 'test-results', 'e2e-token-auth-data'),
    STUDIO_PLUGIN_STORE: 'file',
  }),
  // STUDIO_READ_ONLY=1 on a sandbox of its own; its audit log in its own data directory
  readOnly: server('read-only', 3198, {
    STUDIO_CLUSTER: 'sandbox',
    STUDIO_SANDBOX_KUBECONFIG: READ_ONLY_KUBECONFIG,
    STUDIO_READ_ONLY: '1',
    STUDIO_DATA_DIR: path.join(ROOT, 'test-results', 'e2e-read-only-data'),
  }),
} as const;
