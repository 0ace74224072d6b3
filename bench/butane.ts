// Butane benchmarks: the core in-process on a generated 10,000-line config, and dist/butane.js
// as a whole process on 10,000 and 100,000 lines, side by side with a butane binary when
// CLC_BENCH_BUTANE names one (runs interleaved, alternating which goes first).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { transpileButane } from '../src/core/butane/transpile.ts';

/** A realistic flatcar 1.1.0 config of about `targetLines` lines: files, units, users, links. */
export function generateButaneConfig(targetLines: number): string {
  const files: string[] = [];
  const units: string[] = [];
  const users: string[] = [];
  const dirs: string[] = [];
  const links: string[] = [];
  let lines = 0;
  for (let i = 0; lines < targetLines; i++) {
    files.push(
      `    - path: /etc/app/conf-${i}.toml`,
      `      mode: 0644`,
      `      overwrite: true`,
      `      user:`,
      `        name: app${i % 7}`,
      `      contents:`,
      `        inline: |`,
      `          [server]`,
      `          listen = "0.0.0.0:${8000 + (i % 1000)}"`,
      `          workers = ${1 + (i % 16)}`,
    );
    units.push(
      `    - name: app-${i}.service`,
      `      enabled: true`,
      `      contents: |`,
      `        [Unit]`,
      `        Description=App ${i}`,
      `        [Service]`,
      `        ExecStart=/opt/bin/app --config /etc/app/conf-${i}.toml`,
      `        [Install]`,
      `        WantedBy=multi-user.target`,
    );
    dirs.push(`    - path: /var/lib/app-${i}`, `      mode: 0750`);
    links.push(`    - path: /etc/app/current-${i}`, `      target: /etc/app/conf-${i}.toml`);
    if (i % 10 === 0) users.push(`    - name: user${i}`, `      ssh_authorized_keys:`, `        - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${i} user${i}@example`);
    lines = files.length + units.length + dirs.length + links.length + users.length + 12;
  }
  return [
    'variant: flatcar',
    'version: 1.1.0',
    'passwd:',
    '  users:',
    ...users,
    'storage:',
    '  directories:',
    ...dirs,
    '  files:',
    ...files,
    '  links:',
    ...links,
    'systemd:',
    '  units:',
    ...units,
    '',
  ].join('\n');
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};

/**
 * The core on a 10,000-line config: the median of 20 runs once V8 has compiled the hot code (5
 * runs before), and the first run of all apart, which is what a CLI process pays.
 */
export function benchButaneCore(): Array<Record<string, string | number>> {
  const text = generateButaneConfig(10_000);
  const times: number[] = [];
  for (let i = 0; i < 25; i++) times.push(timeOneRun(text));
  return [{ benchmark: 'butane core 10000 lines', 'median ms': +median(times.slice(5)).toFixed(1), 'first run ms': +times[0].toFixed(1) }];
}

/**
 * One transpile, timed. The result is dropped before the next run starts: a result kept alive
 * across the loop (a local the engine has not cleared yet) makes the next run's collector move
 * the whole previous YAML tree, which measures the loop, not the transpiler.
 */
function timeOneRun(text: string): number {
  const a = performance.now();
  const r = transpileButane(text);
  const ms = performance.now() - a;
  if (r.error) throw new Error(`generated config failed: ${r.error}`);
  return ms;
}

export function benchButaneCli(cli: string, butane?: string): Array<Record<string, string | number>> {
  const rows: Array<Record<string, string | number>> = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'butane-bench-'));
  for (const size of [10_000, 100_000]) {
    const file = path.join(dir, `cfg-${size}.bu`);
    fs.writeFileSync(file, generateButaneConfig(size));
    const runs = size > 50_000 ? 5 : 15;
    const ours: number[] = [];
    const theirs: number[] = [];
    const time = (cmd: string, args: string[]): number => {
      const a = performance.now();
      execFileSync(cmd, [...args, file], { stdio: ['ignore', 'ignore', 'ignore'], maxBuffer: 1 << 30 });
      return performance.now() - a;
    };
    for (let i = 0; i < runs + 1; i++) {
      const order = butane ? (i % 2 === 0 ? ['ours', 'butane'] : ['butane', 'ours']) : ['ours'];
      for (const who of order) {
        const ms = who === 'ours' ? time(process.execPath, [cli]) : time(butane!, []);
        if (i > 0) (who === 'ours' ? ours : theirs).push(ms); // the first round warms the file cache
      }
    }
    const row: Record<string, string | number> = { benchmark: `butane.js process ${size} lines`, 'median ms': +median(ours).toFixed(1) };
    if (butane) {
      row['butane median ms'] = +median(theirs).toFixed(1);
      row['butane.js / butane'] = +(median(ours) / median(theirs)).toFixed(2);
    }
    rows.push(row);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}
