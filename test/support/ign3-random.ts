// Random Ignition 3.x configs (as JSON, the way a .ign file holds them) for the writer and
// validator vectors: the shape follows the type descriptors, the values come from small
// palettes per field so that duplicates, conflicts and each validation rule get hit often.

import { flatFields } from '../../src/core/go/types.ts';
import type { GoType, StructType } from '../../src/core/go/types.ts';
import { ign3Types } from '../../src/core/ignition/v3/types.ts';
import type { Ignition3Version } from '../../src/core/ignition/v3/types.ts';
import { Rng } from './rng.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const PATHS = ['/etc/a', '/etc/a/', '/etc/a/b', 'etc/a', '/etc/systemd/system/x.service', '/etc/systemd/system/x.service.d/o.conf', '/var', '/var/lib', '/', '', '/etc/../etc/a', '/etc//a', '/opt/<&>'];
const SOURCES = ['data:,hello', 'data:;base64,aGk=', 'data:text/plain,%3Ca%3E', 'data:,bad%zz', 'https://example.com/x', 'http://example.com/x', 'tftp://h/x', 's3://bucket/key', 's3://bucket', 'gs://bucket/key', 'gs://bucket', 'arn:aws:s3:::bucket/key', 'arn:aws:s3:::bucket', 'arn:aws:ec2::1:x', 'ftp://x/y', 'foo', '', 'http://[::1', 'oem:///x', '/relative'];
const HASHES = ['sha512-' + 'ab'.repeat(64), 'sha256-' + 'cd'.repeat(32), 'sha512-abc', 'md5-00', 'sha256', 'sha256-' + 'zz'.repeat(32), ''];
const UNIT_NAMES = ['a.service', 'b.socket', 'var-lib.mount', 'var.mount', 'c.timer', 'noext', 'd.path', 'x.service', '', 'e.swap', 'f@.service', 'f@x.service', 'g@.service', 'g@a@b.service', 'var-lib.swap', 'h.service\n'];
const UNIT_CONTENTS = [
  '[Unit]\nDescription=x\n', '[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n', '[Mount]\nWhat=/dev/sda\nWhere=/var/lib\n',
  '[Mount]\nWhere=/var\n', 'garbage line\n', '[Unit]\nDescription=bad \\\n', '', '[Unit\n', '[Service]\nExecStart=/bin/true\n', '[Unit] trailing\nA=b\n',
  '[Unit]\nNoEquals\n', '# only a comment\n', '[Unit]\r\nA=b\r\n', '[Install]\nWantedBy=x\n', '[Unit]\nA=' + 'x'.repeat(2100), '[Sé]\nK=\u00e9\\\n  more\n',
  '[Unit]\n', ';c\n[Install]\n', '[Unit]\nA=b\n[Install] \u00e9\n',
];
const DEVICES = ['/dev/sda', '/dev/sdb', '/dev/disk/by-label/x', 'sda', '', '/dev/mapper/m', '/dev/md/r'];
const STRINGS = ['x', '', 'a b', '<&>', 'é', '\u2028', 'tab\there', 'nl\nhere', 'quote"', 'back\\slash', '\u0001', '\u007f', 'data'];
const FORMATS = ['ext4', 'xfs', 'btrfs', 'vfat', 'swap', 'none', 'zfs', ''];
const LEVELS = ['raid0', 'raid1', 'raid5', 'raid6', 'raid10', 'linear', 'stripe', 'raid4', 'multipath', 'mirror', ''];
const GUIDS = ['11111111-2222-3333-4444-555555555555', 'A19D880F-05FC-4D3B-A006-743F0F84911E', 'not-a-guid', '', '0FC63DAF-8483-4772-8E79-3D69D8477DE4'];
const LABELS = ['root', 'data', 'a:b', 'x'.repeat(40), '', 'ROOT', 'x'.repeat(12), 'y'.repeat(13), 'z'.repeat(48), '\u00e9'.repeat(7), 'w'.repeat(257)];
const UUIDS = ['0f0f0f0f-1e1e-2d2d-3c3c-4b4b4b4b4b4b', 'nope', ''];
const NAMES = ['core', 'ops', 'root', '', 'x', 'a.conf', 'b.conf', 'c'];
const COMPRESSIONS = ['gzip', '', 'xz', 'bzip2'];
const PROXIES = ['http://proxy:3128', 'https://p', 'ftp://p', 'not a url', '', 'http://[::1'];
const TANG_URLS = ['http://tang', 'https://t', 'ftp://t', '', 'bad url'];
const THUMBS = ['abc', '', 'x'];
const KARGS = ['quiet', 'console=ttyS0', 'a', 'b', ''];
const HEADER_NAMES = ['X-A', 'X-B', '', 'Accept'];
const MODES = [0o644, 0o755, 0o1777, 0o4755, 0o7777, 0o10000, -1, 0, 420];
const INTS = [0, 1, -1, 2, 5, 100, 1000, 65536];

function paletteFor(key: string, parent: string): readonly Json[] | null {
  switch (key) {
    case 'path':
      return parent === 'Filesystem' ? ['/var/lib', '/var', 'var', '/', '', '/srv'] : PATHS;
    case 'target':
      return ['/etc/a', 'rel', '', '/var/x', '/etc/systemd/system/x.service'];
    case 'source':
      return SOURCES;
    case 'hash':
      return HASHES;
    case 'compression':
      return COMPRESSIONS;
    case 'mode':
      return MODES;
    case 'contents':
      return UNIT_CONTENTS;
    case 'device':
      return DEVICES;
    case 'devices':
      return DEVICES;
    case 'format':
      return FORMATS;
    case 'level':
      return LEVELS;
    case 'guid':
    case 'typeGuid':
      return GUIDS;
    case 'label':
      return LABELS;
    case 'uuid':
      return UUIDS;
    case 'httpProxy':
    case 'httpsProxy':
      return PROXIES;
    case 'url':
      return TANG_URLS;
    case 'thumbprint':
    case 'advertisement':
      return THUMBS;
    case 'shouldExist':
    case 'shouldNotExist':
      return parent === 'KernelArguments' ? KARGS : null;
    case 'pin':
      return ['tpm2', 'tang', 'sss', 'bogus', ''];
    case 'config':
      return ['{}', '', '{"t":1}'];
    case 'name':
      if (parent === 'Unit') return UNIT_NAMES;
      if (parent === 'HTTPHeader') return HEADER_NAMES;
      return NAMES;
    case 'value':
      return ['v', '', 'x y'];
    case 'version':
      return ['3.3.0', '3.4.0', '3.7.0-experimental', 'x', '2.3.0'];
    default:
      return null;
  }
}

function gen(rng: Rng, t: GoType, key: string, parent: string, depth: number): Json {
  switch (t.kind) {
    case 'ptr':
      return gen(rng, t.elem, key, parent, depth);
    case 'slice': {
      const n = rng.int(depth > 3 ? 2 : 4);
      const out: Json[] = [];
      for (let i = 0; i < n; i++) out.push(gen(rng, t.elem, key, parent, depth + 1));
      // an exact repeat now and then, for the duplicate checks
      if (out.length > 0 && rng.chance(0.15)) out.push(JSON.parse(JSON.stringify(out[0])) as Json);
      return out;
    }
    case 'struct':
      return genStruct(rng, t, depth + 1);
    case 'string': {
      const p = paletteFor(key, parent);
      if (p && rng.chance(0.9)) return rng.pick(p) as Json;
      return rng.pick(STRINGS);
    }
    case 'int': {
      const p = paletteFor(key, parent);
      if (p && rng.chance(0.9)) return rng.pick(p) as Json;
      return rng.pick(INTS);
    }
    case 'bool':
      return rng.chance(0.5);
    default:
      return null;
  }
}

function genStruct(rng: Rng, t: StructType, depth: number): { [k: string]: Json } {
  const o: { [k: string]: Json } = {};
  for (const f of flatFields(t)) {
    const required = !f.omitempty;
    if (!required && !rng.chance(depth <= 2 ? 0.6 : 0.4)) continue;
    if (required && rng.chance(0.05)) continue;
    // an explicit null now and then (decodes to the zero value)
    o[f.key] = rng.chance(0.03) ? null : gen(rng, f.type, f.key, t.name, depth);
  }
  return o;
}

/** A random config of a version; `ignition.version` is usually right. */
export function randomIgnition3Json(rng: Rng, version: Ignition3Version): { [k: string]: Json } {
  const cfg = genStruct(rng, ign3Types(version).Config, 0);
  const ign = (cfg.ignition && typeof cfg.ignition === 'object' && !Array.isArray(cfg.ignition) ? cfg.ignition : {}) as { [k: string]: Json };
  if (rng.chance(0.9)) ign.version = version;
  cfg.ignition = ign;
  return cfg;
}
