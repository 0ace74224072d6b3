// A false warning costs more trust than a missed one: the unit files Debian's systemd ships
// (/lib/systemd/system, /lib/systemd/network) and every unit of the corpus and examples/ that
// systemd itself accepts get no warning at all.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkUnitFile, serviceRefusal } from '../../src/core/units/checks.ts';
import { unitFileTypeOf } from '../../src/core/units/catalog.ts';
import { parseUnitText } from '../../src/core/units/parse.ts';
import { diagnose } from '../../src/core/features/diagnostics.ts';
import { isUnitCode } from '../../src/core/units/diagnostics.ts';

const ROOT = path.resolve(__dirname, '..', '..');

/** Unit files and drop-ins below a directory; masked units (links to /dev/null) are skipped. */
function unitFiles(dir: string): Array<{ file: string; unit: string; dropin: boolean }> {
  const out: Array<{ file: string; unit: string; dropin: boolean }> = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    let real: string;
    try {
      real = realpathSync(p);
    } catch {
      continue;
    }
    if (real === '/dev/null') continue;
    const st = statSync(real);
    if (st.isDirectory() && name.endsWith('.d') && unitFileTypeOf(name.slice(0, -2))) {
      for (const f of readdirSync(p).sort()) if (f.endsWith('.conf')) out.push({ file: path.join(p, f), unit: name.slice(0, -2), dropin: true });
    } else if (st.isFile() && unitFileTypeOf(name)) {
      out.push({ file: p, unit: name, dropin: false });
    }
  }
  return out;
}

function problemsOf(file: string, unit: string, dropin: boolean): string[] {
  const type = unitFileTypeOf(unit)!;
  const parsed = parseUnitText(readFileSync(file, 'utf8'));
  const out = checkUnitFile(type, parsed).map((p) => `${file}:${p.line + 1}: ${p.message}`);
  if (type === 'service' && !dropin) {
    const r = serviceRefusal({ parsed }, []);
    if (r) out.push(`${file}: ${r.message}`);
  }
  return out;
}

describe("unit checks stay quiet on real unit files", () => {
  for (const dir of ['/lib/systemd/system', '/lib/systemd/network']) {
    it(`every unit file in ${dir}`, { skip: existsSync(dir) ? false : `${dir} does not exist (Debian's systemd package is not installed)` }, () => {
      const files = unitFiles(dir);
      assert.ok(files.length > (dir.endsWith('system') ? 100 : 2), `only ${files.length} files`);
      assert.deepEqual(files.flatMap((f) => problemsOf(f.file, f.unit, f.dropin)), []);
    });
  }

  it('the examples give no unit warning in the editor', () => {
    for (const f of readdirSync(path.join(ROOT, 'examples'))) {
      if (!/\.ya?ml$/.test(f)) continue;
      const text = readFileSync(path.join(ROOT, 'examples', f), 'utf8');
      const units = diagnose(text).diagnostics.filter((d) => isUnitCode(d.code));
      assert.deepEqual(units.map((d) => d.message), [], f);
    }
  });
});
