// Entry point of the clc extension: wires the pieces together and nothing more.
//
// Activation is kept cheap: it registers commands and providers; the language server starts only
// when a Container Linux Config is open or a command needs it.

import * as vscode from 'vscode';
import { LANGUAGE_ID, isConfigLanguage } from '../src/shared/protocol.ts';
import { ClcServer } from './languageClient.ts';
import { LanguageDetection } from './languageDetection.ts';
import { IgnitionPreview, PREVIEW_SCHEME } from './preview.ts';
import { Transpiler, resolveSource, type TranspileOptions, type TranspileOutcome } from './transpileCommand.ts';

/** What activate() returns; integration tests drive the extension through it. */
export interface ClcExtensionApi {
  /** transpiles a config and writes the output (options.ui replaces the dialogs) */
  transpileUri(uri: vscode.Uri, options?: TranspileOptions): Promise<TranspileOutcome>;
  /** where clc.transpile.output puts the output of a config */
  outputTarget(uri: vscode.Uri): { ok: true; uri: vscode.Uri } | { ok: false; error: string };
  /** the Ignition preview */
  previewProvider: IgnitionPreview;
  /** the language server (started on demand) */
  server: ClcServer;
  /** milliseconds activate() took */
  activationMs: number;
}

let server: ClcServer | undefined;

export function activate(context: vscode.ExtensionContext): ClcExtensionApi {
  const began = performance.now();
  const log = vscode.window.createOutputChannel('Container Linux Config', { log: true });
  server = new ClcServer(context, log);
  const srv = server;
  const preview = new IgnitionPreview(srv);
  const transpiler = new Transpiler(srv);
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
    previewProvider: preview,
    server: srv,
    activationMs,
  };
}

export async function deactivate(): Promise<void> {
  const s = server;
  server = undefined;
  await s?.stop();
}
