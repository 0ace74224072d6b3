// Mutated Butane configs for the differential campaign and the fuzz property: a corpus config
// with a few lines changed (values swapped for tricky ones, lines dropped or repeated, keys
// renamed, versions switched), all from one seed.

import { Rng } from './rng.ts';

const VALUES = [
  '0644', '644', '0755', '755', '493', '07777', '010000', '-1', '0', '1', '1.5', '0x1ff', '0o644', 'true', 'false', 'yes', 'off', 'null', '~', "''",
  '""', '/etc/x', 'etc/x', '/etc/../x', '/var/lib/data', '/dev/vdb', '/dev/mapper/data', 'x.service', 'x@.service', 'x@1.service', 'x.container', 'x@1.container',
  'ext4', 'xfs', 'swap', 'vfat', 'btrfs', 'none', 'raid1', 'raid0', 'linear', 'gzip', 'bogus', 'http://example.com/x', 'https://example.com/x', 's3://b/k',
  'data:,hello', 'sha512-00', 'sha256-' + 'a'.repeat(64), '[]', '{}', '[a, b]', '{a: b}', '&a x', '*a', '|\n  x', '"\\u00e9"', "'a: b'",
  '"[Unit]\\nDescription=x\\n"', '"[Install]\\nWantedBy=multi-user.target\\n"', '{"ignition":{"version":"3.4.0"}}', "'{\"ignition\":{\"version\":\"3.3.0\"}}'",
];
const KEYS = ['path', 'mode', 'contents', 'inline', 'local', 'source', 'name', 'device', 'format', 'label', 'with_mount_unit', 'enabled', 'overwrite', 'target', 'hard', 'user', 'group', 'id', 'dropins', 'unknown', 'Path', 'wipe_table', 'should_exist', 'number', 'size_mib', 'start_mib'];
const VERSIONS = ['1.0.0', '1.1.0', '1.2.0-experimental'];

export function mutateButane(text: string, seed: number): string {
  const rng = new Rng(seed);
  const lines = text.split('\n');
  const n = 1 + rng.int(3);
  for (let k = 0; k < n; k++) {
    const i = rng.int(lines.length);
    const line = lines[i];
    switch (rng.int(7)) {
      case 0:
      case 1: {
        // a value replaced
        const m = /^(\s*(?:- )?[\w<-]+:)\s*(.*)$/.exec(line);
        if (m) lines[i] = `${m[1]} ${rng.pick(VALUES)}`;
        break;
      }
      case 2:
        lines.splice(i, 1);
        break;
      case 3:
        lines.splice(i, 0, line);
        break;
      case 4: {
        const m = /^(\s*(?:- )?)([\w-]+)(:.*)$/.exec(line);
        if (m) lines[i] = `${m[1]}${rng.pick(KEYS)}${m[3]}`;
        break;
      }
      case 5: {
        const v = lines.findIndex((l) => l.startsWith('version:'));
        if (v >= 0) lines[v] = `version: ${rng.pick(VERSIONS)}`;
        break;
      }
      case 6: {
        const m = /^(\s*)([^]*)$/.exec(line)!;
        lines[i] = ' '.repeat(Math.max(0, m[1].length + rng.pick([-2, 2]))) + m[2];
        break;
      }
    }
  }
  return lines.join('\n');
}
