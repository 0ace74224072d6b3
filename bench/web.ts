// The language server's browser build (dist/web/server.js) in a Chromium web worker, measured
// like the Node build in bench/server.ts (same generated configs, positions and edits), plus the
// sizes of the web bundles. Needs npm run build and the e2e setup (.vscode-test: playwright-core,
// chromium). Run: node --import tsx bench/web.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { LspTestClient } from '../test/support/lsp-client.ts';
import { benchServer, formatTable, type BenchResult } from './server.ts';

const ROOT = path.resolve(__dirname, '..');
const BRIDGE = path.join(ROOT, 'bench', 'web-server-bridge.mjs');

export function webBundleSizes(): Record<string, { KiB: number; gzipKiB: number }> {
  const out: Record<string, { KiB: number; gzipKiB: number }> = {};
  for (const f of ['dist/web/extension.js', 'dist/web/server.js']) {
    const data = fs.readFileSync(path.join(ROOT, f));
    out[f] = { KiB: +(data.length / 1024).toFixed(1), gzipKiB: +(gzipSync(data).length / 1024).toFixed(1) };
  }
  return out;
}

export async function benchWebServer(sizes = [300, 10_000]): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const lines of sizes) {
    results.push(await benchServer({ name: 'clc (browser worker)', start: () => LspTestClient.start({ command: [process.execPath, BRIDGE] }) }, lines));
  }
  return results;
}

if (require.main === module) {
  (async () => {
    console.log('Web bundles (minified)');
    console.table(webBundleSizes());
    console.log('\nLanguage server in a Chromium web worker (relayed over stdio; same document, positions and edits as bench/server.ts)');
    console.log(formatTable(await benchWebServer()));
  })().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
