// Files, directories and links that get in each other's way at boot. ct passes them through, but
// Ignition 2.3 (its files stage) works through each filesystem in a fixed order, and the order
// decides what happens to two entries with one path, or to an entry below a file or a link:
//   1. directories, the shallower first (otherwise in config order),
//   2. files, in config order,
//   3. links, in config order.
// Before creating an entry, Ignition deletes whatever is at its path only when `overwrite` is true;
// a file with `overwrite` unset and no `append` deletes it too (a file's default). Otherwise a
// directory merges into an existing directory (its mode and owner are applied again), a file with
// `append` adds to an existing file, and anything else that finds the path taken fails the boot.

import { isScalar } from 'yaml';
import type { Node as YNode } from 'yaml';
import type { Diagnostic } from '../report.ts';
import type { ParsedYaml } from '../yaml/parse.ts';
import { nodeSpan } from '../yaml/parse.ts';
import { resolveScalar } from '../yaml/resolve.ts';
import { clean, dir } from '../go/path.ts';
import { itemsOf, scalarString, valueOf } from './ast.ts';

export const STORAGE_PATH_CODES = {
  samePath: 'same-path',
  parentNotDirectory: 'parent-not-directory',
} as const;

type Kind = 'directory' | 'file' | 'link';

interface Entry {
  kind: Kind;
  /** the path as Ignition joins it: cleaned */
  path: string;
  filesystem: string;
  /** the `path` value node (where a problem is shown) */
  node: YNode;
  overwrite: boolean | undefined;
  append: boolean;
  /** position in Ignition's creation order */
  order: number;
  line: number;
}

const LIST: Record<Kind, string> = { directory: 'directories', file: 'files', link: 'links' };

export function storagePathProblems(yaml: ParsedYaml): Diagnostic[] {
  const entries = creationOrder(yaml);
  const out: Diagnostic[] = [];
  const byPath = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = `${e.filesystem}\0${e.path}`;
    const same = byPath.get(key);
    if (same) same.push(e);
    else byPath.set(key, [e]);
  }
  for (const group of byPath.values()) {
    for (let i = 1; i < group.length; i++) {
      const message = samePathOutcome(group[i - 1], group[i]);
      if (message) out.push(problem(message, group[i], STORAGE_PATH_CODES.samePath));
    }
  }
  for (const e of entries) {
    for (let p = dir(e.path); p !== '/' && p !== '.'; p = dir(p)) {
      const parent = (byPath.get(`${e.filesystem}\0${p}`) ?? []).find((x) => x.kind !== 'directory');
      if (!parent) continue;
      out.push(problem(parentOutcome(parent, e), e, STORAGE_PATH_CODES.parentNotDirectory));
      break;
    }
  }
  return out;
}

function problem(message: string, e: Entry, code: string): Diagnostic {
  return { severity: 'warning', message, span: nodeSpan(e.node), code, hint: true };
}

/** The config's entries with a usable absolute path, in the order Ignition 2.3 creates them. */
function creationOrder(yaml: ParsedYaml): Entry[] {
  const storage = valueOf(yaml.root, 'storage');
  const read = (kind: Kind): Entry[] => {
    const out: Entry[] = [];
    for (const item of itemsOf(valueOf(storage, LIST[kind]))) {
      const node = valueOf(item, 'path');
      const raw = node && isScalar(node) ? scalarString(node) : undefined;
      if (!node || raw === undefined || !raw.startsWith('/')) continue;
      const start = nodeSpan(node)?.start ?? 0;
      out.push({
        kind,
        path: clean(raw),
        filesystem: scalarString(valueOf(item, 'filesystem')) || 'root',
        node,
        overwrite: boolOf(valueOf(item, 'overwrite')),
        append: boolOf(valueOf(item, 'append')) === true,
        order: 0,
        line: yaml.lines.position(start).line + 1,
      });
    }
    return out;
  };
  const depth = (p: string) => (p === '/' ? 0 : p.split('/').length - 1);
  // a stable sort: equally deep directories keep their config order
  const dirs = read('directory')
    .map((e, i) => ({ e, i }))
    .sort((a, b) => depth(a.e.path) - depth(b.e.path) || a.i - b.i)
    .map((x) => x.e);
  const all = [...dirs, ...read('file'), ...read('link')];
  all.forEach((e, i) => (e.order = i));
  return all;
}

function boolOf(n: YNode | null): boolean | undefined {
  if (!n || !isScalar(n)) return undefined;
  const r = resolveScalar(n);
  return !('error' in r) && r.tag === '!!bool' ? (r.value as boolean) : undefined;
}

const what = (e: Entry) => `${e.kind === 'directory' ? 'a directory' : e.kind === 'file' ? 'a file' : 'a link'} (storage.${LIST[e.kind]}, line ${e.line})`;

/**
 * What Ignition 2.3 does when `later` comes to a path `earlier` already created, as the message
 * shown on `later`; null when that is meant (a file appending to an earlier file).
 */
function samePathOutcome(earlier: Entry, later: Entry): string | null {
  const head = `${later.path} is also ${what(earlier)} on filesystem ${later.filesystem}: Ignition 2.3 creates`;
  const order = earlier.kind === later.kind ? `${LIST[later.kind]} in order` : `${LIST[earlier.kind]} before ${LIST[later.kind]}`;
  if (later.kind === 'directory') {
    return later.overwrite
      ? `${head} ${order}, and this one (overwrite: true) deletes the earlier directory and all it holds`
      : `${head} ${order}; the directory is made once and this entry's mode and owner win`;
  }
  if (later.kind === 'file') {
    if (later.overwrite === true || (later.overwrite === undefined && !later.append)) return `${head} ${order}, and this file replaces the earlier ${earlier.kind}`;
    if (later.append) return earlier.kind === 'file' ? null : `${head} ${order}, and appending to ${earlier.kind === 'directory' ? 'a directory' : 'a link'} fails at boot`;
    return `${head} ${order}, and with overwrite: false this file fails at boot because the path is taken`;
  }
  return later.overwrite
    ? `${head} ${order}, and this link (overwrite: true) replaces the earlier ${earlier.kind}`
    : `${head} ${order}, and this link fails at boot because the path is taken (overwrite: true would replace it)`;
}

function parentOutcome(parent: Entry, e: Entry): string {
  const head = `${e.path} lies below ${parent.path}, which is ${what(parent)}`;
  if (parent.kind === 'file') {
    return parent.order < e.order
      ? `${head}: Ignition 2.3 writes that file first and then cannot create ${e.path} inside it; the boot fails`
      : `${head}: Ignition 2.3 creates this ${e.kind} first, then replaces its parent directory with the file, deleting this ${e.kind}`;
  }
  if (parent.order < e.order) return `${head}: Ignition 2.3 creates that link first, so this link is made through it, inside the link's target`;
  return parent.overwrite
    ? `${head}: Ignition 2.3 creates links last, so that link replaces the directory holding this ${e.kind}`
    : `${head}: Ignition 2.3 creates links last and finds a directory there, so the link fails at boot`;
}
