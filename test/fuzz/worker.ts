// Worker thread of `npm run fuzz`: runs the properties on each input it is sent, so the main
// thread can stop it when one input hangs.
import { parentPort } from 'node:worker_threads';
import { checkCore, checkFeatures, fakeReader, loadFeatures, probeOffsets, Rng } from './properties.ts';
import type { Features, FuzzInput } from './properties.ts';

export interface Job {
  id: number;
  text: string;
  options: FuzzInput['options'] & { local?: boolean };
  origin: string;
  offsetSeed: number;
  slowMs: number;
}

let features: Features | null = null;

parentPort!.on('message', async (job: Job) => {
  features ??= await loadFeatures();
  const { local, ...options } = job.options;
  const input: FuzzInput = { text: job.text, origin: job.origin, options: local ? { ...options, filesDir: 'files', readFile: fakeReader } : options };
  const core = checkCore(input, job.slowMs);
  const feat = checkFeatures(features, input, probeOffsets(job.text, new Rng(job.offsetSeed), 8), job.slowMs);
  parentPort!.postMessage({ id: job.id, violations: [...core.violations, ...feat], ms: core.ms });
});
