#!/usr/bin/env node
// Packages the extension as a .vsix with @vscode/vsce, without network access:
//   npm run package [-- --out path/to/file.vsix]
// vsce runs the "vscode:prepublish" script (a minified build) first. The extension bundles all it
// needs, so dependency detection is off. Prints the file list and fails above 2 MB.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 2 * 1024 * 1024;
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = path.resolve(ROOT, outIndex >= 0 ? args[outIndex + 1] : `${pkg.name}-${pkg.version}.vsix`);

// the lead's README.md wins; until it exists the extension's draft stands in
const readme = existsSync(path.join(ROOT, 'README.md')) ? 'README.md' : 'docs/extension-readme-draft.md';

const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
// README.md shows screenshots by relative path (docs/images/, shipped in the package): keep those paths
// as they are, since there is no repository URL for vsce to rewrite them against
const vsceArgs = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--readme-path', readme, '--out', out];
const run = spawnSync(process.execPath, [vsce, ...vsceArgs], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, npm_config_offline: 'true' } });
if (run.status !== 0) process.exit(run.status ?? 1);

// list what went in
const list = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies', '--readme-path', readme], { cwd: ROOT, encoding: 'utf8' });
const size = statSync(out).size;
console.log(`\n${path.relative(ROOT, out)}: ${(size / 1024).toFixed(1)} KiB`);
if (list.status === 0) console.log(list.stdout.trim().split('\n').map((l) => `  ${l}`).join('\n'));
if (size > MAX_BYTES) {
  console.error(`The package is larger than ${MAX_BYTES / 1024 / 1024} MB; check .vscodeignore.`);
  process.exit(1);
}
