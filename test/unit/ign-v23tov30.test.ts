// The reference side of the CLC -> Butane proof: our ct stages then our 2.3 -> 3.0 translation
// must give exactly the corpus's expected.ign3.json (made by coreos/ign-converter from the
// recorded ct output), and refuse where it holds expected.ign3.error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ctIgnition, converterReason, loadCases, unmappedNames } from '../support/ct-cases.ts';
import { translateV23toV30 } from '../../src/core/ignition/v23tov30.ts';
import { newIgnitionConfig } from '../../src/core/ignition/types.ts';

const cases = loadCases();

test('the corpus holds an Ignition 3 answer for every case ct accepts', () => {
  const accepted = cases.filter((c) => c.exit === 0);
  assert.ok(accepted.length >= 60);
  for (const c of accepted) assert.ok(c.ign3 !== null || c.ign3Error !== null, c.name);
});

for (const c of cases.filter((c) => c.ign3 !== null)) {
  test(`2.3 -> 3.0 equals the converter's: ${c.name}`, () => {
    const ign = ctIgnition(c);
    assert.ok(ign, 'ct accepts it');
    const r = translateV23toV30(ign, c.fsMap);
    assert.ok(r.ok, r.ok ? '' : r.message);
    // exact, arrays in order: the translation keeps ct's order
    assert.deepEqual(r.config, c.ign3);
  });
}

for (const c of cases.filter((c) => c.ign3Error !== null)) {
  test(`2.3 -> 3.0 refuses like the corpus: ${c.name}`, () => {
    const ign = ctIgnition(c);
    assert.ok(ign, 'ct accepts it');
    const r = translateV23toV30(ign, c.fsMap);
    assert.equal(r.ok, false);
    if (r.ok) return;
    const reason = converterReason(c.ign3Error!);
    const names = unmappedNames(c.ign3Error!);
    if (reason !== null) assert.equal(r.message.trimEnd(), reason.trimEnd());
    else {
      assert.ok(names, 'the error file is one of the two known forms');
      assert.equal(r.kind, 'no-fs-path');
      assert.deepEqual(r.filesystems, [...new Set(names)]);
    }
  });
}

test('files: Ignition 2 overwrite by default, appended files never', () => {
  const ign = newIgnitionConfig();
  const file = (over: Record<string, unknown>) => ({
    Filesystem: 'root', Path: '/a', Overwrite: null, Group: null, User: null, Append: false, Mode: 420,
    Contents: { Compression: '', Source: 'data:,x', Verification: { Hash: null } }, ...over,
  });
  ign.Storage.Files = [file({}), file({ Path: '/b', Append: true }), file({ Path: '/c', Overwrite: false }), file({ Path: '/d', Append: true, Overwrite: true })];
  const r = translateV23toV30(ign);
  assert.ok(r.ok);
  const files = (r.config.storage as any).files;
  assert.deepEqual(files.map((f: any) => f.overwrite), [true, false, false, false]);
  assert.deepEqual(files[1].append, [{ source: 'data:,x' }]);
  assert.equal(files[1].contents, undefined);
});

test('files on another filesystem land under its mount path; a missing path refuses', () => {
  const ign = newIgnitionConfig();
  ign.Storage.Filesystems = [{ Name: 'data', Path: null, Mount: { Device: '/dev/sdb', Format: 'ext4', Label: null, Options: null, UUID: null, WipeFilesystem: false, Create: null } }];
  ign.Storage.Directories = [{ Filesystem: 'data', Path: '/x', Overwrite: null, Group: null, User: null, Mode: 493 }];
  const refused = translateV23toV30(ign);
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.kind, 'no-fs-path');
  const r = translateV23toV30(ign, { data: '/var/data' });
  assert.ok(r.ok);
  assert.equal((r.config.storage as any).directories[0].path, '/var/data/x');
  assert.equal((r.config.storage as any).filesystems[0].path, '/var/data');
});

test('networkd units and duplicate units are refused with the converter\'s words', () => {
  const ign = newIgnitionConfig();
  ign.Networkd.Units = [{ Name: '10-a.network', Contents: '[Match]\n', Dropins: null }];
  const r = translateV23toV30(ign);
  assert.equal(!r.ok && r.message, 'config includes deprecated networkd section - use Files instead');
  const ign2 = newIgnitionConfig();
  const unit = { Name: 'a.service', Contents: '', Dropins: null, Enable: false, Enabled: true, Mask: false };
  ign2.Systemd.Units = [unit, { ...unit }];
  const r2 = translateV23toV30(ign2);
  assert.equal(!r2.ok && r2.kind, 'duplicate');
  assert.match(!r2.ok ? r2.message : '', /duplicate unit name "a.service"/);
});
