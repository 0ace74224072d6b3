// The Ignition 3.x config types as Go-compat type descriptors: Go field names, json keys, Go
// field order and `omitempty` exactly as Ignition's generated schema structs declare them,
// because that order and those flags decide the bytes butane prints. Values of these types are
// plain JS objects keyed by Go field name (see src/core/go/types.ts); embedded structs
// (File = Node + FileEmbedded1) share one object.
//
// Specs 3.3.0 to 3.7.0-experimental are the model butane emits and that is validated
// (Ignition3Version); 3.0.0 to 3.2.0 are described too, for the JSON schemas of .ign files.
// What changes between versions:
//   3.0.0  separate ConfigReference / CaReference / FileContents instead of Resource
//   3.1.0  Resource (with httpHeaders), ignition.proxy, filesystem mountOptions
//   3.2.0  + luks (clevis and its custom pin by pointer), partition resize, passwd shouldExist
//   3.3.0  + kernelArguments; clevis by value; link target, raid level and devices optional
//   3.4.0  + luks.discard, luks.openOptions, tang.advertisement; ignition.version always written
//   3.5.0  + luks.cex (3.6.0 and 3.7.0-experimental have the same types as 3.5.0)

import { bool, int, named, namedSlice, ptr, slice, str, struct } from '../../go/types.ts';
import type { GoType, StructType } from '../../go/types.ts';

/** The Ignition 3.x spec versions whose types are described here. */
export const IGNITION3_VERSIONS = ['3.3.0', '3.4.0', '3.5.0', '3.6.0', '3.7.0-experimental'] as const;
export type Ignition3Version = (typeof IGNITION3_VERSIONS)[number];

export function isIgnition3Version(v: string): v is Ignition3Version {
  return (IGNITION3_VERSIONS as readonly string[]).includes(v);
}

/** Every 3.x spec version with described types (the older ones for schemas only). */
export const ALL_IGNITION3_VERSIONS = ['3.0.0', '3.1.0', '3.2.0', ...IGNITION3_VERSIONS] as const;
export type AnyIgnition3Version = (typeof ALL_IGNITION3_VERSIONS)[number];

/** The spec features that change the types; everything else is common to all versions. */
interface TypeFeatures {
  resources: boolean;
  luks: boolean;
  clevisByValue: boolean;
  optionalLinkTargetAndRaidLevel: boolean;
  kernelArguments: boolean;
  versionOmitempty: boolean;
  luksDiscardAndOpenOptions: boolean;
  tangAdvertisement: boolean;
  luksCex: boolean;
}

function featuresOf(version: AnyIgnition3Version): TypeFeatures {
  const minor = Number(version.split('.')[1]);
  return {
    resources: minor >= 1,
    luks: minor >= 2,
    clevisByValue: minor >= 3,
    optionalLinkTargetAndRaidLevel: minor >= 3,
    kernelArguments: minor >= 3,
    versionOmitempty: minor <= 3,
    luksDiscardAndOpenOptions: minor >= 4,
    tangAdvertisement: minor >= 4,
    luksCex: minor >= 5,
  };
}

/** Every named type of one spec version, by Go type name. */
export interface Ignition3Types {
  version: Ignition3Version;
  Config: StructType;
  Ignition: StructType;
  IgnitionConfig: StructType;
  Proxy: StructType;
  Security: StructType;
  TLS: StructType;
  Timeouts: StructType;
  Resource: StructType;
  HTTPHeader: StructType;
  Verification: StructType;
  KernelArguments: StructType;
  Passwd: StructType;
  PasswdUser: StructType;
  PasswdGroup: StructType;
  Storage: StructType;
  Disk: StructType;
  Partition: StructType;
  Raid: StructType;
  Filesystem: StructType;
  Luks: StructType;
  Clevis: StructType;
  ClevisCustom: StructType;
  Tang: StructType;
  /** 3.5.0 and later */
  Cex: StructType | null;
  Node: StructType;
  NodeUser: StructType;
  NodeGroup: StructType;
  File: StructType;
  FileEmbedded1: StructType;
  Directory: StructType;
  DirectoryEmbedded1: StructType;
  Link: StructType;
  LinkEmbedded1: StructType;
  Systemd: StructType;
  Unit: StructType;
  Dropin: StructType;
}

/** Go `type X string` names: Ignition gives some of them Validate methods. */
const Device = named('string', 'Device');
const FilesystemOption = named('string', 'FilesystemOption');
const Group = named('string', 'Group');
const KernelArgument = named('string', 'KernelArgument');
const LuksOption = named('string', 'LuksOption');
const MountOption = named('string', 'MountOption');
const NoProxyItem = named('string', 'NoProxyItem');
const OpenOption = named('string', 'OpenOption');
const RaidOption = named('string', 'RaidOption');
const SSHAuthorizedKey = named('string', 'SSHAuthorizedKey');

type Row = [string, string, GoType, string?];

/** Every struct type of a spec version by Go name (types a version lacks are absent). */
function build(version: AnyIgnition3Version): Record<string, StructType> {
  const f = featuresOf(version);
  const types: Record<string, StructType> = {};
  const def = (name: string, rows: Array<Row | false>): StructType => (types[name] = struct(name, rows.filter((r): r is Row => r !== false)));

  const Verification = def('Verification', [['Hash', 'hash', ptr(str), 'omitempty']]);
  // 3.1.0+: one Resource type for every fetched thing; 3.0.0 has three narrower ones
  let Resource: StructType;
  let ConfigReference: StructType;
  let CaReference: StructType;
  if (f.resources) {
    const HTTPHeader = def('HTTPHeader', [
      ['Name', 'name', str],
      ['Value', 'value', ptr(str), 'omitempty'],
    ]);
    // HTTPHeaders is a named slice type in Go ([]HTTPHeader)
    const HTTPHeaders = namedSlice(HTTPHeader, 'HTTPHeaders');
    Resource = def('Resource', [
      ['Compression', 'compression', ptr(str), 'omitempty'],
      ['HTTPHeaders', 'httpHeaders', HTTPHeaders, 'omitempty'],
      ['Source', 'source', ptr(str), 'omitempty'],
      ['Verification', 'verification', Verification, 'omitempty'],
    ]);
    ConfigReference = CaReference = Resource;
  } else {
    Resource = def('FileContents', [
      ['Compression', 'compression', ptr(str), 'omitempty'],
      ['Source', 'source', ptr(str), 'omitempty'],
      ['Verification', 'verification', Verification, 'omitempty'],
    ]);
    ConfigReference = def('ConfigReference', [
      ['Source', 'source', ptr(str)],
      ['Verification', 'verification', Verification, 'omitempty'],
    ]);
    CaReference = def('CaReference', [
      ['Source', 'source', str],
      ['Verification', 'verification', Verification, 'omitempty'],
    ]);
  }
  const IgnitionConfig = def('IgnitionConfig', [
    ['Merge', 'merge', slice(ConfigReference), 'omitempty'],
    ['Replace', 'replace', ConfigReference, 'omitempty'],
  ]);
  const Proxy = f.resources
    ? def('Proxy', [
        ['HTTPProxy', 'httpProxy', ptr(str), 'omitempty'],
        ['HTTPSProxy', 'httpsProxy', ptr(str), 'omitempty'],
        ['NoProxy', 'noProxy', slice(NoProxyItem), 'omitempty'],
      ])
    : null;
  const TLS = def('TLS', [['CertificateAuthorities', 'certificateAuthorities', slice(CaReference), 'omitempty']]);
  const Security = def('Security', [['TLS', 'tls', TLS, 'omitempty']]);
  const Timeouts = def('Timeouts', [
    ['HTTPResponseHeaders', 'httpResponseHeaders', ptr(int), 'omitempty'],
    ['HTTPTotal', 'httpTotal', ptr(int), 'omitempty'],
  ]);
  const Ignition = def('Ignition', [
    ['Config', 'config', IgnitionConfig, 'omitempty'],
    !!Proxy && ['Proxy', 'proxy', Proxy, 'omitempty'],
    ['Security', 'security', Security, 'omitempty'],
    ['Timeouts', 'timeouts', Timeouts, 'omitempty'],
    ['Version', 'version', str, f.versionOmitempty ? 'omitempty' : undefined],
  ]);

  const KernelArguments = f.kernelArguments
    ? def('KernelArguments', [
        ['ShouldExist', 'shouldExist', slice(KernelArgument), 'omitempty'],
        ['ShouldNotExist', 'shouldNotExist', slice(KernelArgument), 'omitempty'],
      ])
    : null;

  const PasswdGroup = def('PasswdGroup', [
    ['Gid', 'gid', ptr(int), 'omitempty'],
    ['Name', 'name', str],
    ['PasswordHash', 'passwordHash', ptr(str), 'omitempty'],
    f.luks && ['ShouldExist', 'shouldExist', ptr(bool), 'omitempty'],
    ['System', 'system', ptr(bool), 'omitempty'],
  ]);
  const PasswdUser = def('PasswdUser', [
    ['Gecos', 'gecos', ptr(str), 'omitempty'],
    ['Groups', 'groups', slice(Group), 'omitempty'],
    ['HomeDir', 'homeDir', ptr(str), 'omitempty'],
    ['Name', 'name', str],
    ['NoCreateHome', 'noCreateHome', ptr(bool), 'omitempty'],
    ['NoLogInit', 'noLogInit', ptr(bool), 'omitempty'],
    ['NoUserGroup', 'noUserGroup', ptr(bool), 'omitempty'],
    ['PasswordHash', 'passwordHash', ptr(str), 'omitempty'],
    ['PrimaryGroup', 'primaryGroup', ptr(str), 'omitempty'],
    ['SSHAuthorizedKeys', 'sshAuthorizedKeys', slice(SSHAuthorizedKey), 'omitempty'],
    ['Shell', 'shell', ptr(str), 'omitempty'],
    f.luks && ['ShouldExist', 'shouldExist', ptr(bool), 'omitempty'],
    ['System', 'system', ptr(bool), 'omitempty'],
    ['UID', 'uid', ptr(int), 'omitempty'],
  ]);
  const Passwd = def('Passwd', [
    ['Groups', 'groups', slice(PasswdGroup), 'omitempty'],
    ['Users', 'users', slice(PasswdUser), 'omitempty'],
  ]);

  const Partition = def('Partition', [
    ['GUID', 'guid', ptr(str), 'omitempty'],
    ['Label', 'label', ptr(str), 'omitempty'],
    ['Number', 'number', int, 'omitempty'],
    f.luks && ['Resize', 'resize', ptr(bool), 'omitempty'],
    ['ShouldExist', 'shouldExist', ptr(bool), 'omitempty'],
    ['SizeMiB', 'sizeMiB', ptr(int), 'omitempty'],
    ['StartMiB', 'startMiB', ptr(int), 'omitempty'],
    ['TypeGUID', 'typeGuid', ptr(str), 'omitempty'],
    ['WipePartitionEntry', 'wipePartitionEntry', ptr(bool), 'omitempty'],
  ]);
  const Disk = def('Disk', [
    ['Device', 'device', str],
    ['Partitions', 'partitions', slice(Partition), 'omitempty'],
    ['WipeTable', 'wipeTable', ptr(bool), 'omitempty'],
  ]);
  // up to 3.2.0 a raid array's level and devices are required by the schema
  const Raid = def('Raid', [
    f.optionalLinkTargetAndRaidLevel ? ['Devices', 'devices', slice(Device), 'omitempty'] : ['Devices', 'devices', slice(Device)],
    f.optionalLinkTargetAndRaidLevel ? ['Level', 'level', ptr(str), 'omitempty'] : ['Level', 'level', str],
    ['Name', 'name', str],
    ['Options', 'options', slice(RaidOption), 'omitempty'],
    ['Spares', 'spares', ptr(int), 'omitempty'],
  ]);
  const Filesystem = def('Filesystem', [
    ['Device', 'device', str],
    ['Format', 'format', ptr(str), 'omitempty'],
    ['Label', 'label', ptr(str), 'omitempty'],
    f.resources && ['MountOptions', 'mountOptions', slice(MountOption), 'omitempty'],
    ['Options', 'options', slice(FilesystemOption), 'omitempty'],
    ['Path', 'path', ptr(str), 'omitempty'],
    ['UUID', 'uuid', ptr(str), 'omitempty'],
    ['WipeFilesystem', 'wipeFilesystem', ptr(bool), 'omitempty'],
  ]);

  let Luks: StructType | null = null;
  if (f.luks) {
    const Tang = def('Tang', [
      f.tangAdvertisement && ['Advertisement', 'advertisement', ptr(str), 'omitempty'],
      ['Thumbprint', 'thumbprint', ptr(str), 'omitempty'],
      ['URL', 'url', str, 'omitempty'],
    ]);
    // 3.2.0 has the custom pin as a pointer to a struct with required fields
    const ClevisCustom = f.clevisByValue
      ? def('ClevisCustom', [
          ['Config', 'config', ptr(str), 'omitempty'],
          ['NeedsNetwork', 'needsNetwork', ptr(bool), 'omitempty'],
          ['Pin', 'pin', ptr(str), 'omitempty'],
        ])
      : def('Custom', [
          ['Config', 'config', str],
          ['NeedsNetwork', 'needsNetwork', ptr(bool), 'omitempty'],
          ['Pin', 'pin', str],
        ]);
    const Clevis = def('Clevis', [
      ['Custom', 'custom', f.clevisByValue ? ClevisCustom : ptr(ClevisCustom), 'omitempty'],
      ['Tang', 'tang', slice(Tang), 'omitempty'],
      ['Threshold', 'threshold', ptr(int), 'omitempty'],
      ['Tpm2', 'tpm2', ptr(bool), 'omitempty'],
    ]);
    const Cex = f.luksCex ? def('Cex', [['Enabled', 'enabled', ptr(bool), 'omitempty']]) : null;
    Luks = def('Luks', [
      !!Cex && ['Cex', 'cex', Cex, 'omitempty'],
      ['Clevis', 'clevis', f.clevisByValue ? Clevis : ptr(Clevis), 'omitempty'],
      ['Device', 'device', ptr(str), 'omitempty'],
      f.luksDiscardAndOpenOptions && ['Discard', 'discard', ptr(bool), 'omitempty'],
      ['KeyFile', 'keyFile', Resource, 'omitempty'],
      ['Label', 'label', ptr(str), 'omitempty'],
      ['Name', 'name', str],
      f.luksDiscardAndOpenOptions && ['OpenOptions', 'openOptions', slice(OpenOption), 'omitempty'],
      ['Options', 'options', slice(LuksOption), 'omitempty'],
      ['UUID', 'uuid', ptr(str), 'omitempty'],
      ['WipeVolume', 'wipeVolume', ptr(bool), 'omitempty'],
    ]);
  }

  const NodeGroup = def('NodeGroup', [
    ['ID', 'id', ptr(int), 'omitempty'],
    ['Name', 'name', ptr(str), 'omitempty'],
  ]);
  const NodeUser = def('NodeUser', [
    ['ID', 'id', ptr(int), 'omitempty'],
    ['Name', 'name', ptr(str), 'omitempty'],
  ]);
  const Node = def('Node', [
    ['Group', 'group', NodeGroup, 'omitempty'],
    ['Overwrite', 'overwrite', ptr(bool), 'omitempty'],
    ['Path', 'path', str],
    ['User', 'user', NodeUser, 'omitempty'],
  ]);
  const FileEmbedded1 = def('FileEmbedded1', [
    ['Append', 'append', slice(Resource), 'omitempty'],
    ['Contents', 'contents', Resource, 'omitempty'],
    ['Mode', 'mode', ptr(int), 'omitempty'],
  ]);
  const File = def('File', [
    ['Node', '', Node, 'embedded'],
    ['FileEmbedded1', '', FileEmbedded1, 'embedded'],
  ]);
  const DirectoryEmbedded1 = def('DirectoryEmbedded1', [['Mode', 'mode', ptr(int), 'omitempty']]);
  const Directory = def('Directory', [
    ['Node', '', Node, 'embedded'],
    ['DirectoryEmbedded1', '', DirectoryEmbedded1, 'embedded'],
  ]);
  const LinkEmbedded1 = def('LinkEmbedded1', [
    ['Hard', 'hard', ptr(bool), 'omitempty'],
    f.optionalLinkTargetAndRaidLevel ? ['Target', 'target', ptr(str), 'omitempty'] : ['Target', 'target', str],
  ]);
  const Link = def('Link', [
    ['Node', '', Node, 'embedded'],
    ['LinkEmbedded1', '', LinkEmbedded1, 'embedded'],
  ]);
  const Storage = def('Storage', [
    ['Directories', 'directories', slice(Directory), 'omitempty'],
    ['Disks', 'disks', slice(Disk), 'omitempty'],
    ['Files', 'files', slice(File), 'omitempty'],
    ['Filesystems', 'filesystems', slice(Filesystem), 'omitempty'],
    ['Links', 'links', slice(Link), 'omitempty'],
    !!Luks && ['Luks', 'luks', slice(Luks), 'omitempty'],
    ['Raid', 'raid', slice(Raid), 'omitempty'],
  ]);

  const Dropin = def('Dropin', [
    ['Contents', 'contents', ptr(str), 'omitempty'],
    ['Name', 'name', str],
  ]);
  const Unit = def('Unit', [
    ['Contents', 'contents', ptr(str), 'omitempty'],
    ['Dropins', 'dropins', slice(Dropin), 'omitempty'],
    ['Enabled', 'enabled', ptr(bool), 'omitempty'],
    ['Mask', 'mask', ptr(bool), 'omitempty'],
    ['Name', 'name', str],
  ]);
  const Systemd = def('Systemd', [['Units', 'units', slice(Unit), 'omitempty']]);

  def('Config', [
    ['Ignition', 'ignition', Ignition],
    !!KernelArguments && ['KernelArguments', 'kernelArguments', KernelArguments, 'omitempty'],
    ['Passwd', 'passwd', Passwd, 'omitempty'],
    ['Storage', 'storage', Storage, 'omitempty'],
    ['Systemd', 'systemd', Systemd, 'omitempty'],
  ]);
  return types;
}

const allCache = new Map<AnyIgnition3Version, Record<string, StructType>>();

/** Every struct type of any 3.x spec version by Go name (for schemas of .ign files). */
export function ign3AllTypes(version: AnyIgnition3Version): Readonly<Record<string, StructType>> {
  let t = allCache.get(version);
  if (!t) allCache.set(version, (t = build(version)));
  return t;
}

const cache = new Map<Ignition3Version, Ignition3Types>();

/** The type descriptors of one Ignition 3.x spec version (built once, then shared). */
export function ign3Types(version: Ignition3Version): Ignition3Types {
  let t = cache.get(version);
  if (!t) {
    const all = ign3AllTypes(version);
    t = { ...(all as unknown as Omit<Ignition3Types, 'version' | 'Cex'>), Cex: all.Cex ?? null, version };
    cache.set(version, t);
  }
  return t;
}

/** A config value: JS data keyed by Go field name (undefined stands for Go's zero value). */
export type Ign3Value = Record<string, any>;

/** The smallest config of a version: only `ignition.version` set, as butane starts from. */
export function newIgnition3Config(version: Ignition3Version): Ign3Value {
  return { Ignition: { Version: version } };
}
