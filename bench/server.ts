// Language server benchmark: time to first diagnostics, completion latency (p50/p95) and
// edit-to-diagnostics latency (p50/p95, debounce included) on a 300-line and a 10,000-line
// config, plus the server's resident memory. Run: node --import tsx bench/server.ts
// Any LSP server speaking stdio can be measured with benchServer() (e.g. for comparisons).

import path from 'node:path';
import { LspTestClient } from '../test/support/lsp-client.ts';
import { ensureBuilt, SERVER } from '../test/support/build.ts';
import { generateConfig } from './generate.ts';

export interface ServerUnderTest {
  name: string;
  /** starts a fresh server */
  start: () => Promise<LspTestClient>;
}

export interface BenchResult {
  server: string;
  lines: number;
  startupMs: number;
  firstDiagnosticsMs: number;
  completionP50: number;
  completionP95: number;
  editP50: number;
  editP95: number;
  rssMiB: number | null;
  peakRssMiB: number | null;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Positions worth completing at: inside keys, after `key: `, on the indentation of a new line. */
function completionPositions(text: string, count: number): Array<{ line: number; character: number }> {
  const lines = text.split('\n');
  const out: Array<{ line: number; character: number }> = [];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  while (out.length < count) {
    const li = Math.floor(rand() * (lines.length - 1));
    const l = lines[li];
    const m = /^(\s*(?:- )?)([a-z_]+):( ?)(.*)$/.exec(l);
    if (!m) continue;
    const kind = out.length % 3;
    if (kind === 0) out.push({ line: li, character: m[1].length + Math.max(1, Math.floor(m[2].length / 2)) });
    else if (kind === 1) out.push({ line: li, character: l.length });
    else out.push({ line: li, character: m[1].length });
  }
  return out;
}

/** Single-character edits spread over the document (alternately applied and reverted). */
function editTargets(text: string, count: number): Array<{ line: number; character: number }> {
  const lines = text.split('\n');
  const candidates: Array<{ line: number; character: number }> = [];
  lines.forEach((l, li) => {
    const m = /^(\s*)(key_\d+=value_)/.exec(l);
    if (m) candidates.push({ line: li, character: m[1].length + m[2].length });
  });
  const out: Array<{ line: number; character: number }> = [];
  for (let i = 0; i < count; i++) out.push(candidates[Math.floor(((i + 0.5) / count) * candidates.length)]);
  return out;
}

export async function benchServer(sut: ServerUnderTest, lines: number, opts: { completions?: number; edits?: number } = {}): Promise<BenchResult> {
  const text = generateConfig(lines);
  const uri = `file:///bench/config-${lines}.yml`;
  const t0 = performance.now();
  const client = await sut.start();
  const startupMs = performance.now() - t0;
  try {
    const t1 = performance.now();
    await client.openAndWait(uri, text, 1);
    const firstDiagnosticsMs = performance.now() - t1;

    // completion
    const positions = completionPositions(text, opts.completions ?? 150);
    for (const p of positions.slice(0, 10)) await client.request('textDocument/completion', { textDocument: { uri }, position: p }); // warm-up
    const comp: number[] = [];
    for (const p of positions) {
      const s = performance.now();
      await client.request('textDocument/completion', { textDocument: { uri }, position: p });
      comp.push(performance.now() - s);
    }

    // edit -> diagnostics
    const edits: number[] = [];
    let version = 1;
    const targets = editTargets(text, opts.edits ?? 30);
    for (let i = 0; i < targets.length; i++) {
      const at = targets[i];
      version++;
      const published = client.waitForDiagnostics(uri, (p) => p.version === version, 30_000);
      const s = performance.now();
      // replace one character of a value (x <-> the original digit/letter), keeping the config valid
      await client.change(uri, version, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: i % 2 ? 'v' : 'w' }]);
      await published;
      edits.push(performance.now() - s);
      // let the server settle so edits do not overlap
      await new Promise((r) => setTimeout(r, 50));
    }
    const rss = client.rss();
    const peak = client.peakRss();
    return {
      server: sut.name,
      lines: text.split('\n').length - 1,
      startupMs,
      firstDiagnosticsMs,
      completionP50: quantile(comp, 0.5),
      completionP95: quantile(comp, 0.95),
      editP50: quantile(edits, 0.5),
      editP95: quantile(edits, 0.95),
      rssMiB: rss === null ? null : rss / 1048576,
      peakRssMiB: peak === null ? null : peak / 1048576,
    };
  } finally {
    await client.stop();
  }
}

export function formatTable(results: BenchResult[]): string {
  const head = ['server', 'lines', 'startup ms', 'first diag ms', 'compl p50 ms', 'compl p95 ms', 'edit→diag p50 ms', 'edit→diag p95 ms', 'RSS MiB', 'peak RSS MiB'];
  const f = (n: number | null) => (n === null ? 'n/a' : n.toFixed(1));
  const rows = results.map((r) => [r.server, String(r.lines), f(r.startupMs), f(r.firstDiagnosticsMs), f(r.completionP50), f(r.completionP95), f(r.editP50), f(r.editP95), f(r.rssMiB), f(r.peakRssMiB)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...rows.map(line)].join('\n');
}

/** Targets from issue 3 for the 10,000-line config. */
export const TARGETS = { completionP95: 20, editP50: 250, firstDiagnosticsMs: 500, rssMiB: 120 };

export function checkTargets(r: BenchResult): string[] {
  const fails: string[] = [];
  if (r.completionP95 >= TARGETS.completionP95) fails.push(`completion p95 ${r.completionP95.toFixed(1)} ms ≥ ${TARGETS.completionP95}`);
  if (r.editP50 >= TARGETS.editP50) fails.push(`edit→diagnostics p50 ${r.editP50.toFixed(1)} ms ≥ ${TARGETS.editP50}`);
  if (r.firstDiagnosticsMs >= TARGETS.firstDiagnosticsMs) fails.push(`first diagnostics ${r.firstDiagnosticsMs.toFixed(1)} ms ≥ ${TARGETS.firstDiagnosticsMs}`);
  const mem = r.peakRssMiB ?? r.rssMiB;
  if (mem !== null && mem >= TARGETS.rssMiB) fails.push(`resident memory ${mem.toFixed(1)} MiB ≥ ${TARGETS.rssMiB}`);
  return fails;
}

export const clcServer: ServerUnderTest = {
  name: 'clc',
  start: () => LspTestClient.start({ serverPath: SERVER }),
};

async function main(): Promise<void> {
  ensureBuilt();
  const results: BenchResult[] = [];
  for (const lines of [300, 10_000]) results.push(await benchServer(clcServer, lines));
  console.log(formatTable(results));
  const big = results.find((r) => r.lines >= 10_000)!;
  const fails = checkTargets(big);
  console.log(fails.length ? `\ntargets missed (10,000 lines): ${fails.join('; ')}` : '\nall targets met on the 10,000-line config');
  console.log(`(${path.relative(process.cwd(), SERVER)}, node ${process.version})`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
