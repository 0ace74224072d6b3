// github.com/alecthomas/units (v0.0.0-20210208195552) ParseBase2Bytes, used by ct for
// partition size/start. Arithmetic is float64 as in Go, so JS numbers reproduce it exactly; the
// integer parts that can exceed 2^53 are read as bigint before the float64 conversion.

export type ParseBytesResult = { ok: true; value: bigint } | { ok: false; error: string };

// MakeUnitMap("iB", "B", 1024) and MakeUnitMap("B", "B", 1024). Only "K" is an accepted kilo
// prefix in base-2 mode; there is deliberately no "" entry, so a bare number has no unit.
const IEC: ReadonlyMap<string, number> = new Map([
  ['B', 1], ['KiB', 2 ** 10], ['MiB', 2 ** 20], ['GiB', 2 ** 30], ['TiB', 2 ** 40],
  ['PiB', 2 ** 50], ['EiB', 2 ** 60],
]);
const OLD: ReadonlyMap<string, number> = new Map([
  ['B', 1], ['KB', 2 ** 10], ['MB', 2 ** 20], ['GB', 2 ** 30], ['TB', 2 ** 40],
  ['PB', 2 ** 50], ['EB', 2 ** 60],
]);

const LEADING_INT_LIMIT = ((1n << 63n) - 10n) / 10n;

// Consumes [0-9]* from s at i; null means the int64 overflow guard tripped.
function leadingInt(s: string, i: number): { x: bigint; end: number } | null {
  let x = 0n;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    if (x >= LEADING_INT_LIMIT) return null;
    x = x * 10n + BigInt(c - 0x30);
  }
  return { x, end: i };
}

function isDigitOrDot(c: number): boolean {
  return c === 0x2e || (c >= 0x30 && c <= 0x39);
}

/** units.ParseUnit: a signed sequence of [0-9]*(\.[0-9]*)?unit terms, summed. */
export function parseUnit(orig: string, unitMap: ReadonlyMap<string, number>): ParseBytesResult {
  const invalid: ParseBytesResult = { ok: false, error: 'units: invalid ' + orig };
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, value: 0n };
  if (s === '') return invalid;
  let f = 0;
  let i = 0;
  while (i < s.length) {
    if (!isDigitOrDot(s.charCodeAt(i))) return invalid;
    const whole = leadingInt(s, i);
    if (whole === null) return invalid;
    let g = Number(whole.x);
    const pre = whole.end !== i;
    i = whole.end;
    let post = false;
    if (i < s.length && s[i] === '.') {
      i++;
      const frac = leadingInt(s, i);
      if (frac === null) return invalid;
      let scale = 1;
      for (let n = frac.end - i; n > 0; n--) scale *= 10;
      g += Number(frac.x) / scale;
      post = frac.end !== i;
      i = frac.end;
    }
    if (!pre && !post) return invalid;
    let j = i;
    while (j < s.length && !isDigitOrDot(s.charCodeAt(j))) j++;
    const u = s.slice(i, j);
    i = j;
    const unit = unitMap.get(u);
    if (unit === undefined) return { ok: false, error: 'units: unknown unit ' + u + ' in ' + orig };
    f += g * unit;
  }
  if (neg) f = -f;
  // Go compares against float64(1<<63-1), which rounds up to 2^63, so exactly 2^63 slips past
  // the check; int64(2^63) then yields math.MinInt64 on amd64.
  if (f < -(2 ** 63) || f > 2 ** 63) return { ok: false, error: 'units: overflow parsing unit' };
  if (f === 2 ** 63) return { ok: true, value: -(1n << 63n) };
  return { ok: true, value: BigInt(Math.trunc(f)) };
}

/**
 * units.ParseBase2Bytes: "KiB"-style units first, then "KB"-style (both 1024-based); when both
 * fail, the second attempt's error is the one reported.
 */
export function parseBase2Bytes(s: string): ParseBytesResult {
  const first = parseUnit(s, IEC);
  return first.ok ? first : parseUnit(s, OLD);
}
