// The parts of Go's time package ct uses: time.ParseDuration (Go 1.19) and time.Parse with the
// "15:04" layout (locksmith's reboot window). Durations are uint64 arithmetic in Go, so bigint.

import { quoteGoString } from './strconv.ts';

export type DurationResult = { ok: true; nanoseconds: bigint } | { ok: false; error: string };

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1000n],
  ['\u00b5s', 1000n], // U+00B5 micro sign
  ['\u03bcs', 1000n], // U+03BC Greek letter mu
  ['ms', 1000000n],
  ['s', 1000000000n],
  ['m', 60n * 1000000000n],
  ['h', 3600n * 1000000000n],
]);

const LIMIT = 1n << 63n;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** time.ParseDuration: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+ with Go's overflow rules and messages. */
export function parseDuration(orig: string): DurationResult {
  const invalid = (): DurationResult => ({ ok: false, error: `time: invalid duration ${quoteGoString(orig)}` });
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, nanoseconds: 0n };
  if (s === '') return invalid();
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid();
    // leading integer
    let v = 0n;
    let i = 0;
    for (; i < s.length && isDigit(s[i]); i++) {
      if (v > LIMIT / 10n) return invalid();
      v = v * 10n + BigInt(s.charCodeAt(i) - 0x30);
      if (v > LIMIT) return invalid();
    }
    const pre = i > 0;
    s = s.slice(i);
    // fraction
    let post = false;
    let f = 0n;
    let scale = 1;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      let overflow = false;
      let k = 0;
      for (; k < s.length && isDigit(s[k]); k++) {
        if (overflow) continue;
        if (f > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(k) - 0x30);
        if (y > LIMIT) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = k > 0;
      s = s.slice(k);
    }
    if (!pre && !post) return invalid();
    // unit: everything up to the next '.' or digit
    let u = 0;
    while (u < s.length && s[u] !== '.' && !isDigit(s[u])) u++;
    if (u === 0) return { ok: false, error: `time: missing unit in duration ${quoteGoString(orig)}` };
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = UNITS.get(unitName);
    if (unit === undefined) {
      return { ok: false, error: `time: unknown unit ${quoteGoString(unitName)} in duration ${quoteGoString(orig)}` };
    }
    if (v > LIMIT / unit) return invalid();
    v *= unit;
    if (f > 0n) {
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) return invalid();
    }
    d += v;
    if (d > LIMIT) return invalid();
  }
  if (neg) return { ok: true, nanoseconds: -d };
  if (d > LIMIT - 1n) return invalid();
  return { ok: true, nanoseconds: d };
}

/**
 * Whether time.Parse("15:04", s) succeeds: an hour of one or two digits below 24, a colon, and
 * exactly two minute digits below 60, with nothing after.
 */
export function parseHourMinute(s: string): boolean {
  const m = /^([0-9]{1,2}):([0-9]{2})$/.exec(s);
  if (!m) return false;
  return Number(m[1]) < 24 && Number(m[2]) < 60;
}
