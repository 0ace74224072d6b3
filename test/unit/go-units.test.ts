// Expected values follow alecthomas/units ParseBase2Bytes (KiB and KB both 1024) and the
// errors ct printed in the conformance corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBase2Bytes } from '../../src/core/go/units.ts';

const okv = (value: bigint) => ({ ok: true, value });
const bad = (error: string) => ({ ok: false, error });

test('values', () => {
  assert.deepEqual(parseBase2Bytes('1B'), okv(1n));
  assert.deepEqual(parseBase2Bytes('1KiB'), okv(1024n));
  assert.deepEqual(parseBase2Bytes('1KB'), okv(1024n));
  assert.deepEqual(parseBase2Bytes('1MiB'), okv(1048576n));
  assert.deepEqual(parseBase2Bytes('1MB'), okv(1048576n));
  assert.deepEqual(parseBase2Bytes('10GiB'), okv(10737418240n));
  assert.deepEqual(parseBase2Bytes('2TB'), okv(2199023255552n));
  assert.deepEqual(parseBase2Bytes('1.5GiB'), okv(1610612736n));
  assert.deepEqual(parseBase2Bytes('.5KiB'), okv(512n));
  assert.deepEqual(parseBase2Bytes('1.KiB'), okv(1024n));
  assert.deepEqual(parseBase2Bytes('1.1B'), okv(1n)); // truncated toward zero
  assert.deepEqual(parseBase2Bytes('1MiB512KiB'), okv(1572864n));
  assert.deepEqual(parseBase2Bytes('-1MiB'), okv(-1048576n));
  assert.deepEqual(parseBase2Bytes('+3MiB'), okv(3145728n));
  assert.deepEqual(parseBase2Bytes('0'), okv(0n));
  assert.deepEqual(parseBase2Bytes('-0'), okv(0n));
  assert.deepEqual(parseBase2Bytes('7EiB'), okv(8070450532247928832n));
});

test('errors recorded from ct', () => {
  assert.deepEqual(parseBase2Bytes('lots'), bad('units: invalid lots'));
  assert.deepEqual(parseBase2Bytes('2048'), bad('units: unknown unit  in 2048'));
  assert.deepEqual(parseBase2Bytes('10Gb'), bad('units: unknown unit Gb in 10Gb'));
  assert.deepEqual(parseBase2Bytes('9000000PB'), bad('units: overflow parsing unit'));
  assert.deepEqual(parseBase2Bytes('-2GiB'), okv(-2147483648n));
  assert.deepEqual(parseBase2Bytes('1536KiB'), okv(1572864n));
  assert.deepEqual(parseBase2Bytes('4GiB'), okv(4294967296n));
});

test('errors', () => {
  assert.deepEqual(parseBase2Bytes(''), bad('units: invalid '));
  assert.deepEqual(parseBase2Bytes('+'), bad('units: invalid +'));
  assert.deepEqual(parseBase2Bytes('.MiB'), bad('units: invalid .MiB'));
  // Both passes fail; the second ("KB"-style) pass's error is the one returned.
  assert.deepEqual(parseBase2Bytes('1MB.'), bad('units: invalid 1MB.'));
  assert.deepEqual(parseBase2Bytes('1MiB.'), bad('units: unknown unit MiB in 1MiB.'));
  assert.deepEqual(parseBase2Bytes('MiB'), bad('units: invalid MiB'));
  assert.deepEqual(parseBase2Bytes('1 MiB'), bad('units: unknown unit  MiB in 1 MiB'));
  assert.deepEqual(parseBase2Bytes('1kB'), bad('units: unknown unit kB in 1kB'));
  assert.deepEqual(parseBase2Bytes('1KiB1'), bad('units: unknown unit KiB in 1KiB1'));
  assert.deepEqual(parseBase2Bytes('1KB1'), bad('units: unknown unit  in 1KB1'));
  // Mixing styles fails both passes.
  assert.deepEqual(parseBase2Bytes('1MiB1KB'), bad('units: unknown unit MiB in 1MiB1KB'));
  assert.deepEqual(parseBase2Bytes('99999999999999999999B'), bad('units: invalid 99999999999999999999B'));
  assert.deepEqual(parseBase2Bytes('100000EB'), bad('units: overflow parsing unit'));
  assert.deepEqual(parseBase2Bytes('-100000EB'), bad('units: overflow parsing unit'));
  // The IEC pass overflows, but the "KB"-style pass then fails on the unit and is reported.
  assert.deepEqual(parseBase2Bytes('100000EiB'), bad('units: unknown unit EiB in 100000EiB'));
});

test('exactly 2^63 passes the range check and wraps like amd64 int64(float64)', () => {
  assert.deepEqual(parseBase2Bytes('8EiB'), okv(-9223372036854775808n));
  assert.deepEqual(parseBase2Bytes('8EB'), okv(-9223372036854775808n));
  assert.deepEqual(parseBase2Bytes('-8EiB'), okv(-9223372036854775808n));
});
