// The extension in VS Code's browser extension host (package.json "browser": dist/web/extension.js),
// as on vscode.dev and github.dev: the language server is dist/web/server.js in a web worker, and
// every file goes through vscode.workspace.fs, so virtual file systems work.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, deactivate, type ClcExtensionApi } from './extension.ts';
import type { ClientHost } from './host.ts';

export { deactivate };

const SERVER_BUNDLE = 'dist/web/server.js';

// (the project compiles against Node's types, not the DOM's: the browser's Worker is described here)
declare const Worker: new (scriptUrl: string) => ConstructorParameters<typeof LanguageClient>[3];

const webHost: ClientHost = {
  kind: 'web',
  async createLanguageClient(context, id, name, options) {
    return new LanguageClient(id, name, options, new Worker(await serverScriptUrl(context)));
  },
  async writeFile(target, text) {
    const parent = target.with({ path: target.path.replace(/\/[^/]*$/, '') || '/' });
    await vscode.workspace.fs.createDirectory(parent);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  },
  fallbackFolder: () => undefined,
};

let blobUrl: Promise<string> | undefined;

/**
 * A URL the browser can start the server worker from. An extension served over http(s) (the
 * Marketplace on vscode.dev) gives one directly. One loaded from a VS Code server (vscode-remote:)
 * may not start workers from there, so its bundle is read through the file system and started as
 * a blob (made once, kept for restarts).
 */
async function serverScriptUrl(context: vscode.ExtensionContext): Promise<string> {
  const uri = vscode.Uri.joinPath(context.extensionUri, SERVER_BUNDLE);
  if (uri.scheme === 'http' || uri.scheme === 'https') return uri.toString(true);
  blobUrl ??= Promise.resolve(vscode.workspace.fs.readFile(uri)).then((bytes) => URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })));
  return blobUrl;
}

export function activate(context: vscode.ExtensionContext): ClcExtensionApi {
  return activateWith(context, webHost);
}
