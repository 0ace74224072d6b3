// Entry point of the bundled language server (dist/server.js). The transport comes from the
// command line, as vscode-languageserver reads it: --stdio, --node-ipc or --socket=<port>.
// The same bundle also runs as the validation worker (see worker.ts); each role loads only
// the modules it needs.

import { isMainThread, workerData } from 'node:worker_threads';

if (!isMainThread && (workerData as { clcRole?: string } | undefined)?.clcRole === 'validator') {
  (require('./worker.ts') as typeof import('./worker.ts')).serveJobs();
} else {
  const { createConnection, ProposedFeatures } = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
  const { startServer } = require('./server.ts') as typeof import('./server.ts');
  const { nodeServerOptions } = require('./nodeHost.ts') as typeof import('./nodeHost.ts');
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

  startServer(connection, nodeServerOptions(process.env.CLC_NO_WORKER ? null : __filename));
}
