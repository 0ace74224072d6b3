// Ignition spec 2.3.0 as ct emits it: struct field order and json keys decide the byte-exact
// output; `omitempty` decides what is left out. Values are keyed by Go field name.

import { bool, int, named, ptr, slice, str, struct } from '../go/types.ts';
import type { GoType } from '../go/types.ts';

const Verification = struct('Verification', [['Hash', 'hash', ptr(str), 'omitempty']]);
const CaReference = struct('CaReference', [
  ['Source', 'source', str],
  ['Verification', 'verification', Verification, 'omitempty'],
]);
const ConfigReference = struct('ConfigReference', [
  ['Source', 'source', str],
  ['Verification', 'verification', Verification, 'omitempty'],
]);
const IgnitionConfig = struct('IgnitionConfig', [
  ['Append', 'append', slice(ConfigReference), 'omitempty'],
  ['Replace', 'replace', ptr(ConfigReference), 'omitempty'],
]);
const TLS = struct('TLS', [['CertificateAuthorities', 'certificateAuthorities', slice(CaReference), 'omitempty']]);
// TLS is embedded but tagged, so encoding/json writes it as a "tls" object while the
// validator still sees its fields as Security's own.
const Security = struct('Security', [['TLS', 'tls', TLS, 'omitempty,embedded']]);
const Timeouts = struct('Timeouts', [
  ['HTTPResponseHeaders', 'httpResponseHeaders', ptr(int), 'omitempty'],
  ['HTTPTotal', 'httpTotal', ptr(int), 'omitempty'],
]);
const Ignition = struct('Ignition', [
  ['Config', 'config', IgnitionConfig, 'omitempty'],
  ['Security', 'security', Security, 'omitempty'],
  ['Timeouts', 'timeouts', Timeouts, 'omitempty'],
  ['Version', 'version', str, 'omitempty'],
]);

const Partition = struct('Partition', [
  ['GUID', 'guid', str, 'omitempty'],
  ['Label', 'label', ptr(str), 'omitempty'],
  ['Number', 'number', int, 'omitempty'],
  ['ShouldExist', 'shouldExist', ptr(bool), 'omitempty'],
  ['Size', 'size', ptr(int), 'omitempty'],
  ['SizeMiB', 'sizeMiB', ptr(int), 'omitempty'],
  ['Start', 'start', ptr(int), 'omitempty'],
  ['StartMiB', 'startMiB', ptr(int), 'omitempty'],
  ['TypeGUID', 'typeGuid', str, 'omitempty'],
  ['WipePartitionEntry', 'wipePartitionEntry', bool, 'omitempty'],
]);
const Disk = struct('Disk', [
  ['Device', 'device', str],
  ['Partitions', 'partitions', slice(Partition), 'omitempty'],
  ['WipeTable', 'wipeTable', bool, 'omitempty'],
]);
const Raid = struct('Raid', [
  ['Devices', 'devices', slice(named('string', 'Device'))],
  ['Level', 'level', str],
  ['Name', 'name', str],
  ['Options', 'options', slice(named('string', 'RaidOption')), 'omitempty'],
  ['Spares', 'spares', int, 'omitempty'],
]);
const Create = struct('Create', [
  ['Force', 'force', bool, 'omitempty'],
  ['Options', 'options', slice(named('string', 'CreateOption')), 'omitempty'],
]);
const Mount = struct('Mount', [
  ['Create', 'create', ptr(Create), 'omitempty'],
  ['Device', 'device', str],
  ['Format', 'format', str],
  ['Label', 'label', ptr(str), 'omitempty'],
  ['Options', 'options', slice(named('string', 'MountOption')), 'omitempty'],
  ['UUID', 'uuid', ptr(str), 'omitempty'],
  ['WipeFilesystem', 'wipeFilesystem', bool, 'omitempty'],
]);
const Filesystem = struct('Filesystem', [
  ['Mount', 'mount', ptr(Mount), 'omitempty'],
  ['Name', 'name', str, 'omitempty'],
  ['Path', 'path', ptr(str), 'omitempty'],
]);
const NodeUser = struct('NodeUser', [
  ['ID', 'id', ptr(int), 'omitempty'],
  ['Name', 'name', str, 'omitempty'],
]);
const NodeGroup = struct('NodeGroup', [
  ['ID', 'id', ptr(int), 'omitempty'],
  ['Name', 'name', str, 'omitempty'],
]);
const Node = struct('Node', [
  ['Filesystem', 'filesystem', str],
  ['Group', 'group', ptr(NodeGroup), 'omitempty'],
  ['Overwrite', 'overwrite', ptr(bool), 'omitempty'],
  ['Path', 'path', str],
  ['User', 'user', ptr(NodeUser), 'omitempty'],
]);
const FileContents = struct('FileContents', [
  ['Compression', 'compression', str, 'omitempty'],
  ['Source', 'source', str, 'omitempty'],
  ['Verification', 'verification', Verification, 'omitempty'],
]);
const FileEmbedded1 = struct('FileEmbedded1', [
  ['Append', 'append', bool, 'omitempty'],
  ['Contents', 'contents', FileContents, 'omitempty'],
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
  ['Hard', 'hard', bool, 'omitempty'],
  ['Target', 'target', str],
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
  ['Raid', 'raid', slice(Raid), 'omitempty'],
]);

const SystemdDropin = struct('SystemdDropin', [
  ['Contents', 'contents', str, 'omitempty'],
  ['Name', 'name', str],
]);
const Unit = struct('Unit', [
  ['Contents', 'contents', str, 'omitempty'],
  ['Dropins', 'dropins', slice(SystemdDropin), 'omitempty'],
  ['Enable', 'enable', bool, 'omitempty'],
  ['Enabled', 'enabled', ptr(bool), 'omitempty'],
  ['Mask', 'mask', bool, 'omitempty'],
  ['Name', 'name', str],
]);
const Systemd = struct('Systemd', [['Units', 'units', slice(Unit), 'omitempty']]);
const NetworkdDropin = struct('NetworkdDropin', [
  ['Contents', 'contents', str, 'omitempty'],
  ['Name', 'name', str],
]);
const Networkdunit = struct('Networkdunit', [
  ['Contents', 'contents', str, 'omitempty'],
  ['Dropins', 'dropins', slice(NetworkdDropin), 'omitempty'],
  ['Name', 'name', str],
]);
const Networkd = struct('Networkd', [['Units', 'units', slice(Networkdunit), 'omitempty']]);

const Usercreate = struct('Usercreate', [
  ['Gecos', 'gecos', str, 'omitempty'],
  ['Groups', 'groups', slice(named('string', 'UsercreateGroup')), 'omitempty'],
  ['HomeDir', 'homeDir', str, 'omitempty'],
  ['NoCreateHome', 'noCreateHome', bool, 'omitempty'],
  ['NoLogInit', 'noLogInit', bool, 'omitempty'],
  ['NoUserGroup', 'noUserGroup', bool, 'omitempty'],
  ['PrimaryGroup', 'primaryGroup', str, 'omitempty'],
  ['Shell', 'shell', str, 'omitempty'],
  ['System', 'system', bool, 'omitempty'],
  ['UID', 'uid', ptr(int), 'omitempty'],
]);
const PasswdUser = struct('PasswdUser', [
  ['Create', 'create', ptr(Usercreate), 'omitempty'],
  ['Gecos', 'gecos', str, 'omitempty'],
  ['Groups', 'groups', slice(named('string', 'Group')), 'omitempty'],
  ['HomeDir', 'homeDir', str, 'omitempty'],
  ['Name', 'name', str],
  ['NoCreateHome', 'noCreateHome', bool, 'omitempty'],
  ['NoLogInit', 'noLogInit', bool, 'omitempty'],
  ['NoUserGroup', 'noUserGroup', bool, 'omitempty'],
  ['PasswordHash', 'passwordHash', ptr(str), 'omitempty'],
  ['PrimaryGroup', 'primaryGroup', str, 'omitempty'],
  ['SSHAuthorizedKeys', 'sshAuthorizedKeys', slice(named('string', 'SSHAuthorizedKey')), 'omitempty'],
  ['Shell', 'shell', str, 'omitempty'],
  ['System', 'system', bool, 'omitempty'],
  ['UID', 'uid', ptr(int), 'omitempty'],
]);
const PasswdGroup = struct('PasswdGroup', [
  ['Gid', 'gid', ptr(int), 'omitempty'],
  ['Name', 'name', str],
  ['PasswordHash', 'passwordHash', str, 'omitempty'],
  ['System', 'system', bool, 'omitempty'],
]);
const Passwd = struct('Passwd', [
  ['Groups', 'groups', slice(PasswdGroup), 'omitempty'],
  ['Users', 'users', slice(PasswdUser), 'omitempty'],
]);

export const IgnConfig = struct('Config', [
  ['Ignition', 'ignition', Ignition],
  ['Networkd', 'networkd', Networkd, 'omitempty'],
  ['Passwd', 'passwd', Passwd, 'omitempty'],
  ['Storage', 'storage', Storage, 'omitempty'],
  ['Systemd', 'systemd', Systemd, 'omitempty'],
]);

export const ignTypes = {
  Config: IgnConfig, Ignition, IgnitionConfig, ConfigReference, Security, TLS, CaReference, Timeouts, Verification,
  Storage, Disk, Partition, Raid, Filesystem, Mount, Create, Node, NodeUser, NodeGroup, File, FileEmbedded1,
  FileContents, Directory, DirectoryEmbedded1, Link, LinkEmbedded1, Systemd, Unit, SystemdDropin, Networkd,
  Networkdunit, NetworkdDropin, Passwd, PasswdUser, PasswdGroup, Usercreate,
};

// --- the value shapes converters build (keyed by Go field name) --------------------------------

export type IgnValue = Record<string, any>;

/** A fresh Ignition config with ct's starting point (version set, everything else empty). */
export function newIgnitionConfig(): IgnValue {
  return {
    Ignition: {
      Config: { Append: null, Replace: null },
      Security: { CertificateAuthorities: null },
      Timeouts: { HTTPResponseHeaders: null, HTTPTotal: null },
      Version: '2.3.0',
    },
    Networkd: { Units: null },
    Passwd: { Groups: null, Users: null },
    Storage: { Directories: null, Disks: null, Files: null, Filesystems: null, Links: null, Raid: null },
    Systemd: { Units: null },
  };
}

// --- encoding/json ------------------------------------------------------------------------------

import type { JsonWriter } from '../go/json.ts';
import { writeTyped } from '../go/typed-json.ts';

/** Writes a typed value the way encoding/json lays it out (field order, omitempty, nil as null). */
export function writeJson(w: JsonWriter, value: unknown, t: GoType): void {
  writeTyped(w, value, t, ENCODING_JSON);
}

/** ct marshals with the standard encoding/json: a struct is never empty for omitempty. */
const ENCODING_JSON = { omitEmptyStructs: false };
