// Converts the files, directories and links of a Container Linux Config to Ignition: default
// modes and filesystem, owners, and file contents from inline text, a local file below
// --files-dir, or a remote URL (with compression and verification).
import { isMap } from 'yaml';
import type { Node as YNode } from 'yaml';
import type { ConvertContext } from './context.ts';
import { childAt, spanOf } from './context.ts';
import { inlineDataUrl } from '../go/dataurl.ts';
import { parseUrl } from '../go/url.ts';
import { clean, join } from '../go/path.ts';
import { keyText } from '../go/decode.ts';
import type { IgnValue } from '../ignition/types.ts';
import { DEFAULT_DIR_MODE, DEFAULT_FILE_MODE } from '../clc/checks/storage.ts';

export const MSG_NO_FILES_DIR = 'local files require setting the --files-dir flag to the directory that contains the file';

/** Our refusal of a `local` path that leads out of --files-dir (ct would read it). */
export function outsideFilesDirMessage(local: string): string {
  return `local file "${local}" is outside the files directory; only files inside --files-dir can be embedded`;
}

/** true when joining `local` to the files directory lexically stays inside it */
export function staysInside(local: string): boolean {
  const c = clean(local);
  return c !== '..' && !c.startsWith('../');
}

function owner(v: { Id: number | null; Name: string } | null): IgnValue | null {
  return v ? { ID: v.Id, Name: v.Name } : null;
}

/** ct's convertVerification: a hash only when both function and sum are given. */
export function convertVerification(v: { Hash: { Function: string; Sum: string } }): IgnValue {
  if (v.Hash.Function === '' || v.Hash.Sum === '') return { Hash: null };
  return { Hash: `${v.Hash.Function}-${v.Hash.Sum}` };
}

/** The mapping value of `key` compared as ct's ChangeKey does: the raw key text. */
function rawChild(map: YNode, key: string): YNode | null {
  if (!isMap(map)) return null;
  for (const p of map.items) {
    const k = p.key as YNode | null;
    if (k && keyText(k) === key) return (p.value as YNode | null) ?? null;
  }
  return null;
}

/** An error at a node's value, or without a position (ct prints none) when there is no node. */
function errorAt(ctx: ConvertContext, message: string, code: string, node: YNode | null, near: YNode | null): void {
  if (node) ctx.report.add('error', message, spanOf(node), code);
  else ctx.report.push({ severity: 'error', message, span: spanOf(near ?? ctx.root), code, unpositioned: true });
}

export function convert(ctx: ConvertContext): void {
  convertFiles(ctx);
  convertDirectories(ctx);
  convertLinks(ctx);
}

function convertFiles(ctx: ConvertContext): void {
  const files: any[] = ctx.in.Storage.Files ?? [];
  const filesNode = childAt(ctx.root, 'storage', 'files');
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    // ct positions by the index in the decoded list, which is also how the items are matched later
    const fileNode = childAt(filesNode, i);
    const contents = file.Contents;
    const newFile: IgnValue = {
      Filesystem: file.Filesystem === '' ? 'root' : file.Filesystem,
      Group: owner(file.Group),
      Overwrite: file.Overwrite,
      Path: file.Path,
      User: owner(file.User),
      Append: file.Append,
      Contents: { Compression: '', Source: '', Verification: { Hash: null } },
      Mode: file.Mode ?? DEFAULT_FILE_MODE,
    };
    let source = '';

    // (a !!binary value may arrive as bytes)
    if (contents.Inline !== '' && contents.Inline?.length !== 0) source = inlineDataUrl(contents.Inline);

    if (contents.Local !== '') {
      const local: string = contents.Local;
      const localNode = childAt(fileNode, 'contents', 'local');
      const filesDir = ctx.options.filesDir ?? '';
      if (filesDir === '') {
        errorAt(ctx, MSG_NO_FILES_DIR, 'local-file-no-files-dir', localNode, fileNode);
        continue;
      }
      if (!staysInside(local)) {
        errorAt(ctx, outsideFilesDirMessage(local), 'local-file-outside', localNode, fileNode);
        continue;
      }
      // the reader joins the path to the files directory; cleaning first keeps Go's path.Join
      // result (no trailing slash) in its messages
      const read = ctx.options.readFile
        ? ctx.options.readFile(clean(local))
        : { ok: false as const, error: `open ${join(filesDir, local)}: local files cannot be read here` };
      if (!read.ok) {
        errorAt(ctx, read.error, 'local-file-read', localNode, fileNode);
        continue;
      }
      source = inlineDataUrl(read.data);
    }

    if (contents.Remote.Url !== '') {
      const u = parseUrl(contents.Remote.Url);
      if (!u.ok) {
        errorAt(ctx, u.error, 'remote-url-parse', childAt(fileNode, 'contents', 'remote', 'url'), fileNode);
        continue;
      }
      // ct rewires the YAML tree so Ignition's checks of `contents` and `source` land on the
      // `remote` block and its `url`
      const remoteNode = childAt(fileNode, 'contents', 'remote');
      if (fileNode && isMap(fileNode) && remoteNode && rawChild(fileNode, 'contents')) {
        setOverride(ctx, fileNode, 'contents', remoteNode);
        const urlNode = childAt(remoteNode, 'url');
        if (urlNode && rawChild(remoteNode, 'url')) setOverride(ctx, remoteNode, 'source', urlNode);
      }
      source = u.string;
    }

    newFile.Contents = {
      Compression: contents.Remote.Compression,
      Source: source === '' ? 'data:,' : source,
      Verification: convertVerification(contents.Remote.Verification),
    };
    (ctx.out.Storage.Files ??= []).push(newFile);
  }
}

function setOverride(ctx: ConvertContext, map: YNode, key: string, value: YNode): void {
  let m = ctx.keyOverrides.get(map);
  if (!m) ctx.keyOverrides.set(map, (m = new Map()));
  m.set(key, value);
}

function convertDirectories(ctx: ConvertContext): void {
  for (const dir of ctx.in.Storage.Directories ?? []) {
    (ctx.out.Storage.Directories ??= []).push({
      Filesystem: dir.Filesystem === '' ? 'root' : dir.Filesystem,
      Group: owner(dir.Group),
      Overwrite: dir.Overwrite,
      Path: dir.Path,
      User: owner(dir.User),
      Mode: dir.Mode ?? DEFAULT_DIR_MODE,
    });
  }
}

function convertLinks(ctx: ConvertContext): void {
  for (const link of ctx.in.Storage.Links ?? []) {
    (ctx.out.Storage.Links ??= []).push({
      Filesystem: link.Filesystem === '' ? 'root' : link.Filesystem,
      Group: owner(link.Group),
      Overwrite: link.Overwrite,
      Path: link.Path,
      User: owner(link.User),
      Hard: link.Hard,
      Target: link.Target,
    });
  }
}
