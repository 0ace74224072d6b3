// Mutated Butane configs for the differential campaign (test/fuzz/butane-differential.ts) and
// the fuzz properties in `npm test`: a corpus config with one to four changes, all from one seed.
// The changes: values swapped for tricky ones of every YAML type (numbers out of range, tags,
// flow collections, block scalars, unicode), lines dropped, repeated, re-indented or swapped,
// keys renamed to other Butane keys, spec versions and variants switched, lines grafted from
// another config, deep nesting, anchors and aliases, empty and extra documents, characters
// inserted at random, CRLF line ends, and (as bytes) broken UTF-8.

import { Rng } from './rng.ts';

const VALUES = [
  // modes and numbers
  '0644', '644', '0755', '755', '493', '07777', '010000', '-1', '0', '1', '1.5', '0x1ff', '0o644', '0b101', '1e3', '1_000', '-0', '+5', '.inf', '-.inf', '.nan',
  '2147483647', '2147483648', '4294967296', '-2147483649', '9223372036854775807', '9223372036854775808', '-9223372036854775809', '18446744073709551616', '1e100', '0.0000001', '00', '08', '0888',
  // booleans and nulls of YAML 1.1 and 1.2
  'true', 'false', 'True', 'FALSE', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'Null', '~', "''", '""',
  // tags
  '!!str 5', '!!int 5', '!!int x', '!!bool yes', '!!float 1', '!!null ""', '!!binary aGVsbG8=', '!!timestamp 2001-12-14', '!!map {}', '!!seq []', '!custom x', '2001-12-14t21:59:43.10-05:00',
  // paths, names, devices, formats
  '/etc/x', 'etc/x', '/etc/../x', '/etc/x/', '//etc', '/', '/var/lib/data', '/dev/vdb', '/dev/mapper/data', '/dev/disk/by-label/ROOT', 'x.service', 'x@.service', 'x@1.service', 'x.container', 'x@1.container',
  'x.mount', 'var-lib-data.mount', 'x.conf', 'bad name', 'a/b.service', 'ext4', 'xfs', 'swap', 'vfat', 'btrfs', 'none', 'ntfs', 'raid1', 'raid0', 'raid5', 'linear', 'gzip', 'bogus',
  // sources and hashes
  'http://example.com/x', 'https://example.com/x', 's3://b/k', 'gs://b/o', 'tftp://h/f', 'arn:aws:s3:::b/k', 'http://[::1', '"%zz"', 'data:,hello', 'data:;base64,aGk=', 'data:text/plain;base64,!!',
  'sha512-00', 'sha256-' + 'a'.repeat(64), 'sha512-' + 'ab'.repeat(64), 'md5-0', 'tang', 'tpm2',
  // collections and block scalars
  '[]', '{}', '[a, b]', '{a: b}', '[[a]]', '{a: [b, {c: d}]}', '[1, 2', '{a: b', '&a x', '*a', '|\n  x', '|-\n  x\n  y', '>\n  folded\n  text', '|2\n   x', '- a\n- b',
  // strings with escapes, unicode and look-alikes
  '"\\u00e9"', "'a: b'", '"a\\nb"', '"\\t"', '"\\x41"', '"\\U0001F600"', '"bad \\q escape"', 'ünïcødé', '😀', '"\u00a0"', 'a\u200bb', '\u202eevil', 'mode: x', 'a # comment', "'it''s'", '"100% sure"',
  '"[Unit]\\nDescription=x\\n"', '"[Install]\\nWantedBy=multi-user.target\\n"', '"[Unit]\\n[Mount]\\nWhat=/dev/x\\nWhere=/x\\n"', '{"ignition":{"version":"3.4.0"}}', "'{\"ignition\":{\"version\":\"3.3.0\"}}'",
];
const KEYS = [
  'path', 'mode', 'contents', 'inline', 'local', 'source', 'name', 'device', 'format', 'label', 'with_mount_unit', 'enabled', 'overwrite', 'target', 'hard', 'user', 'group', 'id', 'dropins',
  'unknown', 'Path', 'wipe_table', 'should_exist', 'number', 'size_mib', 'start_mib', 'contents_local', 'append', 'compression', 'verification', 'hash', 'http_headers', 'value', 'mask',
  'units', 'files', 'directories', 'links', 'trees', 'filesystems', 'disks', 'partitions', 'raid', 'luks', 'level', 'devices', 'spares', 'options', 'mount_options', 'wipe_filesystem', 'uuid',
  'type_guid', 'guid', 'resize', 'wipe_partition_entry', 'key_file', 'discard', 'open_options', 'clevis', 'tang', 'tpm2', 'threshold', 'custom', 'url', 'thumbprint', 'advertisement',
  'users', 'groups', 'ssh_authorized_keys', 'ssh_authorized_keys_local', 'password_hash', 'uid', 'gid', 'home_dir', 'shell', 'system', 'kernel_arguments', 'should_not_exist',
  'ignition', 'config', 'merge', 'replace', 'timeouts', 'http_total', 'security', 'tls', 'certificate_authorities', 'proxy', 'http_proxy', 'no_proxy', 'storage', 'systemd', 'passwd',
  'boot_device', 'variant', 'version', 'wipe_volume', 'cex', 'pin', 'config_merge', '<<', 'Name', 'name ', '"name"',
];
const VERSIONS = ['1.0.0', '1.1.0', '1.2.0-experimental', '1.2.0', '1.3.0', '1.0', '1', 'v1.0.0', '1.0.0-experimental', '1.1.0+build', '01.0.0', '"1.0.0"', '~', '[1.0.0]'];
const VARIANTS = ['flatcar', 'flatcar', 'flatcar', 'fcos', 'FLATCAR', 'rhcos', 'openshift', 'r4e', 'fiot', '""', 'flatcar ', '[flatcar]'];
const TOKENS = [':', ': ', '- ', '-', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!!str ', '|', '>-', '? ', '\t', ' ', '\n', '---\n', '...\n', '%', '@', '`', '\\',
  '\u00a0', '\u0085', '\u2028', '\ufeff', 'é', '😀', '\u0000', '\u0007', '<<: ', '~', '\r'];

/**
 * One mutated config. `donors` are other configs lines may be grafted from (the corpus);
 * without them, grafts come from the text itself.
 */
export function mutateButane(text: string, seed: number, donors: readonly string[] = []): string {
  const rng = new Rng(seed);
  let lines = text.split('\n');
  const n = 1 + rng.int(4);
  for (let k = 0; k < n; k++) {
    if (!lines.length) lines = [''];
    const i = rng.int(lines.length);
    const line = lines[i];
    switch (rng.int(16)) {
      case 0:
      case 1:
      case 2: {
        // a value replaced (a multi-line one is indented under its key)
        const m = /^(\s*(?:- )?[^\s:#][^:#]*:)(\s+.*|)$/.exec(line);
        if (m) {
          const pad = ' '.repeat(m[1].length - m[1].trimStart().length + 2);
          lines[i] = `${m[1]} ${rng.pick(VALUES).replace(/\n/g, '\n' + pad)}`;
        }
        break;
      }
      case 3:
        lines.splice(i, 1);
        break;
      case 4:
        lines.splice(i, 0, line);
        break;
      case 5: {
        const m = /^(\s*(?:- )?)([\w-]+)(:.*)$/.exec(line);
        if (m) lines[i] = `${m[1]}${rng.pick(KEYS)}${m[3]}`;
        break;
      }
      case 6: {
        const v = lines.findIndex((l) => l.startsWith('version:'));
        if (v >= 0) lines[v] = `version: ${rng.chance(0.8) ? rng.pick(VERSIONS.slice(0, 3)) : rng.pick(VERSIONS)}`;
        if (rng.chance(0.15)) {
          const w = lines.findIndex((l) => l.startsWith('variant:'));
          if (w >= 0) lines[w] = `variant: ${rng.pick(VARIANTS)}`;
        }
        break;
      }
      case 7: {
        const m = /^(\s*)([^]*)$/.exec(line)!;
        lines[i] = ' '.repeat(Math.max(0, m[1].length + rng.pick([-4, -2, -1, 1, 2, 4]))) + m[2];
        break;
      }
      case 8: {
        // lines grafted from another config, re-indented to the line they land before
        const donor = (donors.length ? rng.pick(donors) : text).split('\n');
        const from = rng.int(donor.length);
        const run = donor.slice(from, from + 1 + rng.int(6));
        const base = (s: string) => /^\s*/.exec(s)![0].length;
        const shift = base(line) - base(run[0] ?? '');
        lines.splice(i, 0, ...run.map((l) => (shift >= 0 ? ' '.repeat(shift) + l : l.replace(new RegExp(`^ {0,${-shift}}`), ''))));
        break;
      }
      case 9: {
        // two lines swapped
        const j = rng.int(lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 10: {
        // deep nesting in a value: flow or block
        const m = /^(\s*(?:- )?[\w-]+:)/.exec(line);
        if (!m) break;
        const depth = 2 + rng.int(rng.chance(0.2) ? 300 : 30);
        if (rng.chance(0.5)) {
          const open = rng.chance(0.5) ? '[' : '{a: ';
          const close = open === '[' ? ']' : '}';
          lines[i] = `${m[1]} ${open.repeat(depth)}x${close.repeat(rng.chance(0.9) ? depth : depth - 1)}`;
        } else {
          const pad = m[1].length - m[1].trimStart().length;
          const nested = Array.from({ length: Math.min(depth, 60) }, (_, d) => ' '.repeat(pad + 2 * (d + 1)) + (rng.chance(0.5) ? '- ' : 'k: ').trimEnd());
          lines.splice(i, 1, m[1], ...nested.map((l, d) => (d === nested.length - 1 ? l + ' x' : l)));
        }
        break;
      }
      case 11: {
        // anchors and aliases: a value anchored and reused, merged, or an undefined alias
        const keyed = lines.map((l, j) => [l, j] as const).filter(([l]) => /^\s*(?:- )?[\w-]+:/.test(l));
        if (!keyed.length) break;
        const [a, ai] = rng.pick(keyed);
        const [b, bi] = rng.pick(keyed);
        if (!/&\w/.test(a)) lines[ai] = a.replace(/:(\s|$)/, ': &A$1');
        const alias = rng.pick(['*A', '*A', '*B', '<<: *A', '*A ']);
        if (alias.startsWith('<<')) lines.splice(bi + 1, 0, ' '.repeat(/^\s*(?:- )?/.exec(b)![0].length) + alias);
        else lines[bi] = b.replace(/:(\s.*)?$/, ': ' + alias);
        break;
      }
      case 12: {
        // documents: empty, extra, markers, directives, only comments
        const which = rng.int(8);
        if (which === 0) lines = [''];
        else if (which === 1) lines = ['# only a comment', ''];
        else if (which === 2) lines.unshift('---');
        else if (which === 3) lines.push('---', ...lines.slice(0, 3));
        else if (which === 4) lines.push('...');
        else if (which === 5) lines.unshift('%YAML 1.2', '---');
        else if (which === 6) lines.unshift('%YAML 1.1', '---');
        else lines.splice(i, 0, '---');
        break;
      }
      case 13: {
        // a character or token inserted anywhere
        const at = rng.int(line.length + 1);
        lines[i] = line.slice(0, at) + rng.pick(TOKENS) + line.slice(at);
        break;
      }
      case 14: {
        // quoting style of a value changed
        const m = /^(\s*(?:- )?[\w-]+:\s+)(.+)$/.exec(line);
        if (!m) break;
        const v = m[2];
        const style = rng.int(4);
        lines[i] = m[1] + (style === 0 ? JSON.stringify(v) : style === 1 ? `'${v.replace(/'/g, "''")}'` : style === 2 ? `|\n${' '.repeat(m[1].length - m[1].trimStart().length + 2)}${v}` : v.replace(/^["']|["']$/g, ''));
        break;
      }
      case 15: {
        // a key's line truncated
        lines[i] = line.slice(0, rng.int(line.length + 1));
        break;
      }
    }
  }
  let out = lines.join('\n');
  if (rng.chance(0.03)) out = out.replace(/\n/g, '\r\n');
  if (rng.chance(0.02)) out = out.replace(/\n/g, '\r');
  return out;
}

/** The bytes of a mutated config: now and then broken UTF-8 (Latin-1 text, a cut sequence, a BOM). */
export function mutateButaneBytes(text: string, seed: number, donors: readonly string[] = []): Buffer {
  const out = mutateButane(text, seed, donors);
  const rng = new Rng(seed ^ 0x5bd1e995);
  const bytes = Buffer.from(out, 'utf8');
  if (!rng.chance(0.02)) return bytes;
  const at = rng.int(bytes.length + 1);
  const insert = rng.pick([[0xe9], [0xff], [0xc3], [0xe2, 0x82], [0xef, 0xbb, 0xbf], [0xfe, 0xff], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(insert), bytes.subarray(at)]);
}
