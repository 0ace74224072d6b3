// butane's own messages (config/common/errors.go), word for word: they are part of its output.

export const ERR = {
  noVariant: 'error parsing variant; must be specified',
  invalidVersion: 'error parsing version; must be a valid semver',
  invalidSourceConfig: 'source config is invalid',
  invalidGeneratedConfig: 'config generated was invalid',
  rhcosRemoved: 'rhcos variant has been removed; use openshift variant instead: https://coreos.github.io/butane/upgrading-openshift/',
  tooManyResourceSources: 'only one of the following can be set: inline, local, source',
  filesDirEscape: 'local file path traverses outside the files directory',
  fileType: 'trees may only contain files, directories, and symlinks',
  nodeExists: 'matching filesystem node has existing contents or different type',
  noFilesDir: 'local file paths are relative to a files directory that must be specified with -d/--files-dir',
  treeNotDirectory: 'root of tree must be a directory',
  treeNoLocal: 'local is required',
  decimalMode: 'unreasonable mode would be reasonable if specified in octal; remember to add a leading zero',
  tooManySystemdSources: 'only one of the following can be set: contents, contents_local',
  quadletBadExtension: 'unsupported file extension for quadlet: must be one of .container, .volume, .network, .kube, .image, .build, .pod, or .artifact',
  templateInstanceContents: 'template instances cannot have contents or contents_local',
  mountUnitNoPath: 'path is required if with_mount_unit is true and format is not swap',
  mountUnitNoFormat: 'format is required if with_mount_unit is true',
  cexNotSupported: 'cex is not currently supported on the target platform',
  clevisSupport: 'clevis is not supported in this spec version',
  unknownIgnitionVersion: 'skipping validation for the merge/replace ignition config due to an unkown version',
} as const;

export const unknownTranslator = (variant: string, version: string): string => `No translator exists for variant ${variant} with version ${version}`;
export const unmarshalError = (detail: string): string => `Error unmarshaling yaml: ${detail}`;
