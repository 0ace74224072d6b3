#!/usr/bin/env node
// `npm run test:web`: the extension in VS Code's browser extension host (a web worker) in Chromium.
//
//   node scripts/e2e/web-test.mjs [--keep] [--verbose]
//
// Uses the VS Code build inside code-server (scripts/e2e/install-vscode-server.mjs; nothing is
// downloaded here). How the extension gets into the browser's extension host: it is loaded as the
// extension under development (URL payload, as for the Node suites) and the user setting
// remote.extensionKind gives it the kind "web", so the workbench runs it in its web worker extension
// host rather than the server's Node one. (The payload entry extensionDevelopmentKind would say the
// same, but this build's web workbench does not read it back.) The test module lies inside the
// extension's folder, so it runs in the same host. The extension then starts from its
// package.json "browser" entry (dist/web/extension.js; build first) and its language server in a
// web worker of its own.
//
// The suite (test/integration/web/) is bundled with mocha's browser build into one script, since
// a worker extension host loads a test module as a single file with no require() but 'vscode'.
// Its workspace gets a conformance case (input and ct's --pretty output) for the transpile tests.
// Prints mocha's report, the speed figures of the 10,000-line test (also saved to
// test-results/web/bench.json), and closes with "e2e: N passed, N failed".
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, loadInstall, runExtensionTests } from './vscode-server.mjs';

const { values: opts } = parseArgs({ options: { keep: { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } } });

const SUITE = path.join(REPO_ROOT, 'test', 'integration', 'web');
const RESULTS = path.join(REPO_ROOT, 'test-results', 'web');
// a clean CLC config with ct's output for it; its name in the workspace is what the suite expects
const CT_CASE = path.join(REPO_ROOT, 'test', 'conformance', 'cases', 'cli-strict-clean-config');

async function main() {
  for (const f of ['dist/web/extension.js', 'dist/web/server.js', 'dist/butane.js']) {
    if (!fs.existsSync(path.join(REPO_ROOT, f))) {
      console.error(`[web-test] ${f} is missing: run npm run build first`);
      return 2;
    }
  }
  let install;
  try {
    install = loadInstall();
  } catch (err) {
    console.error(`[web-test] ${err.message}`);
    return 2;
  }

  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const extensionId = `${pkg.publisher}.${pkg.name}`;
  fs.mkdirSync(RESULTS, { recursive: true });
  const bundle = path.join(RESULTS, 'suite.js');
  await build({
    entryPoints: [path.join(SUITE, 'index.js')],
    outfile: bundle,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    alias: { 'mocha/mocha.js': path.join(install.toolsNodeModules, 'mocha', 'mocha.js') },
    logLevel: 'warning',
  });

  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-web-workspace-'));
  try {
    fs.cpSync(path.join(SUITE, 'workspace'), workspace, { recursive: true });
    fs.copyFileSync(path.join(CT_CASE, 'input.yml'), path.join(workspace, 'ct-case.clc.yml'));
    fs.copyFileSync(path.join(CT_CASE, 'expected.stdout'), path.join(workspace, 'ct-case.expected.ign'));
    // the Butane row's expected output: what the project's butane CLI prints for its input
    const butane = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'butane.js'), '--pretty', path.join(workspace, 'butane-config.bu')], { encoding: 'utf8' });
    if (butane.status !== 0) throw new Error(`dist/butane.js failed on butane-config.bu: ${butane.stderr}`);
    fs.writeFileSync(path.join(workspace, 'butane-config.expected.ign'), butane.stdout);
    const args = fs.readFileSync(path.join(CT_CASE, 'args'), 'utf8');
    if (!/--pretty/.test(args)) throw new Error(`${CT_CASE}: expected a --pretty case`);

    let pending = '';
    const out = (s) => {
      pending += s;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const m = /web-bench: (\{.*\})/.exec(line);
        if (m) fs.writeFileSync(path.join(RESULTS, 'bench.json'), `${JSON.stringify(JSON.parse(m[1]), null, 2)}\n`);
        process.stdout.write(`${line}\n`);
      }
    };
    const abort = new AbortController();
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => abort.abort());
    const status = await runExtensionTests({
      install,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: bundle,
      workspace,
      userSettings: { 'remote.extensionKind': { [extensionId]: ['web'] } },
      timeoutMs: 5 * 60_000,
      screenshotDir: RESULTS,
      screenshotRequests: true,
      keepRunDir: opts.keep,
      verbose: opts.verbose,
      signal: abort.signal,
      out,
    });
    if (pending) out('\n');
    return status;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[web-test] ${err.stack || err}`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(2);
  },
);
