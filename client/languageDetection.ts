// Gives the clc language to YAML documents whose first line is "# container-linux-config", and
// the butane language to YAML documents whose top level starts with `variant:`/`version:` of a
// variant clc supports (other YAML stays YAML).
// VS Code's own "firstLine" rule only applies to files whose name no language claims, and every
// .yml/.yaml file is claimed by YAML, so such files are switched here, once per document: if the
// user switches one back to YAML, it stays YAML.

import * as vscode from 'vscode';
import { BUTANE_LANGUAGE_ID, LANGUAGE_ID, isConfigLanguage } from '../src/shared/protocol.ts';
import { hasClcMarker } from './firstLine.ts';
import { hasButaneHeader } from './butaneHeader.ts';

const YAML_IDS = new Set(['yaml']);

export class LanguageDetection implements vscode.Disposable {
  /** documents already looked at (switched, or left alone on purpose) */
  private readonly seen = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(vscode.workspace.onDidOpenTextDocument((d) => void this.check(d)));
    this.disposables.push(vscode.workspace.onDidCloseTextDocument((d) => {
      // a language change closes and reopens the document: remember it until the file is really gone
      if (d.isClosed && !vscode.workspace.textDocuments.some((o) => o.uri.toString() === d.uri.toString())) {
        setTimeout(() => {
          if (!vscode.workspace.textDocuments.some((o) => o.uri.toString() === d.uri.toString())) this.seen.delete(d.uri.toString());
        }, 5_000);
      }
    }));
    for (const d of vscode.workspace.textDocuments) void this.check(d);
  }

  /** Switches `doc` to clc (or butane) if it is a marked YAML document seen for the first time. */
  async check(doc: vscode.TextDocument): Promise<vscode.TextDocument> {
    const key = doc.uri.toString();
    if (isConfigLanguage(doc.languageId)) {
      this.seen.add(key);
      return doc;
    }
    if (!YAML_IDS.has(doc.languageId) || this.seen.has(key)) return doc;
    this.seen.add(key);
    if (doc.lineCount === 0) return doc;
    if (hasClcMarker(doc.lineAt(0).text)) return vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    if (hasButaneHeader(doc.getText())) return vscode.languages.setTextDocumentLanguage(doc, BUTANE_LANGUAGE_ID);
    return doc;
  }

  /** Marks a document as seen, so a language the user picks for it is left alone. */
  markSeen(uri: vscode.Uri): void {
    this.seen.add(uri.toString());
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
