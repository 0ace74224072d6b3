// Configuration for @vscode/test-cli (`npm run test:vscode`): runs the feature suite of
// test/integration/features/ in desktop VS Code, which @vscode/test-electron downloads into
// .vscode-test/ on first use (so this needs a machine that can reach VS Code's download site).
// `npm run test:e2e` runs the same files under code-server without any download.
//
//   npm run test:vscode                                   # VS Code stable
//   CLC_VSCODE_VERSION=1.95.0 npm run test:vscode         # a given version (or "insiders")
//   npm run test:vscode -- --grep preview                 # a subset
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@vscode/test-cli';

const root = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { mochaOptions, testFiles } = require('./test/integration/features/index.js');

// The tests write into their workspace: give them a fresh copy on every run, as the code-server
// launcher does.
const workspace = path.join(root, '.vscode-test', 'test-cli-workspace');
fs.rmSync(workspace, { recursive: true, force: true });
fs.cpSync(path.join(root, 'test', 'integration', 'features', 'workspace'), workspace, { recursive: true });

export default defineConfig({
  label: 'features',
  files: testFiles(),
  extensionDevelopmentPath: root,
  workspaceFolder: workspace,
  version: process.env.CLC_VSCODE_VERSION || 'stable',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  mocha: { ...mochaOptions, color: undefined },
});
