// Deterministic inputs for the gzip vectors: each case is (kind, size, seed) and its bytes are
// regenerated here, so only Go's outputs (or their hashes) need to be stored as fixtures.
import { Rng } from './rng.ts';

export type InputKind = 'text' | 'repeated' | 'random' | 'binary' | 'mixed' | 'runs' | 'config' | 'dna';

const WORDS = (
  'the of and to in is it that for on with as was by at be this from or an are not have ' +
  'container linux flatcar ignition systemd unit service network storage file mode user group ' +
  'kernel boot mount disk partition label format path contents source verification hash etcd ' +
  'docker update reboot strategy locksmith timer socket target wants requires after before'
).split(' ');

function text(rng: Rng, size: number, out: Uint8Array): void {
  let s = '';
  while (s.length < size) {
    let sentence = '';
    const n = 4 + rng.int(14);
    for (let i = 0; i < n; i++) sentence += (i ? ' ' : '') + rng.pick(WORDS);
    s += sentence[0].toUpperCase() + sentence.slice(1) + (rng.chance(0.2) ? '.\n\n' : '. ');
  }
  for (let i = 0; i < size; i++) out[i] = s.charCodeAt(i);
}

function config(rng: Rng, size: number, out: Uint8Array): void {
  const sections = ['[Unit]', '[Service]', '[Install]', '[Match]', '[Network]', '[Mount]'];
  const keys = ['Description', 'After', 'Requires', 'ExecStart', 'ExecStartPre', 'Restart',
    'RestartSec', 'Environment', 'WantedBy', 'Type', 'User', 'Name', 'Address', 'Gateway', 'DNS'];
  let s = '';
  while (s.length < size) {
    s += rng.pick(sections) + '\n';
    const n = 2 + rng.int(8);
    for (let i = 0; i < n; i++) {
      const key = rng.pick(keys);
      let value = '';
      const m = 1 + rng.int(4);
      for (let j = 0; j < m; j++) value += (j ? ' ' : '') + rng.pick(WORDS);
      if (rng.chance(0.3)) value = `/usr/bin/${rng.pick(WORDS)} --${rng.pick(WORDS)}=${rng.int(65536)}`;
      if (rng.chance(0.2)) value = `10.${rng.int(256)}.${rng.int(256)}.${rng.int(256)}/24`;
      s += `${key}=${value}\n`;
    }
    s += '\n';
  }
  for (let i = 0; i < size; i++) out[i] = s.charCodeAt(i);
}

function fill(kind: InputKind, rng: Rng, size: number, out: Uint8Array): void {
  switch (kind) {
    case 'text':
      return text(rng, size, out);
    case 'config':
      return config(rng, size, out);
    case 'repeated': {
      // A short random phrase over and over: matches of maximal length at a small distance.
      const period = 1 + rng.int(40);
      for (let i = 0; i < size; i++) out[i] = i < period ? 32 + rng.int(95) : out[i - period];
      return;
    }
    case 'random':
      for (let i = 0; i < size; i++) out[i] = rng.int(256);
      return;
    case 'dna':
      // Four symbols: many short matches, chains full of candidates.
      for (let i = 0; i < size; i++) out[i] = 'ACGT'.charCodeAt(rng.int(4));
      return;
    case 'binary': {
      // Little-endian records of slowly varying integers with zero padding.
      let v = rng.int(1 << 16);
      for (let i = 0; i < size; i += 8) {
        v = (v + rng.int(17) - 8) & 0xffffff;
        const rec = [v & 0xff, (v >> 8) & 0xff, v >> 16, 0, rng.int(4), 0, 0, rng.chance(0.1) ? rng.int(256) : 0];
        for (let k = 0; k < 8 && i + k < size; k++) out[i + k] = rec[k];
      }
      return;
    }
    case 'runs': {
      // Long runs of one byte, occasionally broken.
      let b = rng.int(256);
      for (let i = 0; i < size; ) {
        const run = 1 + rng.int(rng.chance(0.5) ? 5000 : 20);
        for (let k = 0; k < run && i < size; k++) out[i++] = b;
        b = rng.chance(0.5) ? rng.int(256) : (b + 1) & 0xff;
      }
      return;
    }
    case 'mixed': {
      // Segments of the other kinds, some repeated from earlier in the input (near and far).
      const kinds: InputKind[] = ['text', 'random', 'runs', 'config', 'binary', 'dna'];
      for (let i = 0; i < size; ) {
        const len = Math.min(size - i, 1 + rng.int(rng.chance(0.3) ? 40000 : 3000));
        if (i > 0 && rng.chance(0.3)) {
          const from = rng.int(i);
          for (let k = 0; k < len; k++) out[i + k] = out[from + (k % (i - from))];
        } else {
          fill(rng.pick(kinds), rng, len, out.subarray(i, i + len));
        }
        i += len;
      }
      return;
    }
  }
}

/** The input bytes of one vector. */
export function gzipInput(kind: InputKind, size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  fill(kind, new Rng(seed), size, out);
  return out;
}

const KINDS: InputKind[] = ['text', 'repeated', 'random', 'binary', 'mixed', 'runs', 'config', 'dna'];
// Sizes around the edge cases: tiny inputs, the 16-byte/4-byte minimums, the 64 KiB stored-block
// limit, the window slide point (65536 - 262), several slides, and about 1 MB.
const SIZES = [0, 1, 2, 3, 4, 5, 8, 17, 100, 300, 1000, 4096, 20000, 65273, 65274, 65535, 65536, 65537,
  98304, 131072, 200003];

export interface VectorCase {
  name: string;
  kind: InputKind;
  size: number;
  seed: number;
}

/** Every recorded vector: each kind at each size, plus larger ones. */
export function gzipVectorCases(): VectorCase[] {
  const cases: VectorCase[] = [];
  let seed = 1;
  for (const kind of KINDS) {
    for (const size of SIZES) {
      if (size === 0 && kind !== 'text') continue;
      cases.push({ name: `${kind}-${size}`, kind, size, seed: seed++ });
    }
    cases.push({ name: `${kind}-1m`, kind, size: 1 << 20, seed: seed++ });
  }
  // Past 16 MiB Go rebases its stored hash positions (cheap to check on runs).
  cases.push({ name: 'runs-17m', kind: 'runs', size: 17 << 20, seed: seed++ });
  return cases;
}
