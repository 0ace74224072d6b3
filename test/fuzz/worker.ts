// Worker thread of `npm run fuzz`: runs the properties on each input it is sent, so the main
// thread can stop it when one input hangs.
import { parentPort } from 'node:worker_threads';
import { checkCore, checkFeatures, fakeReader, loadFeatures, probeOffsets, Rng } from './properties.ts';
import type { Features, FuzzInput } from './properties.ts';
import { checkButaneCore, checkButaneFeatures } from './butane-properties.ts';

export interface Job {
  id: number;
  text: string;
  options: FuzzInput['options'] & { local?: boolean };
  origin: string;
  /** a Butane config (options.local: with the in-memory files directory), else a CLC one */
  format?: 'butane';
  offsetSeed: number;
  slowMs: number;
}

let features: Features | null = null;

parentPort!.on('message', async (job: Job) => {
  if (job.format === 'butane') {
    const input = { text: job.text, origin: job.origin, files: !!job.options.local };
    const core = checkButaneCore(input, job.slowMs);
    const feat = checkButaneFeatures(input, probeOffsets(job.text, new Rng(job.offsetSeed), 8), job.slowMs);
    parentPort!.postMessage({ id: job.id, violations: [...core.violations, ...feat], ms: core.ms });
    return;
  }
  features ??= await loadFeatures();
  const { local, ...options } = job.options;
  const input: FuzzInput = { text: job.text, origin: job.origin, options: local ? { ...options, filesDir: 'files', readFile: fakeReader } : options };
  const core = checkCore(input, job.slowMs);
  const feat = checkFeatures(features, input, probeOffsets(job.text, new Rng(job.offsetSeed), 8), job.slowMs);
  parentPort!.postMessage({ id: job.id, violations: [...core.violations, ...feat], ms: core.ms });
});
