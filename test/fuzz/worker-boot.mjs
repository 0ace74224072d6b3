// Starts a fuzz worker thread: worker threads do not inherit tsx's loader, so register it here
// and then load the TypeScript worker named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.file);
