// ct's own checks on the locksmith part of a Container Linux Config (config/types/locksmith.go).
import type { MethodTable } from '../../go/types.ts';
import type { Diagnostic } from '../../report.ts';
import { goToLower } from '../../go/strings.ts';
import { parseDuration, parseHourMinute } from '../../go/time.ts';
import { isGoSpace } from '../../ignition/unit-file.ts';

export const ERR_MISSING_START_OR_LENGTH = 'window-start and window-length must both be specified';
export const ERR_UNKNOWN_STRATEGY = 'unknown reboot strategy';
export const ERR_UNKNOWN_DAY = 'unknown day in window start';
// ct reuses the window start text for a bad time of day
export const ERR_PARSING_WINDOW = "couldn't parse window start";
export const ERR_PARSING_LENGTH = "couldn't parse window length";

export const REBOOT_STRATEGIES = ['reboot', 'etcd-lock', 'off'];
export const WINDOW_DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface Locksmith {
  RebootStrategy: string | null;
  WindowStart: string | null;
  WindowLength: string | null;
}

const nilOrEmpty = (s: string | null | undefined): boolean => s === null || s === undefined || s === '';

const error = (message: string, code: string): Diagnostic[] => [{ severity: 'error', message, code }];

/**
 * fmt.Sscanf(s, "%s %s", &day, &t): two space-separated words (anything after them is
 * ignored); a newline where spaces are expected, or a missing second word, is an error.
 */
export function scanTwoWords(s: string): [string, string] | null {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  let i = 0;
  const NL = 0x0a;
  const CR = 0x0d;
  const skipSpace = (): boolean => {
    while (i < cps.length) {
      const c = cps[i]!;
      if (c === CR && cps[i + 1] === NL) {
        i++;
        continue;
      }
      if (c === NL) return false;
      if (!isGoSpace(c)) break;
      i++;
    }
    return true;
  };
  const word = (): string | null => {
    if (!skipSpace() || i >= cps.length) return null;
    const start = i;
    while (i < cps.length && !isGoSpace(cps[i]!)) i++;
    return String.fromCodePoint(...cps.slice(start, i));
  };
  const first = word();
  if (first === null) return null;
  // the space in the format: at least one space (or the end), never a newline
  if (i < cps.length) {
    if (cps[i] === NL) return null;
    while (i < cps.length && isGoSpace(cps[i]!) && cps[i] !== NL) i++;
  }
  const second = word();
  if (second === null) return null;
  return [first, second];
}

export const methods: MethodTable = {
  Locksmith: {
    validate: (l: Locksmith) => {
      if (nilOrEmpty(l.WindowStart) !== nilOrEmpty(l.WindowLength)) {
        return error(ERR_MISSING_START_OR_LENGTH, 'locksmith-window');
      }
      return [];
    },
    fields: {
      RebootStrategy: (l: Locksmith) => {
        if (nilOrEmpty(l.RebootStrategy)) return [];
        if (REBOOT_STRATEGIES.includes(goToLower(l.RebootStrategy!))) return [];
        return error(ERR_UNKNOWN_STRATEGY, 'locksmith-strategy');
      },
      WindowStart: (l: Locksmith) => {
        if (nilOrEmpty(l.WindowStart)) return [];
        const scanned = scanTwoWords(l.WindowStart!);
        const [day, time] = scanned ?? ['not-present', l.WindowStart!];
        // a value with no day gets the marker "not-present", which is accepted like a day name
        if (![...WINDOW_DAYS, 'not-present'].includes(goToLower(day))) return error(ERR_UNKNOWN_DAY, 'locksmith-window-start');
        if (!parseHourMinute(time)) return error(ERR_PARSING_WINDOW, 'locksmith-window-start');
        return [];
      },
      WindowLength: (l: Locksmith) => {
        if (nilOrEmpty(l.WindowLength)) return [];
        if (!parseDuration(l.WindowLength!).ok) return error(ERR_PARSING_LENGTH, 'locksmith-window-length');
        return [];
      },
    },
  },
};
