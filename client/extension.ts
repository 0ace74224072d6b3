// The clc extension's wiring, the same in VS Code's Node extension host and in its browser
// (web worker) extension host: node.ts and web.ts call activateWith() with what differs (host.ts).
//
// Activation is kept cheap: it registers commands and providers; the language server starts only
// when a Container Linux Config is open or a command needs it.

import * as vscode from 'vscode';
import { LANGUAGE_ID, isConfigLanguage } from '../src/shared/protocol.ts';
import { ClcServer } from './languageClient.ts';
import type { ClientHost } from './host.ts';
import { LanguageDetection } from './languageDetection.ts';
import { IgnitionPreview, PREVIEW_SCHEME } from './preview.ts';
import { Transpiler, resolveSource, type TranspileOptions, type TranspileOutcome } from './transpileCommand.ts';
import { ButaneConverter, type ButaneOptions, type ButaneOutcome } from './butaneCommand.ts';

/** What activate() returns; integration tests drive the extension through it. */
export interface ClcExtensionApi {
  /** transpiles a config and writes the output (options.ui replaces the dialogs) */
  transpileUri(uri: vscode.Uri, options?: TranspileOptions): Promise<TranspileOutcome>;
  /** where clc.transpile.output puts the output of a config */
  outputTarget(uri: vscode.Uri): { ok: true; uri: vscode.Uri } | { ok: false; error: string };
  /** converts a config to name.bu beside it and proves it (options.ui replaces the dialogs) */
  convertToButane(uri: vscode.Uri, options?: ButaneOptions): Promise<ButaneOutcome>;
  /** the Ignition preview */
  previewProvider: IgnitionPreview;
  /** the language server (started on demand) */
  server: ClcServer;
  /** milliseconds activate() took */
  activationMs: number;
  /** the extension host it runs in: Node's, or a browser's web worker */
  host: ClientHost['kind'];
}

let server: ClcServer | undefined;

export function activateWith(context: vscode.ExtensionContext, host: ClientHost): ClcExtensionApi {
  const began = performance.now();
  const log = vscode.window.createOutputChannel('Container Linux Config', { log: true });
  server = new ClcServer(context, log, host);
  const srv = server;
  const preview = new IgnitionPreview(srv);
  const transpiler = new Transpiler(srv, host);
  const butane = new ButaneConverter(srv, host);
  const detection = new LanguageDetection();

  context.subscriptions.push(log, srv, preview, detection);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview));

  // start the server once a config is open (now or later), after activate() has returned, so
  // loading the client library and forking the server never count against activation; YAML
  // files alone never start it
  const startIfNeeded = (d: vscode.TextDocument) => {
    if (!isConfigLanguage(d.languageId) || srv.isRunning) return;
    setTimeout(() => srv.start().catch((e) => log.error(`The language server did not start: ${e?.message ?? e}`)), 0);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(startIfNeeded));
  vscode.workspace.textDocuments.forEach(startIfNeeded);

  const transpileCommand = (saveAs: boolean) => async (arg?: unknown) => {
    const doc = await resolveSource(arg);
    if (!doc) {
      void vscode.window.showInformationMessage('Open a Container Linux Config (cl-config.yml) to transpile it to Ignition.');
      return undefined;
    }
    return transpiler.run(doc, { saveAs });
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('clc.transpile', transpileCommand(false)),
    vscode.commands.registerCommand('clc.transpileAs', transpileCommand(true)),
    vscode.commands.registerCommand('clc.convertToButane', async (arg?: unknown) => {
      const doc = await resolveSource(arg);
      if (!doc) {
        void vscode.window.showInformationMessage('Open a Container Linux Config (cl-config.yml) to convert it to a Butane config.');
        return undefined;
      }
      return butane.run(doc);
    }),
    vscode.commands.registerCommand('clc.openPreviewToSide', (arg?: unknown) => preview.open(arg)),
    vscode.commands.registerCommand('clc.preview.selectPlatform', () => preview.selectPlatform()),
    vscode.commands.registerCommand('clc.restartServer', () => srv.restart()),
    vscode.commands.registerCommand('clc.showOutput', () => log.show(true)),
    vscode.commands.registerCommand('clc.changeLanguage', async (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
      if (!uri) return;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
      detection.markSeen(uri);
      if (doc.languageId !== LANGUAGE_ID) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    }),
  );

  const activationMs = Math.round((performance.now() - began) * 10) / 10;
  log.info(`Activated in ${activationMs} ms.`);
  return {
    transpileUri: async (uri, options) => {
      const doc = await resolveSource(uri);
      if (!doc) return { kind: 'failed', message: `Cannot open ${uri.toString()}` };
      return transpiler.run(doc, options);
    },
    outputTarget: (uri) => transpiler.outputTarget(uri),
    convertToButane: async (uri, options) => {
      const doc = await resolveSource(uri);
      if (!doc) return { kind: 'failed', message: `Cannot open ${uri.toString()}` };
      return butane.run(doc, options);
    },
    previewProvider: preview,
    server: srv,
    activationMs,
    host: host.kind,
  };
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  await s?.stop();
}
