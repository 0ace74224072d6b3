import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldingRanges } from '../../src/core/features/folding.ts';
import { ClcDocument } from '../../src/core/features/document.ts';
import { yaml } from '../support/caret.ts';

const ranges = (text: string) => foldingRanges(new ClcDocument(text)).map((r) => `${r.startLine}-${r.endLine}${r.kind ? ' ' + r.kind : ''}`);

test('sections, lists, items and block scalars fold', () => {
  const text = yaml(
    '# header', //            0
    '# more', //              1
    'storage:', //            2
    '  files:', //            3
    '    - path: /a', //      4
    '      contents:', //     5
    '        inline: |', //   6
    '          hello', //     7
    '', //                    8
    '    - path: /b', //      9
    'passwd:', //            10
    '  users:', //           11
    '  - name: core', //     12
    '    groups: [a]', //    13
  );
  assert.deepEqual(ranges(text), ['0-1 comment', '2-9', '3-9', '4-7', '5-7', '6-7', '10-13', '11-13', '12-13']);
});

test('broken YAML folds by indentation', () => {
  assert.deepEqual(ranges(yaml('storage:', '  files:', '    - pa', '      [', 'x')), ['0-3', '1-3', '2-3']);
});

test('CRLF', () => {
  assert.deepEqual(ranges('a:\r\n  b: 1\r\n  c: 2\r\n'), ['0-2']);
});
