// What the language server needs from Node: validation in a worker thread (worker.ts), clc.filesDir
// on the local disk, the process's memory figures, and the proof of a Butane conversion
// (butaneProofNode.ts: clc's own Butane transpiler, or a butane executable).

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { localFileReader } from '../src/cli/files.ts';
import { proveConversionOnNode } from './butaneProofNode.ts';
import { InProcessJobRunner } from './jobs.ts';
import type { FilesDirLocation, ServerOptions } from './server.ts';
import { WorkerThreadJobRunner, heapStats, nodeJobEnvironment } from './worker.ts';

/** `workerScript` is the bundle to start validation workers from; null validates in-process. */
export function nodeServerOptions(workerScript: string | null): ServerOptions {
  return {
    createJobRunner: (log) => (workerScript ? new WorkerThreadJobRunner(workerScript, log) : new InProcessJobRunner(nodeJobEnvironment)),
    locateFilesDir: locateOnDisk,
    memory: () => ({ rssMiB: process.memoryUsage().rss / 1048576, main: heapStats() }),
    butane: { localFiles: localFileReader, prove: proveConversionOnNode },
  };
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** clc.filesDir made absolute: relative to the document's workspace folder, else to its directory. */
export function locateOnDisk(uri: string, filesDir: string, workspaceFolderUris: string[]): FilesDirLocation {
  if (path.isAbsolute(filesDir)) return { path: filesDir };
  const docPath = filePath(uri);
  const folders = workspaceFolderUris.flatMap((u) => filePath(u) ?? []);
  const folder = docPath ? folders.filter((f) => docPath.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0] : folders[0];
  const base = folder ?? (docPath ? path.dirname(docPath) : undefined);
  // a config on a virtual file system, with no local folder open: there is no directory to read
  if (base === undefined) return { unavailable: 'the workspace is not on a local disk, so clc.filesDir cannot be read' };
  return { path: path.resolve(base, filesDir) };
}
