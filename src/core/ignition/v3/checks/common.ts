// Helpers several Ignition 3.x checks share: paths (path.go), modes (mode.go), URLs (url.go),
// and the method table shape the validation walk calls.

import { clean, isAbs } from '../../../go/path.ts';
import { parseUrl, urlQuery } from '../../../go/url.ts';
import { decodeDataUrl } from '../../../go/dataurl-decode.ts';
import { isPlainDataUrl } from '../../validate-url.ts';
import { ERR } from '../errors.ts';
import type { Ign3Path, Ign3Report, SpecRules } from '../report.ts';

/** A type's Validate(c) method: `v` is the value, `at` its path. */
export type Check3 = (v: any, at: Ign3Path, r: Ign3Report, rules: SpecRules) => void;

/** Validate methods by Go type name (promoted ones included, as Go's method sets have them). */
export type Checks3 = Record<string, Check3>;

export const nilOrEmpty = (s: string | null | undefined): boolean => s == null || s === '';
export const notEmpty = (s: string | null | undefined): boolean => s != null && s !== '';
export const isTrue = (b: boolean | null | undefined): boolean => b === true;
export const isFalse = (b: boolean | null | undefined): boolean => b === false;

/** Go's len() of a string: its UTF-8 byte count. */
export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** What path.Clean would change in an absolute path: "//", a "." or ".." element, a trailing "/". */
const UNCLEAN = /\/\/|\/\.\.?(?:\/|$)|.\/$/;

/** validatePath: set, absolute and already clean. */
export function pathError(p: string | null | undefined): string | null {
  const s = p ?? '';
  if (s === '') return ERR.noPath;
  if (!isAbs(s)) return ERR.pathRelative;
  // (the regular expression is the quick answer; Clean itself stays the reference)
  if (UNCLEAN.test(s) && clean(s) !== s) return ERR.dirtyPath;
  return null;
}

/** validatePathNilOK */
export function pathErrorNilOk(p: string | null | undefined): string | null {
  return nilOrEmpty(p) ? null : pathError(p);
}

/** validateMode: a set mode lies in 0..07777. */
export function modeError(m: number | bigint | null | undefined): string | null {
  return m != null && (m < 0 || m > 0o7777) ? ERR.fileIllegalMode : null;
}

/** validateModeSpecialBits (specs up to 3.5.0): uint32(mode) & 07000. */
export function modeSpecialBitsWarning(m: number | bigint | null | undefined): string | null {
  if (m == null) return null;
  // a mode past 2^53 (e.g. -.inf read into an int) is a bigint: same low 32 bits as Go's uint32()
  const low = typeof m === 'bigint' ? Number(BigInt.asUintN(32, m)) : m >>> 0;
  return (low & 0o7000) !== 0 ? ERR.modeSpecialBits : null;
}

const S3_ARN_PREFIX = 'arn:';

/** validateURL: the error for a source URL, or null. */
export function urlError(s: string, rules: SpecRules): string | null {
  if (isPlainDataUrl(s)) return null;
  const u = parseUrl(s);
  if (!u.ok) return ERR.invalidUrl;
  switch (u.scheme) {
    case 'http':
    case 'https':
    case 'tftp':
    case 'gs':
      return null;
    case 's3':
      return versionIdError(u.rawQuery);
    case 'arn':
      if (!rules.arnSources) return ERR.invalidScheme;
      return s3ArnError(u.scheme + ':' + u.opaque) ?? versionIdError(u.rawQuery);
    case 'data': {
      const d = decodeDataUrl(s);
      return d.ok ? null : d.error;
    }
    default:
      return ERR.invalidScheme;
  }
}

function versionIdError(rawQuery: string): string | null {
  const v = urlQuery(rawQuery).get('versionId');
  return v !== undefined && (v.length === 0 || v[0] === '') ? ERR.invalidS3ObjectVersionId : null;
}

/** An S3 ARN: arn:<partition>:s3:<region>:<account>:<bucket>/<key> (or an access point). */
function s3ArnError(full: string): string | null {
  // aws arn.IsARN: the prefix and at least five colons (so arn.Parse cannot fail after it)
  if (!full.startsWith(S3_ARN_PREFIX) || full.split(':').length - 1 < 5) return ERR.invalidS3Arn;
  const sections = full.split(':');
  const service = sections[2];
  const resource = sections.slice(5).join(':');
  if (service !== 's3') return ERR.invalidS3Arn;
  const slashParts = full.split('/').length;
  if (resource.startsWith('accesspoint/')) {
    if (slashParts < 3) return ERR.invalidS3Arn;
  } else if (slashParts < 2) {
    return ERR.invalidS3Arn;
  }
  return null;
}

/** validateURLNilOK */
export function urlErrorNilOk(s: string | null | undefined, rules: SpecRules): string | null {
  return nilOrEmpty(s) ? null : urlError(s!, rules);
}
