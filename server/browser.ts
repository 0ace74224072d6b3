// Entry point of the language server in a browser (dist/web/server.js), started by the extension's
// web host as a web worker; it talks LSP over the worker's messages. The same bundle, started by
// the server itself under the name VALIDATOR_NAME, is its validation worker (webWorkerJobs.ts).
// `local:` files cannot be read: a browser has no local disk to take them from.
// A conversion's proof runs clc's own Butane core here too (butaneProof.ts); only a butane
// executable (clc.butane.transpilerPath) needs Node.

import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { proveConversion } from './butaneProof.ts';
import { unavailableFiles, type JobEnvironment } from './jobs.ts';
import { startServer } from './server.ts';
import { serveJobsInWorker, VALIDATOR_NAME, WebWorkerJobRunner } from './webWorkerJobs.ts';

// (the project compiles against Node's types, not the DOM's: the worker scope is described here)
declare const self: {
  name: string;
  location: { href: string };
  addEventListener(type: string, listener: (e: any) => void): void;
  postMessage(message: unknown): void;
};

const NO_LOCAL_DISK = 'the workspace is not on a local disk (VS Code in a browser), so clc.filesDir cannot be read';
// as many warm-up runs as the Node worker makes (worker.ts): CLC and Butane in turn, 25 each
const WARM_UP_SLICES = 50;

const browserJobs: JobEnvironment = {
  localFiles: () => () => ({ ok: false, error: NO_LOCAL_DISK }),
  butaneFiles: (_dir, shown) => unavailableFiles(shown, NO_LOCAL_DISK),
  heap: () => null,
};

if (self.name === VALIDATOR_NAME) {
  serveJobsInWorker(self, browserJobs, WARM_UP_SLICES);
} else {
  const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self as any), new BrowserMessageWriter(self as any));

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
    createJobRunner: (log) => new WebWorkerJobRunner(self.location.href, browserJobs, log),
    locateFilesDir: () => ({ unavailable: NO_LOCAL_DISK }),
    memory: () => ({ rssMiB: null, main: null }),
    butane: {
      localFiles: () => () => ({ ok: false, error: NO_LOCAL_DISK }),
      // clc's own Butane core, in the worker; no local files, and no gunzip (so no compression)
      prove: (r, filesDir, transpilerPath) => proveConversion(r, filesDir, transpilerPath, { files: () => null }),
    },
  });
}
