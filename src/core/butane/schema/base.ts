// Butane's input structs (base/v0_4, v0_5, v0_8_exp) as Go type descriptors. Each version is
// built from the previous one by a small list of changes, so what a version adds or drops is
// visible in one place. Keys are the yaml keys; field order is the Go struct order (it decides
// the order of the validation walk, hence the order of reports).
//
// `skip` marks fields the default translation does not copy (butane's `auto_skip` tag and the
// fields its custom translators handle): they have no Ignition counterpart.

import { bool, int, named, namedSlice, ptr, slice, str, struct } from '../../go/types.ts';
import type { GoType, StructType } from '../../go/types.ts';

type Row = [string, string, GoType, string?];

/** Fields butane translates by hand (or drops), keyed by struct name. */
export type SkipTable = Record<string, ReadonlySet<string>>;

export interface BaseSchema {
  /** "v0_4", "v0_5", "v0_8_exp" */
  name: string;
  config: StructType;
  types: Record<string, StructType>;
  skip: SkipTable;
}

/** The row lists of every struct, by Go type name (the v0_4 layout). */
function v0_4Rows(): Record<string, Row[]> {
  return {
    ClevisCustom: [
      ['Config', 'config', ptr(str)],
      ['NeedsNetwork', 'needs_network', ptr(bool)],
      ['Pin', 'pin', ptr(str)],
    ],
    Tang: [
      ['Thumbprint', 'thumbprint', ptr(str)],
      ['URL', 'url', str],
    ],
    Clevis: [
      ['Custom', 'custom', ref('ClevisCustom')],
      ['Tang', 'tang', slice(ref('Tang'))],
      ['Threshold', 'threshold', ptr(int)],
      ['Tpm2', 'tpm2', ptr(bool)],
    ],
    NodeGroup: [
      ['ID', 'id', ptr(int)],
      ['Name', 'name', ptr(str)],
    ],
    NodeUser: [
      ['ID', 'id', ptr(int)],
      ['Name', 'name', ptr(str)],
    ],
    Verification: [['Hash', 'hash', ptr(str)]],
    HTTPHeader: [
      ['Name', 'name', str],
      ['Value', 'value', ptr(str)],
    ],
    Resource: [
      ['Compression', 'compression', ptr(str)],
      ['HTTPHeaders', 'http_headers', namedSlice(ref('HTTPHeader'), 'HTTPHeaders')],
      ['Source', 'source', ptr(str)],
      ['Inline', 'inline', ptr(str)],
      ['Local', 'local', ptr(str)],
      ['Verification', 'verification', ref('Verification')],
    ],
    Directory: [
      ['Group', 'group', ref('NodeGroup')],
      ['Overwrite', 'overwrite', ptr(bool)],
      ['Path', 'path', str],
      ['User', 'user', ref('NodeUser')],
      ['Mode', 'mode', ptr(int)],
    ],
    Partition: [
      ['GUID', 'guid', ptr(str)],
      ['Label', 'label', ptr(str)],
      ['Number', 'number', int],
      ['Resize', 'resize', ptr(bool)],
      ['ShouldExist', 'should_exist', ptr(bool)],
      ['SizeMiB', 'size_mib', ptr(int)],
      ['StartMiB', 'start_mib', ptr(int)],
      ['TypeGUID', 'type_guid', ptr(str)],
      ['WipePartitionEntry', 'wipe_partition_entry', ptr(bool)],
    ],
    Disk: [
      ['Device', 'device', str],
      ['Partitions', 'partitions', slice(ref('Partition'))],
      ['WipeTable', 'wipe_table', ptr(bool)],
    ],
    Dropin: [
      ['Contents', 'contents', ptr(str)],
      ['Name', 'name', str],
    ],
    File: [
      ['Group', 'group', ref('NodeGroup')],
      ['Overwrite', 'overwrite', ptr(bool)],
      ['Path', 'path', str],
      ['User', 'user', ref('NodeUser')],
      ['Append', 'append', slice(ref('Resource'))],
      ['Contents', 'contents', ref('Resource')],
      ['Mode', 'mode', ptr(int)],
    ],
    Filesystem: [
      ['Device', 'device', str],
      ['Format', 'format', ptr(str)],
      ['Label', 'label', ptr(str)],
      ['MountOptions', 'mount_options', slice(str)],
      ['Options', 'options', slice(str)],
      ['Path', 'path', ptr(str)],
      ['UUID', 'uuid', ptr(str)],
      ['WipeFilesystem', 'wipe_filesystem', ptr(bool)],
      ['WithMountUnit', 'with_mount_unit', ptr(bool)],
    ],
    IgnitionConfig: [
      ['Merge', 'merge', slice(ref('Resource'))],
      ['Replace', 'replace', ref('Resource')],
    ],
    Proxy: [
      ['HTTPProxy', 'http_proxy', ptr(str)],
      ['HTTPSProxy', 'https_proxy', ptr(str)],
      ['NoProxy', 'no_proxy', slice(str)],
    ],
    TLS: [['CertificateAuthorities', 'certificate_authorities', slice(ref('Resource'))]],
    Security: [['TLS', 'tls', ref('TLS')]],
    Timeouts: [
      ['HTTPResponseHeaders', 'http_response_headers', ptr(int)],
      ['HTTPTotal', 'http_total', ptr(int)],
    ],
    Ignition: [
      ['Config', 'config', ref('IgnitionConfig')],
      ['Proxy', 'proxy', ref('Proxy')],
      ['Security', 'security', ref('Security')],
      ['Timeouts', 'timeouts', ref('Timeouts')],
    ],
    KernelArguments: [
      ['ShouldExist', 'should_exist', slice(named('string', 'KernelArgument'))],
      ['ShouldNotExist', 'should_not_exist', slice(named('string', 'KernelArgument'))],
    ],
    Link: [
      ['Group', 'group', ref('NodeGroup')],
      ['Overwrite', 'overwrite', ptr(bool)],
      ['Path', 'path', str],
      ['User', 'user', ref('NodeUser')],
      ['Hard', 'hard', ptr(bool)],
      ['Target', 'target', ptr(str)],
    ],
    Luks: [
      ['Clevis', 'clevis', ref('Clevis')],
      ['Device', 'device', ptr(str)],
      ['KeyFile', 'key_file', ref('Resource')],
      ['Label', 'label', ptr(str)],
      ['Name', 'name', str],
      ['Options', 'options', slice(named('string', 'LuksOption'))],
      ['UUID', 'uuid', ptr(str)],
      ['WipeVolume', 'wipe_volume', ptr(bool)],
    ],
    PasswdGroup: [
      ['Gid', 'gid', ptr(int)],
      ['Name', 'name', str],
      ['PasswordHash', 'password_hash', ptr(str)],
      ['ShouldExist', 'should_exist', ptr(bool)],
      ['System', 'system', ptr(bool)],
    ],
    PasswdUser: [
      ['Gecos', 'gecos', ptr(str)],
      ['Groups', 'groups', slice(named('string', 'Group'))],
      ['HomeDir', 'home_dir', ptr(str)],
      ['Name', 'name', str],
      ['NoCreateHome', 'no_create_home', ptr(bool)],
      ['NoLogInit', 'no_log_init', ptr(bool)],
      ['NoUserGroup', 'no_user_group', ptr(bool)],
      ['PasswordHash', 'password_hash', ptr(str)],
      ['PrimaryGroup', 'primary_group', ptr(str)],
      ['ShouldExist', 'should_exist', ptr(bool)],
      ['SSHAuthorizedKeys', 'ssh_authorized_keys', slice(named('string', 'SSHAuthorizedKey'))],
      ['Shell', 'shell', ptr(str)],
      ['System', 'system', ptr(bool)],
      ['UID', 'uid', ptr(int)],
    ],
    Passwd: [
      ['Groups', 'groups', slice(ref('PasswdGroup'))],
      ['Users', 'users', slice(ref('PasswdUser'))],
    ],
    Raid: [
      ['Devices', 'devices', slice(named('string', 'Device'))],
      ['Level', 'level', ptr(str)],
      ['Name', 'name', str],
      ['Options', 'options', slice(named('string', 'RaidOption'))],
      ['Spares', 'spares', ptr(int)],
    ],
    Tree: [
      ['Local', 'local', str],
      ['Path', 'path', ptr(str)],
    ],
    Storage: [
      ['Directories', 'directories', slice(ref('Directory'))],
      ['Disks', 'disks', slice(ref('Disk'))],
      ['Files', 'files', slice(ref('File'))],
      ['Filesystems', 'filesystems', slice(ref('Filesystem'))],
      ['Links', 'links', slice(ref('Link'))],
      ['Luks', 'luks', slice(ref('Luks'))],
      ['Raid', 'raid', slice(ref('Raid'))],
      ['Trees', 'trees', slice(ref('Tree'))],
    ],
    Unit: [
      ['Contents', 'contents', ptr(str)],
      ['Dropins', 'dropins', slice(ref('Dropin'))],
      ['Enabled', 'enabled', ptr(bool)],
      ['Mask', 'mask', ptr(bool)],
      ['Name', 'name', str],
    ],
    Systemd: [['Units', 'units', slice(ref('Unit'))]],
    Config: [
      ['Version', 'version', str],
      ['Variant', 'variant', str],
      ['Ignition', 'ignition', ref('Ignition')],
      ['KernelArguments', 'kernel_arguments', ref('KernelArguments')],
      ['Passwd', 'passwd', ref('Passwd')],
      ['Storage', 'storage', ref('Storage')],
      ['Systemd', 'systemd', ref('Systemd')],
    ],
  };
}

// --- layering ----------------------------------------------------------------------------------

/** A placeholder for a struct of the same version, resolved when the version is built. */
interface Ref {
  kind: 'ref';
  name: string;
}
function ref(name: string): GoType {
  return { kind: 'ref', name } as unknown as GoType;
}

type Change =
  | { op: 'after'; type: string; after: string; row: Row }
  | { op: 'set'; type: string; field: string; row: Row }
  | { op: 'define'; type: string; rows: Row[] };

function applyChanges(rows: Record<string, Row[]>, changes: Change[]): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const [k, v] of Object.entries(rows)) out[k] = v.slice();
  for (const c of changes) {
    if (c.op === 'define') {
      out[c.type] = c.rows;
      continue;
    }
    const list = out[c.type];
    const at = list.findIndex((r) => r[0] === (c.op === 'after' ? c.after : c.field));
    if (at < 0) throw new Error(`schema layer: ${c.type}.${c.op === 'after' ? c.after : c.field} not found`);
    if (c.op === 'after') list.splice(at + 1, 0, c.row);
    else list[at] = c.row;
  }
  return out;
}

/** Resolves the refs into real descriptors (each struct built once, so identity is stable). */
function build(name: string, rows: Record<string, Row[]>, skip: SkipTable): BaseSchema {
  const types: Record<string, StructType> = {};
  for (const t of Object.keys(rows)) types[t] = struct(`${name}.${t}`, []);
  const resolve = (t: GoType): GoType => {
    const k = (t as unknown as Ref).kind;
    if (k === 'ref') {
      const s = types[(t as unknown as Ref).name];
      if (!s) throw new Error(`schema: unknown struct ${(t as unknown as Ref).name}`);
      return s;
    }
    if (t.kind === 'ptr') return ptr(resolve(t.elem));
    if (t.kind === 'slice') return t.name ? namedSlice(resolve(t.elem), `${name}.${t.name}`) : slice(resolve(t.elem));
    // named scalars carry their package in type errors ("into v0_4.Device")
    if ((t.kind === 'string' || t.kind === 'int' || t.kind === 'bool') && t.name) return named(t.kind, `${name}.${t.name}`);
    return t;
  };
  for (const [t, list] of Object.entries(rows)) types[t].fields = struct(t, list.map(([a, b, c, d]) => [a, b, resolve(c), d] as Row)).fields;
  return { name, config: types.Config, types, skip };
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

const SKIP_V0_4: SkipTable = {
  Resource: set('Inline', 'Local'),
  Filesystem: set('WithMountUnit'),
  Storage: set('Trees'),
  Config: set('Version', 'Variant'),
};
const SKIP_V0_5: SkipTable = {
  ...SKIP_V0_4,
  Unit: set('ContentsLocal'),
  Dropin: set('ContentsLocal'),
  PasswdUser: set('SSHAuthorizedKeysLocal'),
};
const SKIP_V0_8: SkipTable = { ...SKIP_V0_5, Systemd: set('Quadlets') };

/** v0_5: contents_local for units and drop-ins, ssh_authorized_keys_local, luks discard/open_options, tang advertisement. */
const V0_5_CHANGES: Change[] = [
  { op: 'after', type: 'Dropin', after: 'Contents', row: ['ContentsLocal', 'contents_local', ptr(str)] },
  { op: 'after', type: 'Unit', after: 'Contents', row: ['ContentsLocal', 'contents_local', ptr(str)] },
  { op: 'after', type: 'PasswdUser', after: 'SSHAuthorizedKeys', row: ['SSHAuthorizedKeysLocal', 'ssh_authorized_keys_local', slice(str)] },
  { op: 'after', type: 'Luks', after: 'Device', row: ['Discard', 'discard', ptr(bool)] },
  { op: 'after', type: 'Luks', after: 'Name', row: ['OpenOptions', 'open_options', slice(str)] },
  { op: 'set', type: 'Luks', field: 'Options', row: ['Options', 'options', slice(str)] },
  { op: 'set', type: 'Raid', field: 'Options', row: ['Options', 'options', slice(str)] },
  { op: 'after', type: 'Tang', after: 'URL', row: ['Advertisement', 'advertisement', ptr(str)] },
];

/** v0_8_exp: luks cex, quadlets, tree ownership and modes. */
const V0_8_CHANGES: Change[] = [
  { op: 'define', type: 'Cex', rows: [['Enabled', 'enabled', ptr(bool)]] },
  { op: 'after', type: 'Luks', after: 'Clevis', row: ['Cex', 'cex', ref('Cex')] },
  {
    op: 'define',
    type: 'Quadlet',
    rows: [
      ['Contents', 'contents', ptr(str)],
      ['ContentsLocal', 'contents_local', ptr(str)],
      ['Name', 'name', str],
      ['Rootful', 'rootful', bool],
      ['Dropins', 'dropins', slice(ref('Dropin'))],
    ],
  },
  { op: 'after', type: 'Systemd', after: 'Units', row: ['Quadlets', 'quadlets', slice(ref('Quadlet'))] },
  {
    op: 'define',
    type: 'Tree',
    rows: [
      ['Group', 'group', ref('NodeGroup')],
      ['Local', 'local', str],
      ['Path', 'path', ptr(str)],
      ['User', 'user', ref('NodeUser')],
      ['FileMode', 'file_mode', ptr(int)],
      ['DirMode', 'dir_mode', ptr(int)],
    ],
  },
];

const rowsV0_4 = v0_4Rows();
const rowsV0_5 = applyChanges(rowsV0_4, V0_5_CHANGES);
const rowsV0_8 = applyChanges(rowsV0_5, V0_8_CHANGES);

export const baseV0_4 = build('v0_4', rowsV0_4, SKIP_V0_4);
export const baseV0_5 = build('v0_5', rowsV0_5, SKIP_V0_5);
export const baseV0_8_exp = build('v0_8_exp', rowsV0_8, SKIP_V0_8);
