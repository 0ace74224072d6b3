// Entry point of the bundled language server (dist/server.js). The transport comes from the
// command line, as vscode-languageserver reads it: --stdio, --node-ipc or --socket=<port>.
// The same bundle also runs as the validation worker (see worker.ts).

import { isMainThread, workerData } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.ts';
import { serveJobs, WORKER_ROLE } from './worker.ts';

if (!isMainThread && (workerData as { clcRole?: string } | undefined)?.clcRole === WORKER_ROLE) {
  serveJobs();
} else {
  const connection = createConnection(ProposedFeatures.all);

  // a bug must never take the server down: log it and keep answering
  const report = (what: string) => (e: any) => {
    try {
      connection.console.error(`clc: ${what}: ${e?.stack ?? e}`);
    } catch {
      // the connection is gone; nothing to tell
    }
  };
  process.on('uncaughtException', report('uncaught exception'));
  process.on('unhandledRejection', report('unhandled rejection'));

  startServer(connection, { workerScript: process.env.CLC_NO_WORKER ? null : __filename });
}
