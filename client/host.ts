// What the extension needs from where it runs. The wiring (extension.ts) is the same in VS Code's
// Node extension host and in its browser (web worker) extension host; node.ts and web.ts are the
// two thin hosts that fill this in.

import type * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';

export interface ClientHost {
  /** which extension host this is: Node's or a browser's web worker */
  readonly kind: 'node' | 'web';
  /** a client (not started yet) for the language server bundle this host runs */
  createLanguageClient(context: vscode.ExtensionContext, id: string, name: string, options: LanguageClientOptions): Promise<BaseLanguageClient>;
  /** writes transpiled output to `target`, creating its folder */
  writeFile(target: vscode.Uri, text: string): Promise<void>;
  /** the folder "Transpile As..." offers for an untitled config when no workspace folder is open */
  fallbackFolder(): vscode.Uri | undefined;
}
