// Folding ranges from indentation: every mapping entry and sequence item that spans several
// lines folds (block scalars with their key), and so do runs of comment lines. Works on
// broken YAML.

import type { ClcDocument } from './document.ts';
import { blocks } from './scan.ts';

export interface FoldingRange {
  /** 0-based lines */
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

export function foldingRanges(doc: ClcDocument): FoldingRange[] {
  const lines = doc.scan.lines;
  const byStart = new Map<number, FoldingRange>();
  for (const b of blocks(doc.scan)) {
    if (b.endLine <= b.startLine) continue;
    const prev = byStart.get(b.startLine);
    // one range per start line: the outermost (`- name: x` opens an item and a key on one line)
    if (!prev || b.endLine > prev.endLine) byStart.set(b.startLine, { startLine: b.startLine, endLine: b.endLine });
  }
  let run = -1;
  for (let li = 0; li <= lines.length; li++) {
    const k = lines[li]?.kind;
    if (k === 'comment') {
      if (run < 0) run = li;
      continue;
    }
    if (k === 'blank' && run >= 0) {
      // a blank line inside a run of comments does not end it, unless the comments stop there
      let j = li;
      while (j < lines.length && lines[j].kind === 'blank') j++;
      if (lines[j]?.kind === 'comment') {
        li = j - 1;
        continue;
      }
    }
    if (run >= 0) {
      let end = li - 1;
      while (end > run && lines[end].kind !== 'comment') end--;
      if (end > run && !byStart.has(run)) byStart.set(run, { startLine: run, endLine: end, kind: 'comment' });
      run = -1;
    }
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
