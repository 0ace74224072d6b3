// The extension in VS Code's Node extension host (package.json "main": dist/extension.js): the
// language server is dist/server.js in its own process, output files are written atomically.

import * as vscode from 'vscode';
import * as os from 'node:os';
import * as path from 'node:path';
import type { LanguageClientOptions } from 'vscode-languageclient';
import type * as NodeClient from 'vscode-languageclient/node';
import { writeFileAtomic } from './atomicWrite.ts';
import { activateWith, deactivate, type ClcExtensionApi } from './extension.ts';
import type { ClientHost } from './host.ts';
import { SERVER_NODE_FLAGS } from '../src/shared/serverProcess.ts';

export { deactivate };

const nodeHost: ClientHost = {
  kind: 'node',
  async createLanguageClient(context, id, name, options: LanguageClientOptions) {
    // vscode-languageclient takes longer to load than the whole rest of the extension, so it is
    // required (from the same bundle) only when the server is first needed, not on activation
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LanguageClient, TransportKind } = require('vscode-languageclient/node') as typeof NodeClient;
    const module = context.asAbsolutePath('dist/server.js');
    const serverOptions: NodeClient.ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'] } },
    };
    return new LanguageClient(id, name, serverOptions, options);
  },
  async writeFile(target, text) {
    if (target.scheme === 'file') {
      await writeFileAtomic(target.fsPath, text, { mkdirs: true });
      return;
    }
    // other file systems: let VS Code's provider do the write
    await vscode.workspace.fs.createDirectory(target.with({ path: path.posix.dirname(target.path) }));
    await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  },
  fallbackFolder: () => vscode.Uri.file(os.homedir()),
};

export function activate(context: vscode.ExtensionContext): ClcExtensionApi {
  return activateWith(context, nodeHost);
}
