// What Ignition 3.x validation reports: vcontext report entries, reduced to what callers need.
// A path is a vcontext "json" context path: json field names and slice indices from the root
// of the config, e.g. ["storage", "files", 0, "mode"].

export type Ign3Path = Array<string | number>;

export interface Ign3Entry {
  kind: 'error' | 'warning';
  path: Ign3Path;
  /** Ignition's message text, exactly */
  message: string;
}

/**
 * Collects entries in the order Ignition adds them. A null message adds nothing (Go's
 * AddOnError(c, nil)); the path is copied, so callers may pass a path they go on changing.
 */
export class Ign3Report {
  readonly entries: Ign3Entry[] = [];

  error(path: Ign3Path, message: string | null): void {
    if (message !== null) this.entries.push({ kind: 'error', path: path.slice(), message });
  }

  warn(path: Ign3Path, message: string | null): void {
    if (message !== null) this.entries.push({ kind: 'warning', path: path.slice(), message });
  }

  /** error() on the field `key` below `at`: the checks call it for every field they look at, and
   * nearly always with no message, so the path is only built when there is one */
  errorIn(at: Ign3Path, key: string, message: string | null): void {
    if (message !== null) this.entries.push({ kind: 'error', path: [...at, key], message });
  }

  warnIn(at: Ign3Path, key: string, message: string | null): void {
    if (message !== null) this.entries.push({ kind: 'warning', path: [...at, key], message });
  }
}

/** The rule changes between spec versions that validation follows. */
export interface SpecRules {
  /** the version `ignition.version` must name exactly */
  version: string;
  /** 3.4.0+: `arn:` S3 sources are accepted */
  arnSources: boolean;
  /** 3.4.0+: tang advertisements must be JSON */
  tangAdvertisement: boolean;
  /** 3.5.0+: cex cannot go with clevis or a key file */
  cex: boolean;
  /** up to 3.5.0: setuid/setgid/sticky mode bits draw a warning */
  modeSpecialBitsWarning: boolean;
  /** up to 3.5.0: a custom clevis pin must be tpm2, tang or sss */
  knownClevisPins: boolean;
}

export function specRules(version: string): SpecRules {
  const minor = Number(version.split('.')[1]);
  return {
    version,
    arnSources: minor >= 4,
    tangAdvertisement: minor >= 4,
    cex: minor >= 5,
    modeSpecialBitsWarning: minor <= 5,
    knownClevisPins: minor <= 5,
  };
}
