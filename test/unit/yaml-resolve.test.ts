// Integer resolution (yaml.v3's rules: 0x, 0o, 0b, a leading 0 for octal, signs, `_`) against
// BigInt's own parse of the same digits, across the lengths where the reader switches from a
// double-based parse to a digit-by-digit one, up to the int64/uint64 limits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveText } from '../../src/core/yaml/resolve.ts';
import { Rng } from '../support/rng.ts';

const DIGITS: Record<number, string> = { 2: '01', 8: '01234567', 10: '0123456789', 16: '0123456789abcdefABCDEF' };
const PREFIX: Record<number, string> = { 2: '0b', 8: '0o', 10: '', 16: '0x' };
const MAX_UINT64 = 2n ** 64n - 1n;
const MIN_INT64 = -(2n ** 63n);

test('integers resolve to exactly the value of their digits, in every base and length', () => {
  const rng = new Rng(7);
  let checked = 0;
  for (let i = 0; i < 20000; i++) {
    const base = [2, 8, 10, 16][rng.int(4)];
    const len = 1 + rng.int(base === 2 ? 66 : base === 8 ? 24 : base === 10 ? 22 : 18);
    let digits = '';
    for (let j = 0; j < len; j++) digits += DIGITS[base][rng.int(DIGITS[base].length)];
    if (base === 10) digits = digits.replace(/^0+(?=.)/, '') || '0';
    const sign = rng.chance(0.2) ? '-' : '';
    // octal also as yaml 1.1 writes it, with a leading 0
    const text = base === 8 && rng.chance(0.5) ? `${sign}0${digits}` : `${sign}${PREFIX[base]}${digits}`;
    const want = (sign ? -1n : 1n) * BigInt((base === 10 ? '' : PREFIX[base] || '0o') + digits);
    const r = resolveText('', text) as { tag: string; value: unknown };
    if (want > MAX_UINT64 || want < MIN_INT64) {
      assert.notEqual(r.tag, '!!int', text);
      continue;
    }
    assert.equal(r.tag, '!!int', text);
    assert.equal(BigInt(r.value as number | bigint), want, text);
    // values a double holds exactly come back as numbers, the others as bigints
    assert.equal(typeof r.value, want >= -(2n ** 53n - 1n) && want <= 2n ** 53n - 1n ? 'number' : 'bigint', text);
    checked++;
  }
  assert.ok(checked > 15000, `only ${checked} integers checked`);
});
