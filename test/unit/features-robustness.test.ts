// Whatever the text, no feature throws (or runs away): random YAML-like documents, every offset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ClcDocument } from '../../src/core/features/document.ts';
import { complete } from '../../src/core/features/completion.ts';
import { hover } from '../../src/core/features/hover.ts';
import { documentSymbols } from '../../src/core/features/symbols.ts';
import { definition } from '../../src/core/features/definition.ts';
import { foldingRanges } from '../../src/core/features/folding.ts';
import { codeActions } from '../../src/core/features/codeActions.ts';
import { diagnose } from '../../src/core/features/diagnostics.ts';

const TOKENS = [
  'storage', 'files', 'path', 'mode', 'filesystem', 'filesystems', 'name', 'etcd', 'flannel', 'version', 'passwd', 'users',
  'systemd', 'units', 'contents', 'inline', 'enable', 'dropins', '3.5.0', '0644', '644', '{HOSTNAME}', '{', '}', '[', ']',
  ',', ':', ': ', ' ', '  ', '    ', '- ', '-', '\n', '\r\n', '\r', '\t', '"', "'", '|', '>', '|-', '#', ' # c', '&a ', '*a',
  '<<', '---', '...', '?', '!!str ', '%YAML 1.2', 'é', '😀', '\\', 'x', '0', 'true', '~', '',
];

const docArb = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));

function exercise(text: string): void {
  const doc = new ClcDocument(text);
  const offsets = new Set([0, text.length]);
  for (let i = 0; i <= text.length; i += Math.max(1, Math.floor(text.length / 25))) offsets.add(i);
  for (const o of offsets) {
    if (text[o - 1] === '\r' && text[o] === '\n') continue; // not a position an editor can have
    for (const c of [...complete(doc, o, { platform: 'ec2' }), ...complete(doc, o, {})]) {
      // an editor needs the replaced range on the cursor's line, around the cursor
      assert.ok(c.replace.start <= o && o <= c.replace.end, `range ${c.replace.start}-${c.replace.end} misses the cursor ${o} in ${JSON.stringify(text)}`);
      assert.ok(!/[\r\n]/.test(text.slice(c.replace.start, c.replace.end)), `range spans lines in ${JSON.stringify(text)}`);
    }
    const h = hover(doc, o, { platform: 'gce' });
    if (h) assert.ok(h.span.start <= h.span.end && h.span.end <= text.length);
    definition(doc, o);
  }
  const within = (inner: { start: number; end: number }, outer: { start: number; end: number }) => outer.start <= inner.start && inner.end <= outer.end;
  const checkSymbols = (list: ReturnType<typeof documentSymbols>) => {
    for (const s of list) {
      assert.ok(within(s.selection, s.span), `selection outside its symbol in ${JSON.stringify(text)}`);
      for (const c of s.children) assert.ok(within(c.span, s.span), `child outside its parent in ${JSON.stringify(text)}`);
      checkSymbols(s.children);
    }
  };
  checkSymbols(documentSymbols(doc));
  for (const r of foldingRanges(doc)) assert.ok(r.startLine < r.endLine);
  const { diagnostics } = diagnose(text, { platform: 'ec2' });
  codeActions(doc, diagnostics);
  for (const d of diagnostics) if (d.span) assert.ok(d.span.start <= d.span.end && d.span.end <= text.length, 'span inside the text');
}

test('random YAML-like text: every feature answers without throwing', () => {
  fc.assert(fc.property(docArb, (text) => exercise(text)), { numRuns: 300, seed: 20240601 });
});

test('pathological documents', () => {
  const deep = '['.repeat(5000) + ']'.repeat(5000);
  const deepBlock = Array.from({ length: 800 }, (_, i) => ' '.repeat(i) + 'k:').join('\n');
  const laughs = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`), 'storage: {files: *i}'].join('\n');
  for (const text of [deep, deepBlock, laughs, '\u0000\uffff', ' '.repeat(10000), '- '.repeat(3000), '{'.repeat(3000), '"'.repeat(3001), 'a: |\n' + ' x\n'.repeat(5000)]) {
    const doc = new ClcDocument(text);
    for (const o of [0, 1, Math.floor(text.length / 2), text.length]) {
      try {
        complete(doc, o);
        hover(doc, o);
        definition(doc, o);
      } catch (e) {
        // a stack overflow inside the YAML library on absurd nesting is acceptable: the server catches it
        assert.ok(e instanceof RangeError, `${String(e)} on ${JSON.stringify(text.slice(0, 30))}`);
      }
    }
    documentSymbols(doc);
    foldingRanges(doc);
  }
});
