// The Ignition 3.x config types (spec 3.3.0 through 3.7.0-experimental) as Go-compat type
// descriptors: Go field names, json keys, Go field order and `omitempty` exactly as Ignition's
// generated schema structs declare them, because that order and those flags decide the bytes
// butane prints. Values of these types are plain JS objects keyed by Go field name (see
// src/core/go/types.ts); embedded structs (File = Node + FileEmbedded1) share one object.
//
// The spec versions differ only a little in their types:
//   3.3.0  `ignition.version` is omitempty
//   3.4.0  + luks.discard, luks.openOptions, tang.advertisement; version always written
//   3.5.0  + luks.cex (3.6.0 and 3.7.0-experimental have the same types as 3.5.0)

import { bool, int, named, namedSlice, ptr, slice, str, struct } from '../../go/types.ts';
import type { GoType, StructType } from '../../go/types.ts';

/** The Ignition 3.x spec versions whose types are described here. */
export const IGNITION3_VERSIONS = ['3.3.0', '3.4.0', '3.5.0', '3.6.0', '3.7.0-experimental'] as const;
export type Ignition3Version = (typeof IGNITION3_VERSIONS)[number];

export function isIgnition3Version(v: string): v is Ignition3Version {
  return (IGNITION3_VERSIONS as readonly string[]).includes(v);
}

/** The spec features that change the types; everything else is common to all versions. */
interface TypeFeatures {
  versionOmitempty: boolean;
  luksDiscardAndOpenOptions: boolean;
  tangAdvertisement: boolean;
  luksCex: boolean;
}

function featuresOf(version: Ignition3Version): TypeFeatures {
  const minor = Number(version.split('.')[1]);
  return {
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

function build(version: Ignition3Version): Ignition3Types {
  const f = featuresOf(version);

  const Verification = struct('Verification', [['Hash', 'hash', ptr(str), 'omitempty']]);
  const HTTPHeader = struct('HTTPHeader', [
    ['Name', 'name', str],
    ['Value', 'value', ptr(str), 'omitempty'],
  ]);
  // HTTPHeaders is a named slice type in Go ([]HTTPHeader with its own Validate)
  const HTTPHeaders = namedSlice(HTTPHeader, 'HTTPHeaders');
  const Resource = struct('Resource', [
    ['Compression', 'compression', ptr(str), 'omitempty'],
    ['HTTPHeaders', 'httpHeaders', HTTPHeaders, 'omitempty'],
    ['Source', 'source', ptr(str), 'omitempty'],
    ['Verification', 'verification', Verification, 'omitempty'],
  ]);
  const IgnitionConfig = struct('IgnitionConfig', [
    ['Merge', 'merge', slice(Resource), 'omitempty'],
    ['Replace', 'replace', Resource, 'omitempty'],
  ]);
  const Proxy = struct('Proxy', [
    ['HTTPProxy', 'httpProxy', ptr(str), 'omitempty'],
    ['HTTPSProxy', 'httpsProxy', ptr(str), 'omitempty'],
    ['NoProxy', 'noProxy', slice(NoProxyItem), 'omitempty'],
  ]);
  const TLS = struct('TLS', [['CertificateAuthorities', 'certificateAuthorities', slice(Resource), 'omitempty']]);
  const Security = struct('Security', [['TLS', 'tls', TLS, 'omitempty']]);
  const Timeouts = struct('Timeouts', [
    ['HTTPResponseHeaders', 'httpResponseHeaders', ptr(int), 'omitempty'],
    ['HTTPTotal', 'httpTotal', ptr(int), 'omitempty'],
  ]);
  const Ignition = struct('Ignition', [
    ['Config', 'config', IgnitionConfig, 'omitempty'],
    ['Proxy', 'proxy', Proxy, 'omitempty'],
    ['Security', 'security', Security, 'omitempty'],
    ['Timeouts', 'timeouts', Timeouts, 'omitempty'],
    ['Version', 'version', str, f.versionOmitempty ? 'omitempty' : undefined],
  ]);

  const KernelArguments = struct('KernelArguments', [
    ['ShouldExist', 'shouldExist', slice(KernelArgument), 'omitempty'],
    ['ShouldNotExist', 'shouldNotExist', slice(KernelArgument), 'omitempty'],
  ]);

  const PasswdGroup = struct('PasswdGroup', [
    ['Gid', 'gid', ptr(int), 'omitempty'],
    ['Name', 'name', str],
    ['PasswordHash', 'passwordHash', ptr(str), 'omitempty'],
    ['ShouldExist', 'shouldExist', ptr(bool), 'omitempty'],
    ['System', 'system', ptr(bool), 'omitempty'],
  ]);
  const PasswdUser = struct('PasswdUser', [
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
    ['ShouldExist', 'shouldExist', ptr(bool), 'omitempty'],
    ['System', 'system', ptr(bool), 'omitempty'],
    ['UID', 'uid', ptr(int), 'omitempty'],
  ]);
  const Passwd = struct('Passwd', [
    ['Groups', 'groups', slice(PasswdGroup), 'omitempty'],
    ['Users', 'users', slice(PasswdUser), 'omitempty'],
  ]);

  const Partition = struct('Partition', [
    ['GUID', 'guid', ptr(str), 'omitempty'],
    ['Label', 'label', ptr(str), 'omitempty'],
    ['Number', 'number', int, 'omitempty'],
    ['Resize', 'resize', ptr(bool), 'omitempty'],
    ['ShouldExist', 'shouldExist', ptr(bool), 'omitempty'],
    ['SizeMiB', 'sizeMiB', ptr(int), 'omitempty'],
    ['StartMiB', 'startMiB', ptr(int), 'omitempty'],
    ['TypeGUID', 'typeGuid', ptr(str), 'omitempty'],
    ['WipePartitionEntry', 'wipePartitionEntry', ptr(bool), 'omitempty'],
  ]);
  const Disk = struct('Disk', [
    ['Device', 'device', str],
    ['Partitions', 'partitions', slice(Partition), 'omitempty'],
    ['WipeTable', 'wipeTable', ptr(bool), 'omitempty'],
  ]);
  const Raid = struct('Raid', [
    ['Devices', 'devices', slice(Device), 'omitempty'],
    ['Level', 'level', ptr(str), 'omitempty'],
    ['Name', 'name', str],
    ['Options', 'options', slice(RaidOption), 'omitempty'],
    ['Spares', 'spares', ptr(int), 'omitempty'],
  ]);
  const Filesystem = struct('Filesystem', [
    ['Device', 'device', str],
    ['Format', 'format', ptr(str), 'omitempty'],
    ['Label', 'label', ptr(str), 'omitempty'],
    ['MountOptions', 'mountOptions', slice(MountOption), 'omitempty'],
    ['Options', 'options', slice(FilesystemOption), 'omitempty'],
    ['Path', 'path', ptr(str), 'omitempty'],
    ['UUID', 'uuid', ptr(str), 'omitempty'],
    ['WipeFilesystem', 'wipeFilesystem', ptr(bool), 'omitempty'],
  ]);

  const Tang = struct('Tang', [
    ...(f.tangAdvertisement ? ([['Advertisement', 'advertisement', ptr(str), 'omitempty']] as const) : []),
    ['Thumbprint', 'thumbprint', ptr(str), 'omitempty'],
    ['URL', 'url', str, 'omitempty'],
  ] as Array<[string, string, GoType, string?]>);
  const ClevisCustom = struct('ClevisCustom', [
    ['Config', 'config', ptr(str), 'omitempty'],
    ['NeedsNetwork', 'needsNetwork', ptr(bool), 'omitempty'],
    ['Pin', 'pin', ptr(str), 'omitempty'],
  ]);
  const Clevis = struct('Clevis', [
    ['Custom', 'custom', ClevisCustom, 'omitempty'],
    ['Tang', 'tang', slice(Tang), 'omitempty'],
    ['Threshold', 'threshold', ptr(int), 'omitempty'],
    ['Tpm2', 'tpm2', ptr(bool), 'omitempty'],
  ]);
  const Cex = f.luksCex ? struct('Cex', [['Enabled', 'enabled', ptr(bool), 'omitempty']]) : null;
  const luksRows: Array<[string, string, GoType, string?]> = [];
  if (Cex) luksRows.push(['Cex', 'cex', Cex, 'omitempty']);
  luksRows.push(['Clevis', 'clevis', Clevis, 'omitempty'], ['Device', 'device', ptr(str), 'omitempty']);
  if (f.luksDiscardAndOpenOptions) luksRows.push(['Discard', 'discard', ptr(bool), 'omitempty']);
  luksRows.push(['KeyFile', 'keyFile', Resource, 'omitempty'], ['Label', 'label', ptr(str), 'omitempty'], ['Name', 'name', str]);
  if (f.luksDiscardAndOpenOptions) luksRows.push(['OpenOptions', 'openOptions', slice(OpenOption), 'omitempty']);
  luksRows.push(
    ['Options', 'options', slice(LuksOption), 'omitempty'],
    ['UUID', 'uuid', ptr(str), 'omitempty'],
    ['WipeVolume', 'wipeVolume', ptr(bool), 'omitempty'],
  );
  const Luks = struct('Luks', luksRows);

  const NodeGroup = struct('NodeGroup', [
    ['ID', 'id', ptr(int), 'omitempty'],
    ['Name', 'name', ptr(str), 'omitempty'],
  ]);
  const NodeUser = struct('NodeUser', [
    ['ID', 'id', ptr(int), 'omitempty'],
    ['Name', 'name', ptr(str), 'omitempty'],
  ]);
  const Node = struct('Node', [
    ['Group', 'group', NodeGroup, 'omitempty'],
    ['Overwrite', 'overwrite', ptr(bool), 'omitempty'],
    ['Path', 'path', str],
    ['User', 'user', NodeUser, 'omitempty'],
  ]);
  const FileEmbedded1 = struct('FileEmbedded1', [
    ['Append', 'append', slice(Resource), 'omitempty'],
    ['Contents', 'contents', Resource, 'omitempty'],
    ['Mode', 'mode', ptr(int), 'omitempty'],
  ]);
  const File = struct('File', [
    ['Node', '', Node, 'embedded'],
    ['FileEmbedded1', '', FileEmbedded1, 'embedded'],
  ]);
  const DirectoryEmbedded1 = struct('DirectoryEmbedded1', [['Mode', 'mode', ptr(int), 'omitempty']]);
  const Directory = struct('Directory', [
    ['Node', '', Node, 'embedded'],
    ['DirectoryEmbedded1', '', DirectoryEmbedded1, 'embedded'],
  ]);
  const LinkEmbedded1 = struct('LinkEmbedded1', [
    ['Hard', 'hard', ptr(bool), 'omitempty'],
    ['Target', 'target', ptr(str), 'omitempty'],
  ]);
  const Link = struct('Link', [
    ['Node', '', Node, 'embedded'],
    ['LinkEmbedded1', '', LinkEmbedded1, 'embedded'],
  ]);
  const Storage = struct('Storage', [
    ['Directories', 'directories', slice(Directory), 'omitempty'],
    ['Disks', 'disks', slice(Disk), 'omitempty'],
    ['Files', 'files', slice(File), 'omitempty'],
    ['Filesystems', 'filesystems', slice(Filesystem), 'omitempty'],
    ['Links', 'links', slice(Link), 'omitempty'],
    ['Luks', 'luks', slice(Luks), 'omitempty'],
    ['Raid', 'raid', slice(Raid), 'omitempty'],
  ]);

  const Dropin = struct('Dropin', [
    ['Contents', 'contents', ptr(str), 'omitempty'],
    ['Name', 'name', str],
  ]);
  const Unit = struct('Unit', [
    ['Contents', 'contents', ptr(str), 'omitempty'],
    ['Dropins', 'dropins', slice(Dropin), 'omitempty'],
    ['Enabled', 'enabled', ptr(bool), 'omitempty'],
    ['Mask', 'mask', ptr(bool), 'omitempty'],
    ['Name', 'name', str],
  ]);
  const Systemd = struct('Systemd', [['Units', 'units', slice(Unit), 'omitempty']]);

  const Config = struct('Config', [
    ['Ignition', 'ignition', Ignition],
    ['KernelArguments', 'kernelArguments', KernelArguments, 'omitempty'],
    ['Passwd', 'passwd', Passwd, 'omitempty'],
    ['Storage', 'storage', Storage, 'omitempty'],
    ['Systemd', 'systemd', Systemd, 'omitempty'],
  ]);

  return {
    version, Config, Ignition, IgnitionConfig, Proxy, Security, TLS, Timeouts, Resource, HTTPHeader, Verification,
    KernelArguments, Passwd, PasswdUser, PasswdGroup, Storage, Disk, Partition, Raid, Filesystem, Luks, Clevis,
    ClevisCustom, Tang, Cex, Node, NodeUser, NodeGroup, File, FileEmbedded1, Directory, DirectoryEmbedded1, Link,
    LinkEmbedded1, Systemd, Unit, Dropin,
  };
}

const cache = new Map<Ignition3Version, Ignition3Types>();

/** The type descriptors of one Ignition 3.x spec version (built once, then shared). */
export function ign3Types(version: Ignition3Version): Ignition3Types {
  let t = cache.get(version);
  if (!t) cache.set(version, (t = build(version)));
  return t;
}

/** A config value: JS data keyed by Go field name (undefined stands for Go's zero value). */
export type Ign3Value = Record<string, any>;

/** The smallest config of a version: only `ignition.version` set, as butane starts from. */
export function newIgnition3Config(version: Ignition3Version): Ign3Value {
  return { Ignition: { Version: version } };
}
