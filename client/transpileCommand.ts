// "Transpile to Ignition" and "Transpile to Ignition As...": asks the server for the Ignition JSON of
// a config and writes it where clc.transpile.output (or the save dialog) says.
//
// Safety rules: nothing is written while the config has errors (or warnings with clc.strict); a
// file that is open with unsaved changes is only replaced after the user says yes; the write is
// atomic; the config itself and YAML files are never targets of the setting.

import * as vscode from 'vscode';
import * as path from 'node:path';
import { LANGUAGE_ID, isConfigLanguage, type TranspileProblem, type TranspileResponse } from '../src/shared/protocol.ts';
import type { ClcServer } from './languageClient.ts';
import { readSettings } from './languageClient.ts';
import { computeOutputPath } from './outputPath.ts';
import type { ClientHost } from './host.ts';

export type TranspileOutcome =
  | { kind: 'written'; target: vscode.Uri; warnings: number }
  | { kind: 'blocked'; problems: TranspileProblem[]; message: string }
  | { kind: 'cancelled'; reason: string }
  | { kind: 'failed'; message: string };

/** The questions and notices of the command; integration tests replace them to run unattended. */
export interface TranspileUi {
  /** the target is open with unsaved changes: may it be replaced? */
  confirmOverwriteDirty(target: vscode.Uri): Thenable<boolean>;
  /** the config has blocking problems */
  showBlocked(message: string): Thenable<void>;
  showFailed(message: string): Thenable<void>;
  showWritten(target: vscode.Uri, warnings: number): Thenable<void>;
  /** "Transpile As...": where to write (undefined when the user cancels) */
  pickTarget(defaultUri: vscode.Uri): Thenable<vscode.Uri | undefined>;
}

export interface TranspileOptions {
  /** write here instead of the place clc.transpile.output gives */
  target?: vscode.Uri;
  /** ask for the target with a save dialog */
  saveAs?: boolean;
  ui?: Partial<TranspileUi>;
}

// (a browser has no `process`; its file systems are told apart by URI, never by a local path)
const platform = typeof process === 'object' ? process.platform : 'browser';
const caseInsensitive = platform === 'win32' || platform === 'darwin';

function displayPath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
}

export const defaultUi: TranspileUi = {
  async confirmOverwriteDirty(target) {
    const overwrite = 'Overwrite';
    const answer = await vscode.window.showWarningMessage(
      `${path.basename(target.fsPath)} is open with unsaved changes. Replace it with the transpiled Ignition config? Your unsaved changes to it will be lost.`,
      { modal: true },
      overwrite,
    );
    return answer === overwrite;
  },
  async showBlocked(message) {
    const show = 'Show Problems';
    if ((await vscode.window.showErrorMessage(message, show)) === show) {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }
  },
  async showFailed(message) {
    await vscode.window.showErrorMessage(message);
  },
  async showWritten(target, warnings) {
    const open = 'Open';
    const note = warnings > 0 ? ` (with ${warnings} warning${warnings === 1 ? '' : 's'}; see the Problems view)` : '';
    if ((await vscode.window.showInformationMessage(`Wrote the Ignition config to ${displayPath(target)}${note}.`, open)) === open) {
      await vscode.window.showTextDocument(target, { preview: true });
    }
  },
  pickTarget(defaultUri) {
    return vscode.window.showSaveDialog({
      defaultUri,
      title: 'Transpile to Ignition As',
      saveLabel: 'Transpile',
      filters: { 'Ignition config': ['ign', 'json'], 'All files': ['*'] },
    });
  },
};

function summarize(problems: TranspileProblem[], sourceName: string, r: TranspileResponse, strict: boolean): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const first = errors[0] ?? warnings[0] ?? problems[0];
  const place = first?.range ? ` (line ${first.range.start.line + 1})` : '';
  const detail = first ? ` First: ${first.message.replace(/\s+/g, ' ')}${place}` : '';
  if (errors.length > 0) {
    return `Not transpiled: ${sourceName} has ${errors.length} error${errors.length === 1 ? '' : 's'}.${detail}`;
  }
  if (warnings.length > 0 && (strict || r.blocked)) {
    return `Not transpiled: ${sourceName} has ${warnings.length} warning${warnings.length === 1 ? '' : 's'} and clc.strict is on.${detail}`;
  }
  return `Not transpiled: ct gives no output for ${sourceName}.${detail}`;
}

/** Finds the document for a command argument or the active editor. */
export async function resolveSource(arg: unknown): Promise<vscode.TextDocument | undefined> {
  let uri: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) uri = arg;
  else if (arg && typeof arg === 'object' && 'uri' in arg && (arg as { uri: unknown }).uri instanceof vscode.Uri) uri = (arg as { uri: vscode.Uri }).uri;
  if (!uri) {
    const ed = vscode.window.activeTextEditor;
    if (ed && isConfigLanguage(ed.document.languageId)) return ed.document;
    // a preview or other editor may be active; fall back to a visible config
    const visible = vscode.window.visibleTextEditors.find((e) => isConfigLanguage(e.document.languageId));
    return visible?.document;
  }
  let doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri!.toString());
  doc ??= await vscode.workspace.openTextDocument(uri);
  if (!isConfigLanguage(doc.languageId)) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  return doc;
}

export class Transpiler {
  constructor(
    private readonly server: ClcServer,
    private readonly host: ClientHost,
  ) {}

  /** Where clc.transpile.output puts the output of `source`. */
  outputTarget(source: vscode.Uri): { ok: true; uri: vscode.Uri } | { ok: false; error: string } {
    const settings = readSettings(source);
    const folder = vscode.workspace.getWorkspaceFolder(source);
    if (source.scheme === 'untitled') return { ok: false, error: 'Save the config first, or use "Transpile to Ignition As...".' };
    const isFile = source.scheme === 'file';
    const r = computeOutputPath({
      source: isFile ? source.fsPath : source.path,
      pattern: settings.transpile.output,
      workspaceFolder: folder ? (isFile ? folder.uri.fsPath : folder.uri.path) : undefined,
      path: isFile ? path : path.posix,
      caseInsensitive: isFile && caseInsensitive,
    });
    if (!r.ok) return r;
    return { ok: true, uri: isFile ? vscode.Uri.file(r.path) : source.with({ path: r.path }) };
  }

  /** Transpiles `doc` and writes the result; reports to the user through `ui`. */
  async run(doc: vscode.TextDocument, options: TranspileOptions = {}): Promise<TranspileOutcome> {
    const ui: TranspileUi = { ...defaultUi, ...options.ui };
    const sourceName = path.basename(doc.uri.fsPath || doc.uri.path) || 'the config';

    let response: TranspileResponse;
    try {
      response = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Transpiling ${sourceName}` },
        (_p, token) => this.server.transpile({ uri: doc.uri.toString() }, token),
      );
    } catch (e) {
      const message = `Could not transpile ${sourceName}: ${e instanceof Error ? e.message : String(e)}`;
      await ui.showFailed(message);
      return { kind: 'failed', message };
    }

    const strict = readSettings(doc.uri).strict;
    if (response.blocked || response.output === null || response.failedAt !== null) {
      const message = summarize(response.problems, sourceName, response, strict);
      void ui.showBlocked(message);
      return { kind: 'blocked', problems: response.problems, message };
    }

    let target = options.target;
    if (!target) {
      const planned = this.outputTarget(doc.uri);
      if (options.saveAs) {
        const fallback = planned.ok ? planned.uri : saveAsDefault(doc.uri, this.host.fallbackFolder());
        target = await ui.pickTarget(fallback);
        if (!target) return { kind: 'cancelled', reason: 'no file chosen' };
      } else if (!planned.ok) {
        await ui.showFailed(planned.error);
        return { kind: 'failed', message: planned.error };
      } else {
        target = planned.uri;
      }
    }
    if (sameResource(target, doc.uri)) {
      const message = `Not transpiled: the output would replace ${sourceName} itself.`;
      await ui.showFailed(message);
      return { kind: 'failed', message };
    }

    // never replace unsaved work without a yes
    const openTarget = vscode.workspace.textDocuments.find((d) => sameResource(d.uri, target!));
    const dirty = openTarget?.isDirty ?? false;
    if (dirty && !(await ui.confirmOverwriteDirty(target))) {
      return { kind: 'cancelled', reason: `${displayPath(target)} has unsaved changes` };
    }

    try {
      await this.host.writeFile(target, response.output);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await ui.showFailed(message);
      return { kind: 'failed', message };
    }

    if (dirty && openTarget && !openTarget.isClosed) await revertToDisk(openTarget);

    const warnings = response.problems.filter((p) => p.severity === 'warning').length;
    void ui.showWritten(target, warnings);
    return { kind: 'written', target, warnings };
  }
}

/** A place to suggest in the save dialog when clc.transpile.output gives none (e.g. an untitled config). */
function saveAsDefault(source: vscode.Uri, fallbackFolder: vscode.Uri | undefined): vscode.Uri {
  const name = (path.posix.basename(source.path) || 'config').replace(/\.ya?ml$/i, '') + '.ign';
  if (source.scheme !== 'untitled') return source.with({ path: path.posix.join(path.posix.dirname(source.path), name) });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const where = folder ?? fallbackFolder;
  return where ? vscode.Uri.joinPath(where, name) : source.with({ path: `/${name}` });
}

function sameResource(a: vscode.Uri, b: vscode.Uri): boolean {
  if (a.scheme !== b.scheme || a.authority !== b.authority) return false;
  if (a.scheme === 'file') {
    const x = path.resolve(a.fsPath);
    const y = path.resolve(b.fsPath);
    return caseInsensitive ? x.toLowerCase() === y.toLowerCase() : x === y;
  }
  return a.path === b.path;
}

/**
 * After the user agreed to replace a file open with unsaved changes, make its editor show the new
 * content from disk instead of the discarded edits (VS Code reverts only the active editor).
 */
async function revertToDisk(doc: vscode.TextDocument): Promise<void> {
  const previous = vscode.window.activeTextEditor;
  const tab = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputText && sameResource(t.input.uri, doc.uri));
  try {
    await vscode.window.showTextDocument(doc, { viewColumn: tab?.group.viewColumn, preserveFocus: false, preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  } finally {
    if (previous && !sameResource(previous.document.uri, doc.uri)) {
      await vscode.window.showTextDocument(previous.document, { viewColumn: previous.viewColumn, preserveFocus: false });
    }
  }
}
