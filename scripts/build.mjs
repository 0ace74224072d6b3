// Bundles the CLI, the language server and the VS Code extension with esbuild, then makes the
// CLI's V8 code cache (src/cli/code-cache.ts explains why). The extension and the server are built
// twice from the same sources: for Node (dist/) and for a browser's web workers (dist/web/).
// Entry points that do not exist yet are skipped so the build works while the project grows.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const entries = [
  { in: 'src/cli/launch.ts', out: 'dist/clct.js', banner: '#!/usr/bin/env node' },
  // A short-lived process: less code to load matters. The yaml package's ES module build lets
  // esbuild leave out what clct never calls (its CommonJS build cannot be tree-shaken).
  { in: 'src/cli/main.ts', out: 'dist/clct-main.js', oneShot: true },
  // butane's drop-in (issue 12): the same launcher, named after the program it starts
  { in: 'src/cli/launch.ts', out: 'dist/butane.js', banner: '#!/usr/bin/env node' },
  { in: 'src/cli/butane.ts', out: 'dist/butane-main.js', oneShot: true },
  { in: 'server/main.ts', out: 'dist/server.js' },
  { in: 'client/node.ts', out: 'dist/extension.js', external: ['vscode'] },
  // VS Code's browser extension host loads the extension as CommonJS; the server is a plain worker script
  { in: 'client/web.ts', out: 'dist/web/extension.js', external: ['vscode'], web: 'cjs' },
  { in: 'server/browser.ts', out: 'dist/web/server.js', web: 'iife' },
];

// butane-main.js's cache is made over a clean config using every section and one with warnings
const BUTANE_SAMPLES = ['all-sections-1-1', 'files-mode-decimal-warnings'].map((c) => join('test', 'butane-conformance', 'cases', c, 'input.yml'));

// What the web bundles use instead of Node's modules: the core's byte handling needs Buffer,
// the client's path arithmetic on URIs needs path.posix.
const webShims = {
  alias: { 'node:path': 'path-browserify', path: 'path-browserify' },
  inject: ['scripts/web-shims.mjs'],
  define: { global: 'globalThis' },
};

const watch = process.argv.includes('--watch');
await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      build({
        entryPoints: [e.in],
        outfile: e.out,
        bundle: true,
        ...(e.web ? { platform: 'browser', target: 'es2022', format: e.web, ...webShims } : { platform: 'node', target: 'node18', format: 'cjs' }),
        sourcemap: true,
        minify: e.oneShot || !!e.web || process.argv.includes('--minify'),
        ...(e.oneShot ? { alias: { yaml: './node_modules/yaml/browser/dist/index.js' } } : {}),
        external: e.external ?? [],
        banner: e.banner ? { js: e.banner } : undefined,
        logLevel: watch ? 'info' : 'warning',
      }),
    ),
);

if (!watch) {
  // compile the cache maker to a scratch folder (it is a build tool, not part of dist/), run it
  // over sample configs, and leave dist/clct-main.cache and dist/butane-main.cache behind
  const scratch = mkdtempSync(join(tmpdir(), 'clct-build-'));
  try {
    const maker = join(scratch, 'make-code-cache.js');
    await build({ entryPoints: ['src/cli/make-code-cache.ts'], outfile: maker, bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning' });
    const samples = readdirSync('examples').filter((f) => /\.ya?ml$/.test(f)).map((f) => join('examples', f));
    const clctRuns = samples.flatMap((f) => [['--platform', 'ec2', '--in-file', f], ['--pretty', '--in-file', f]]);
    execFileSync(process.execPath, [maker, 'dist/clct-main.js', ...clctRuns.map((a) => JSON.stringify(a))], { stdio: ['ignore', 'ignore', 'inherit'] });
    const butaneRuns = BUTANE_SAMPLES.filter((f) => existsSync(f)).flatMap((f) => [[f], ['--pretty', f]]);
    execFileSync(process.execPath, [maker, 'dist/butane-main.js', ...butaneRuns.map((a) => JSON.stringify(a))], { stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
