import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic, WriteError } from '../../client/atomicWrite.ts';

const made: string[] = [];
function tmpdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clc-atomic-'));
  made.push(dir);
  return dir;
}
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});
const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

test('creates and replaces a file, leaving no temporary file', async () => {
  const dir = tmpdir();
  const f = path.join(dir, 'out.ign');
  await writeFileAtomic(f, '{"a":1}');
  assert.equal(fs.readFileSync(f, 'utf8'), '{"a":1}');
  await writeFileAtomic(f, Buffer.from('{"b":2}\n'));
  assert.equal(fs.readFileSync(f, 'utf8'), '{"b":2}\n');
  assert.deepEqual(leftovers(dir), []);
});

test('creates missing folders only when asked', async () => {
  const dir = tmpdir();
  const f = path.join(dir, 'a', 'b', 'out.ign');
  await assert.rejects(writeFileAtomic(f, 'x'), WriteError);
  await writeFileAtomic(f, 'x', { mkdirs: true });
  assert.equal(fs.readFileSync(f, 'utf8'), 'x');
});

test('keeps the mode of the file it replaces', { skip: process.platform === 'win32' }, async () => {
  const dir = tmpdir();
  const f = path.join(dir, 'out.ign');
  fs.writeFileSync(f, 'old');
  fs.chmodSync(f, 0o640);
  await writeFileAtomic(f, 'new');
  assert.equal(fs.statSync(f).mode & 0o777, 0o640);
});

test('writes through a symbolic link and keeps the link', { skip: process.platform === 'win32' }, async () => {
  const dir = tmpdir();
  const real = path.join(dir, 'real.ign');
  const link = path.join(dir, 'link.ign');
  fs.writeFileSync(real, 'old');
  fs.symlinkSync(real, link);
  await writeFileAtomic(link, 'new');
  assert.ok(fs.lstatSync(link).isSymbolicLink());
  assert.equal(fs.readFileSync(real, 'utf8'), 'new');
});

test('refuses a folder and leaves it alone', async () => {
  const dir = tmpdir();
  const sub = path.join(dir, 'sub');
  fs.mkdirSync(sub);
  await assert.rejects(writeFileAtomic(sub, 'x'), (e: unknown) => e instanceof WriteError && /folder/.test(e.message));
  assert.ok(fs.statSync(sub).isDirectory());
  assert.deepEqual(leftovers(dir), []);
});

test('a failed write keeps the old content and cleans up', { skip: process.platform === 'win32' || process.getuid?.() === 0 }, async () => {
  const dir = tmpdir();
  const f = path.join(dir, 'out.ign');
  fs.writeFileSync(f, 'old');
  fs.chmodSync(dir, 0o500);
  try {
    await assert.rejects(writeFileAtomic(f, 'new'), (e: unknown) => e instanceof WriteError && /permission denied/.test(e.message));
  } finally {
    fs.chmodSync(dir, 0o700);
  }
  assert.equal(fs.readFileSync(f, 'utf8'), 'old');
  assert.deepEqual(leftovers(dir), []);
});

test('a failing rename keeps the old content and removes the temporary file', async () => {
  const dir = tmpdir();
  // the target's name is taken by a non-empty folder: the rename fails after the data is written
  const target = path.join(dir, 'busy');
  fs.mkdirSync(target);
  fs.writeFileSync(path.join(target, 'keep'), 'k');
  await assert.rejects(writeFileAtomic(target, 'x'), WriteError);
  assert.equal(fs.readFileSync(path.join(target, 'keep'), 'utf8'), 'k');
  assert.deepEqual(leftovers(dir), []);
});
