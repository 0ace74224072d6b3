// Checks on resources and the ignition section (resource.go, verification.go, headers.go,
// ignition.go, tls.go, proxy.go of Ignition's config/v3_x/types).

import { parseSemver } from '../../../go/semver.ts';
import { parseUrl } from '../../../go/url.ts';
import { ERR } from '../errors.ts';
import type { Ign3Path, Ign3Report, SpecRules } from '../report.ts';
import { nilOrEmpty, urlError, urlErrorNilOk } from './common.ts';
import type { Checks3 } from './common.ts';

/** validateRequiredSource: used where a resource must name a source (merge, CAs). */
function requiredSourceError(res: any, rules: SpecRules): string | null {
  const src = res?.Source as string | null | undefined;
  if (nilOrEmpty(src)) return ERR.sourceRequired;
  return urlError(src!, rules);
}

function compressionError(c: string | null | undefined): string | null {
  return c != null && c !== '' && c !== 'gzip' ? ERR.compressionInvalid : null;
}

function httpHeadersSchemeError(res: any): string | null {
  const headers = res.HTTPHeaders as unknown[] | null | undefined;
  if (!headers || headers.length < 1) return null;
  if (nilOrEmpty(res.Source)) return ERR.invalidUrl;
  const u = parseUrl(res.Source);
  if (!u.ok) return ERR.invalidUrl;
  return u.scheme === 'http' || u.scheme === 'https' ? null : ERR.unsupportedSchemeForHttpHeaders;
}

/** Verification.HashParts + Validate: "<function>-<hex sum>" with a known function and size. */
function hashError(hash: string): string | null {
  const dash = hash.indexOf('-');
  if (dash < 0) return ERR.hashMalformed;
  const fn = hash.slice(0, dash);
  const sum = hash.slice(dash + 1);
  const size = fn === 'sha512' ? 64 : fn === 'sha256' ? 32 : 0;
  if (size === 0) return ERR.hashUnrecognized;
  return Buffer.byteLength(sum, 'utf8') !== size * 2 ? ERR.hashWrongSize : null;
}

function proxyUrl(s: string | null | undefined, at: Ign3Path, r: Ign3Report, httpOk: boolean): void {
  if (s == null) return;
  const u = parseUrl(s);
  if (!u.ok) return r.error(at, ERR.invalidUrl);
  if (u.scheme !== 'https' && u.scheme !== 'http') return r.error(at, ERR.invalidProxy);
  if (u.scheme === 'http' && !httpOk) r.warn(at, ERR.insecureProxy);
}

export const resourceChecks: Checks3 = {
  Resource(res, at, r, rules) {
    r.errorIn(at, 'compression', compressionError(res.Compression));
    r.error([...at, 'verification', 'hash'], res.Verification?.Hash != null && res.Source == null ? ERR.verificationAndNilSource : null);
    r.errorIn(at, 'source', urlErrorNilOk(res.Source, rules));
    r.errorIn(at, 'httpHeaders', httpHeadersSchemeError(res));
  },

  Verification(v, at, r) {
    if (v.Hash == null) return;
    r.errorIn(at, 'hash', hashError(v.Hash));
  },

  HTTPHeader(h, at, r) {
    r.errorIn(at, 'name', (h.Name ?? '') === '' ? ERR.emptyHttpHeaderName : null);
    r.errorIn(at, 'value', h.Value != null && h.Value === '' ? ERR.invalidHttpHeader : null);
  },

  IgnitionConfig(ic, at, r, rules) {
    const merge = (ic.Merge ?? []) as unknown[];
    for (let i = 0; i < merge.length; i++) r.error([...at, 'merge', i], requiredSourceError(merge[i], rules));
  },

  TLS(tls, at, r, rules) {
    const cas = (tls.CertificateAuthorities ?? []) as unknown[];
    for (let i = 0; i < cas.length; i++) r.error([...at, 'certificateAuthorities', i], requiredSourceError(cas[i], rules));
  },

  Proxy(p, at, r) {
    proxyUrl(p.HTTPProxy, [...at, 'httpProxy'], r, true);
    proxyUrl(p.HTTPSProxy, [...at, 'httpsProxy'], r, false);
  },

  Ignition(ign, at, r, rules) {
    const path = [...at, 'version'];
    const v = parseSemver(ign.Version ?? '');
    if (!v.ok) return r.error(path, ERR.invalidVersion);
    const want = parseSemver(rules.version);
    const same =
      want.ok &&
      v.version.major === want.version.major &&
      v.version.minor === want.version.minor &&
      v.version.patch === want.version.patch &&
      v.version.preRelease === want.version.preRelease &&
      v.version.metadata === want.version.metadata;
    if (!same) r.error(path, ERR.unknownVersion);
  },
};
