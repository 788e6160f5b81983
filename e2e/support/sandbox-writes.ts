// The main sandbox's log of mutating requests (lib/k8s/sandbox/write-log.ts), read with the
// sandbox kubeconfig's own credentials.
import https from 'node:https';
import { WRITE_LOG_PATH, type SandboxWrite } from '../../lib/k8s/sandbox/write-log';
import { setupKubeConfig } from '../kube';

export async function sandboxWrites(): Promise<SandboxWrite[]> {
  const kc = setupKubeConfig();
  const opts: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const url = new URL(WRITE_LOG_PATH, kc.getCurrentCluster()!.server);
  const text = await new Promise<string>((resolve, reject) => {
    https
      .get(url, opts, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`${WRITE_LOG_PATH} answered ${res.statusCode}: ${body.slice(0, 200)}`))));
      })
      .on('error', reject);
  });
  return (JSON.parse(text) as { items: SandboxWrite[] }).items;
}
