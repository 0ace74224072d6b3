import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definition } from '../../src/core/features/definition.ts';
import { at, yaml } from '../support/caret.ts';

function def(src: string) {
  const { doc, offset, text } = at(src);
  return definition(doc, offset).map((d) => ({ name: text.slice(d.selection.start, d.selection.end), whole: text.slice(d.span.start, d.span.end), origin: text.slice(d.origin.start, d.origin.end) }));
}

const FS = ['storage:', '  filesystems:', '    - name: data', '      mount:', '        device: /dev/sdb', '        format: ext4', '    - name: logs', '      path: /var/log'];

test('from a file\'s filesystem to the filesystem entry', () => {
  assert.deepEqual(def(yaml(...FS, '  files:', '    - path: /a', '      filesystem: da‸ta')), [
    { name: 'data', whole: '- name: data\n      mount:\n        device: /dev/sdb\n        format: ext4', origin: 'data' },
  ]);
});

test('directories and links too, quoted names included', () => {
  assert.equal(def(yaml(...FS, '  directories:', '    - path: /a', '      filesystem: "logs‸"'))[0].name, 'logs');
  assert.equal(def(yaml(...FS, '  links:', '    - path: /a', '      filesystem: logs‸', '      target: /b'))[0].name, 'logs');
});

test('root and unknown names have no definition', () => {
  assert.deepEqual(def(yaml(...FS, '  files:', '    - path: /a', '      filesystem: ro‸ot')), []);
  assert.deepEqual(def(yaml(...FS, '  files:', '    - path: /a', '      filesystem: nope‸')), []);
});

test('only filesystem references', () => {
  assert.deepEqual(def(yaml(...FS, '  files:', '    - path: /da‸ta')), []);
});

test('flow style and broken YAML', () => {
  assert.equal(def('storage: {filesystems: [{name: data, path: /d}], files: [{path: /a, filesystem: da‸ta}]}\n')[0].name, 'data');
  assert.equal(def(yaml(...FS, '  files:', '    - path: /a', '      filesystem: data‸', '      mode: [')).length, 1);
});
