// Editing sessions against the bundled server: thousands of random incremental edits
// (insertions, deletions, pastes, CRLF, undo) sent over LSP. After each burst the diagnostics
// the server publishes for the newest version must equal a fresh diagnosis of the same text,
// and no request along the way may fail. Seeded, so a failure replays.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LspTestClient } from '../support/lsp-client.ts';
import { ROOT, SERVER, ensureBuilt } from '../support/build.ts';
import { decodeConfigBytes } from '../../src/core/text.ts';
import { diagnose } from '../../src/core/features/diagnostics.ts';
import { LineIndex } from '../../src/core/yaml/parse.ts';
import { toLspDiagnostic } from '../../server/lsp.ts';
import { Rng } from '../support/rng.ts';

const EDITS = 1500;
const BURST = 10;

let client: LspTestClient;
before(async () => {
  ensureBuilt();
  client = await LspTestClient.start({ serverPath: SERVER });
});
after(async () => {
  await client?.stop();
});

function corpusTexts(): string[] {
  const dir = path.join(ROOT, 'test', 'conformance', 'cases');
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const args = readFileSync(path.join(dir, name, 'args'), 'utf8');
    if (/platform|files-dir|strict/.test(args)) continue; // default settings only
    const d = decodeConfigBytes(readFileSync(path.join(dir, name, 'input.yml')));
    if (d.ok) out.push(d.text);
  }
  return out;
}

const SNIPPETS = ['a', ' ', '\n', '\r\n', ':', ': ', '- ', '  ', '{', '}', '[', ']', '#', '&a ', '*a', "'", '"', '0644', 'mode: 644\n', '  - name: x.service\n    enabled: true\n', 'storage:\n  files:\n', '\t', '<<: *a\n', 'etcd:\n  version: 3.5.0\n  name: "{HOSTNAME}"\n'];

interface Edit {
  start: number;
  end: number;
  text: string;
}

function apply(text: string, e: Edit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

const expected = (text: string) => {
  const lines = new LineIndex(text);
  return diagnose(text, { platform: '' }).diagnostics.map((d) => brief(toLspDiagnostic(d, lines))).sort();
};
const brief = (d: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity?: number; message: string; code?: string | number }) =>
  `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code ?? ''} ${d.message}`;

test(`${EDITS} random incremental edits: the published diagnostics always equal a fresh diagnosis`, { timeout: 240_000 }, async () => {
  const corpus = corpusTexts();
  const seeded = new Rng(20261125);
  const random = () => seeded.next();
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  let text = pick(corpus);
  const uri = 'file:///virtual/editing-session.yml';
  let version = 1;
  await client.openAndWait(uri, text, version);
  const undo: Edit[] = [];
  let compared = 0;

  for (let i = 1; i <= EDITS; i++) {
    const r = random();
    let e: Edit;
    const at = Math.floor(random() * (text.length + 1));
    if (r < 0.15 && undo.length) {
      e = undo.pop()!; // undo the last edit
    } else if (r < 0.45) {
      e = { start: at, end: at, text: pick(SNIPPETS) };
    } else if (r < 0.7) {
      e = { start: at, end: Math.min(text.length, at + 1 + Math.floor(random() * 20)), text: '' };
    } else if (r < 0.85) {
      const src = pick(corpus);
      const s = Math.floor(random() * src.length);
      e = { start: at, end: at, text: src.slice(s, s + Math.floor(random() * 120)) }; // a paste
    } else {
      e = { start: at, end: Math.min(text.length, at + Math.floor(random() * 8)), text: pick(SNIPPETS) };
    }
    // never cut a CRLF or a surrogate pair in half: LSP positions cannot address the middle
    const fix = (o: number) => (o > 0 && o < text.length && ((text[o - 1] === '\r' && text[o] === '\n') || (/[\ud800-\udbff]/.test(text[o - 1]) && /[\udc00-\udfff]/.test(text[o])))) ? o - 1 : o;
    e = { start: fix(Math.min(e.start, text.length)), end: fix(Math.min(e.end, text.length)), text: e.text };
    if (e.end < e.start) e.end = e.start;

    const lines = new LineIndex(text);
    const range = { start: lines.position(e.start), end: lines.position(e.end) };
    undo.push({ start: e.start, end: e.start + e.text.length, text: text.slice(e.start, e.end) });
    text = apply(text, e);
    version++;

    const last = i % BURST === 0 || i === EDITS;
    const published = last ? client.waitForDiagnostics(uri, (p) => p.version === version, 20_000) : null;
    await client.change(uri, version, [{ range, text: e.text }]);
    // requests keep being answered mid-session
    const pos = new LineIndex(text).position(Math.floor(random() * (text.length + 1)));
    await client.request('textDocument/completion', { textDocument: { uri }, position: pos });
    if (i % 7 === 0) await client.request('textDocument/hover', { textDocument: { uri }, position: pos });
    if (i % 13 === 0) await client.request('textDocument/documentSymbol', { textDocument: { uri } });

    if (published) {
      const p = await published;
      assert.deepEqual(p.diagnostics.map(brief).sort(), expected(text), `after edit ${i} (version ${version})`);
      compared++;
    }
  }
  assert.equal(compared, Math.ceil(EDITS / BURST));
});
