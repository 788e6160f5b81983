// `npm run generate:rbac`: writes deploy/overlays/*/rbac.yaml and deploy/PERMISSIONS.md from
// lib/security/permissions.ts (rbac-manifests.test.ts fails until the committed files match).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedDeployFiles } from '../lib/security/rbac-manifests';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const [file, text] of Object.entries(generatedDeployFiles())) {
  const target = path.join(root, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${file}`);
}
