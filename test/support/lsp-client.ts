// A small LSP client for tests and benchmarks: spawns the bundled server (node dist/server.js
// --stdio), speaks JSON-RPC with vscode-languageserver's client-side connection, answers
// workspace/configuration from settings the test controls, and records published diagnostics.

import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import type { MessageConnection, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { DEFAULT_SETTINGS } from '../../src/shared/protocol.ts';
import type { ClcSettings } from '../../src/shared/protocol.ts';

export interface StartOptions {
  /** the bundled server to run with node ... --stdio */
  serverPath?: string;
  /** or any command that speaks LSP over stdio (e.g. another language server) */
  command?: string[];
  languageId?: string;
  settings?: Partial<ClcSettings>;
  rootUri?: string | null;
  /** advertise workspace/configuration support (the pull model) */
  pullConfiguration?: boolean;
  /**
   * answers workspace/configuration items instead of the clc settings (for other servers, e.g.
   * yaml-language-server asking for section "yaml")
   */
  configuration?: (item: { section?: string; scopeUri?: string }) => unknown;
}

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspTestClient {
  readonly published = new Map<string, PublishDiagnosticsParams[]>();
  readonly logs: string[] = [];
  private waiters: Waiter[] = [];
  settings: ClcSettings;
  /** settings for one document (answers workspace/configuration requests scoped to it) */
  readonly settingsByUri = new Map<string, ClcSettings>();
  exited: number | null = null;
  languageId = 'clc';

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly conn: MessageConnection,
    settings: ClcSettings,
  ) {
    this.settings = settings;
  }

  static async start(opts: StartOptions): Promise<LspTestClient> {
    const cmd = opts.command ?? [process.execPath, opts.serverPath!, '--stdio'];
    const proc = spawn(cmd[0], cmd.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const settings = { ...DEFAULT_SETTINGS, ...(opts.settings ?? {}) } as ClcSettings;
    const c = new LspTestClient(proc, conn, settings);
    c.languageId = opts.languageId ?? 'clc';
    proc.on('exit', (code) => (c.exited = code ?? -1));
    proc.stderr.on('data', (d) => c.logs.push(String(d)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const list = c.published.get(p.uri) ?? [];
      list.push(p);
      c.published.set(p.uri, list);
      c.waiters = c.waiters.filter((w) => {
        if (w.uri === p.uri && w.accept(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => c.logs.push(p.message));
    conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string; scopeUri?: string }> }) =>
      p.items.map((it) => {
        if (opts.configuration) return opts.configuration(it);
        const s = (it.scopeUri && c.settingsByUri.get(it.scopeUri)) || c.settings;
        return it.section === 'clc' ? s : it.section?.startsWith('clc.') ? (s as any)[it.section.slice(4)] : { clc: s };
      }),
    );
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      capabilities: {
        workspace: { configuration: opts.pullConfiguration ?? true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          definition: { linkSupport: true },
          publishDiagnostics: { versionSupport: true },
        },
      },
      initializationOptions: { settings: settings },
    });
    await conn.sendNotification('initialized', {});
    return c;
  }

  /** Changes the settings and tells the server (push + pull). */
  async setSettings(s: Partial<ClcSettings>): Promise<void> {
    this.settings = { ...this.settings, ...s };
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: { clc: this.settings } });
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `accept` (default: any). */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (p: PublishDiagnosticsParams) => {
        clearTimeout(timer);
        resolve(p);
      };
      this.waiters.push({ uri, accept, resolve: done });
    });
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.languageId, version, text } });
  }

  /** Opens a document and waits for its first diagnostics. */
  async openAndWait(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const p = this.waitForDiagnostics(uri, (d) => d.version === undefined || d.version === version);
    await this.open(uri, text, version);
    return p;
  }

  async change(uri: string, version: number, changes: Array<{ range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }>): Promise<void> {
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async save(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  /** Resident memory of the server process in bytes (Linux /proc), or null. */
  rss(): number | null {
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  }

  /** Peak resident memory of the server process in bytes (Linux /proc), or null. */
  peakRss(): number | null {
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const m = /VmHWM:\s+(\d+)\s+kB/.exec(status);
      return m ? Number(m[1]) * 1024 : null;
    } catch {
      return null;
    }
  }

  async stop(): Promise<void> {
    if (this.exited === null) {
      try {
        await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await this.conn.sendNotification('exit');
      } catch {
        // already gone
      }
    }
    await new Promise<void>((resolve) => {
      if (this.exited !== null) return resolve();
      const t = setTimeout(() => {
        this.proc.kill();
        resolve();
      }, 2000);
      this.proc.on('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
    this.conn.dispose();
  }
}
