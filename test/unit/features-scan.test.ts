import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyLine, framesBefore, keysBefore, scanText } from '../../src/core/features/scan.ts';
import type { Frame } from '../../src/core/features/scan.ts';
import { generateConfig } from '../../bench/generate.ts';
import { yaml } from '../support/caret.ts';

test('line kinds: block scalars, flow continuations, quoted continuations, later documents', () => {
  const text = yaml(
    'a: |', //             0 content
    '  text: {', //        1 scalar
    '', //                 2 scalar (blank inside)
    '  more', //           3 scalar
    'b: [1,', //           4 content, flow starts
    '  2]', //             5 flow
    'c: "x', //            6 content, quoted continues
    '  y"', //             7 scalar
    '# note', //           8 comment
    'd: plain', //         9 content
    '  continued', //     10 scalar
    '---', //             11 later document
    'e: 1', //            12 ignored
  );
  const s = scanText(text);
  assert.deepEqual(
    s.lines.map((l) => l.kind),
    ['content', 'scalar', 'scalar', 'scalar', 'content', 'flow', 'content', 'scalar', 'comment', 'content', 'scalar', 'ignored', 'ignored', 'ignored'],
  );
  assert.equal(s.laterDocumentLine, 11);
  assert.equal(s.lines[4].flowOpen, text.indexOf('['));
  assert.equal(s.lines[5].flowLine, 4);
});

test('keys: plain, quoted, with comments and anchors', () => {
  const s = scanText(yaml('"quoted key": 1', "'single''s': 2", 'plain key: &anc value # comment', '- - nested: x', 'url: http://x'));
  assert.deepEqual(s.lines.slice(0, 5).map((l) => [l.key, l.value, l.dashes]), [
    ['quoted key', '1', []],
    ["single's", '2', []],
    ['plain key', '&anc value', []],
    ['nested', 'x', [0, 2]],
    ['url', 'http://x', []],
  ]);
});

test('checkpointed frame stacks equal a walk from the start, on a 10,000-line config', () => {
  const s = scanText(generateConfig(10_000));
  const naive: Frame[] = [];
  const snapshots = new Map<number, string>();
  const probe = new Set([0, 1, 255, 256, 257, 511, 512, 1000, 4097, 7777, 9999, s.lines.length - 1]);
  for (let li = 0; li < s.lines.length; li++) {
    if (probe.has(li)) snapshots.set(li, JSON.stringify(naive));
    if (s.lines[li].kind === 'content') applyLine(naive, s.lines[li], li);
  }
  for (const li of probe) assert.equal(JSON.stringify(framesBefore(s, li)), snapshots.get(li), `line ${li}`);
});

test('keysBefore: the keys of one mapping only', () => {
  const s = scanText(yaml('storage:', '  files:', '    - path: /a', '      mode: 0644', '      contents:', '        inline: x', '      overwrite: true', '      '));
  const frames = framesBefore(s, 7);
  assert.deepEqual([...keysBefore(s, frames[frames.length - 1], 7).keys()], ['path', 'mode', 'contents', 'overwrite']);
});
