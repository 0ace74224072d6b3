// Whether systemd can read a directive's value, for the parsers whose acceptance we mirror
// exactly (checked against systemd-analyze verify by test/unit/units-differential.test.ts).
// Every other parser accepts everything here: a value we are unsure about is never flagged.
//
// The rules follow systemd's own readers: parse_boolean, parse_time (time spans), parse_size
// (IEC sizes), the safe_ato* integer readers (C's strtoul with base 0 plus 0b/0o prefixes),
// signal names and numbers, octal modes, and exact enumeration names.

export interface ValueJudgement {
  /** systemd's complaint, worded like its log line */
  message: string;
  /** systemd stops reading the file here and does not load the unit */
  fatal?: boolean;
}

// Booleans whose unreadable value is fatal to the whole unit (measured on systemd 252)
const FATAL_BOOLEANS = new Set(['DynamicUser']);

const WS = ' \t\n\r';

// --- booleans ---------------------------------------------------------------------------------

const TRUE_WORDS = ['1', 'yes', 'y', 'true', 't', 'on'];
const FALSE_WORDS = ['0', 'no', 'n', 'false', 'f', 'off'];

/** systemd's parse_boolean: the words above in any letter case. */
export function parseBoolean(v: string): boolean | undefined {
  const l = v.toLowerCase();
  if (TRUE_WORDS.includes(l)) return true;
  if (FALSE_WORDS.includes(l)) return false;
  return undefined;
}

// --- C number reading ---------------------------------------------------------------------------

const C_SPACE = ' \t\n\v\f\r';

/**
 * C's strtoull/strtoll on s[from...]: where the number ends (== from when none), its magnitude
 * and sign, and whether it overflowed 64 bits.
 */
function cStrtol(s: string, from: number, base: number): { end: number; value: bigint; negative: boolean; overflow: boolean } {
  let i = from;
  while (i < s.length && C_SPACE.includes(s[i]!)) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') {
    negative = s[i] === '-';
    i++;
  }
  let b = base;
  if ((b === 0 || b === 16) && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && isDigitOf(s[i + 2], 16)) {
    b = 16;
    i += 2;
  } else if (b === 0) {
    b = s[i] === '0' ? 8 : 10;
  }
  const start = i;
  let value = 0n;
  while (i < s.length && isDigitOf(s[i], b)) {
    value = value * BigInt(b) + BigInt(parseInt(s[i]!, 36));
    i++;
  }
  if (i === start) return { end: from, value: 0n, negative: false, overflow: false };
  return { end: i, value, negative, overflow: value > 0xffffffffffffffffn };
}

function isDigitOf(c: string | undefined, base: number): boolean {
  if (c === undefined || c === '') return false;
  const d = parseInt(c, 36);
  return !Number.isNaN(d) && /[0-9a-zA-Z]/.test(c) && d < base;
}

/**
 * systemd's safe_atou and safe_atoi readers (base 0): blanks, then an optional 0b/0o prefix, then C's
 * reading (sign, 0x or leading-0 octal), to the end; a minus only on zero for the unsigned ones.
 */
function safeAto(v: string, min: bigint, max: bigint, unsigned: boolean): boolean {
  let i = 0;
  while (i < v.length && WS.includes(v[i]!)) i++;
  let base = 0;
  const p = v.slice(i, i + 2);
  if (p === '0b' || p === '0B') {
    base = 2;
    i += 2;
  } else if (p === '0o' || p === '0O') {
    base = 8;
    i += 2;
  }
  const r = cStrtol(v, i, base);
  if (r.end === i || r.end !== v.length) return false;
  if (r.overflow) return false;
  if (unsigned) {
    if (r.negative && r.value !== 0n) return false;
    return r.value <= max;
  }
  const signed = r.negative ? -r.value : r.value;
  return signed >= min && signed <= max;
}

// --- time spans ---------------------------------------------------------------------------------

const USEC = {
  s: 1_000_000n,
  min: 60_000_000n,
  h: 3_600_000_000n,
  d: 86_400_000_000n,
  w: 604_800_000_000n,
  M: 2_629_800_000_000n,
  y: 31_557_600_000_000n,
  ms: 1000n,
  us: 1n,
};

// systemd's suffix table, tried in this order (the first prefix that matches wins)
const TIME_SUFFIXES: Array<[string, bigint]> = [
  ['seconds', USEC.s], ['second', USEC.s], ['sec', USEC.s], ['s', USEC.s],
  ['minutes', USEC.min], ['minute', USEC.min], ['min', USEC.min],
  ['months', USEC.M], ['month', USEC.M], ['M', USEC.M],
  ['msec', USEC.ms], ['ms', USEC.ms], ['m', USEC.min],
  ['hours', USEC.h], ['hour', USEC.h], ['hr', USEC.h], ['h', USEC.h],
  ['days', USEC.d], ['day', USEC.d], ['d', USEC.d],
  ['weeks', USEC.w], ['week', USEC.w], ['w', USEC.w],
  ['years', USEC.y], ['year', USEC.y], ['y', USEC.y],
  ['usec', 1n], ['us', 1n], ['\u03bcs', 1n], ['\u00b5s', 1n],
];

const USEC_INFINITY = 0xffffffffffffffffn;

function skipWs(s: string, i: number): number {
  while (i < s.length && WS.includes(s[i]!)) i++;
  return i;
}

/** systemd's parse_time with seconds as the default unit (parse_sec): true when it reads. */
export function parsesAsTimeSpan(t: string): boolean {
  let p = skipWs(t, 0);
  if (t.startsWith('infinity', p)) return skipWs(t, p + 8) === t.length;
  let usec = 0n;
  let something = false;
  for (;;) {
    p = skipWs(t, p);
    if (p >= t.length) return something;
    if (t[p] === '-') return false;
    const num = cStrtol(t, p, 10);
    let e = num.end;
    if (num.overflow || num.value > 0x7fffffffffffffffn || (num.negative && num.value !== 0n)) return false;
    if (num.negative) return false;
    const l = num.value;
    const dot = t[e] === '.';
    if (dot) {
      p = e + 1;
      while (p < t.length && t[p]! >= '0' && t[p]! <= '9') p++;
    } else if (e === p) {
      return false;
    } else {
      p = e;
    }
    const afterWs = skipWs(t, p);
    let multiplier = USEC.s;
    let s = afterWs;
    for (const [suffix, m] of TIME_SUFFIXES) {
      if (t.startsWith(suffix, afterWs)) {
        multiplier = m;
        s = afterWs + suffix.length;
        break;
      }
    }
    if (s === p && s < t.length) return false;
    p = s;
    if (l >= USEC_INFINITY / multiplier) return false;
    const k = l * multiplier;
    if (k >= USEC_INFINITY - usec) return false;
    usec += k;
    something = true;
    if (dot) {
      let m = multiplier / 10n;
      let b = e + 1;
      for (; b < t.length && t[b]! >= '0' && t[b]! <= '9'; b++, m /= 10n) {
        const f = BigInt(t.charCodeAt(b) - 48) * m;
        if (f >= USEC_INFINITY - usec) return false;
        usec += f;
      }
      if (b === e + 1) return false;
      e = b;
    }
  }
}

// --- sizes --------------------------------------------------------------------------------------

const IEC: Array<[string, bigint]> = [
  ['E', 1n << 60n], ['P', 1n << 50n], ['T', 1n << 40n], ['G', 1n << 30n], ['M', 1n << 20n], ['K', 1n << 10n], ['B', 1n], ['', 1n],
];

/** systemd's parse_size with base 1024: true when it reads. */
export function parsesAsIecSize(t: string): boolean {
  let p = 0;
  let r = 0n;
  let startPos = 0;
  const ULL_MAX = 0xffffffffffffffffn;
  do {
    p = skipWs(t, p);
    const num = cStrtol(t, p, 10);
    if (num.end === p) return false;
    if (num.overflow) return false;
    let e = num.end;
    if (t[skipC(t, p)] === '-') return false;
    let fracNonZero = false;
    if (t[e] === '.') {
      e++;
      if (t[e] !== undefined && t[e]! >= '0' && t[e]! <= '9') {
        const f = cStrtol(t, e, 10);
        if (f.overflow) return false;
        fracNonZero = f.value > 0n;
        e = f.end;
      }
    }
    e = skipWs(t, e);
    let i = startPos;
    for (; i < IEC.length; i++) if (t.startsWith(IEC[i]![0], e)) break;
    if (i >= IEC.length) return false;
    const factor = IEC[i]![1];
    if (num.value + (fracNonZero ? 1n : 0n) > ULL_MAX / factor) return false;
    const tmp = num.value * factor;
    if (tmp > ULL_MAX - r) return false;
    r += tmp;
    p = e + IEC[i]![0].length;
    startPos = i + 1;
  } while (p < t.length);
  return true;
}

function skipC(s: string, i: number): number {
  while (i < s.length && C_SPACE.includes(s[i]!)) i++;
  return i;
}

/** systemd's parse_permyriad: `N%` (up to two decimals), `N‰` (one), `N‱`; at most 100 %. */
function parsesAsPermyriad(t: string): boolean {
  let m = /^(\d+)(?:\.(\d{1,2}))?%$/.exec(t);
  if (m) return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) <= 10000;
  m = /^(\d+)(?:\.(\d))?\u2030$/.exec(t);
  if (m) return Number(m[1]) * 10 + Number(m[2] ?? '0') <= 10000;
  m = /^(\d+)\u2031$/.exec(t);
  if (m) return Number(m[1]) <= 10000;
  return false;
}

// --- signals and modes --------------------------------------------------------------------------

const SIGNALS = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'IOT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM',
  'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'POLL',
  'PWR', 'SYS',
];
const SIGRTMIN = 34;
const SIGRTMAX = 64;

/** systemd's signal_from_string: a name with or without SIG, RTMIN+n / RTMAX-n, or 1..64. */
export function parsesAsSignal(v: string): boolean {
  const name = v.startsWith('SIG') ? v.slice(3) : v;
  if (SIGNALS.includes(name)) return true;
  let m = /^RTMIN(?:\+(\d+))?$/.exec(name);
  if (m) return !m[1] || (safeAto(m[1], 0n, 0xffffffffn, true) && SIGRTMIN + Number(m[1]) <= SIGRTMAX);
  m = /^RTMAX(?:-(\d+))?$/.exec(name);
  if (m) return !m[1] || (safeAto(m[1], 0n, 0xffffffffn, true) && SIGRTMAX - Number(m[1]) >= SIGRTMIN);
  // a number (of the whole text, SIG included it is not one)
  if (!safeAto(v, -0x80000000n, 0x7fffffffn, false)) return false;
  const n = Number(v.trim().replace(/^\+/, ''));
  return Number.isFinite(n) ? n > 0 && n < 65 : numberInSignalRange(v);
}

function numberInSignalRange(v: string): boolean {
  // hex, octal or binary spellings of a number: read it the way safeAto did
  try {
    const s = v.trim().replace(/^\+/, '');
    const n = /^0[bB]/.test(s) ? parseInt(s.slice(2), 2) : /^0[oO]/.test(s) ? parseInt(s.slice(2), 8) : /^0[xX]/.test(s) ? parseInt(s.slice(2), 16) : /^0/.test(s) ? parseInt(s, 8) : parseInt(s, 10);
    return n > 0 && n < 65;
  } catch {
    return false;
  }
}

/** systemd's parse_mode: octal digits only (no sign, no prefix), at most 07777. */
export function parsesAsMode(v: string): boolean {
  const m = /^[ \t\n\r]*([0-7]+)$/.exec(v);
  return !!m && BigInt('0o' + m[1]) <= 0o7777n;
}

// --- the judgement per parser -------------------------------------------------------------------

export interface ValueTarget {
  /** the directive name */
  name: string;
  parser?: string;
  kind?: string;
  values?: string[];
  acceptsBoolean?: boolean;
  acceptsNumbers?: boolean;
}

// Enumerations read by an exact name lookup that also fail on an empty value (checked against
// systemd 252). Parsers not listed here are not judged.
const STRICT_ENUM_PARSERS = new Set([
  'config_parse_service_type',
  'config_parse_service_restart',
  'config_parse_protect_system',
  'config_parse_protect_home',
  'config_parse_kill_mode',
  'config_parse_notify_access',
  'config_parse_collect_mode',
  'config_parse_exec_utmp_mode',
  'config_parse_job_mode',
  'config_parse_oom_policy',
  'config_parse_exec_keyring_mode',
  'config_parse_exec_preserve_mode',
  'config_parse_service_timeout_failure_mode',
  'config_parse_device_policy',
  'config_parse_service_exit_type',
  'config_parse_emergency_action',
  'config_parse_protect_proc',
  'config_parse_proc_subset',
  'config_parse_private_tmp',
  'config_parse_private_users',
  'config_parse_protect_control_groups',
  'config_parse_managed_oom_preference',
]);

const INTEGER_RANGES: Record<string, [bigint, bigint, boolean, string]> = {
  config_parse_unsigned: [0n, 0xffffffffn, true, 'unsigned'],
  config_parse_uint32: [0n, 0xffffffffn, true, 'uint32'],
  config_parse_uint16: [0n, 0xffffn, true, 'uint16'],
  config_parse_uint8: [0n, 0xffn, true, 'uint8'],
  config_parse_int: [-0x80000000n, 0x7fffffffn, false, 'int'],
  config_parse_long: [-0x8000000000000000n, 0x7fffffffffffffffn, false, 'long'],
};

const JUDGED_PARSERS = new Set([
  'config_parse_bool', 'config_parse_tristate', 'config_parse_job_mode_isolate',
  'config_parse_sec', 'config_parse_sec_fix_0', 'config_parse_service_timeout', 'config_parse_sec_def_infinity',
  'config_parse_service_timeout_abort', 'config_parse_job_timeout_sec', 'config_parse_job_running_timeout_sec',
  'config_parse_iec_size', 'config_parse_memory_limit', 'config_parse_signal', 'config_parse_mode',
  ...Object.keys(INTEGER_RANGES), ...STRICT_ENUM_PARSERS,
]);

/** Whether values read by this parser are judged here (the others are never flagged). */
export function isJudgedParser(parser: string | undefined): boolean {
  return !!parser && JUDGED_PARSERS.has(parser);
}

/** What systemd says about this value, or undefined when it reads it (or we do not judge). */
export function judgeValue(t: ValueTarget, value: string): ValueJudgement | undefined {
  const p = t.parser;
  const fail = (what: string): ValueJudgement => ({ message: `Failed to parse ${what}, ignoring: ${value}` });
  switch (p) {
    case 'config_parse_bool':
      if (parseBoolean(value) !== undefined) return undefined;
      if (FATAL_BOOLEANS.has(t.name)) return { message: `Failed to parse boolean value: ${value}; systemd stops reading the file here and refuses to load the unit`, fatal: true };
      return fail('boolean value');
    case 'config_parse_tristate':
      return value !== '' && parseBoolean(value) === undefined ? fail('boolean value') : undefined;
    case 'config_parse_sec':
      return parsesAsTimeSpan(value) ? undefined : fail('sec value');
    case 'config_parse_job_mode_isolate':
      return parseBoolean(value) === undefined ? fail('boolean') : undefined;
    case 'config_parse_job_timeout_sec':
    case 'config_parse_job_running_timeout_sec':
      return parsesAsTimeSpan(value) ? undefined : fail(`${t.name}= parameter`);
    case 'config_parse_sec_fix_0':
      return parsesAsTimeSpan(value) ? undefined : fail('time value');
    case 'config_parse_service_timeout':
      return parsesAsTimeSpan(value) ? undefined : fail(`${t.name}= parameter`);
    case 'config_parse_sec_def_infinity':
    case 'config_parse_service_timeout_abort':
      return value === '' || parsesAsTimeSpan(value) ? undefined : fail(`${t.name}= parameter`);
    case 'config_parse_iec_size':
      return parsesAsIecSize(value) ? undefined : fail('size value');
    case 'config_parse_memory_limit':
      return memoryLimitProblem(t.name, value);
    case 'config_parse_signal':
      return parsesAsSignal(value) ? undefined : fail('signal name');
    case 'config_parse_mode':
      return parsesAsMode(value) ? undefined : fail('mode value');
  }
  if (p && INTEGER_RANGES[p]) {
    const [min, max, unsigned, what] = INTEGER_RANGES[p];
    return safeAto(value, min, max, unsigned) ? undefined : fail(`${what} value`);
  }
  if (p && STRICT_ENUM_PARSERS.has(p) && t.values?.length) {
    if (t.values.includes(value)) return undefined;
    if (t.acceptsBoolean && parseBoolean(value) !== undefined) return undefined;
    if (t.acceptsNumbers && /^\d+$/.test(value)) return undefined;
    return fail(`${t.name}= value`);
  }
  return undefined;
}

const MAY_BE_ZERO = new Set(['MemorySwapMax', 'MemoryZSwapMax', 'MemoryLow', 'MemoryMin', 'DefaultMemoryLow', 'DefaultMemoryMin']);

function memoryLimitProblem(key: string, value: string): ValueJudgement | undefined {
  if (value === '' || value === 'infinity') return undefined;
  if (/^\d+(\.\d+)?[%\u2030\u2031]$/.test(value)) {
    if (!parsesAsPermyriad(value)) return { message: `Invalid memory limit '${value}', ignoring: Invalid argument` };
    if (!MAY_BE_ZERO.has(key) && !/[1-9]/.test(value)) return { message: `Memory limit '${value}' out of range, ignoring.` };
    return undefined;
  }
  if (!parsesAsIecSize(value)) return { message: `Invalid memory limit '${value}', ignoring: Invalid argument` };
  if (!MAY_BE_ZERO.has(key) && /^[0 \t.BKMGTPE]*$/.test(value) && !/[1-9]/.test(value)) return { message: `Memory limit '${value}' out of range, ignoring.` };
  return undefined;
}
