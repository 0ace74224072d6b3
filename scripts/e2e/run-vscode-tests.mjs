#!/usr/bin/env node
// Runs an extension's integration tests inside a real, headless VS Code (see test/integration/README.md).
//
//   node scripts/e2e/run-vscode-tests.mjs --extension <dir> --tests <test module> --workspace <dir>
//        [--timeout-ms N] [--screenshot-dir D] [--keep] [--verbose] [--install]
//
// --tests is a CommonJS module exporting run(): Promise<void>, loaded in the extension host; mocha can be
// required from it (NODE_PATH points at .vscode-test/tools/node_modules). The workspace is copied into a
// fresh run folder under .vscode-test/runs/ and the copy is opened. Exit status: the suite's (0 = passed),
// 124 on timeout, 130 when interrupted, 2 when the setup failed.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadInstall, runExtensionTests } from './vscode-server.mjs';

const USAGE =
  'usage: run-vscode-tests.mjs --extension <dir> --tests <abs path to CommonJS test module> --workspace <dir>\n' +
  '                            [--timeout-ms N] [--screenshot-dir D] [--keep] [--verbose] [--install]';

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        extension: { type: 'string' },
        tests: { type: 'string' },
        workspace: { type: 'string' },
        'timeout-ms': { type: 'string', default: String(10 * 60_000) },
        'screenshot-dir': { type: 'string' },
        keep: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        install: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const missing = ['extension', 'tests'].filter((k) => !values[k]);
  if (missing.length) {
    console.error(`missing --${missing.join(', --')}\n${USAGE}`);
    return 2;
  }
  const timeoutMs = Number(values['timeout-ms']);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    console.error(`bad --timeout-ms ${values['timeout-ms']}`);
    return 2;
  }
  const extension = path.resolve(values.extension);
  const tests = path.resolve(values.tests);
  const workspace = values.workspace ? path.resolve(values.workspace) : undefined;
  for (const [what, p] of [
    ['--extension', extension],
    ['--tests', tests],
    ['--workspace', workspace],
  ]) {
    if (p && !fs.existsSync(p)) {
      console.error(`${what}: ${p} does not exist`);
      return 2;
    }
  }

  let install;
  if (values.install) {
    const { ensureInstalled } = await import('./install-vscode-server.mjs');
    install = await ensureInstalled({ quiet: false });
  } else {
    try {
      install = loadInstall();
    } catch (err) {
      console.error(err.message);
      return 2;
    }
  }

  const abort = new AbortController();
  const onSignal = (sig) => {
    console.error(`\n[vscode-tests] ${sig}: stopping VS Code`);
    abort.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);

  return runExtensionTests({
    install,
    extensionDevelopmentPath: extension,
    extensionTestsPath: tests,
    workspace,
    timeoutMs,
    screenshotDir: values['screenshot-dir'] && path.resolve(values['screenshot-dir']),
    keepRunDir: values.keep,
    verbose: values.verbose,
    signal: abort.signal,
  });
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[vscode-tests] ${err.stack || err}`);
    process.exit(2);
  },
);
