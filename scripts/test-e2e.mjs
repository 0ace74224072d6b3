#!/usr/bin/env node
// `npm run test:e2e`: the extension's end-to-end tests in a real, headless VS Code (code-server).
//
//   npm run test:e2e [-- --no-ui] [--no-smoke] [--no-web] [--no-build] [--keep] [--grep TEXT]
//
// 1. builds dist/ (the extension, the server and clct);
// 2. installs the headless VS Code into .vscode-test/ when missing (minutes the first time, ~1 s after);
// 3. runs the feature suite test/integration/features/ in the extension host (mocha's report is printed);
// 4. runs the smoke suite test/integration/extension/ against the same build;
// 5. runs the web suite test/integration/web/ in VS Code's browser extension host (npm run test:web);
// 6. runs the Playwright UI test scripts/e2e/ui-test.mjs, screenshots to test-results/ui/.
// Each suite runs in its own VS Code with a fresh copy of its workspace. The last line is
// "e2e: N passed, N failed[, N skipped]" over all of them; the exit status is 0 only when every step
// passed (124 when one timed out).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    'no-ui': { type: 'boolean', default: false },
    'no-smoke': { type: 'boolean', default: false },
    'no-web': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    grep: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log('usage: node scripts/test-e2e.mjs [--no-ui] [--no-smoke] [--no-web] [--no-build] [--keep] [--grep TEXT]');
  process.exit(0);
}

const started = Date.now();
const secs = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;
const say = (m) => console.log(`\n[e2e ${secs()}] ${m}`);
const total = { passed: 0, failed: 0, skipped: 0 };
const results = [];

/** Runs a step as a child process, streaming its output; its closing "<word>: N passed, N failed" line is counted. */
function step(name, args, { env = {}, timeoutMs } = {}) {
  say(`${name}: node ${args.map((a) => path.relative(ROOT, a) || a).join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let counted;
    let tail = '';
    child.stdout.on('data', (d) => {
      const text = tail + d.toString();
      const lines = text.split('\n');
      tail = lines.pop();
      for (const line of lines) handle(line);
    });
    const handle = (line) => {
      const m = /^(?:e2e|ui): (\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(line);
      if (m) counted = { passed: +m[1], failed: +m[2], skipped: +(m[3] ?? 0) };
      else process.stdout.write(`${line}\n`);
    };
    const timer = timeoutMs
      ? setTimeout(() => {
          console.error(`[e2e] ${name} exceeded ${timeoutMs / 1000}s: stopping it`);
          child.kill('SIGTERM');
        }, timeoutMs)
      : undefined;
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (tail) handle(tail);
      const status = code ?? (signal ? 124 : 1);
      const c = counted ?? { passed: 0, failed: status === 0 ? 0 : 1, skipped: 0 };
      if (status !== 0 && c.failed === 0) c.failed = 1; // failed outside the tests' own count
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
      results.push({ name, status, ...c });
      resolve(status);
    });
  });
}

async function main() {
  if (!opts['no-build']) {
    say('build');
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) {
      console.log('e2e: 0 passed, 1 failed');
      return 1;
    }
  }

  say('VS Code test setup (installed when missing)');
  const { ensureInstalled } = await import('./e2e/install-vscode-server.mjs');
  try {
    await ensureInstalled();
  } catch (err) {
    console.error(`[e2e] cannot install the headless VS Code: ${err.message}`);
    console.log('e2e: 0 passed, 1 failed');
    return 2;
  }

  const statuses = [];
  // the grammar tests need VS Code's TextMate engine, which is there from now on
  statuses.push(await step('grammar tests (test/unit/client-grammar.test.ts)', [path.join(ROOT, 'scripts', 'e2e', 'grammar-test.mjs')]));

  const runner = path.join(ROOT, 'scripts', 'e2e', 'run-vscode-tests.mjs');
  const keep = opts.keep ? ['--keep'] : [];
  const env = opts.grep ? { CLC_E2E_GREP: opts.grep } : {};
  statuses.push(
    await step('feature suite (test/integration/features)', [
      runner,
      '--extension', ROOT,
      '--tests', path.join(ROOT, 'test', 'integration', 'features', 'index.js'),
      '--workspace', path.join(ROOT, 'test', 'integration', 'features', 'workspace'),
      '--timeout-ms', String(4 * 60_000),
      '--screenshot-dir', path.join(ROOT, 'test-results', 'features'),
      ...keep,
    ], { env }),
  );
  if (!opts['no-smoke'] && !opts.grep) {
    statuses.push(
      await step('smoke suite (test/integration/extension)', [
        runner,
        '--extension', ROOT,
        '--tests', path.join(ROOT, 'test', 'integration', 'extension', 'index.js'),
        '--workspace', path.join(ROOT, 'test', 'integration', 'extension', 'workspace'),
        '--timeout-ms', String(3 * 60_000),
        ...keep,
      ]),
    );
  }
  if (!opts['no-web'] && !opts.grep) {
    statuses.push(
      await step('web suite in the browser extension host (test/integration/web)', [path.join(ROOT, 'scripts', 'e2e', 'web-test.mjs'), ...keep], { timeoutMs: 8 * 60_000 }),
    );
  }
  if (!opts['no-ui'] && !opts.grep) {
    statuses.push(
      await step('UI test (scripts/e2e/ui-test.mjs)', [
        path.join(ROOT, 'scripts', 'e2e', 'ui-test.mjs'),
        '--screenshots', path.join(ROOT, 'test-results', 'ui'),
        ...keep,
      ], { timeoutMs: 5 * 60_000 }),
    );
  }

  say('summary');
  for (const r of results) {
    console.log(`  ${r.status === 0 ? '✔' : '✖'} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}${r.status === 0 ? '' : ` (exit ${r.status})`}`);
  }
  console.log(`  total time ${secs()}`);
  console.log(`e2e: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
  if (statuses.every((s) => s === 0)) return 0;
  return statuses.includes(124) ? 124 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[e2e] ${err.stack || err}`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(2);
  },
);
