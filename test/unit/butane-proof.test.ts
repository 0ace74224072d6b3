// The proof of a CLC -> Butane conversion on both hosts: the Node one (gunzip, executables) and
// the browser one (no gunzip, no processes), which must reach the same verdict with clc's own core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertToButane } from '../../src/core/convert-butane/to-butane.ts';
import { OWN_TRANSPILER, proveConversion, type ProofHost } from '../../server/butaneProof.ts';
import { nodeProofHost } from '../../server/butaneProofNode.ts';

const browserHost: ProofHost = { files: () => null };

// a file large and repetitive enough that butane gzips it (so gunzip matters to the comparison)
const BIG = 'line of text that repeats\n'.repeat(400);
const CLC = `storage:\n  files:\n    - path: /etc/big.txt\n      filesystem: root\n      mode: 0644\n      contents:\n        inline: |\n${BIG.split('\n').filter(Boolean).map((l) => '          ' + l).join('\n')}\n`;

test('the browser host proves a conversion with clc\'s own Butane core, compressible contents included', () => {
  const r = convertToButane(CLC);
  assert.ok(r.butane, 'the config converts');
  for (const host of [nodeProofHost, browserHost]) {
    assert.deepEqual(proveConversion(r, undefined, '', host), { kind: 'same', transpiler: OWN_TRANSPILER });
  }
});

test('a host that cannot start executables ignores clc.butane.transpilerPath and says which transpiler ran', () => {
  const r = convertToButane(CLC);
  assert.deepEqual(proveConversion(r, undefined, '/usr/bin/butane', browserHost), { kind: 'same', transpiler: OWN_TRANSPILER });
});

test('a conversion the proof disagrees with is reported different on the browser host too', () => {
  const r = convertToButane(CLC);
  const changed = { ...r, butane: r.butane!.replace('/etc/big.txt', '/etc/other.txt') };
  const proof = proveConversion(changed, undefined, '', browserHost);
  assert.equal(proof.kind, 'different');
});
