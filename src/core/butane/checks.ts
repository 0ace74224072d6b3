// butane's Validate() methods on the config itself (base/v0_*/validate.go), run by the
// validation walk before translation: too many content sources, mount unit requirements,
// decimal-looking modes, trees without `local`, systemd contents given twice, quadlet names.

import type { GoType, StructType } from '../go/types.ts';
import { ERR } from './messages.ts';
import type { Entry } from './entry.ts';
import type { PathStep } from './path.ts';
import { baseName, walkValue } from './walk.ts';
import { checkForDecimalMode } from './modes.ts';
import { isTemplateInstance } from './quadlets.ts';

type Check = (v: any, path: PathStep[], out: Entry[], hooks: CheckHooks) => void;

export interface CheckHooks {
  /** validates inline merge/replace configs (Ignition's parser and validator) */
  validateIgnitionConfig?: (path: PathStep[], raw: string) => { entries: Entry[]; error?: string };
}

const at = (path: PathStep[], ...more: PathStep[]): PathStep[] => [...path, ...more];

const CHECKS: Record<string, Check> = {
  Resource(rs, path, out, hooks) {
    let field = '';
    let sources = 0;
    if (rs.Local != null) (sources++, (field = 'local'));
    if (rs.Inline != null) (sources++, (field = 'inline'));
    if (rs.Source != null) (sources++, (field = 'source'));
    if (sources > 1) {
      out.push({ kind: 'error', message: ERR.tooManyResourceSources, path: at(path, field) });
      return;
    }
    if (field === 'inline' && path[0] === 'ignition' && path[1] === 'config' && hooks.validateIgnitionConfig) {
      const r = hooks.validateIgnitionConfig(path, rs.Inline);
      out.push(...r.entries);
      if (r.error) out.push({ kind: 'error', message: r.error, path: at(path, field) });
    }
  },
  Filesystem(fs, path, out) {
    if (fs.WithMountUnit !== true) return;
    if (fs.Format == null || fs.Format === '') out.push({ kind: 'error', message: ERR.mountUnitNoFormat, path: at(path, 'format') });
    else if (fs.Format !== 'swap' && (fs.Path == null || fs.Path === '')) out.push({ kind: 'error', message: ERR.mountUnitNoPath, path: at(path, 'path') });
  },
  Directory(d, path, out) {
    if (d.Mode != null && checkForDecimalMode(d.Mode, true)) out.push({ kind: 'warning', message: ERR.decimalMode, path: at(path, 'mode') });
  },
  File(f, path, out) {
    if (f.Mode != null && checkForDecimalMode(f.Mode, false)) out.push({ kind: 'warning', message: ERR.decimalMode, path: at(path, 'mode') });
  },
  Tree(t, path, out) {
    if (t.Local === '') out.push({ kind: 'error', message: ERR.treeNoLocal, path: [...path] });
  },
  Unit(u, path, out) {
    if ('ContentsLocal' in u && u.ContentsLocal != null && u.Contents != null) out.push({ kind: 'error', message: ERR.tooManySystemdSources, path: at(path, 'contents_local') });
  },
  Dropin(d, path, out) {
    if ('ContentsLocal' in d && d.ContentsLocal != null && d.Contents != null) out.push({ kind: 'error', message: ERR.tooManySystemdSources, path: at(path, 'contents_local') });
  },
  Quadlet(q, path, out) {
    if (!QUADLET_EXTENSIONS.some((e) => q.Name.endsWith(e))) {
      out.push({ kind: 'error', message: ERR.quadletBadExtension, path: at(path, 'name') });
      return;
    }
    if (isTemplateInstance(q.Name)) {
      if (q.Contents != null) out.push({ kind: 'error', message: ERR.templateInstanceContents, path: at(path, 'contents') });
      if (q.ContentsLocal != null) out.push({ kind: 'error', message: ERR.templateInstanceContents, path: at(path, 'contents_local') });
    } else if (q.ContentsLocal != null && q.Contents != null) {
      out.push({ kind: 'error', message: ERR.tooManySystemdSources, path: at(path, 'contents_local') });
    }
  },
};

const QUADLET_EXTENSIONS = ['.container', '.volume', '.network', '.kube', '.image', '.build', '.pod', '.artifact'];

export function checkConfig(config: unknown, t: StructType, hooks: CheckHooks = {}): Entry[] {
  const out: Entry[] = [];
  walkValue(config, t, [], (value: unknown, vt: GoType, path: PathStep[]) => {
    if (vt.kind !== 'struct' || value == null) return;
    const check = CHECKS[baseName(vt)];
    if (check) check(value, path, out, hooks);
  });
  return out;
}
