// Starts and stops the clc language server (the host decides how: a Node process or a web worker),
// and keeps its view of the clc.* settings current. The server is started on first need, not on
// activation.

import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { CONFIG_LANGUAGE_IDS, TO_BUTANE_REQUEST, TRANSPILE_REQUEST, type ToButaneParams, type ToButaneResponse, type TranspileParams, type TranspileResponse } from '../src/shared/protocol.ts';
import type { ClientHost } from './host.ts';
import { effectiveSettings, sanitizeConfigurationItem } from './settings.ts';

export const CLIENT_ID = 'clc';
const DID_CHANGE_CONFIGURATION = 'workspace/didChangeConfiguration';

/** The clc.* settings for a resource, with Restricted Mode applied. */
export function readSettings(scope?: vscode.Uri) {
  return effectiveSettings(vscode.workspace.getConfiguration('clc', scope), vscode.workspace.isTrusted);
}

export class ClcServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    private readonly host: ClientHost,
  ) {
    // when the user trusts the workspace, clc.filesDir starts to count: tell the server
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => this.pushSettings()));
  }

  get isRunning(): boolean {
    return this.client?.isRunning() ?? false;
  }

  /** Starts the server if it is not running yet; resolves when it is ready for requests. */
  start(): Promise<LanguageClient> {
    if (this.client?.isRunning()) return Promise.resolve(this.client);
    this.starting ??= this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async doStart(): Promise<LanguageClient> {
    if (!this.client) this.client = await this.create();
    const began = Date.now();
    await this.client.start();
    this.log.info(`Language server started in ${Date.now() - began} ms.`);
    return this.client;
  }

  private create(): Promise<LanguageClient> {
    const clientOptions: LanguageClientOptions = {
      documentSelector: CONFIG_LANGUAGE_IDS.map((language) => ({ language })),
      synchronize: { configurationSection: 'clc' },
      outputChannel: this.log,
      middleware: {
        workspace: {
          // pull model: answer workspace/configuration with Restricted Mode applied
          configuration: async (params, token, next) => {
            const values = await next(params, token);
            if (!Array.isArray(values)) return values;
            return values.map((v, i) => sanitizeConfigurationItem(params.items[i]?.section, v, vscode.workspace.isTrusted));
          },
          // push model: send our own view of the settings instead of the raw ones
          didChangeConfiguration: async () => {
            await this.pushSettings();
          },
        },
      },
    };
    return this.host.createLanguageClient(this.context, CLIENT_ID, 'Container Linux Config Language Server', clientOptions);
  }

  /** Sends the current settings; the server re-validates open documents when it gets them. */
  async pushSettings(): Promise<void> {
    const c = this.client;
    if (!c?.isRunning()) return;
    await c.sendNotification(DID_CHANGE_CONFIGURATION, { settings: { clc: readSettings() } });
  }

  /** Asks the server to transpile an open clc document. */
  async transpile(params: TranspileParams, token?: vscode.CancellationToken): Promise<TranspileResponse> {
    const c = await this.start();
    // (an undefined token must not be passed: the library would send it as a second parameter)
    return token ? c.sendRequest<TranspileResponse>(TRANSPILE_REQUEST, params, token) : c.sendRequest<TranspileResponse>(TRANSPILE_REQUEST, params);
  }

  /** Asks the server to convert an open clc document to Butane (and to prove the result). */
  async toButane(params: ToButaneParams): Promise<ToButaneResponse> {
    const c = await this.start();
    return c.sendRequest<ToButaneResponse>(TO_BUTANE_REQUEST, params);
  }

  async restart(): Promise<void> {
    if (this.client?.isRunning()) {
      // a fresh client: a browser's server worker is gone once its client stops
      await this.stop();
      await this.start();
      this.log.info('Language server restarted.');
    } else {
      await this.start();
    }
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c?.needsStop()) await c.stop();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    void this.stop();
  }
}
