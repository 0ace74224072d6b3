// Records systemd's verdicts on the differential test's unit files, so the comparison also runs
// where systemd is not installed:
//   node --import tsx test/support/record-unit-verdicts.ts
// writes test/fixtures/units/systemd-verdicts.json (cases with their texts and systemd's output).

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { allUnitCases } from './unit-cases.ts';
import { systemdAvailable, systemdVerdicts, systemdVersion } from './unit-verdicts.ts';

if (!systemdAvailable()) {
  console.error('systemd-analyze is not installed (apt-get install -y systemd)');
  process.exit(1);
}
const cases = allUnitCases();
const verdicts = systemdVerdicts(cases);
const out = {
  $comment: 'systemd-analyze verify on these unit files; made by test/support/record-unit-verdicts.ts, read by test/unit/units-differential.test.ts',
  systemd: systemdVersion(),
  cases: cases.map((c) => {
    // what systemd says beyond our kinds (missing executables, dependencies) is not kept
    const { other: _other, ...systemd } = verdicts.get(c.name)!;
    return { ...c, systemd };
  }),
};
const file = path.resolve(__dirname, '..', 'fixtures', 'units', 'systemd-verdicts.json');
// one case per line: reviewable diffs when the recording changes
const lines = out.cases.map((c) => ' ' + JSON.stringify(c));
writeFileSync(file, `{"$comment": ${JSON.stringify(out.$comment)},\n"systemd": ${JSON.stringify(out.systemd)},\n"cases": [\n${lines.join(',\n')}\n]}\n`);
console.log(`${cases.length} cases recorded from systemd ${out.systemd} into ${path.relative(process.cwd(), file)}`);
