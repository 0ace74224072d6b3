#!/usr/bin/env node
// Installs the packaged extension (.vsix) into a real VS Code with VS Code's own installer and runs
// the smoke suite test/integration/extension/ against the installed copy:
//   npm run test:extension [-- --vsix clc-0.1.0.vsix] [--no-package] [--keep]
// Needs the headless VS Code from scripts/e2e/install-vscode-server.mjs (run with --install to set it up).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    vsix: { type: 'string' },
    'no-package': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    install: { type: 'boolean', default: false },
  },
});
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.resolve(ROOT, values.vsix ?? `${pkg.name}-${pkg.version}.vsix`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
  return r;
}

if (values.install) run(process.execPath, ['scripts/e2e/install-vscode-server.mjs']);
if (!values['no-package']) run(process.execPath, ['scripts/package.mjs', '--out', vsix]);

const { layout } = await import('./e2e/versions.mjs');
const L = layout();
if (!fs.existsSync(L.serverMain)) {
  console.error('The headless VS Code is not installed: node scripts/e2e/install-vscode-server.mjs (or pass --install)');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-ext-'));
try {
  const extDir = path.join(tmp, 'extensions');
  const install = spawnSync(
    L.nodeBin,
    [L.serverMain, '--install-extension', vsix, '--force', '--extensions-dir', extDir, '--user-data-dir', path.join(tmp, 'data')],
    { encoding: 'utf8' },
  );
  const said = `${install.stdout}${install.stderr}`;
  const installed = path.join(extDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  if (install.status !== 0 || !fs.existsSync(path.join(installed, 'package.json'))) {
    console.error(`VS Code did not install ${path.basename(vsix)}:\n${said}`);
    process.exit(1);
  }
  console.log(`installed ${path.basename(vsix)} into ${installed}`);
  // clct runs from the installed extension, without the sources (the README tells users so)
  const clct = spawnSync(process.execPath, [path.join(installed, 'dist', 'clct.js'), '--in-file', path.join(ROOT, 'examples', 'cl-config.yml')], { encoding: 'utf8' });
  if (clct.status !== 0 || !clct.stdout.includes('"version":"2.3.0"')) {
    console.error(`clct from the installed extension failed (status ${clct.status}):\n${clct.stderr}`);
    process.exit(1);
  }
  console.log('clct runs from the installed extension');
  run(process.execPath, [
    'scripts/e2e/run-vscode-tests.mjs',
    '--extension', installed,
    '--tests', path.join(ROOT, 'test/integration/extension/index.js'),
    '--workspace', path.join(ROOT, 'test/integration/extension/workspace'),
    ...(values.keep ? ['--keep'] : []),
  ]);
} finally {
  if (!values.keep) fs.rmSync(tmp, { recursive: true, force: true });
}
