// The language server's browser build (dist/web/server.js) in a Chromium web worker, measured
// like the Node build in bench/server.ts (same generated configs, positions and edits), plus the
// sizes of the web bundles. Needs npm run build and the e2e setup (.vscode-test: playwright-core,
// chromium). Run: node --import tsx bench/web.ts [--relay]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { LspTestClient } from '../test/support/lsp-client.ts';
import { generateConfig } from './generate.ts';
import { benchServer, completionPositions, editTargets, formatTable, quantile, type BenchResult } from './server.ts';

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

export interface InPageResult {
  lines: number;
  firstDiagnosticsMs: number;
  completionP50: number;
  completionP95: number;
  editP50: number;
  editP95: number;
}

/**
 * The same measurements as benchServer, taken inside the page: the page talks to the server worker
 * directly (postMessage), so nothing but the browser sits between client and server.
 */
export async function benchInPage(lines: number, completions = 150, warmup = 10, edits = 30): Promise<InPageResult> {
  const text = generateConfig(lines);
  const positions = completionPositions(text, warmup + completions);
  const targets = editTargets(text, edits);
  const pageModule = './web-page.mjs';
  const { openServerPage } = (await import(pageModule)) as { openServerPage: () => Promise<{ page: any; close: () => Promise<void> }> };
  const { page, close } = await openServerPage();
  // the driver goes in as text: a function compiled here would carry this toolchain's helpers
  const driver = fs.readFileSync(path.join(ROOT, 'bench', 'web-driver.js'), 'utf8');
  try {
    const r = (await page.evaluate(`(${driver.trim().replace(/;$/, '')})(${JSON.stringify({ text, positions, targets, warmup })})`)) as { first: number; completions: number[]; edits: number[] };
    return {
      lines: text.split('\n').length - 1,
      firstDiagnosticsMs: r.first,
      completionP50: quantile(r.completions, 0.5),
      completionP95: quantile(r.completions, 0.95),
      editP50: quantile(r.edits, 0.5),
      editP95: quantile(r.edits, 0.95),
    };
  } finally {
    await close();
  }
}

if (require.main === module) {
  (async () => {
    console.log('Web bundles (minified)');
    console.table(webBundleSizes());
    console.log('\nLanguage server in a Chromium web worker, driven from its page (same documents, positions and edits as bench/server.ts)');
    const inPage = [];
    for (const lines of [300, 10_000]) inPage.push(await benchInPage(lines));
    console.table(inPage.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * 10) / 10]))));
    if (process.argv.includes('--relay')) {
      console.log('\nThe same over a stdio relay (bench/web-server-bridge.mjs), as bench/server.ts drives servers');
      console.log(formatTable(await benchWebServer()));
    }
  })().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
