// Pinned versions and on-disk layout of the headless VS Code test setup.
// Everything lives under <repo>/.vscode-test/ (git-ignored) unless CLC_VSCODE_TEST_DIR says otherwise.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// code-server 4.139.1 bundles VS Code 1.139.1 and requires Node 24 (its postinstall refuses other majors).
export const NODE_VERSION = '24.9.0';
export const CODE_SERVER_VERSION = '4.139.1';
// Test-side tools, installed outside the project's package.json.
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';
export const MOCHA_VERSION = '11.7.5';

export const APT_PACKAGES = ['chromium', 'libkrb5-dev'];
export const CHROMIUM_PATH = process.env.CLC_CHROMIUM_PATH || '/usr/bin/chromium';

const NODE_ARCH = { x64: 'x64', arm64: 'arm64' }[process.arch];

/** Paths of an install rooted at `root` (default <repo>/.vscode-test). */
export function layout(root = process.env.CLC_VSCODE_TEST_DIR || path.join(REPO_ROOT, '.vscode-test')) {
  root = path.resolve(root);
  const nodeDir = path.join(root, `node-v${NODE_VERSION}-linux-${NODE_ARCH ?? process.arch}`);
  const codeServerPrefix = path.join(root, `code-server-${CODE_SERVER_VERSION}`);
  const codeServerDir = path.join(codeServerPrefix, 'node_modules', 'code-server');
  const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');
  const toolsDir = path.join(root, 'tools');
  return {
    root,
    nodeArch: NODE_ARCH,
    nodePackage: NODE_ARCH ? `node-linux-${NODE_ARCH}` : undefined,
    nodeDir,
    nodeBin: path.join(nodeDir, 'bin', 'node'),
    codeServerPrefix,
    codeServerDir,
    vscodeDir,
    serverMain: path.join(vscodeDir, 'out', 'server-main.js'),
    toolsDir,
    toolsNodeModules: path.join(toolsDir, 'node_modules'),
    runsDir: path.join(root, 'runs'),
    lockDir: path.join(root, '.install.lock'),
  };
}
