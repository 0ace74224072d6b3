// Hostile input: alias bombs, self-referencing aliases and merge loops, 20,000-deep nesting,
// 8 MB scalars, invalid UTF-8, NUL bytes, 20,000-item lists; and `local:` paths that try to
// leave --files-dir. Through the CLI (a separate process) and through transpile(): the run
// ends in bounded time with exit 0 or 1, never a stack trace, and a failure says why.
// Time limits here only catch runaways; speed targets live in bench/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { transpile } from '../../src/core/transpile.ts';
import { decodeConfigBytes } from '../../src/core/text.ts';
import { localFileReader } from '../../src/cli/files.ts';
import { CLCT, ensureBuilt } from '../support/build.ts';

/** a run taking longer than this is a runaway (a slow machine stays well below it) */
const LIMIT_MS = 10_000;
/** 8 MB of file contents are escaped and validated as a data URL: allow more, bench/ has the target */
const BIG_LIMIT_MS = 30_000;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-hostile-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

interface Case {
  name: string;
  bytes: Buffer;
  /** what a failure must mention (a clear diagnostic); null when the config is accepted */
  expect: RegExp | null;
  limit?: number;
  /** success is fine too (a failure must still match `expect`) */
  either?: boolean;
}

function billionLaughs(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const cur = String.fromCharCode(97 + i);
    lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  lines.push('storage: {files: *j}');
  return lines.join('\n') + '\n';
}

const EIGHT_MB = 8 << 20;

const CASES: Case[] = [
  { name: 'billion laughs', bytes: Buffer.from(billionLaughs()), expect: /cannot unmarshal|excessive aliasing/ },
  { name: 'billion laughs in an unknown key', bytes: Buffer.from(billionLaughs().replace('storage: {files: *j}', 'x: *j')), expect: null },
  { name: 'alias inside its own anchor', bytes: Buffer.from('storage: &s\n  files: [*s]\n'), expect: /path not absolute|contains itself/ },
  { name: 'merge key merging its own mapping', bytes: Buffer.from('storage: &s\n  <<: *s\n  files: []\n'), expect: /anchor 's' value contains itself/ },
  { name: 'two mappings merging each other', bytes: Buffer.from('a: &a\n  <<: *b\nb: &b\n  <<: *a\n'), expect: /unknown anchor 'b'/ },
  { name: '20,000-deep flow sequences', bytes: Buffer.from('storage: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n'), expect: /nested too deeply|max depth/ },
  { name: '20,000-deep flow mappings', bytes: Buffer.from('storage: ' + '{a: '.repeat(20_000) + '1' + '}'.repeat(20_000) + '\n'), expect: /nested too deeply|max depth/ },
  { name: '20,000-deep block sequences', bytes: Buffer.from('storage:\n  files:\n    ' + '- '.repeat(20_000) + 'x\n'), expect: /nested too deeply|max depth/ },
  // block mappings need one more column per level, so the text grows with the square of the depth;
  // ct reads up to 10,000 levels, clct up to about 900 (the YAML library recurses): either outcome is fine here
  { name: '3,000-deep block mappings', bytes: Buffer.from(Array.from({ length: 3_000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n'), expect: /nested too deeply/, either: true },
  { name: '8 MB scalar under an unknown key', bytes: Buffer.from('x: "' + 'y'.repeat(EIGHT_MB) + '"\n'), expect: null },
  { name: '8 MB plain key', bytes: Buffer.from('k'.repeat(EIGHT_MB) + ': 1\n'), expect: /yaml/ },
  {
    name: '8 MB of file contents',
    bytes: Buffer.from('storage:\n  files:\n    - path: /big\n      mode: 0644\n      contents:\n        inline: "' + 'z'.repeat(EIGHT_MB) + '"\n'),
    expect: null,
    limit: BIG_LIMIT_MS,
  },
  { name: 'invalid UTF-8', bytes: Buffer.from([...Buffer.from('storage:\n  files:\n    - path: /a'), 0xc3, 0x28, 0x0a]), expect: /UTF-8/ },
  { name: 'a lone UTF-16 BOM with an odd byte', bytes: Buffer.from([0xff, 0xfe, 0x41]), expect: /UTF-16/ },
  { name: 'NUL byte in a value', bytes: Buffer.from('storage:\n  files:\n    - path: /a\u0000b\n'), expect: /control characters/ },
  { name: 'NUL bytes only', bytes: Buffer.alloc(1024), expect: /control characters/ },
  {
    name: '20,000 files',
    bytes: Buffer.from('storage:\n  files:\n' + Array.from({ length: 20_000 }, (_, i) => `    - path: /f${i}\n      mode: 0644\n      contents: {inline: x}\n`).join('')),
    expect: null,
  },
  { name: '20,000 users in one flow sequence', bytes: Buffer.from('passwd: {users: [' + Array.from({ length: 20_000 }, (_, i) => `{name: u${i}}`).join(', ') + ']}\n'), expect: null },
  { name: '20,000 unknown keys', bytes: Buffer.from(Array.from({ length: 20_000 }, (_, i) => `k${i}: v\n`).join('')), expect: null },
];

const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?$/m;

function assertCliOutcome(c: Case, r: ReturnType<typeof spawnSync>, ms: number): void {
  const stderr = String(r.stderr);
  assert.equal(r.error, undefined, `${c.name}: ${r.error}`);
  assert.ok(r.status === 0 || r.status === 1, `${c.name}: exit ${r.status} (signal ${r.signal})\n${stderr.slice(0, 500)}`);
  assert.ok(ms < (c.limit ?? LIMIT_MS), `${c.name}: took ${ms.toFixed(0)} ms`);
  assert.doesNotMatch(stderr, STACK_TRACE, `${c.name}: stack trace on stderr`);
  assert.doesNotMatch(stderr, /internal error/, c.name);
  if (c.either && r.status === 0) {
    JSON.parse(String(r.stdout));
  } else if (c.expect) {
    assert.equal(r.status, 1, `${c.name}: expected a failure`);
    assert.match(stderr, c.expect, c.name);
    assert.match(stderr, /^(error|warning)/m, `${c.name}: a diagnostic line`);
    assert.equal(String(r.stdout), '', c.name);
  } else {
    assert.equal(r.status, 0, `${c.name}: ${stderr.slice(0, 500)}`);
    JSON.parse(String(r.stdout));
  }
}

test('hostile input through the CLI', { timeout: 600_000 }, () => {
  ensureBuilt();
  for (const [i, c] of CASES.entries()) {
    const file = path.join(tmp, `case-${i}.yml`);
    fs.writeFileSync(file, c.bytes);
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [CLCT, '--in-file', file], { timeout: 2 * (c.limit ?? LIMIT_MS), maxBuffer: 256 << 20 });
    assertCliOutcome(c, r, performance.now() - t0);
  }
});

test('hostile input through transpile()', { timeout: 600_000 }, () => {
  for (const c of CASES) {
    const t0 = performance.now();
    const decoded = decodeConfigBytes(new Uint8Array(c.bytes));
    if (!decoded.ok) {
      assert.ok(c.expect, `${c.name}: ${decoded.error}`);
      assert.match(decoded.error, c.expect, c.name);
      continue;
    }
    const r = transpile(decoded.text, {});
    const ms = performance.now() - t0;
    assert.ok(ms < (c.limit ?? LIMIT_MS), `${c.name}: took ${ms.toFixed(0)} ms`);
    for (const d of r.diagnostics) if (d.span) assert.ok(d.span.start >= 0 && d.span.end <= decoded.text.length, `${c.name}: span ${JSON.stringify(d.span)}`);
    if (c.either && r.output !== null) continue;
    if (c.expect) {
      assert.equal(r.output, null, `${c.name}: expected a failure`);
      assert.ok(r.diagnostics.some((d) => d.severity === 'error' && c.expect!.test(d.message)), `${c.name}: ${JSON.stringify(r.diagnostics.slice(0, 3).map((d) => d.message))}`);
    } else {
      assert.notEqual(r.output, null, `${c.name}: ${JSON.stringify(r.diagnostics.slice(0, 3).map((d) => d.message))}`);
    }
  }
});

// ------------------------------------------------------------------------------- --files-dir

const SECRET = 'top secret 4d1f0c';

function filesFixture(): { dir: string; files: string; outside: string } {
  const dir = fs.mkdtempSync(path.join(tmp, 'files-'));
  const files = path.join(dir, 'files');
  const outside = path.join(dir, 'outside');
  fs.mkdirSync(path.join(files, 'sub'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'secret.txt'), SECRET + '\n');
  fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET + '\n');
  fs.writeFileSync(path.join(files, 'motd.txt'), 'hello\n');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(files, 'link-out'));
  fs.symlinkSync(outside, path.join(files, 'dir-out'));
  fs.symlinkSync('motd.txt', path.join(files, 'link-in'));
  fs.symlinkSync('../motd.txt', path.join(files, 'sub', 'up-but-inside'));
  fs.symlinkSync('../../outside/secret.txt', path.join(files, 'sub', 'relative-out'));
  return { dir, files, outside };
}

function localConfig(local: string): string {
  return `storage:\n  files:\n    - path: /etc/x\n      mode: 0644\n      contents:\n        local: ${JSON.stringify(local)}\n`;
}

const ESCAPES = (outside: string, dir: string) => [
  '../secret.txt',
  '../outside/secret.txt',
  'sub/../../secret.txt',
  'link-out',
  'dir-out/secret.txt',
  'sub/relative-out',
  path.join(outside, 'secret.txt'), // absolute: joined below --files-dir like ct does, so not found
  path.join(dir, 'secret.txt'),
];

test('--files-dir: nothing outside the directory is embedded (CLI)', { timeout: 120_000 }, () => {
  ensureBuilt();
  const { dir, files, outside } = filesFixture();
  for (const local of ESCAPES(outside, dir)) {
    const file = path.join(dir, 'cfg.yml');
    fs.writeFileSync(file, localConfig(local));
    const r = spawnSync(process.execPath, [CLCT, '--files-dir', files, '--in-file', file], { timeout: LIMIT_MS * 2 });
    const all = String(r.stdout) + String(r.stderr);
    assert.equal(r.status, 1, `${local}: ${all}`);
    assert.equal(String(r.stdout), '', local);
    assert.ok(!all.includes('secret%20') && !all.includes(SECRET), `${local} leaked the secret`);
    assert.match(String(r.stderr), /outside the files directory|no such file or directory/, local);
    assert.doesNotMatch(String(r.stderr), STACK_TRACE, local);
  }
  // links that stay inside are fine, and so is a files directory reached through a link
  fs.symlinkSync(files, path.join(dir, 'files-link'));
  for (const [local, filesDir] of [['link-in', files], ['sub/up-but-inside', files], ['motd.txt', path.join(dir, 'files-link')]]) {
    const file = path.join(dir, 'cfg.yml');
    fs.writeFileSync(file, localConfig(local));
    const r = spawnSync(process.execPath, [CLCT, '--files-dir', filesDir, '--in-file', file], { timeout: LIMIT_MS * 2 });
    assert.equal(r.status, 0, `${local}: ${r.stderr}`);
    assert.match(String(r.stdout), /data:,hello%0A/, local);
  }
});

test('--files-dir: the reader refuses paths leading outside', () => {
  const { dir, files, outside } = filesFixture();
  const read = localFileReader(files);
  for (const local of ESCAPES(outside, dir)) {
    const r = read(local);
    assert.equal(r.ok, false, local);
    if (!r.ok) assert.ok(!r.error.includes(SECRET), local);
  }
  const inside = read('link-in');
  assert.ok(inside.ok && new TextDecoder().decode(inside.data) === 'hello\n');
});
