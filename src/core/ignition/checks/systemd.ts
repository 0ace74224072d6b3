// Ignition's checks on the systemd and networkd parts of the generated config
// (config/v2_3/types/unit.go).
import type { MethodTable } from '../../go/types.ts';
import type { Diagnostic } from '../../report.ts';
import { ext } from '../../go/path.ts';
import { installSectionWarning, parseUnitFile } from '../unit-file.ts';
import type { UnitOption } from '../unit-file.ts';

export const ERR_INVALID_SYSTEMD_EXT = 'invalid systemd unit extension';
export const ERR_INVALID_SYSTEMD_DROPIN_EXT = 'invalid systemd drop-in extension';
export const ERR_INVALID_NETWORKD_EXT = 'invalid networkd unit extension';
export const ERR_INVALID_NETWORKD_DROPIN_EXT = 'invalid networkd drop-in extension';

const UNIT_EXTS = new Set([
  '.service', '.socket', '.device', '.mount', '.automount', '.swap', '.target', '.path', '.timer', '.snapshot',
  '.slice', '.scope',
]);
const NETWORKD_EXTS = new Set(['.link', '.netdev', '.network']);

const error = (message: string, code: string): Diagnostic => ({ severity: 'error', message, code });

/** validateUnitContent: the parsed options, or the error Ignition reports. */
function unitContent(contents: string): { options: UnitOption[] | null; problem: Diagnostic | null } {
  const r = parseUnitFile(contents);
  if (r.ok) return { options: r.options, problem: null };
  return { options: null, problem: error(`invalid unit content: ${r.error}`, 'unit-contents') };
}

/** contents check plus an extension check, the shape of every Validate() but Unit's */
function contentsAndExt(contents: string, name: string, exts: Set<string>, extError: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { problem } = unitContent(contents);
  if (problem) out.push(problem);
  if (!exts.has(ext(name))) out.push(error(extError, 'unit-extension'));
  return out;
}

export const methods: MethodTable = {
  Unit: {
    fields: {
      Contents: (u: { Name: string; Contents: string; Enable: boolean; Enabled: boolean | null }) => {
        const out: Diagnostic[] = [];
        const { options, problem } = unitContent(u.Contents);
        if (problem) out.push(problem);
        const enabled = u.Enable || u.Enabled === true;
        const warning = installSectionWarning(u.Name, enabled, u.Contents === '', options);
        if (warning) out.push({ severity: 'warning', message: warning, code: 'unit-no-install' });
        return out;
      },
      Name: (u: { Name: string }) => (UNIT_EXTS.has(ext(u.Name)) ? [] : [error(ERR_INVALID_SYSTEMD_EXT, 'unit-extension')]),
    },
  },
  SystemdDropin: {
    validate: (d: { Name: string; Contents: string }) =>
      contentsAndExt(d.Contents, d.Name, new Set(['.conf']), ERR_INVALID_SYSTEMD_DROPIN_EXT),
  },
  Networkdunit: {
    validate: (u: { Name: string; Contents: string }) =>
      contentsAndExt(u.Contents, u.Name, NETWORKD_EXTS, ERR_INVALID_NETWORKD_EXT),
  },
  NetworkdDropin: {
    validate: (d: { Name: string; Contents: string }) =>
      contentsAndExt(d.Contents, d.Name, new Set(['.conf']), ERR_INVALID_NETWORKD_DROPIN_EXT),
  },
};
