// Checks on encrypted volumes (luks.go, clevis.go, tang.go, cex.go of Ignition's
// config/v3_x/types).

import { parseUrl } from '../../../go/url.ts';
import { ERR } from '../errors.ts';
import { byteLength, isTrue, nilOrEmpty, notEmpty, pathError, urlErrorNilOk } from './common.ts';
import type { Checks3 } from './common.ts';

function clevisPresent(c: any): boolean {
  return notEmpty(c?.Custom?.Pin) || (c?.Tang?.length ?? 0) > 0 || isTrue(c?.Tpm2) || (c?.Threshold != null && c.Threshold !== 0);
}

function tangUrlError(s: string): string | null {
  const u = parseUrl(s);
  if (!u.ok) return ERR.invalidUrl;
  return u.scheme === 'http' || u.scheme === 'https' ? null : ERR.invalidScheme;
}

/**
 * Whether Go's json.Unmarshal into an `any` accepts the text: JSON.parse's grammar, except that
 * Go refuses a number too large for a float64 (JSON.parse turns it into Infinity).
 */
function isGoJson(text: string): boolean {
  let ok = true;
  try {
    JSON.parse(text, (_k, v: unknown) => {
      if (typeof v === 'number' && !Number.isFinite(v)) ok = false;
      return v;
    });
  } catch {
    return false;
  }
  return ok;
}

export const luksChecks: Checks3 = {
  Luks(l, at, r, rules) {
    if ((l.Name ?? '').includes('/')) r.errorIn(at, 'name', ERR.luksNameContainsSlash);
    r.errorIn(at, 'label', !nilOrEmpty(l.Label) && byteLength(l.Label) > 47 ? ERR.luksLabelTooLong : null);
    if (nilOrEmpty(l.Device)) r.errorIn(at, 'device', ERR.diskDeviceRequired);
    else r.errorIn(at, 'device', pathError(l.Device));
    const c = l.Clevis;
    if (notEmpty(c?.Custom?.Pin) && ((c.Tang?.length ?? 0) > 0 || isTrue(c.Tpm2) || (c.Threshold != null && c.Threshold !== 0))) {
      r.errorIn(at, 'clevis', ERR.clevisCustomWithOthers);
    }
    // Ignition reports a bad key file under "keys", a key the config does not have
    if (urlErrorNilOk(l.KeyFile?.Source, rules) !== null) r.errorIn(at, 'keys', ERR.invalidLuksKeyFile);
    if (rules.cex) {
      const cex = isTrue(l.Cex?.Enabled);
      if (clevisPresent(c) && cex) r.errorIn(at, 'cex', ERR.cexWithClevis);
      if (cex && notEmpty(l.KeyFile?.Source)) r.errorIn(at, 'cex', ERR.cexWithKeyFile);
    }
  },

  ClevisCustom(cu, at, r, rules) {
    if (nilOrEmpty(cu.Pin) && nilOrEmpty(cu.Config) && !isTrue(cu.NeedsNetwork)) return;
    if (nilOrEmpty(cu.Pin)) r.errorIn(at, 'pin', ERR.clevisPinRequired);
    else if (rules.knownClevisPins && cu.Pin !== 'tpm2' && cu.Pin !== 'tang' && cu.Pin !== 'sss') r.errorIn(at, 'pin', ERR.unknownClevisPin);
    if (nilOrEmpty(cu.Config)) r.errorIn(at, 'config', ERR.clevisConfigRequired);
  },

  Tang(t, at, r, rules) {
    r.errorIn(at, 'url', tangUrlError(t.URL ?? ''));
    if (nilOrEmpty(t.Thumbprint)) r.errorIn(at, 'thumbprint', ERR.tangThumbprintRequired);
    if (rules.tangAdvertisement && notEmpty(t.Advertisement) && !isGoJson(t.Advertisement)) {
      r.errorIn(at, 'advertisement', ERR.invalidTangAdvertisement);
    }
  },
};
