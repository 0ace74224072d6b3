// Generates the JSON schemas of Ignition 3.x configs (*.ign files) from the one source of truth:
// the type descriptors in src/core/ignition/v3/types.ts (fields, Go types, required keys, which
// versions have what) joined with schemas/ignition-3-docs.json (descriptions in our words and
// value constraints). Writes schemas/ignition-3.<minor>[-experimental].schema.json per spec
// version, and schemas/ignition.schema.json, which picks the schema of the version a config
// declares (2.3.0 or 3.x) so that one file can be associated with *.ign files.
//
//   node --import tsx scripts/gen-ignition3-schemas.ts          write the files
//   node --import tsx scripts/gen-ignition3-schemas.ts --check  fail when they are out of date

import fs from 'node:fs';
import path from 'node:path';
import { buildIgnition3Schemas } from './ignition3-schemas.ts';

const ROOT = path.resolve(__dirname, '..');
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, text] of buildIgnition3Schemas(ROOT)) {
  const target = path.join(ROOT, 'schemas', file);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (current === text) continue;
  stale++;
  if (check) console.error(`schemas/${file} is out of date`);
  else fs.writeFileSync(target, text);
}
if (check && stale > 0) {
  console.error('run: node --import tsx scripts/gen-ignition3-schemas.ts');
  process.exit(1);
}
if (!check) console.log(stale === 0 ? 'schemas up to date' : `${stale} schema file(s) written`);
