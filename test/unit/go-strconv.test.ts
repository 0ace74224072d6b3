// Expected values follow strconv.Quote (as printed by fmt's %q) and strconv.ParseInt as
// documented for Go 1.19.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quoteGoString, quoteGoBytes, isGoPrint, parseInt64 } from '../../src/core/go/strconv.ts';

test('Quote: plain text, quotes and backslashes', () => {
  assert.equal(quoteGoString(''), '""');
  assert.equal(quoteGoString('hello, world'), '"hello, world"');
  assert.equal(quoteGoString('say "hi"'), '"say \\"hi\\""');
  assert.equal(quoteGoString('C:\\dir'), '"C:\\\\dir"');
  assert.equal(quoteGoString("it's"), '"it\'s"');
});

test('Quote: C escapes for \\a \\b \\f \\n \\r \\t \\v, \\x for other C0 bytes and DEL', () => {
  assert.equal(quoteGoString('\x07\b\f\n\r\t\v'), '"\\a\\b\\f\\n\\r\\t\\v"');
  assert.equal(quoteGoString('\x00\x1b\x1f'), '"\\x00\\x1b\\x1f"');
  assert.equal(quoteGoString('a\x7f'), '"a\\x7f"');
});

test('Quote: non-printable runes as \\u / \\U, printable Unicode kept', () => {
  assert.equal(quoteGoString('\u0080\u009f'), '"\\u0080\\u009f"');
  assert.equal(quoteGoString('\u00a0'), '"\\u00a0"'); // no-break space is Zs, not printable
  assert.equal(quoteGoString('\u00ad'), '"\\u00ad"'); // soft hyphen
  assert.equal(quoteGoString('\u2028\u2029'), '"\\u2028\\u2029"');
  assert.equal(quoteGoString('\ufeff'), '"\\ufeff"');
  assert.equal(quoteGoString('\ue000'), '"\\ue000"'); // private use
  assert.equal(quoteGoString('\uffff'), '"\\uffff"'); // noncharacter
  assert.equal(quoteGoString('\u{f0000}'), '"\\U000f0000"');
  assert.equal(quoteGoString('\u{10ffff}'), '"\\U0010ffff"');
  assert.equal(quoteGoString('café 日本語 ✓ 😀 ¡ÿ'), '"café 日本語 ✓ 😀 ¡ÿ"');
});

test('Quote: invalid UTF-8 bytes print as \\x', () => {
  assert.equal(quoteGoBytes(Uint8Array.of(0x61, 0xff)), '"a\\xff"');
  assert.equal(quoteGoBytes(Uint8Array.of(0x25, 0xe6, 0x97)), '"%\\xe6\\x97"'); // truncated rune
  assert.equal(quoteGoBytes(Uint8Array.of(0xc0, 0x80)), '"\\xc0\\x80"'); // overlong
  assert.equal(quoteGoBytes(Uint8Array.of(0xed, 0xa0, 0x80)), '"\\xed\\xa0\\x80"'); // surrogate
  assert.equal(quoteGoBytes(Uint8Array.of(0xf4, 0x90, 0x80, 0x80)), '"\\xf4\\x90\\x80\\x80"'); // > U+10FFFF
  assert.equal(quoteGoBytes(Uint8Array.of(0xe6, 0x97, 0xa5)), '"日"');
  assert.equal(quoteGoString('\ud800'), '"\\xed\\xa0\\x80"');
});

test('IsPrint: ASCII space counts, other spaces and controls do not', () => {
  assert.equal(isGoPrint(0x20), true);
  assert.equal(isGoPrint(0x7e), true);
  assert.equal(isGoPrint(0x7f), false);
  assert.equal(isGoPrint(0x3000), false); // ideographic space (Zs)
  assert.equal(isGoPrint(0x0301), true); // combining mark
  assert.equal(isGoPrint(0xd800), false);
});

test('ParseInt(s, 10, 64): values', () => {
  assert.deepEqual(parseInt64('42'), { ok: true, value: 42n });
  assert.deepEqual(parseInt64('+7'), { ok: true, value: 7n });
  assert.deepEqual(parseInt64('-0'), { ok: true, value: 0n });
  assert.deepEqual(parseInt64('007'), { ok: true, value: 7n });
  assert.deepEqual(parseInt64('9223372036854775807'), { ok: true, value: 9223372036854775807n });
  assert.deepEqual(parseInt64('-9223372036854775808'), { ok: true, value: -9223372036854775808n });
});

test('ParseInt(s, 10, 64): NumError texts', () => {
  const err = (s: string, why: string) => ({ ok: false, error: `strconv.ParseInt: parsing ${JSON.stringify(s)}: ${why}` });
  assert.deepEqual(parseInt64(''), err('', 'invalid syntax'));
  assert.deepEqual(parseInt64('+'), err('+', 'invalid syntax'));
  assert.deepEqual(parseInt64('v0'), err('v0', 'invalid syntax'));
  assert.deepEqual(parseInt64('1_000'), err('1_000', 'invalid syntax'));
  assert.deepEqual(parseInt64(' 1'), err(' 1', 'invalid syntax'));
  assert.deepEqual(parseInt64('0x10'), err('0x10', 'invalid syntax'));
  assert.deepEqual(parseInt64('3.4'), err('3.4', 'invalid syntax'));
  assert.deepEqual(parseInt64('9223372036854775808'), err('9223372036854775808', 'value out of range'));
  assert.deepEqual(parseInt64('-9223372036854775809'), err('-9223372036854775809', 'value out of range'));
  assert.deepEqual(parseInt64('18446744073709551616'), err('18446744073709551616', 'value out of range'));
  // The overflow at the 20th digit is met before the bad byte.
  assert.deepEqual(parseInt64('99999999999999999999x'), err('99999999999999999999x', 'value out of range'));
  assert.deepEqual(parseInt64('x99999999999999999999'), err('x99999999999999999999', 'invalid syntax'));
  assert.deepEqual(parseInt64('é'), { ok: false, error: 'strconv.ParseInt: parsing "é": invalid syntax' });
});
