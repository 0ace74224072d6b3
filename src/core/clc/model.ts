// The Container Linux Config as ct's decoder sees it: every struct, field, YAML key and Go
// type, in ct's field order. The etcd and flannel option sets come from the per-version
// tables in schemas/, which completion and hover read too.

import { bool, int, named, ptr, slice, str, struct, uint } from '../go/types.ts';
import type { GoType, StructType, VersionedType } from '../go/types.ts';
import { parseSemver } from '../go/semver.ts';
import type { SemverVersion as Semver } from '../go/semver.ts';
import etcdTable from '../../../schemas/etcd-options.json';
import flannelTable from '../../../schemas/flannel-options.json';

// --- ignition ------------------------------------------------------------------------------------

const Hash = struct('Hash', [
  ['Function', 'function', str],
  ['Sum', 'sum', str],
]);
const Verification = struct('Verification', [['Hash', 'hash', Hash]]);
const ConfigReference = struct('ConfigReference', [
  ['Source', 'source', str],
  ['Verification', 'verification', Verification],
]);
const IgnitionConfig = struct('IgnitionConfig', [
  ['Append', 'append', slice(ConfigReference)],
  ['Replace', 'replace', ptr(ConfigReference)],
]);
const Timeouts = struct('Timeouts', [
  ['HTTPResponseHeaders', 'http_response_headers', ptr(int)],
  ['HTTPTotal', 'http_total', ptr(int)],
]);
const CaReference = struct('CaReference', [
  ['Source', 'source', str],
  ['Verification', 'verification', Verification],
]);
const TLS = struct('TLS', [['CertificateAuthorities', 'certificate_authorities', slice(CaReference)]]);
const Security = struct('Security', [['TLS', 'tls', TLS]]);
const Ignition = struct('Ignition', [
  ['Config', 'config', IgnitionConfig],
  ['Timeouts', 'timeouts', Timeouts],
  ['Security', 'security', Security],
]);

// --- storage -------------------------------------------------------------------------------------

const Partition = struct('Partition', [
  ['Label', 'label', ptr(str)],
  ['Number', 'number', int],
  ['Size', 'size', str],
  ['Start', 'start', str],
  ['GUID', 'guid', str],
  ['TypeGUID', 'type_guid', str],
]);
const Disk = struct('Disk', [
  ['Device', 'device', str],
  ['WipeTable', 'wipe_table', bool],
  ['Partitions', 'partitions', slice(Partition)],
]);
const Raid = struct('Raid', [
  ['Name', 'name', str],
  ['Level', 'level', str],
  ['Devices', 'devices', slice(str)],
  ['Spares', 'spares', int],
  ['Options', 'options', slice(str)],
]);
const Create = struct('Create', [
  ['Force', 'force', bool],
  ['Options', 'options', slice(str)],
]);
const Mount = struct('Mount', [
  ['Device', 'device', str],
  ['Format', 'format', str],
  ['Create', 'create', ptr(Create)],
  ['WipeFilesystem', 'wipe_filesystem', bool],
  ['Label', 'label', ptr(str)],
  ['UUID', 'uuid', ptr(str)],
  ['Options', 'options', slice(str)],
]);
const Filesystem = struct('Filesystem', [
  ['Name', 'name', str],
  ['Mount', 'mount', ptr(Mount)],
  ['Path', 'path', ptr(str)],
]);
const FileUser = struct('FileUser', [
  ['Id', 'id', ptr(int)],
  ['Name', 'name', str],
]);
const FileGroup = struct('FileGroup', [
  ['Id', 'id', ptr(int)],
  ['Name', 'name', str],
]);
const Remote = struct('Remote', [
  ['Url', 'url', str],
  ['Compression', 'compression', str],
  ['Verification', 'verification', Verification],
]);
const FileContents = struct('FileContents', [
  ['Remote', 'remote', Remote],
  ['Inline', 'inline', str],
  ['Local', 'local', str],
]);
const File = struct('File', [
  ['Filesystem', 'filesystem', str],
  ['Path', 'path', str],
  ['User', 'user', ptr(FileUser)],
  ['Group', 'group', ptr(FileGroup)],
  ['Mode', 'mode', ptr(int)],
  ['Contents', 'contents', FileContents],
  ['Overwrite', 'overwrite', ptr(bool)],
  ['Append', 'append', bool],
]);
const Directory = struct('Directory', [
  ['Filesystem', 'filesystem', str],
  ['Path', 'path', str],
  ['User', 'user', ptr(FileUser)],
  ['Group', 'group', ptr(FileGroup)],
  ['Mode', 'mode', ptr(int)],
  ['Overwrite', 'overwrite', ptr(bool)],
]);
const Link = struct('Link', [
  ['Filesystem', 'filesystem', str],
  ['Path', 'path', str],
  ['User', 'user', ptr(FileUser)],
  ['Group', 'group', ptr(FileGroup)],
  ['Hard', 'hard', bool],
  ['Target', 'target', str],
  ['Overwrite', 'overwrite', ptr(bool)],
]);
const Storage = struct('Storage', [
  ['Disks', 'disks', slice(Disk)],
  ['Arrays', 'raid', slice(Raid)],
  ['Filesystems', 'filesystems', slice(Filesystem)],
  ['Files', 'files', slice(File)],
  ['Directories', 'directories', slice(Directory)],
  ['Links', 'links', slice(Link)],
]);

// --- systemd / networkd ----------------------------------------------------------------------------

const SystemdUnitDropIn = struct('SystemdUnitDropIn', [
  ['Name', 'name', str],
  ['Contents', 'contents', str],
]);
const SystemdUnit = struct('SystemdUnit', [
  ['Name', 'name', str],
  ['Enable', 'enable', bool],
  ['Enabled', 'enabled', ptr(bool)],
  ['Mask', 'mask', bool],
  ['Contents', 'contents', str],
  ['Dropins', 'dropins', slice(SystemdUnitDropIn)],
]);
const Systemd = struct('Systemd', [['Units', 'units', slice(SystemdUnit)]]);
const NetworkdUnitDropIn = struct('NetworkdUnitDropIn', [
  ['Name', 'name', str],
  ['Contents', 'contents', str],
]);
const NetworkdUnit = struct('NetworkdUnit', [
  ['Name', 'name', str],
  ['Contents', 'contents', str],
  ['Dropins', 'dropins', slice(NetworkdUnitDropIn)],
]);
const Networkd = struct('Networkd', [['Units', 'units', slice(NetworkdUnit)]]);

// --- passwd ----------------------------------------------------------------------------------------

const UserCreate = struct('UserCreate', [
  ['Uid', 'uid', ptr(uint)],
  ['GECOS', 'gecos', str],
  ['Homedir', 'home_dir', str],
  ['NoCreateHome', 'no_create_home', bool],
  ['PrimaryGroup', 'primary_group', str],
  ['Groups', 'groups', slice(str)],
  ['NoUserGroup', 'no_user_group', bool],
  ['System', 'system', bool],
  ['NoLogInit', 'no_log_init', bool],
  ['Shell', 'shell', str],
]);
const User = struct('User', [
  ['Name', 'name', str],
  ['PasswordHash', 'password_hash', ptr(str)],
  ['SSHAuthorizedKeys', 'ssh_authorized_keys', slice(str)],
  ['Create', 'create', ptr(UserCreate)],
  ['UID', 'uid', ptr(int)],
  ['Gecos', 'gecos', str],
  ['HomeDir', 'home_dir', str],
  ['NoCreateHome', 'no_create_home', bool],
  ['PrimaryGroup', 'primary_group', str],
  ['Groups', 'groups', slice(str)],
  ['NoUserGroup', 'no_user_group', bool],
  ['System', 'system', bool],
  ['NoLogInit', 'no_log_init', bool],
  ['Shell', 'shell', str],
]);
const Group = struct('Group', [
  ['Name', 'name', str],
  ['Gid', 'gid', ptr(uint)],
  ['PasswordHash', 'password_hash', str],
  ['System', 'system', bool],
]);
const Passwd = struct('Passwd', [
  ['Users', 'users', slice(User)],
  ['Groups', 'groups', slice(Group)],
]);

// --- etcd / flannel: version-dependent option sets ---------------------------------------------

export interface OptionRow {
  key: string;
  flag: string;
  type: 'string' | 'int' | 'bool';
  /** per-version Go type when it changed between versions (auto_compaction_retention) */
  typeByVersion?: Record<string, 'string' | 'int' | 'bool'>;
  versions: string[];
  order: Record<string, number>;
  deprecated?: string;
  description?: string;
}
export interface OptionTable {
  defaultVersion: string;
  oldestVersion: string;
  versions: string[];
  /** the Go struct name per table version ("2.3" -> "Etcd2") */
  structs?: Record<string, string>;
  options: OptionRow[];
}

export const etcdOptions = etcdTable as OptionTable;
export const flannelOptions = flannelTable as OptionTable;

const goScalar = { string: str, int, bool } as const;

/** One option struct per table version ("3.5" -> Etcd3_5), fields in ct's order. */
function optionStructs(table: OptionTable, prefix: string): Map<string, StructType> {
  const out = new Map<string, StructType>();
  for (const v of table.versions) {
    const rows = table.options
      .filter((o) => o.versions.includes(v))
      .sort((a, b) => a.order[v] - b.order[v])
      .map((o): [string, string, GoType] => [o.key, o.key, ptr(goScalar[o.typeByVersion?.[v] ?? o.type])]);
    const s = struct(table.structs?.[v] ?? `${prefix}${v.replace('.', '_')}`, rows);
    // flags are needed when turning options into command-line arguments
    for (const f of s.fields) (f as { flag?: string }).flag = table.options.find((o) => o.key === f.key)!.flag;
    out.set(v, s);
  }
  return out;
}

export const etcdStructs = optionStructs(etcdOptions, 'Etcd');
export const flannelStructs = optionStructs(flannelOptions, 'Flannel');

const semverType = (name: string): GoType => ({
  kind: 'custom',
  name,
  parse: (text: string) => {
    const r = parseSemver(text);
    return r.ok ? { ok: true, value: r.version } : { ok: false, error: r.error };
  },
});

/** ct's version selection: same major, highest known minor at or below the requested one. */
export function pickOptionVersion(table: OptionTable, v: Semver | null): string | null {
  const ver = v ?? (parseSemver(table.defaultVersion) as { ok: true; version: Semver }).version;
  const candidates = table.versions
    .map((s) => ({ s, major: Number(s.split('.')[0]), minor: Number(s.split('.')[1]) }))
    .filter((c) => BigInt(c.major) === ver.major);
  if (!candidates.length) return null;
  const oldest = (parseSemver(table.oldestVersion) as { ok: true; version: Semver }).version;
  if (ver.major === oldest.major && ver.minor < oldest.minor) return null;
  let best: string | null = null;
  for (const c of candidates) if (BigInt(c.minor) <= ver.minor) best = c.s;
  // a minor newer than any we know uses the newest options of that major
  return best;
}

export const EtcdVersion = semverType('EtcdVersion');
export const FlannelVersion = semverType('FlannelVersion');

const Etcd: VersionedType = {
  kind: 'versioned',
  name: 'Etcd',
  common: struct('etcdCommon', [['Version', 'version', ptr(EtcdVersion)]]),
  select: (c) => {
    const v = pickOptionVersion(etcdOptions, c.Version as Semver | null);
    return v ? etcdStructs.get(v)! : null;
  },
};

const Flannel: VersionedType = {
  kind: 'versioned',
  name: 'Flannel',
  common: struct('flannelCommon', [
    ['Version', 'version', ptr(FlannelVersion)],
    ['NetworkConfig', 'network_config', named('string', 'NetworkConfig')],
  ]),
  select: (c) => {
    const v = pickOptionVersion(flannelOptions, c.Version as Semver | null);
    return v ? flannelStructs.get(v)! : null;
  },
};

// --- update / docker / locksmith -------------------------------------------------------------------

const Update = struct('Update', [
  ['Group', 'group', named('string', 'UpdateGroup')],
  ['Server', 'server', named('string', 'UpdateServer')],
  ['PCRPolicyServer', 'pcr_policy_server', named('string', 'UpdatePCRPolicyServer')],
  ['DownloadUser', 'download_user', named('string', 'UpdateDownloadUser')],
  ['DownloadPassword', 'download_password', named('string', 'UpdateDownloadPassword')],
  ['MachineAlias', 'machine_alias', named('string', 'UpdateMachineAlias')],
]);
const Docker = struct('Docker', [['Flags', 'flags', slice(str)]]);
const Locksmith = struct('Locksmith', [
  ['RebootStrategy', 'reboot_strategy', ptr(str)],
  ['WindowStart', 'window_start', ptr(str)],
  ['WindowLength', 'window_length', ptr(str)],
  ['Group', 'group', ptr(str)],
  ['EtcdEndpoints', 'etcd_endpoints', ptr(str)],
  ['EtcdCAFile', 'etcd_cafile', ptr(str)],
  ['EtcdCertFile', 'etcd_certfile', ptr(str)],
  ['EtcdKeyFile', 'etcd_keyfile', ptr(str)],
]);

export const Config = struct('Config', [
  ['Version', 'version', int],
  ['Ignition', 'ignition', Ignition],
  ['Storage', 'storage', Storage],
  ['Systemd', 'systemd', Systemd],
  ['Networkd', 'networkd', Networkd],
  ['Passwd', 'passwd', Passwd],
  ['Etcd', 'etcd', ptr(Etcd)],
  ['Flannel', 'flannel', ptr(Flannel)],
  ['Update', 'update', ptr(Update)],
  ['Docker', 'docker', ptr(Docker)],
  ['Locksmith', 'locksmith', ptr(Locksmith)],
]);

/** Every struct of the model by name, for tools that walk the format (schema checks, completion). */
export const clcTypes = {
  Config, Ignition, IgnitionConfig, ConfigReference, Timeouts, Security, TLS, CaReference, Verification, Hash,
  Storage, Disk, Partition, Raid, Filesystem, Mount, Create, File, FileContents, Remote, FileUser, FileGroup,
  Directory, Link, Systemd, SystemdUnit, SystemdUnitDropIn, Networkd, NetworkdUnit, NetworkdUnitDropIn,
  Passwd, User, UserCreate, Group, Update, Docker, Locksmith,
};
export { Etcd, Flannel };
