// Checks on systemd units and drop-ins (unit.go, systemd.go, and Config.Validate in config.go
// of Ignition's config/v3_x/types). Unit contents are read as butane's go-systemd v22 reads them.

import { ext } from '../../../go/path.ts';
import { unitInstallSummary } from '../../unit-file.ts';
import { ERR, noInstallSection, noInstallSectionForTemplate } from '../errors.ts';
import { isTrue, nilOrEmpty, notEmpty } from './common.ts';
import type { Checks3 } from './common.ts';

const UNIT_EXTENSIONS = new Set(['.service', '.socket', '.device', '.mount', '.automount', '.swap', '.target', '.path', '.timer', '.snapshot', '.slice', '.scope']);

/**
 * parse.ParseUnitContents: nil contents read as no options; an error gets Ignition's prefix.
 * `install`: whether an option sits in [Install]; null when the contents do not parse.
 */
function parseContents(contents: string | null | undefined): { install: boolean | null; error: string | null } {
  if (contents == null) return { install: false, error: null };
  const r = unitInstallSummary(contents, 'v22');
  return r.ok ? { install: r.hasInstallOption, error: null } : { install: null, error: `invalid unit content: ${r.error}` };
}

/**
 * validations.ValidateInstallSection. go-systemd v22 returns an empty (not nil) list for
 * contents without options, so only a parse failure (install null) skips the warning.
 */
function installSectionWarning(name: string, enabled: boolean, contentsEmpty: boolean, install: boolean | null): string | null {
  if (!enabled || contentsEmpty || install === null) return null;
  return install ? null : noInstallSection(name);
}

/** `^(.+?)@(.+?)\.service$` with Go's `.` (anything but a newline) */
const INSTANCE_UNIT = /^([^\n]+?)@([^\n]+?)\.service$/;

const SYSTEMD_DIR = '/etc/systemd/system/';

export const systemdChecks: Checks3 = {
  Unit(u, at, r) {
    const name = u.Name ?? '';
    r.errorIn(at, 'name', UNIT_EXTENSIONS.has(ext(name)) ? null : ERR.invalidSystemdExt);
    const contentsPath = [...at, 'contents'];
    const parsed = parseContents(u.Contents);
    r.error(contentsPath, parsed.error);
    r.warn(contentsPath, installSectionWarning(name, isTrue(u.Enabled), nilOrEmpty(u.Contents), parsed.install));
  },

  Dropin(d, at, r) {
    r.errorIn(at, 'contents', parseContents(d.Contents).error);
    if (ext(d.Name ?? '') !== '.conf') r.errorIn(at, 'name', ERR.invalidSystemdDropinExt);
  },

  Systemd(s, at, r) {
    const units = (s.Units ?? []) as any[];
    const byName = new Map<string, any>();
    for (const u of units) byName.set(u.Name ?? '', u);
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      const m = INSTANCE_UNIT.exec(unit.Name ?? '');
      if (!m || !isTrue(unit.Enabled)) continue;
      const template = m[1] + '@.service';
      const t = byName.get(template);
      if (!t || !notEmpty(t.Contents)) continue;
      // a template that does not parse is reported where it is validated itself
      const parsed = parseContents(t.Contents);
      if (parsed.install === null) continue;
      if (!parsed.install) r.warn([...at, 'units', i, 'contents'], noInstallSectionForTemplate(template, unit.Name));
    }
  },

  /** Config.Validate: no file, directory or link may sit where a unit or drop-in is written. */
  Config(cfg, at, r) {
    const taken = new Set<string>();
    for (const u of (cfg.Systemd?.Units ?? []) as any[]) {
      if (notEmpty(u.Contents)) taken.add(SYSTEMD_DIR + (u.Name ?? ''));
      for (const d of (u.Dropins ?? []) as any[]) {
        if (notEmpty(d.Contents)) taken.add(SYSTEMD_DIR + (u.Name ?? '') + '.d/' + (d.Name ?? ''));
      }
    }
    const storage = cfg.Storage ?? {};
    for (const [field, key] of [['Files', 'files'], ['Directories', 'directories'], ['Links', 'links']] as const) {
      const nodes = (storage[field] ?? []) as any[];
      for (let i = 0; i < nodes.length; i++) {
        if (taken.has(nodes[i].Path ?? '')) r.error([...at, 'storage', key, i, 'path'], ERR.pathConflictsSystemd);
      }
    }
  },
};
