// The clc language server: LSP wiring only. Every answer comes from the pure core
// (src/core/features, src/core/transpile.ts); this file keeps one document per open version,
// debounces validation (run by the host's JobRunner, see jobs.ts), never publishes a result older
// than the last one, reads the clc.* settings and turns results into LSP types.
// Nothing here depends on Node or on a browser: the two hosts (main.ts, browser.ts) pass in what
// differs (where jobs run, where clc.filesDir is).
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import type {
  CancellationToken,
  CodeAction as LspCodeAction,
  Connection,
  Diagnostic as LspDiagnostic,
  InitializeParams,
  InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../src/core/report.ts';
import { ClcDocument } from '../src/core/features/document.ts';
import { complete } from '../src/core/features/completion.ts';
import { hover } from '../src/core/features/hover.ts';
import { isInUnitText } from '../src/core/units/cursor.ts';
import { documentSymbols } from '../src/core/features/symbols.ts';
import { definition } from '../src/core/features/definition.ts';
import { foldingRanges } from '../src/core/features/folding.ts';
import { codeActions } from '../src/core/features/codeActions.ts';
import type { HeapStats, JobOptions, JobRunner } from './jobs.ts';
import { DEFAULT_SETTINGS, TO_BUTANE_REQUEST, TRANSPILE_REQUEST } from '../src/shared/protocol.ts';
import type { ClcSettings, ToButaneParams, ToButaneResponse, TranspileParams, TranspileResponse } from '../src/shared/protocol.ts';
import { BUTANE_VERSIONS, convertToButane } from '../src/core/convert-butane/to-butane.ts';
import type { ButaneVersion, ToButaneResult } from '../src/core/convert-butane/to-butane.ts';
import type { FileReader } from '../src/core/convert/context.ts';
import { codeActionsFor, definitionFor, featuresFor, formatOfLanguage } from '../src/core/features/formats.ts';
import type { ConfigFormat } from '../src/core/features/formats.ts';
import { toCompletionItem, toDocumentSymbol, toLspDiagnostic, toRange } from './lsp.ts';
import { warmUpText } from './warmup.ts';

/**
 * Diagnostics should arrive about this long after the typing stops. Validation waits this long
 * minus what the previous run of the document took (at least MIN_DEBOUNCE_MS), so a big document
 * does not make its diagnostics later than a small one's.
 */
export const DEBOUNCE_MS = 150;
export const MIN_DEBOUNCE_MS = 50;
const SETTINGS_TIMEOUT_MS = 3000;

interface Entry {
  version: number;
  /** which format the document is, by its language */
  format: ConfigFormat;
  doc: ClcDocument;
  /** the problems of this version under one set of settings (a promise while being computed) */
  validated?: { key: string; diagnostics: Promise<Diagnostic[]> };
}

/** Where clc.filesDir is for a document: a directory to read, or why none can be read. */
export type FilesDirLocation = { path: string } | { unavailable: string } | undefined;

export interface ServerOptions {
  /** where validation and transpiling run (`log` reports the runner's own troubles) */
  createJobRunner(log: (m: string) => void): JobRunner;
  /** where clc.filesDir (non-empty, as the user wrote it) is for the document `uri` */
  locateFilesDir(uri: string, filesDir: string, workspaceFolders: string[]): FilesDirLocation;
  /** memory figures of the server itself, for clc/stats */
  memory(): { rssMiB: number | null; main: HeapStats | null };
  /** CLC -> Butane: a reader of `local:` files below a directory, and the proof of a conversion */
  butane: {
    localFiles(dir: string): FileReader;
    prove(r: ToButaneResult, filesDir: string | undefined, transpilerPath: string): ToButaneResponse['proof'];
  };
  /** validation delay after an edit */
  debounceMs?: number;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const documents = new TextDocuments(TextDocument);
  const entries = new Map<string, Entry>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const settingsCache = new Map<string, Promise<ClcSettings>>();
  let pushedSettings: ClcSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let definitionLinks = false;
  /** the workspace folders' URIs */
  let workspaceFolders: string[] = [];

  const log = (msg: string) => {
    try {
      connection.console.error(msg);
    } catch {
      // the connection may be gone; nothing else to do
    }
  };

  /** Runs a handler; a bug in a feature yields the default answer instead of a failed server. */
  function runSafe<T>(name: string, token: CancellationToken | undefined, fallback: T, fn: () => T): T | ResponseError<void> {
    if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    try {
      const r = fn();
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      return r;
    } catch (e: any) {
      log(`clc: ${name} failed: ${e?.stack ?? e}`);
      return fallback;
    }
  }

  /** The offset of an LSP position, kept on its line (a character past the end means the end). */
  function offsetOf(doc: ClcDocument, pos: { line: number; character: number }): number {
    const lines = doc.lines;
    const text = doc.text;
    if (pos.line >= lines.lineCount) return text.length;
    const start = lines.offsetAt(pos.line, 0);
    let end = pos.line + 1 < lines.lineCount ? lines.offsetAt(pos.line + 1, 0) : text.length;
    if (end > start && text[end - 1] === '\n') end--;
    if (end > start && text[end - 1] === '\r') end--;
    return Math.min(start + Math.max(0, pos.character), end);
  }

  function entryFor(uri: string): Entry | undefined {
    const td = documents.get(uri);
    if (!td) return undefined;
    const cur = entries.get(uri);
    if (cur && cur.version === td.version && cur.format === formatOfLanguage(td.languageId)) return cur;
    const e: Entry = { version: td.version, format: formatOfLanguage(td.languageId), doc: new ClcDocument(td.getText(), td.version) };
    entries.set(uri, e);
    return e;
  }

  // --- settings ----------------------------------------------------------------------------------

  function normalizeSettings(v: unknown): ClcSettings {
    const o = (v && typeof v === 'object' ? v : {}) as Record<string, any>;
    const t = (o.transpile && typeof o.transpile === 'object' ? o.transpile : {}) as Record<string, unknown>;
    return {
      platform: typeof o.platform === 'string' ? o.platform : DEFAULT_SETTINGS.platform,
      filesDir: typeof o.filesDir === 'string' ? o.filesDir : DEFAULT_SETTINGS.filesDir,
      strict: typeof o.strict === 'boolean' ? o.strict : DEFAULT_SETTINGS.strict,
      unitChecks: typeof o.unitChecks === 'boolean' ? o.unitChecks : DEFAULT_SETTINGS.unitChecks,
      transpile: {
        pretty: typeof t.pretty === 'boolean' ? t.pretty : DEFAULT_SETTINGS.transpile.pretty,
        output: typeof t.output === 'string' ? t.output : DEFAULT_SETTINGS.transpile.output,
      },
    };
  }

  function settingsFor(uri: string): Promise<ClcSettings> {
    if (!canPullConfiguration) return Promise.resolve(pushedSettings);
    let p = settingsCache.get(uri);
    if (!p) {
      // a client that does not answer must not stall every request: fall back after a while
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<ClcSettings>((resolve) => {
        timer = setTimeout(() => resolve(pushedSettings), SETTINGS_TIMEOUT_MS);
      });
      const pulled = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'clc' })
        .then((v) => normalizeSettings(v))
        .catch(() => pushedSettings)
        .finally(() => clearTimeout(timer));
      p = Promise.race([pulled, timeout]);
      settingsCache.set(uri, p);
    }
    return p;
  }

  function jobOptions(uri: string, s: ClcSettings, overrides: { platform?: string; pretty?: boolean } = {}): JobOptions {
    const where = s.filesDir ? options.locateFilesDir(uri, s.filesDir, workspaceFolders) : undefined;
    return {
      platform: overrides.platform ?? s.platform,
      filesDir: s.filesDir || undefined,
      ...(where && 'path' in where ? { filesDirPath: where.path } : {}),
      ...(where && 'unavailable' in where ? { filesUnavailable: where.unavailable } : {}),
      strict: s.strict,
      unitChecks: s.unitChecks,
      pretty: overrides.pretty ?? s.transpile.pretty,
    };
  }

  // --- validation --------------------------------------------------------------------------------

  const runner = options.createJobRunner(log);
  // start (and warm up) the worker while the client is still initializing, and warm up the
  // editor features here
  runner.prestart();
  setTimeout(() => warmUpFeatures(log), 0);
  /** documents with a validation run in progress, and whether they need another one after it */
  const inFlight = new Map<string, { again: boolean; force: boolean }>();
  /** how long the last validation of each document took */
  const lastRunMs = new Map<string, number>();

  /** The problems of an entry under settings `s`; computed once per version and settings. */
  function problemsOf(uri: string, e: Entry, s: ClcSettings, force = false): Promise<Diagnostic[]> {
    const key = JSON.stringify([s.platform, s.filesDir, s.strict, s.unitChecks]);
    if (!force && e.validated?.key === key) return e.validated.diagnostics;
    const began = Date.now();
    const diagnostics = runner
      .run({ kind: 'diagnose', text: e.doc.text, options: jobOptions(uri, s), format: e.format })
      .then((r) => {
        lastRunMs.set(uri, Date.now() - began);
        return r.kind === 'diagnose' ? r.diagnostics : [];
      });
    e.validated = { key, diagnostics };
    // a failed run must not stay cached
    diagnostics.catch(() => {
      if (e.validated?.diagnostics === diagnostics) e.validated = undefined;
    });
    return diagnostics;
  }

  async function validate(uri: string, force = false): Promise<void> {
    const busy = inFlight.get(uri);
    if (busy) {
      busy.again = true;
      busy.force ||= force;
      return;
    }
    const state = { again: false, force: false };
    inFlight.set(uri, state);
    try {
      const td = documents.get(uri);
      if (!td) return;
      const version = td.version;
      const s = await settingsFor(uri);
      // a newer version has its own run coming: never publish an older result over it
      if (documents.get(uri)?.version !== version) return;
      const e = entryFor(uri);
      if (!e) return;
      let diagnostics: LspDiagnostic[];
      try {
        diagnostics = (await problemsOf(uri, e, s, force)).map((d) => toLspDiagnostic(d, e.doc.lines));
      } catch (err: any) {
        log(`clc: validation failed: ${err?.stack ?? err}`);
        diagnostics = [];
      }
      if (documents.get(uri)?.version !== version) {
        state.again = true;
        return;
      }
      void connection.sendDiagnostics({ uri, version, diagnostics });
    } finally {
      inFlight.delete(uri);
      if (state.again && documents.get(uri)) void validate(uri, state.force);
    }
  }

  function schedule(uri: string, delay: number, force = false): void {
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        validate(uri, force).catch((err) => log(`clc: validation failed: ${err?.stack ?? err}`));
      }, delay),
    );
  }

  function revalidateAll(): void {
    settingsCache.clear();
    for (const td of documents.all()) schedule(td.uri, 0, true);
  }

  // a document just opened is validated at once; edits wait for the typing to pause
  const justOpened = new Map<string, number>();
  documents.onDidOpen((ev) => {
    justOpened.set(ev.document.uri, ev.document.version);
    schedule(ev.document.uri, 0);
  });
  documents.onDidChangeContent((ev) => {
    const uri = ev.document.uri;
    if (justOpened.get(uri) === ev.document.version) {
      justOpened.delete(uri);
      return;
    }
    justOpened.delete(uri);
    schedule(uri, Math.max(Math.min(MIN_DEBOUNCE_MS, debounceMs), debounceMs - (lastRunMs.get(uri) ?? 0)));
  });
  documents.onDidSave((ev) => schedule(ev.document.uri, 0, true));
  documents.onDidClose((ev) => {
    const t = timers.get(ev.document.uri);
    if (t) clearTimeout(t);
    timers.delete(ev.document.uri);
    entries.delete(ev.document.uri);
    settingsCache.delete(ev.document.uri);
    justOpened.delete(ev.document.uri);
    lastRunMs.delete(ev.document.uri);
    void connection.sendDiagnostics({ uri: ev.document.uri, diagnostics: [] });
  });

  // --- lifecycle ---------------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canPullConfiguration = !!caps.workspace?.configuration;
    canRegisterConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    definitionLinks = !!caps.textDocument?.definition?.linkSupport;
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings) pushedSettings = normalizeSettings(init.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        completionProvider: { triggerCharacters: [':', ' ', '{', '-', '=', '['], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        definitionProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'clc', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'clc' }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const pushed = (params.settings as { clc?: unknown } | undefined)?.clc;
    if (pushed && typeof pushed === 'object') pushedSettings = normalizeSettings(pushed);
    revalidateAll();
  });

  // --- features ----------------------------------------------------------------------------------

  connection.onCompletion(async (params, token) => {
    const uri = params.textDocument.uri;
    const s = await settingsFor(uri);
    return runSafe('completion', token, [], () => {
      const e = entryFor(uri);
      if (!e) return [];
      const offset = offsetOf(e.doc, params.position);
      // `=` and `[` only start completion inside unit texts (values, section headers)
      const trigger = params.context?.triggerCharacter;
      if ((trigger === '=' || trigger === '[') && !isInUnitText(e.doc, offset)) return [];
      return complete(e.doc, offset, { platform: s.platform, ...featuresFor(e.format, e.doc) }).map((c) => toCompletionItem(c, e.doc.lines));
    });
  });

  connection.onHover(async (params, token) => {
    const uri = params.textDocument.uri;
    const s = await settingsFor(uri);
    return runSafe('hover', token, null, () => {
      const e = entryFor(uri);
      if (!e) return null;
      const offset = offsetOf(e.doc, params.position);
      const h = hover(e.doc, offset, { platform: s.platform, ...featuresFor(e.format, e.doc) });
      return h ? { contents: { kind: 'markdown' as const, value: h.contents }, range: toRange(e.doc.lines, h.span) } : null;
    });
  });

  connection.onDocumentSymbol((params, token) =>
    runSafe('documentSymbol', token, [], () => {
      const e = entryFor(params.textDocument.uri);
      if (!e) return [];
      return documentSymbols(e.doc).map((s) => toDocumentSymbol(s, e.doc.lines));
    }),
  );

  connection.onDefinition((params, token) =>
    runSafe('definition', token, null, () => {
      const e = entryFor(params.textDocument.uri);
      if (!e) return null;
      const offset = offsetOf(e.doc, params.position);
      const targets = definitionFor(e.format, e.doc, offset);
      if (!targets.length) return null;
      const uri = params.textDocument.uri;
      const lines = e.doc.lines;
      if (definitionLinks) {
        return targets.map((t) => ({
          originSelectionRange: toRange(lines, t.origin),
          targetUri: uri,
          targetRange: toRange(lines, t.span),
          targetSelectionRange: toRange(lines, t.selection),
        }));
      }
      return targets.map((t) => ({ uri, range: toRange(lines, t.selection) }));
    }),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe('foldingRange', token, [], () => {
      const e = entryFor(params.textDocument.uri);
      if (!e) return [];
      return foldingRanges(e.doc).map((r) => ({ startLine: r.startLine, endLine: r.endLine, ...(r.kind ? { kind: r.kind } : {}) }));
    }),
  );

  connection.onCodeAction(async (params, token) => {
    const uri = params.textDocument.uri;
    if (params.context.only && !params.context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k + '.'))) return [];
    const s = await settingsFor(uri);
    const e = entryFor(uri);
    if (!e) return [];
    let all: Diagnostic[];
    try {
      all = await problemsOf(uri, e, s);
    } catch {
      return [];
    }
    return runSafe('codeAction', token, [], () => {
      const lines = e.doc.lines;
      const start = offsetOf(e.doc, params.range.start);
      const end = offsetOf(e.doc, params.range.end);
      const inRange = all.filter((d) => d.span && d.span.start <= end && d.span.end >= start);
      const out: LspCodeAction[] = [];
      for (const a of codeActionsFor(e.format, e.doc, inRange)) {
        const lsp = a.diagnostics.map((d) => {
          const mine = toLspDiagnostic(d, lines);
          return params.context.diagnostics.find((c) => c.message === d.message && c.range.start.line === mine.range.start.line && c.range.start.character === mine.range.start.character) ?? mine;
        });
        out.push({
          title: a.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: lsp,
          isPreferred: a.isPreferred,
          edit: { changes: { [uri]: a.edits.map((ed) => ({ range: toRange(lines, ed.span), newText: ed.newText })) } },
        });
      }
      return out;
    });
  });

  connection.onRequest(TRANSPILE_REQUEST, async (params: TranspileParams, token): Promise<TranspileResponse | ResponseError<void>> => {
    const td = params && typeof params.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!td) return new ResponseError(ErrorCodes.InvalidParams, `document not open: ${params?.uri}`);
    const s = await settingsFor(params.uri);
    const e = entryFor(params.uri)!;
    const version = e.version;
    try {
      const r = await runner.run({ kind: 'transpile', text: e.doc.text, options: jobOptions(params.uri, s, { platform: params.platform, pretty: params.pretty }), format: e.format });
      if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      if (r.kind !== 'transpile') throw new Error('unexpected result');
      const lines = e.doc.lines;
      return {
        output: r.output,
        problems: r.diagnostics.map((d) => ({
          severity: d.severity,
          message: d.message,
          ...(d.span && !d.unpositioned ? { range: toRange(lines, d.span) } : {}),
        })),
        failedAt: r.failedAt,
        blocked: r.output === null || r.failedAt !== null || (s.strict && r.diagnostics.length > 0),
        version,
      };
    } catch (err: any) {
      log(`clc: transpile failed: ${err?.stack ?? err}`);
      return { output: null, problems: [{ severity: 'error', message: `internal error: ${err?.message ?? err}` }], failedAt: 'convert', blocked: true, version };
    }
  });

  connection.onRequest(TO_BUTANE_REQUEST, async (params: ToButaneParams): Promise<ToButaneResponse | ResponseError<void>> => {
    const td = params && typeof params.uri === 'string' ? documents.get(params.uri) : undefined;
    if (!td) return new ResponseError(ErrorCodes.InvalidParams, `document not open: ${params?.uri}`);
    const s = await settingsFor(params.uri);
    const e = entryFor(params.uri)!;
    const where = s.filesDir ? options.locateFilesDir(params.uri, s.filesDir, workspaceFolders) : undefined;
    const filesDir = where && 'path' in where ? where.path : undefined;
    const version = (BUTANE_VERSIONS as readonly string[]).includes(params.butaneVersion ?? '') ? (params.butaneVersion as ButaneVersion) : '1.1.0';
    try {
      const r = convertToButane(e.doc.text, { platform: s.platform, filesDir, readFile: filesDir ? options.butane.localFiles(filesDir) : undefined, butaneVersion: version, fsPaths: params.fsPaths ?? {} });
      const lines = e.doc.lines;
      const devices = new Map(((r.ignition2?.Storage.Filesystems ?? []) as any[]).map((f) => [f.Name, f.Mount?.Device ?? '']));
      return {
        butane: r.butane,
        problems: r.diagnostics.map((d) => ({ severity: d.severity, message: d.message, ...(d.span && !d.unpositioned ? { range: toRange(lines, d.span) } : {}) })),
        missingFsPaths: (r.fsPaths?.missing ?? []).map((name) => ({ name, device: devices.get(name) ?? '' })),
        proof: r.butane ? options.butane.prove(r, filesDir, typeof params.transpilerPath === 'string' ? params.transpilerPath : '') : { kind: 'not-run', reason: 'nothing was converted' },
      };
    } catch (err: any) {
      log(`clc: conversion to Butane failed: ${err?.stack ?? err}`);
      return { butane: null, problems: [{ severity: 'error', message: `internal error: ${err?.message ?? err}` }], missingFsPaths: [], proof: { kind: 'not-run', reason: 'internal error' } };
    }
  });

  // numbers for benchmarks and bug reports
  connection.onRequest('clc/stats', async () => {
    const m = options.memory();
    let worker: unknown = null;
    try {
      const r = await runner.run({ kind: 'stats' });
      if (r.kind === 'stats') worker = r.heap;
    } catch {
      worker = null;
    }
    return { rssMiB: m.rssMiB, main: m.main, worker, openDocuments: documents.all().length };
  });

  connection.onShutdown(() => runner.dispose());

  documents.listen(connection);
  connection.listen();
}

/** Runs the main-thread features once on a sample config so that the first real request is fast. */
function warmUpFeatures(log: (m: string) => void): void {
  try {
    const text = warmUpText(4);
    for (let round = 0; round < 2; round++) {
      const doc = new ClcDocument(text, round);
      for (let o = 0; o < text.length; o += 53) {
        complete(doc, o, { platform: 'ec2' });
        hover(doc, o, {});
      }
      documentSymbols(doc);
      foldingRanges(doc);
      definition(doc, text.indexOf('filesystem: data') + 13);
    }
  } catch (e: any) {
    log(`clc: warm-up failed: ${e?.stack ?? e}`);
  }
}
