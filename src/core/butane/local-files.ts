// What butane reads from --files-dir, behind an interface so the core stays free of file
// system access: the CLI gives a confined reader (src/cli/butane-files.ts), the editor its own.
// Errors are the text butane prints (Go's os errors, or butane's own refusals).

export type ReadResult = { ok: true; data: Uint8Array } | { ok: false; error: string };

/** One entry of a tree walk (filepath.Walk order: lexical, a directory before its contents). */
export interface TreeEntry {
  /** slash-separated path relative to the tree root ("." for the root itself) */
  rel: string;
  kind: 'dir' | 'file' | 'symlink' | 'other';
  /** any execute bit set (files) */
  executable?: boolean;
  /** file contents, or the reason they could not be read */
  read?: () => ReadResult;
  /** symlink target as stored */
  target?: string;
  /** an error met at this entry (reported, the walk goes on) */
  error?: string;
}

export interface LocalFiles {
  /** the --files-dir text as given (paths in messages start with it) */
  readonly dir: string;
  /** butane's ReadLocalFile: a file under the files dir */
  read(configPath: string): ReadResult;
  /** The tree under `local`: an error (escape, missing, not a directory) or its entries. */
  tree(local: string): { ok: false; error: string } | { ok: true; entries: TreeEntry[] };
}
