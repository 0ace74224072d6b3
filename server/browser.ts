// Entry point of the language server in a browser (dist/web/server.js), started by the extension's
// web host as a web worker; it talks LSP over the worker's messages. Jobs run on this worker's own
// thread (it is already off the editor's thread), and `local:` files cannot be read: a browser
// has no local disk to take them from.

import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { InProcessJobRunner } from './jobs.ts';
import { startServer } from './server.ts';

// (the project compiles against Node's types, not the DOM's: the worker scope is described here)
declare const self: { addEventListener(type: string, listener: (e: any) => void): void };

const NO_LOCAL_DISK = 'the workspace is not on a local disk (VS Code in a browser), so clc.filesDir cannot be read';

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));

// a bug must never take the server down: log it and keep answering
const report = (what: string) => (e: { reason?: unknown; error?: unknown; message?: unknown }) => {
  const err = (e.reason ?? e.error ?? e.message) as { stack?: string } | undefined;
  try {
    connection.console.error(`clc: ${what}: ${err?.stack ?? err}`);
  } catch {
    // the connection is gone; nothing to tell
  }
};
self.addEventListener('error', report('uncaught exception'));
self.addEventListener('unhandledrejection', report('unhandled rejection'));

startServer(connection, {
  createJobRunner: () => new InProcessJobRunner({ localFiles: () => () => ({ ok: false, error: NO_LOCAL_DISK }), heap: () => null }),
  locateFilesDir: () => ({ unavailable: NO_LOCAL_DISK }),
  memory: () => ({ rssMiB: null, main: null }),
});
