// Benchmarks of the transpiler: in-process parse + check + convert, and whole-process clct
// against files of growing size. Prints medians; targets live in the issue tracker, not here.

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseYaml } from '../src/core/yaml/parse.ts';
import { parseConfig, convertConfig, serializeIgnition } from '../src/core/transpile.ts';
import { generateConfig } from './generate.ts';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(runs: number, fn: () => void): number {
  fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    fn();
    t.push(performance.now() - a);
  }
  return median(t);
}

export function benchCore(): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = [];
  for (const size of [50, 300, 10_000]) {
    const text = generateConfig(size);
    const runs = size > 1000 ? 15 : 100;
    const parseOnly = timeIt(runs, () => parseYaml(text));
    const full = timeIt(runs, () => {
      const p = parseConfig(text);
      const c = convertConfig(p, { platform: 'ec2' }); // the config uses dynamic data
      if (c.ignition) serializeIgnition(c.ignition, false);
    });
    rows.push({ benchmark: `core ${size} lines`, 'yaml parse ms': +parseOnly.toFixed(2), 'parse+check+convert ms': +full.toFixed(2) });
  }
  return rows;
}

/**
 * Large inputs from the hostile-input tests, once each (they take seconds): 8 MB of inline file
 * contents (escaped into a data URL, then validated as one) and 20,000 files.
 */
export function benchLarge(): Array<Record<string, string | number>> {
  const cases: Array<[string, string]> = [
    ['core 8 MB file contents', 'storage:\n  files:\n    - path: /big\n      mode: 0644\n      contents:\n        inline: "' + 'z'.repeat(8 << 20) + '"\n'],
    ['core 20000 files', 'storage:\n  files:\n' + Array.from({ length: 20_000 }, (_, i) => `    - path: /f${i}\n      mode: 0644\n      contents: {inline: x}\n`).join('')],
  ];
  return cases.map(([name, text]) => {
    const a = performance.now();
    const c = convertConfig(parseConfig(text), {});
    if (c.ignition) serializeIgnition(c.ignition, false);
    return { benchmark: name, 'parse+check+convert ms': +(performance.now() - a).toFixed(1) };
  });
}

/**
 * clct as a whole process on generated configs. With `ct` (a path to a ct v0.9.4 binary, e.g.
 * from CLC_BENCH_CT), ct runs on the same files, interleaved with clct in alternating order so
 * that a machine getting faster or slower during the run affects both alike, and the ratio the
 * issue tracker's targets are stated in is printed too.
 */
export function benchCli(cli: string, ct?: string): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clct-bench-'));
  for (const size of [10_000, 100_000]) {
    const file = path.join(dir, `cfg-${size}.yml`);
    fs.writeFileSync(file, generateConfig(size));
    const runs = size > 50_000 ? 7 : 21;
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const measure = (who: 'clct' | 'ct') => {
        const ms = who === 'clct' ? timeProcess(process.execPath, [cli], file) : timeProcess(ct!, [], file);
        if (i > 0) (who === 'clct' ? ours : theirs).push(ms); // the first round warms the file cache
      };
      if (!ct) measure('clct');
      else if (i % 2 === 0) {
        measure('clct');
        measure('ct');
      } else {
        measure('ct');
        measure('clct');
      }
    }
    const row: Record<string, string | number> = { benchmark: `clct process ${size} lines`, 'median ms': +median(ours).toFixed(1) };
    if (ct) {
      row['ct median ms'] = +median(theirs).toFixed(1);
      row['clct / ct'] = +(median(ours) / median(theirs)).toFixed(2);
    }
    rows.push(row);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

function timeProcess(file: string, args: string[], config: string): number {
  const a = performance.now();
  // the generated config uses dynamic data ({PRIVATE_IPV4}), which needs a platform
  execFileSync(file, [...args, '--platform', 'ec2', '--in-file', config], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
  return performance.now() - a;
}
