// The decoder's short way for mapping keys (untagged scalars while no alias was expanded) must
// decide exactly as the general path does. An alias early in the document forces the general
// path for every later key, so the same keys are decoded both ways and compared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transpile } from '../../src/core/transpile.ts';

test('mapping keys decode the same with and without the short way', () => {
  const keys = ['name', '~', 'null', 'Null', 'NULL', 'nUll', '"null"', "'~'", '""', '0644', 'true', '1e3', '.inf', '<<x', 'passwd', 'Name', '!!str null', '!!null x'];
  for (const key of keys) {
    const body = `passwd:\n  users:\n    - ${key}: core\n      shell: /bin/sh\n`;
    const direct = transpile(body);
    // `x: &a 1` then `y: *a` at the top: an alias is expanded before any user key is decoded
    const viaAlias = transpile(`locksmith:\n  reboot_strategy: &s off\nupdate:\n  group: *s\n${body}`);
    const users = (r: ReturnType<typeof transpile>) => (r.output === null ? null : JSON.parse(r.output).passwd);
    assert.deepEqual(users(viaAlias), users(direct), key);
    // the alias adds four lines in front: compare messages without line numbers
    const messages = (r: ReturnType<typeof transpile>) => r.diagnostics.map((d) => d.message.replace(/line \d+/g, 'line N')).filter((m) => !/group|strategy/.test(m));
    assert.deepEqual(messages(viaAlias), messages(direct), key);
  }
});
