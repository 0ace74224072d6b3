// Differences the differential campaign against butane v0.29.0 found (test/fuzz/
// butane-differential.ts), one test each. Every expected status, stdout and stderr is what the
// real butane printed with --raw-errors for the same input (recorded by hand, not by our code).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runButaneRaw } from '../support/butane-run.ts';
import type { RawRun, RawRunFlags } from '../support/butane-run.ts';

function same(input: string, expected: RawRun, flags: RawRunFlags = {}): void {
  assert.deepEqual(runButaneRaw(input, flags), expected);
}

test('modes past 2^53 (-.inf read into an int, huge numbers): illegal mode, and the special-bits warning from the low 32 bits, no throw', () => {
  same('variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: /a\n      mode: -.inf\n    - path: /b\n      mode: 9223372036854775807\n    - path: /c\n      mode: 9007199254742016\n', {
    status: 1,
    stdout: '',
    stderr:
      'error at $.storage.files.0.mode, line 6 col 13: illegal file mode\nerror at $.storage.files.1.mode, line 8 col 13: illegal file mode\nwarning at $.storage.files.1.mode, line 8 col 13: setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0\nerror at $.storage.files.2.mode, line 10 col 13: illegal file mode\nwarning at $.storage.files.2.mode, line 10 col 13: setuid/setgid/sticky bits are not supported or functional in spec versions older than 3.6.0\nError translating config: config generated was invalid\n',
  });
});
