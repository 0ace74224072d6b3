// Expected values follow vincent-petithory/dataurl's RFC 2396 escaping and ct's recorded output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeDataUrl, inlineDataUrl } from '../../src/core/go/dataurl.ts';

test('every printable ASCII byte, as ct wrote it', () => {
  const all = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\t\r\n';
  assert.equal(
    inlineDataUrl(all),
    "data:,%20!%22%23%24%25%26'()*%2B%2C-.%2F0123456789%3A%3B%3C%3D%3E%3F%40ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~%09%0D%0A",
  );
});

test('non-ASCII text is escaped byte by byte as UTF-8, upper-case hex', () => {
  assert.equal(
    inlineDataUrl('Grüße — 日本語 — 🚀\u2028end'),
    'data:,Gr%C3%BC%C3%9Fe%20%E2%80%94%20%E6%97%A5%E6%9C%AC%E8%AA%9E%20%E2%80%94%20%F0%9F%9A%80%E2%80%A8end',
  );
});

test('raw bytes (local files) are escaped as given', () => {
  assert.equal(escapeDataUrl(Uint8Array.of(0x00, 0x7f, 0x80, 0xff, 0x41)), '%00%7F%80%FFA');
  assert.equal(inlineDataUrl(new Uint8Array(0)), 'data:,');
  assert.equal(inlineDataUrl(''), 'data:,');
});

test('update.conf style contents', () => {
  assert.equal(inlineDataUrl('GROUP=stable\nSERVER=https://x/v1/update/'), 'data:,GROUP%3Dstable%0ASERVER%3Dhttps%3A%2F%2Fx%2Fv1%2Fupdate%2F');
});
