// Expected values follow Go's path package documentation and its published test tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean, join, filepathJoin, ext, isAbs, base, dir } from '../../src/core/go/path.ts';

test('Clean', () => {
  const cases: [string, string][] = [
    ['', '.'], ['abc', 'abc'], ['abc/def', 'abc/def'], ['a/b/c', 'a/b/c'], ['.', '.'], ['..', '..'],
    ['../..', '../..'], ['../../abc', '../../abc'], ['/abc', '/abc'], ['/', '/'],
    ['abc/', 'abc'], ['abc/def/', 'abc/def'], ['a/b/c/', 'a/b/c'], ['./', '.'], ['../', '..'],
    ['../../', '../..'], ['/abc/', '/abc'],
    ['abc//def//ghi', 'abc/def/ghi'], ['//abc', '/abc'], ['///abc', '/abc'], ['//abc//', '/abc'],
    ['abc//', 'abc'],
    ['abc/./def', 'abc/def'], ['/./abc/def', '/abc/def'], ['abc/.', 'abc'],
    ['abc/def/ghi/../jkl', 'abc/def/jkl'], ['abc/def/../ghi/../jkl', 'abc/jkl'], ['abc/def/..', 'abc'],
    ['abc/def/../..', '.'], ['/abc/def/../..', '/'], ['abc/def/../../..', '..'],
    ['/abc/def/../../..', '/'], ['abc/def/../../../ghi/jkl/../../../mno', '../../mno'],
    ['abc/./../def', 'def'], ['abc//./../def', 'def'], ['abc/../../././../def', '../../def'],
    ['/..', '/'], ['/../a', '/a'], ['a/../..', '..'],
  ];
  for (const [input, want] of cases) assert.equal(clean(input), want, `Clean(${JSON.stringify(input)})`);
});

test('Join', () => {
  assert.equal(join(), '');
  assert.equal(join(''), '');
  assert.equal(join('', ''), '');
  assert.equal(join('a'), 'a');
  assert.equal(join('a', 'b'), 'a/b');
  assert.equal(join('a', ''), 'a');
  assert.equal(join('', 'b'), 'b');
  assert.equal(join('/', 'a'), '/a');
  assert.equal(join('/', ''), '/');
  assert.equal(join('a/', 'b'), 'a/b');
  assert.equal(join('a/', ''), 'a');
  assert.equal(join('dir', '/abs/file'), 'dir/abs/file');
  assert.equal(join('/srv/files', '../etc/passwd'), '/srv/etc/passwd');
  assert.equal(filepathJoin('files', './x/../y.txt'), 'files/y.txt');
});

test('Ext', () => {
  assert.equal(ext('path.go'), '.go');
  assert.equal(ext('path.pb.go'), '.go');
  assert.equal(ext('a.dir/b'), '');
  assert.equal(ext('a.dir/b.go'), '.go');
  assert.equal(ext('a.dir/'), '');
  assert.equal(ext('.bashrc'), '.bashrc');
  assert.equal(ext(''), '');
});

test('IsAbs', () => {
  assert.equal(isAbs(''), false);
  assert.equal(isAbs('/abc'), true);
  assert.equal(isAbs('abc'), false);
});

test('Base and Dir', () => {
  const b: [string, string][] = [
    ['', '.'], ['.', '.'], ['/.', '.'], ['/', '/'], ['////', '/'], ['x/', 'x'], ['abc', 'abc'],
    ['abc/def', 'def'], ['a/b/.x', '.x'], ['a/b/c.', 'c.'], ['a/b/c.x', 'c.x'],
  ];
  for (const [input, want] of b) assert.equal(base(input), want, `Base(${JSON.stringify(input)})`);
  const d: [string, string][] = [
    ['', '.'], ['.', '.'], ['/.', '/'], ['/', '/'], ['////', '/'], ['/foo', '/'], ['x/', 'x'],
    ['abc', '.'], ['abc/def', 'abc'], ['abc////def', 'abc'], ['a/b/.x', 'a/b'], ['a/b/c.', 'a/b'],
    ['a/b/c.x', 'a/b'],
  ];
  for (const [input, want] of d) assert.equal(dir(input), want, `Dir(${JSON.stringify(input)})`);
});
