// Entry point of the bundled language server (dist/server.js). The transport comes from the
// command line, as vscode-languageserver reads it: --stdio, --node-ipc or --socket=<port>.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.ts';

const connection = createConnection(ProposedFeatures.all);

// a bug must never take the server down: log it and keep answering
process.on('uncaughtException', (e) => {
  try {
    connection.console.error(`clc: uncaught exception: ${e?.stack ?? e}`);
  } catch {
    // ignore
  }
});
process.on('unhandledRejection', (e: any) => {
  try {
    connection.console.error(`clc: unhandled rejection: ${e?.stack ?? e}`);
  } catch {
    // ignore
  }
});

startServer(connection);
