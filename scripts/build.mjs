// Bundles the CLI, the language server and the VS Code extension with esbuild.
// Entry points that do not exist yet are skipped so the build works while the project grows.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'src/cli/main.ts', out: 'dist/clct.js', banner: '#!/usr/bin/env node' },
  { in: 'server/main.ts', out: 'dist/server.js' },
  { in: 'client/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
];

const watch = process.argv.includes('--watch');
await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      build({
        entryPoints: [e.in],
        outfile: e.out,
        bundle: true,
        platform: 'node',
        target: 'node18',
        format: 'cjs',
        sourcemap: true,
        minify: process.argv.includes('--minify'),
        external: e.external ?? [],
        banner: e.banner ? { js: e.banner } : undefined,
        logLevel: watch ? 'info' : 'warning',
      }),
    ),
);
