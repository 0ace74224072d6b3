// "Open Ignition Preview to the Side": one read-only JSON document (scheme clc-preview) that shows
// the Ignition output of the Container Linux Config in the active editor and follows the user's
// typing. While no preview tab is open it holds no listeners, timers or output.

import * as vscode from 'vscode';
import * as path from 'node:path';
import platformTable from '../schemas/platforms.json';
import { BUTANE_LANGUAGE_ID, isConfigLanguage } from '../src/shared/protocol.ts';
import type { ClcServer } from './languageClient.ts';
import { readSettings } from './languageClient.ts';
import { HEADER_LINES, isGood, previewText, type PreviewState } from './previewText.ts';
import { resolveSource } from './transpileCommand.ts';

export const PREVIEW_SCHEME = 'clc-preview';
export const PREVIEW_LANGUAGE = 'jsonc';
/** how long typing must pause before the preview updates */
export const PREVIEW_DEBOUNCE_MS = 300;

const platforms = (platformTable as { platforms: { id: string; name: string }[] }).platforms;

function sameUri(a: vscode.Uri | undefined, b: vscode.Uri | undefined): boolean {
  return a !== undefined && b !== undefined && a.toString() === b.toString();
}

function fileName(uri: vscode.Uri): string {
  return path.posix.basename(uri.path) || uri.toString();
}

export class IgnitionPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  /** the one preview document */
  readonly uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: '/Ignition Preview' });

  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  private source: vscode.Uri | undefined;
  /** undefined: use clc.platform; otherwise the platform picked in the preview ("" for none) */
  private platformOverride: string | undefined;
  /** whether the followed config is a Butane config (it has no platform to pick) */
  private showsButane = false;
  private latest: PreviewState['latest'];
  private failure: string | undefined;
  private readonly lastGood = new Map<string, { output: string; at: Date }>();
  /** first visible line of the preview per config, to come back to it when switching */
  private readonly scrollTops = new Map<string, number>();
  private text = '';

  private live: vscode.Disposable[] = [];
  private opening = false;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly permanent: vscode.Disposable[] = [];

  constructor(private readonly server: ClcServer) {
    this.permanent.push(
      // the document opens (or reopens after a window reload) as plain text: make it JSON with comments
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.uri.scheme !== PREVIEW_SCHEME || this.opening) return;
        if (d.languageId !== PREVIEW_LANGUAGE) void vscode.languages.setTextDocumentLanguage(d, PREVIEW_LANGUAGE);
        this.adopt();
      }),
    );
    if (this.isOpen()) this.adopt();
  }

  /** A preview tab came back without open() (a window reload restores it): bring it to life. */
  private adopt(): void {
    if (this.isLive || this.opening) return;
    const active = vscode.window.activeTextEditor?.document;
    const doc =
      (active && isConfigLanguage(active.languageId) ? active : undefined) ??
      vscode.window.visibleTextEditors.find((e) => isConfigLanguage(e.document.languageId))?.document ??
      vscode.workspace.textDocuments.find((d) => isConfigLanguage(d.languageId));
    this.goLive();
    if (doc) {
      this.source = doc.uri;
      void this.refreshNow();
    }
  }

  /** True while some tab shows the preview. */
  isOpen(): boolean {
    return vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && sameUri(t.input.uri, this.uri)));
  }

  /** True while listeners are attached (the preview is open or opening). */
  get isLive(): boolean {
    return this.live.length > 0;
  }

  /** The config the preview currently follows. */
  get sourceUri(): vscode.Uri | undefined {
    return this.source;
  }

  /** The current text of the preview. */
  getText(): string {
    return this.text;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    if (!sameUri(uri, this.uri)) return '';
    if (this.text === '') return '// Open a Container Linux Config to see its Ignition output here.\n';
    return this.text;
  }

  /** Opens (or reveals) the preview beside the config given, or the active one. */
  async open(arg?: unknown): Promise<vscode.TextEditor | undefined> {
    const active = vscode.window.activeTextEditor;
    let doc: vscode.TextDocument | undefined;
    if (arg === undefined && active && sameUri(active.document.uri, this.uri) && this.source) {
      doc = vscode.workspace.textDocuments.find((d) => sameUri(d.uri, this.source));
    }
    doc ??= await resolveSource(arg);
    if (!doc) {
      void vscode.window.showInformationMessage('Open a Container Linux Config (cl-config.yml) to preview its Ignition output.');
      return undefined;
    }
    this.opening = true;
    try {
      this.goLive();
      if (!sameUri(this.source, doc.uri)) {
        this.rememberScroll();
        this.source = doc.uri;
        this.latest = undefined;
      }
      await this.refreshNow();
      let pdoc = await vscode.workspace.openTextDocument(this.uri);
      if (pdoc.languageId !== PREVIEW_LANGUAGE) pdoc = await vscode.languages.setTextDocumentLanguage(pdoc, PREVIEW_LANGUAGE);
      const existing = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && sameUri(t.input.uri, this.uri));
      const editor = await vscode.window.showTextDocument(pdoc, {
        viewColumn: existing ? existing.group.viewColumn : vscode.ViewColumn.Beside,
        preserveFocus: true,
        preview: false,
      });
      return editor;
    } catch (e) {
      this.goDormant();
      throw e;
    } finally {
      this.opening = false;
    }
  }

  /** Lets the user choose the platform for this preview (clc.platform stays as it is). */
  async selectPlatform(): Promise<void> {
    if (this.showsButane) {
      void vscode.window.showInformationMessage('A Butane config has no platform: butane reads none, so the preview shows what butane prints.');
      return;
    }
    const setting = readSettings(this.source).platform;
    type Item = vscode.QuickPickItem & { value: string | undefined };
    const mark = (v: string | undefined) => (v === this.platformOverride ? '$(check) ' : '');
    const items: Item[] = [
      { label: `${mark(undefined)}Use clc.platform`, description: setting === '' ? 'currently none' : `currently ${setting}`, value: undefined },
      { label: `${mark('')}none`, description: 'no platform: {HOSTNAME}-style fields are errors', value: '' },
      { label: '', kind: vscode.QuickPickItemKind.Separator, value: undefined },
      ...platforms.map((p): Item => ({ label: `${mark(p.id)}${p.id}`, description: p.name, value: p.id })),
    ];
    const pick = await vscode.window.showQuickPick(items, { title: 'Platform for the Ignition preview', placeHolder: 'ct --platform value used by this preview only' });
    if (!pick) return;
    await this.setPlatform(pick.value);
  }

  /** The platform for this preview: undefined follows clc.platform, "" is none. */
  get platform(): string | undefined {
    return this.platformOverride;
  }

  async setPlatform(value: string | undefined): Promise<void> {
    this.platformOverride = value;
    if (this.isLive) await this.refreshNow();
  }

  /** Resolves when no update is waiting or running (for tests). */
  whenIdle(): Promise<void> {
    if (this.timer === undefined && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private goLive(): void {
    if (this.live.length > 0) return;
    this.live.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (sameUri(e.document.uri, this.source) && e.contentChanges.length > 0) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && isConfigLanguage(e.document.languageId) && !sameUri(e.document.uri, this.source)) void this.switchTo(e.document.uri);
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        // the followed file was reopened or got the clc language
        if (sameUri(d.uri, this.source)) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('clc')) this.schedule();
      }),
      vscode.window.tabGroups.onDidChangeTabs(() => {
        if (!this.opening && !this.isOpen()) this.goDormant();
      }),
    );
  }

  /** Drops everything the preview holds once its tab is gone. */
  private goDormant(): void {
    for (const d of this.live.splice(0)) d.dispose();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.generation++;
    this.lastGood.clear();
    this.scrollTops.clear();
    this.latest = undefined;
    this.failure = undefined;
    this.source = undefined;
    this.text = '';
    this.settleIdle();
  }

  private schedule(): void {
    if (!this.isLive) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refreshNow();
    }, PREVIEW_DEBOUNCE_MS);
  }

  private async switchTo(uri: vscode.Uri): Promise<void> {
    this.rememberScroll();
    this.source = uri;
    this.latest = undefined;
    this.failure = undefined;
    const applied = this.nextPreviewChange();
    await this.refreshNow();
    await applied;
    const top = this.scrollTops.get(uri.toString()) ?? 0;
    const ed = this.previewEditor();
    if (ed) ed.revealRange(new vscode.Range(top, 0, top, 0), vscode.TextEditorRevealType.AtTop);
  }

  private previewEditor(): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => sameUri(e.document.uri, this.uri));
  }

  private rememberScroll(): void {
    const ed = this.previewEditor();
    const top = ed?.visibleRanges[0]?.start.line;
    if (this.source && top !== undefined) this.scrollTops.set(this.source.toString(), top);
  }

  /** Resolves once VS Code has applied the next change to the preview document (or after a while). */
  private nextPreviewChange(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        sub.dispose();
        clearTimeout(t);
        resolve();
      };
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (sameUri(e.document.uri, this.uri)) done();
      });
      const t = setTimeout(done, 1000);
    });
  }

  /** Transpiles the followed config now and shows the result. */
  async refreshNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const source = this.source;
    if (!source) return;
    const gen = ++this.generation;
    const name = fileName(source);
    this.inFlight++;
    try {
      const doc = vscode.workspace.textDocuments.find((d) => sameUri(d.uri, source));
      let failure: string | undefined;
      let latest = this.latest;
      if (!doc || doc.isClosed) {
        failure = `${name} is closed; open it again to update the preview.`;
      } else if (!isConfigLanguage(doc.languageId)) {
        failure = `${name} is not a Container Linux Config or a Butane config right now (its language is ${doc.languageId}).`;
      } else {
        try {
          latest = await this.server.transpile({ uri: source.toString(), platform: this.platformOverride });
        } catch (e) {
          failure = `The language server could not transpile ${name}: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
      if (gen !== this.generation) return; // a newer update is on its way
      this.failure = failure;
      this.latest = failure ? this.latest : latest;
      if (!failure && latest && isGood(latest)) this.lastGood.set(source.toString(), { output: latest.output!, at: new Date() });
      this.render();
    } finally {
      this.inFlight--;
      this.settleIdle();
    }
  }

  private render(): void {
    const source = this.source;
    if (!source) return;
    const setting = readSettings(source).platform;
    const doc = vscode.workspace.textDocuments.find((d) => sameUri(d.uri, source));
    const butane = doc?.languageId === BUTANE_LANGUAGE_ID;
    if (butane !== this.showsButane) {
      this.showsButane = butane;
      // the platform button in the preview's title bar is for Container Linux Configs only
      void vscode.commands.executeCommand('setContext', 'clc.previewShowsButane', butane);
    }
    const text = previewText({
      sourceName: fileName(source),
      butane,
      platform: this.platformOverride ?? setting,
      platformOverridden: this.platformOverride !== undefined,
      latest: this.latest,
      lastGood: this.lastGood.get(source.toString()),
      failure: this.failure,
    });
    if (text === this.text) return;
    this.text = text;
    this.changed.fire(this.uri);
  }

  private settleIdle(): void {
    if (this.timer !== undefined || this.inFlight > 0) return;
    for (const w of this.idleWaiters.splice(0)) w();
  }

  dispose(): void {
    this.goDormant();
    for (const d of this.permanent.splice(0)) d.dispose();
    this.changed.dispose();
  }
}

export { HEADER_LINES };
