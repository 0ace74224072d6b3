// "Convert to Butane Config": writes name.bu beside a Container Linux Config, opens it beside the
// config, and reports the proof (the Butane result gives the same machine state as the official
// converter's translation of ct's output, or the differences).
//
// Safety rules: an existing file is only replaced after a yes, a file open with unsaved changes
// is never replaced, the write is atomic, nothing is written when the conversion is refused.

import * as vscode from 'vscode';
import * as path from 'node:path';
import type { ToButaneResponse } from '../src/shared/protocol.ts';
import type { ClcServer } from './languageClient.ts';
import type { ClientHost } from './host.ts';

export type ButaneOutcome =
  | { kind: 'written'; target: vscode.Uri; proof: ToButaneResponse['proof'] }
  | { kind: 'refused'; message: string }
  | { kind: 'cancelled'; reason: string }
  | { kind: 'failed'; message: string };

/** The questions and notices; integration tests replace them to run unattended. */
export interface ButaneUi {
  confirmReplace(target: vscode.Uri): Thenable<boolean>;
  /** a mount path for a filesystem no .mount unit places (undefined: cancel) */
  askMountPath(name: string, device: string): Thenable<string | undefined>;
  showRefused(message: string): Thenable<void>;
  showProof(target: vscode.Uri, proof: ToButaneResponse['proof']): Thenable<void>;
}

export interface ButaneOptions {
  ui?: Partial<ButaneUi>;
}

export const defaultButaneUi: ButaneUi = {
  async confirmReplace(target) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(`${path.basename(target.fsPath || target.path)} already exists. Replace it with the converted Butane config?`, { modal: true }, replace);
    return answer === replace;
  },
  askMountPath(name, device) {
    return vscode.window.showInputBox({
      title: 'Convert to Butane Config',
      prompt: `Where is filesystem "${name}"${device ? ` (${device})` : ''} mounted? Ignition 3 places files by absolute path.`,
      placeHolder: `/var/mnt/${name}`,
      validateInput: (v) => (v.startsWith('/') ? undefined : 'An absolute path, e.g. /var/mnt/data'),
    });
  },
  async showRefused(message) {
    const show = 'Show Problems';
    if ((await vscode.window.showErrorMessage(message, show)) === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
  },
  async showProof(target, proof) {
    const name = path.basename(target.fsPath || target.path);
    if (proof.kind === 'same') {
      void vscode.window.showInformationMessage(`Wrote ${name}: same machine state as the official Ignition 2 to 3 converter gives (checked with ${proof.transpiler}).`);
    } else if (proof.kind === 'different') {
      const first = proof.differences.slice(0, 3).join('; ');
      void vscode.window.showWarningMessage(`Wrote ${name}, but the machine state differs from the official converter's: ${first}${proof.differences.length > 3 ? ` (and ${proof.differences.length - 3} more)` : ''}`);
    } else {
      void vscode.window.showWarningMessage(`Wrote ${name}; the machine state was not checked: ${proof.reason}.`);
    }
  },
};

/** name.bu beside the config (cl-config.yml -> cl-config.bu). */
export function butaneTarget(source: vscode.Uri): vscode.Uri {
  const base = path.posix.basename(source.path).replace(/\.ya?ml$/i, '');
  return source.with({ path: path.posix.join(path.posix.dirname(source.path), `${base}.bu`) });
}

export class ButaneConverter {
  constructor(
    private readonly server: ClcServer,
    private readonly host: ClientHost,
  ) {}

  async run(doc: vscode.TextDocument, options: ButaneOptions = {}): Promise<ButaneOutcome> {
    const ui: ButaneUi = { ...defaultButaneUi, ...options.ui };
    if (doc.uri.scheme === 'untitled') {
      const message = 'Save the config first: the Butane config is written beside it.';
      await ui.showRefused(message);
      return { kind: 'failed', message };
    }
    const target = butaneTarget(doc.uri);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    if (open?.isDirty) {
      const message = `Not converted: ${path.posix.basename(target.path)} is open with unsaved changes; save or close it first.`;
      await ui.showRefused(message);
      return { kind: 'cancelled', reason: message };
    }

    const config = vscode.workspace.getConfiguration('clc', doc.uri);
    const version = config.get<string>('butane.version') || '1.1.0';
    const transpilerPath = config.get<string>('butane.transpilerPath') ?? '';
    const fsPaths: Record<string, string> = {};
    let r: ToButaneResponse;
    for (;;) {
      try {
        r = await this.server.toButane({ uri: doc.uri.toString(), fsPaths, butaneVersion: version, transpilerPath });
      } catch (e) {
        const message = `Could not convert: ${e instanceof Error ? e.message : String(e)}`;
        await ui.showRefused(message);
        return { kind: 'failed', message };
      }
      // filesystems without a mount path: ask, then convert again
      const ask = r.missingFsPaths.filter((f) => !(f.name in fsPaths));
      if (r.butane !== null || !ask.length) break;
      for (const f of ask) {
        const p = await ui.askMountPath(f.name, f.device);
        if (!p) return { kind: 'cancelled', reason: `no mount path for filesystem ${f.name}` };
        fsPaths[f.name] = p;
      }
    }
    if (r.butane === null) {
      const errors = r.problems.filter((p) => p.severity === 'error');
      const first = errors[0];
      const message = `Not converted to Butane: ${first ? first.message + (first.range ? ` (line ${first.range.start.line + 1})` : '') : 'the config has problems'}`;
      await ui.showRefused(message);
      return { kind: 'refused', message };
    }

    let exists = !!open;
    try {
      await vscode.workspace.fs.stat(target);
      exists = true;
    } catch {
      // not there yet
    }
    if (exists && !(await ui.confirmReplace(target))) return { kind: 'cancelled', reason: `${path.posix.basename(target.path)} exists` };
    // (the answer took time: look again for unsaved changes)
    if (vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString())?.isDirty) {
      return { kind: 'cancelled', reason: `${path.posix.basename(target.path)} has unsaved changes` };
    }
    try {
      await this.host.writeFile(target, r.butane);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await ui.showRefused(message);
      return { kind: 'failed', message };
    }
    await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    void ui.showProof(target, r.proof);
    return { kind: 'written', target, proof: r.proof };
  }
}
