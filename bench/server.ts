// Language server benchmark: time to first diagnostics, completion latency (p50/p95) and
// edit-to-diagnostics latency (p50/p95, debounce included) on a 300-line and a 10,000-line
// config, plus the server's resident memory. Any LSP server speaking stdio can be measured with
// benchServer(); compareServers() runs ours and yaml-language-server (given our JSON schema) on
// the same documents, positions and edits; benchButaneServer() measures ours on generated Butane
// configs. Run: node --import tsx bench/server.ts [--clc-only | --butane-only]

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-languageserver/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LspTestClient } from '../test/support/lsp-client.ts';
import { ensureBuilt, ROOT, SERVER } from '../test/support/build.ts';
import { generateButaneEditorConfig, generateConfig } from './generate.ts';
import { SERVER_NODE_FLAGS } from '../src/shared/serverProcess.ts';

export interface ServerUnderTest {
  name: string;
  /** starts a fresh server, ready for didOpen (initialized, settings delivered) */
  start: () => Promise<LspTestClient>;
}

export interface BenchOptions {
  /** timed completion requests (after `warmup` untimed ones) */
  completions?: number;
  warmup?: number;
  /** timed edits: even ones break a key, odd ones restore it */
  edits?: number;
  /** longest wait for one publication or one completion answer before giving up on that figure */
  timeoutMs?: number;
  /** the kind of document: a Container Linux Config (default) or a Butane config */
  format?: BenchFormat;
}

export type BenchFormat = 'clc' | 'butane';

/** The generated document of a given size, and the URI it is opened under. */
export function benchDocument(format: BenchFormat, lines: number): { text: string; uri: string } {
  return format === 'butane'
    ? { text: generateButaneEditorConfig(lines), uri: `file:///bench/config-${lines}.bu` }
    : { text: generateConfig(lines), uri: `file:///bench/config-${lines}.yml` };
}

/** A figure is null when the server never answered in time ("timeout" in the tables). */
export interface BenchResult {
  server: string;
  lines: number;
  startupMs: number;
  firstDiagnosticsMs: number | null;
  /** diagnostics in the first publication for the document */
  firstDiagnostics: number | null;
  completionP50: number | null;
  completionP95: number | null;
  /** median number of completion items returned */
  completionItems: number | null;
  editP50: number | null;
  editP95: number | null;
  /** diagnostics published after the first edit (which introduces an unknown key) */
  editDiagnostics: number | null;
  rssMiB: number | null;
  peakRssMiB: number | null;
  /** what timed out or failed, for the reader */
  notes: string[];
}

const DEFAULTS = { completions: 150, warmup: 10, edits: 30, timeoutMs: 15_000, format: 'clc' as BenchFormat };

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

interface Position {
  line: number;
  character: number;
}

/** Positions worth completing at: inside keys, after `key: <value>`, at the start of a key. */
export function completionPositions(text: string, count: number): Position[] {
  const lines = text.split('\n');
  const out: Position[] = [];
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

/**
 * Where the edits go: the last letter of `mode` keys spread over the document. Edit 2k turns
 * target k into `modx` (an unknown key, which both our checks and the JSON schema report) and
 * edit 2k+1 puts the `e` back, so every edit changes what the server has to say.
 */
export function editTargets(text: string, count: number): Position[] {
  const candidates: Position[] = [];
  text.split('\n').forEach((l, li) => {
    const m = /^(\s+)mode:/.exec(l);
    if (m) candidates.push({ line: li, character: m[1].length + 3 });
  });
  const pairs = Math.ceil(count / 2);
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    const k = Math.floor(i / 2);
    out.push(candidates[Math.floor(((k + 0.5) / pairs) * candidates.length)]);
  }
  return out;
}

const TIMEOUT = Symbol('timeout');

function within<T>(p: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([p, new Promise<typeof TIMEOUT>((r) => (timer = setTimeout(() => r(TIMEOUT), ms)))]).finally(() => clearTimeout(timer));
}

function itemCount(r: unknown): number {
  if (Array.isArray(r)) return r.length;
  if (r && typeof r === 'object' && Array.isArray((r as { items?: unknown[] }).items)) return (r as { items: unknown[] }).items.length;
  return 0;
}

/**
 * Next publication for `uri` that belongs to `version`: a versioned one for exactly that version,
 * or, from a server that does not send versions, the first one after the call.
 */
function diagnosticsFor(client: LspTestClient, uri: string, version: number, timeoutMs: number): Promise<PublishDiagnosticsParams | typeof TIMEOUT> {
  // the client's own timer rejects a little after ours, so a miss shows up as TIMEOUT here
  const p = client.waitForDiagnostics(uri, (d) => d.version === undefined || d.version === version, timeoutMs + 1000);
  p.catch(() => undefined);
  return within(p, timeoutMs);
}

export async function benchServer(sut: ServerUnderTest, lines: number, opts: BenchOptions = {}): Promise<BenchResult> {
  const o = { ...DEFAULTS, ...opts };
  const { text, uri } = benchDocument(o.format, lines);
  const notes: string[] = [];
  const t0 = performance.now();
  const client = await sut.start();
  const startupMs = performance.now() - t0;
  const result: BenchResult = {
    server: sut.name,
    lines: text.split('\n').length - 1,
    startupMs,
    firstDiagnosticsMs: null,
    firstDiagnostics: null,
    completionP50: null,
    completionP95: null,
    completionItems: null,
    editP50: null,
    editP95: null,
    editDiagnostics: null,
    rssMiB: null,
    peakRssMiB: null,
    notes,
  };
  try {
    const first = diagnosticsFor(client, uri, 1, o.timeoutMs);
    const t1 = performance.now();
    await client.open(uri, text, 1);
    const firstPub = await first;
    if (firstPub === TIMEOUT) {
      // completion is still measured; edits are not, as a late publication for the opened
      // document could not be told apart from one for an edit (when the server sends no versions)
      notes.push(`no diagnostics within ${o.timeoutMs / 1000} s of opening (edits not measured)`);
    } else {
      result.firstDiagnosticsMs = performance.now() - t1;
      result.firstDiagnostics = firstPub.diagnostics.length;
    }

    // completion: the same positions for every server, warm-up first
    const positions = completionPositions(text, o.completions);
    const complete = async (p: Position): Promise<{ ms: number; items: number } | typeof TIMEOUT> => {
      const cts = new CancellationTokenSource();
      const s = performance.now();
      const req = client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: p }, cts.token);
      req.catch(() => undefined);
      const r = await within(req, o.timeoutMs);
      if (r === TIMEOUT) {
        cts.cancel();
        return TIMEOUT;
      }
      return { ms: performance.now() - s, items: itemCount(r) };
    };
    let completionOk = true;
    for (const p of positions.slice(0, o.warmup)) {
      if ((await complete(p)) === TIMEOUT) {
        completionOk = false;
        break;
      }
    }
    const comp: number[] = [];
    const items: number[] = [];
    for (const p of completionOk ? positions : []) {
      const r = await complete(p);
      if (r === TIMEOUT) {
        completionOk = false;
        break;
      }
      comp.push(r.ms);
      items.push(r.items);
    }
    if (completionOk) {
      result.completionP50 = quantile(comp, 0.5);
      result.completionP95 = quantile(comp, 0.95);
      result.completionItems = quantile(items, 0.5);
    } else notes.push(`a completion request took over ${o.timeoutMs / 1000} s`);

    // edit -> diagnostics: didChange sent until the publication for that version
    const edits: number[] = [];
    let version = 1;
    const targets = firstPub === TIMEOUT ? [] : editTargets(text, o.edits);
    for (let i = 0; i < targets.length; i++) {
      const at = targets[i];
      version++;
      const published = diagnosticsFor(client, uri, version, o.timeoutMs);
      const s = performance.now();
      await client.change(uri, version, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: i % 2 ? 'e' : 'x' }]);
      const pub = await published;
      if (pub === TIMEOUT) {
        notes.push(`no diagnostics within ${o.timeoutMs / 1000} s of edit ${i + 1}`);
        break;
      }
      edits.push(performance.now() - s);
      if (i === 0) result.editDiagnostics = pub.diagnostics.length;
      // let the server settle so edits do not overlap
      await new Promise((r) => setTimeout(r, 50));
    }
    if (targets.length && edits.length === targets.length) {
      result.editP50 = quantile(edits, 0.5);
      result.editP95 = quantile(edits, 0.95);
    }
    return result;
  } finally {
    const rss = client.rss();
    const peak = client.peakRss();
    result.rssMiB = rss === null ? null : rss / 1048576;
    result.peakRssMiB = peak === null ? null : peak / 1048576;
    await client.stop();
  }
}

const COLUMNS: Array<[string, (r: BenchResult) => number | null, number]> = [
  ['startup ms', (r) => r.startupMs, 0],
  ['first diag ms', (r) => r.firstDiagnosticsMs, 0],
  ['diags', (r) => r.firstDiagnostics, 0],
  ['compl p50 ms', (r) => r.completionP50, 1],
  ['compl p95 ms', (r) => r.completionP95, 1],
  ['items', (r) => r.completionItems, 0],
  ['edit→diag p50 ms', (r) => r.editP50, 0],
  ['edit→diag p95 ms', (r) => r.editP95, 0],
  ['diags after edit', (r) => r.editDiagnostics, 0],
  ['RSS MiB', (r) => r.rssMiB, 0],
  ['peak RSS MiB', (r) => r.peakRssMiB, 0],
];

/**
 * A Markdown table, one row per server and size, then notes. A figure the server did not deliver
 * in time reads "timeout"; one from a server that failed to start reads "failed".
 */
export function formatTable(results: BenchResult[]): string {
  const head = ['server', 'lines', ...COLUMNS.map((c) => c[0])];
  const rows = results.map((r) => [
    r.server,
    String(r.lines),
    ...COLUMNS.map(([name, get, digits]) => {
      const v = get(r);
      if (v === null) return /RSS/.test(name) ? 'n/a' : 'timeout';
      return Number.isNaN(v) ? 'failed' : v.toFixed(digits);
    }),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, i) => (i < 2 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  const notes = results.flatMap((r) => r.notes.map((n) => `- ${r.server}, ${r.lines} lines: ${n}`));
  return [line(head), rule, ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
}

/** Targets from issue 3 for the 10,000-line config (issue 13 sets the same for Butane). */
export const TARGETS = { completionP95: 20, editP50: 250, firstDiagnosticsMs: 500, rssMiB: 120 };

export function checkTargets(r: BenchResult): string[] {
  const fails: string[] = [];
  const over = (v: number | null, limit: number, what: string) => {
    if (v === null) fails.push(`${what}: timeout`);
    else if (v >= limit) fails.push(`${what} ${v.toFixed(1)} ≥ ${limit}`);
  };
  over(r.completionP95, TARGETS.completionP95, 'completion p95 ms');
  over(r.editP50, TARGETS.editP50, 'edit→diagnostics p50 ms');
  over(r.firstDiagnosticsMs, TARGETS.firstDiagnosticsMs, 'first diagnostics ms');
  const mem = r.peakRssMiB ?? r.rssMiB;
  if (mem !== null && mem >= TARGETS.rssMiB) fails.push(`resident memory ${mem.toFixed(1)} MiB ≥ ${TARGETS.rssMiB}`);
  return fails;
}

/** One line saying whether `server`'s 10,000-line row meets the targets, or which it misses. */
export function targetVerdict(results: BenchResult[], server: string, what: string): string {
  const big = results.find((r) => r.server === server && r.lines >= 10_000);
  if (!big) return `no 10,000-line figures for ${server}`;
  const fails = checkTargets(big);
  return fails.length ? `targets missed by ${server} (${what}): ${fails.join('; ')}` : `${server} meets all targets on ${what}`;
}

/** Our server, started as the extension starts it (the same Node flags). */
export const SERVER_COMMAND = [process.execPath, ...SERVER_NODE_FLAGS, SERVER, '--stdio'];

export const clcServer: ServerUnderTest = {
  name: 'clc',
  start: () => LspTestClient.start({ command: SERVER_COMMAND }),
};

/** Our server again, its documents opened as language `butane` (what the extension sends for .bu). */
export const clcButaneServer: ServerUnderTest = {
  name: 'clc, Butane',
  start: () => LspTestClient.start({ command: SERVER_COMMAND, languageId: 'butane' }),
};

export const YAML_LS_BIN = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
export const SCHEMA_URI = pathToFileURL(path.join(ROOT, 'schemas', 'cl-config.schema.json')).href;

/** What yaml-language-server gets for section "yaml": our schema for the bench documents, nothing fetched. */
export const YAML_LS_SETTINGS = {
  schemas: { [SCHEMA_URI]: ['/bench/config-*.yml'] },
  validate: true,
  completion: true,
  hover: true,
  format: { enable: false },
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
};

/**
 * yaml-language-server 1.x: it pulls its settings (sections yaml, http, [yaml], editor) once
 * initialized and again on every workspace/didChangeConfiguration; start() returns after the
 * first pull was answered, so the schema is associated before the document opens.
 */
export const yamlLanguageServer: ServerUnderTest = {
  name: 'yaml-language-server',
  start: async () => {
    let delivered!: () => void;
    const pulled = new Promise<void>((r) => (delivered = r));
    const client = await LspTestClient.start({
      command: [process.execPath, YAML_LS_BIN, '--stdio'],
      languageId: 'yaml',
      configuration: (item) => {
        if (item.section === 'yaml') {
          setImmediate(delivered);
          return YAML_LS_SETTINGS;
        }
        return item.section === 'http' ? { proxy: '', proxyStrictSSL: false } : {};
      },
    });
    // push as well (a server that ignores the pull would read the settings from here)
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: YAML_LS_SETTINGS } });
    if ((await within(pulled, 10_000)) === TIMEOUT) throw new Error('yaml-language-server never asked for its settings');
    return client;
  },
};

/**
 * Our server on generated Butane configs (flatcar 1.1.0) of both sizes, measured as for CLC. No
 * other server is compared: yaml-language-server has no Butane schema of ours to work with.
 */
export function benchButaneServer(opts: BenchOptions = {}): Promise<BenchResult[]> {
  return compareServers({ ...opts, format: 'butane' }, [clcButaneServer]);
}

/** Both servers on both sizes, with the same document, positions, edits and counts. */
export async function compareServers(opts: BenchOptions = {}, servers: ServerUnderTest[] = [clcServer, yamlLanguageServer]): Promise<BenchResult[]> {
  const format = opts.format ?? 'clc';
  const results: BenchResult[] = [];
  for (const lines of [300, 10_000]) {
    for (const sut of servers) {
      try {
        results.push(await benchServer(sut, lines, opts));
      } catch (err: any) {
        // a server that could not even start: every figure reads "failed"
        const failed: BenchResult = {
          server: sut.name,
          lines: benchDocument(format, lines).text.split('\n').length - 1,
          startupMs: NaN,
          firstDiagnosticsMs: NaN,
          firstDiagnostics: NaN,
          completionP50: NaN,
          completionP95: NaN,
          completionItems: NaN,
          editP50: NaN,
          editP95: NaN,
          editDiagnostics: NaN,
          rssMiB: null,
          peakRssMiB: null,
          notes: [`failed: ${err?.message ?? err}`],
        };
        results.push(failed);
      }
    }
  }
  return results;
}

async function main(): Promise<void> {
  ensureBuilt();
  const clcOnly = process.argv.includes('--clc-only');
  const butaneOnly = process.argv.includes('--butane-only');
  if (!butaneOnly) {
    const results = await compareServers({}, clcOnly ? [clcServer] : undefined);
    console.log(formatTable(results));
    console.log(targetVerdict(results, clcServer.name, 'the 10,000-line config'));
  }
  const butane = await benchButaneServer();
  console.log(`\n${formatTable(butane)}`);
  console.log(targetVerdict(butane, clcButaneServer.name, 'the 10,000-line Butane config'));
  console.log(`(${path.relative(process.cwd(), SERVER)}, node ${process.version})`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
