// Expected strings follow encoding/json's documented output for Go 1.16-1.21 and ct's own
// recorded output in the conformance corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marshal, marshalIndent, encodeString, quoteGoString } from '../../src/core/go/json.ts';
import { Rng } from '../support/rng.ts';

test('marshal: scalars and compact containers', () => {
  assert.equal(marshal(null), 'null');
  assert.equal(marshal(true), 'true');
  assert.equal(marshal(false), 'false');
  assert.equal(marshal(0), '0');
  assert.equal(marshal(-0), '0');
  assert.equal(marshal(420), '420');
  assert.equal(marshal(-17), '-17');
  assert.equal(marshal('x'), '"x"');
  assert.equal(marshal([]), '[]');
  assert.equal(marshal({}), '{}');
  assert.equal(marshal([1, 'a', null, [true]]), '[1,"a",null,[true]]');
});

test('marshal: object keys keep insertion order (struct field order), undefined is skipped', () => {
  assert.equal(marshal({ z: 1, a: 2, m: { y: [], b: {} } }), '{"z":1,"a":2,"m":{"y":[],"b":{}}}');
  assert.equal(marshal({ a: 1, b: undefined, c: 3 }), '{"a":1,"c":3}');
  assert.equal(marshal(new Map([['b', 1], ['10', 2], ['a', 3]])), '{"b":1,"10":2,"a":3}');
});

test('marshal: only integers are accepted', () => {
  assert.throws(() => marshal(1.5));
  assert.throws(() => marshal(Number.NaN));
});

test('string escaping: quotes, backslash and the \\n \\r \\t short forms', () => {
  assert.equal(encodeString('a"b\\c'), '"a\\"b\\\\c"');
  assert.equal(encodeString('\n\r\t'), '"\\n\\r\\t"');
});

test('string escaping: other control bytes as lower-case \\u00xx (no \\b or \\f before Go 1.22)', () => {
  assert.equal(encodeString('\x00\x01\x08\x0b\x0c\x1b\x1f'), '"\\u0000\\u0001\\u0008\\u000b\\u000c\\u001b\\u001f"');
});

test('string escaping: HTML-safe < > & and JSONP-safe U+2028/U+2029', () => {
  assert.equal(encodeString('<a&b>'), '"\\u003ca\\u0026b\\u003e"');
  assert.equal(encodeString('x\u2028y\u2029z'), '"x\\u2028y\\u2029z"');
});

test('string escaping: DEL and printable non-ASCII are written raw', () => {
  assert.equal(encodeString('\x7f é ✓ 😀 \u0085 \u00a0'), '"\x7f é ✓ 😀 \u0085 \u00a0"');
});

test('string escaping: lone surrogates become an escaped U+FFFD', () => {
  assert.equal(encodeString('a\ud800b'), '"a\\ufffdb"');
  assert.equal(encodeString('\udc00'), '"\\ufffd"');
  assert.equal(encodeString('\ud83d'), '"\\ufffd"');
});

test('string escaping: random strings escape character by character as Go does', () => {
  // a direct transcription of Go's encodeState.string (HTML escaping on), one UTF-16 unit at a time
  const reference = (s: string): string => {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x22 || c === 0x5c) out += '\\' + s[i];
      else if (c === 0x0a) out += '\\n';
      else if (c === 0x0d) out += '\\r';
      else if (c === 0x09) out += '\\t';
      else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26) out += '\\u00' + c.toString(16).padStart(2, '0');
      else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) out += s[i] + s[++i];
      else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
      else out += s[i];
    }
    return out + '"';
  };
  const pieces = ['a', ' ', '"', '\\', '<', '>', '&', '\n', '\r', '\t', '\x00', '\x08', '\x0c', '\x1f', '\x7f', 'é', '\u2028', '\u2029', '\ud83d', '\ude00', '😀', '%3C', '\u0085'];
  const rng = new Rng(7);
  for (let i = 0; i < 5000; i++) {
    let s = '';
    const n = rng.int(10);
    for (let j = 0; j < n; j++) s += pieces[rng.int(pieces.length)];
    assert.equal(encodeString(s), reference(s), JSON.stringify(s));
  }
});

test('marshal matches ct output for the yaml-go-json-escaping gecos field', () => {
  const gecos = 'Tom & Jerry <cartoons> \u2028 line\u2029para \x01\x1f\x7f é ✓ 😀';
  assert.equal(
    marshal({ gecos, name: 'esc' }),
    '{"gecos":"Tom \\u0026 Jerry \\u003ccartoons\\u003e \\u2028 line\\u2029para \\u0001\\u001f\x7f é ✓ 😀","name":"esc"}',
  );
});

test('marshalIndent: two-space layout, ": " after keys, empty containers inline, no final newline', () => {
  const v = {
    ignition: { config: {}, security: { tls: {} }, version: '2.3.0' },
    storage: { files: [{ path: '/a', mode: 420 }], disks: [] },
    list: [1, [2]],
  };
  const expected = [
    '{',
    '  "ignition": {',
    '    "config": {},',
    '    "security": {',
    '      "tls": {}',
    '    },',
    '    "version": "2.3.0"',
    '  },',
    '  "storage": {',
    '    "files": [',
    '      {',
    '        "path": "/a",',
    '        "mode": 420',
    '      }',
    '    ],',
    '    "disks": []',
    '  },',
    '  "list": [',
    '    1,',
    '    [',
    '      2',
    '    ]',
    '  ]',
    '}',
  ].join('\n');
  assert.equal(marshalIndent(v), expected);
  assert.equal(marshalIndent([]), '[]');
  assert.equal(marshalIndent({}), '{}');
  assert.equal(marshalIndent('s'), '"s"');
  assert.equal(marshalIndent({ a: [1] }, '\t'), '{\n\t"a": [\n\t\t1\n\t]\n}');
});

test('quoteGoString is re-exported from json.ts', () => {
  assert.equal(quoteGoString('a b'), '"a b"');
});
