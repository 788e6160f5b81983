#!/usr/bin/env node
// `node e2e/support/fake-deepflow.mjs PORT`: the fake DeepFlow controller (lib/plugins/fake-deepflow-server.ts)
// on 127.0.0.1:PORT for the e2e studio's DEEPFLOW_SERVER_URL. tsx loads the TypeScript source on Node 20.
import { tsImport } from 'tsx/esm/api';

const port = Number(process.argv[2] ?? process.env.PORT ?? 3400);
const { startFakeDeepflow } = await tsImport('../../lib/plugins/fake-deepflow-server.ts', import.meta.url);
const fake = await startFakeDeepflow({ port, host: '127.0.0.1' });
console.log(`fake DeepFlow server on ${fake.url}`);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void fake.close().then(() => process.exit(0)));
