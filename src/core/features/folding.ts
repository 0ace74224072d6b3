// Folding ranges from indentation: every mapping entry and sequence item that spans several
// lines folds, block scalars fold with their key, and runs of comment lines fold. Works on
// broken YAML.

import type { ClcDocument } from './document.ts';

export interface FoldingRange {
  /** 0-based lines */
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

interface Open {
  line: number;
  col: number;
  /** a key without an inline value: a `- ` at its own column still belongs to it */
  compact: boolean;
  dash: boolean;
}

export function foldingRanges(doc: ClcDocument): FoldingRange[] {
  const lines = doc.scan.lines;
  const out: FoldingRange[] = [];
  const stack: Open[] = [];
  let lastContent = -1;

  const close = (o: Open) => {
    if (lastContent > o.line) out.push({ startLine: o.line, endLine: lastContent });
  };

  let commentRun = -1;
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li];
    if (l.kind === 'comment') {
      if (commentRun < 0) commentRun = li;
    } else if (l.kind !== 'blank') {
      if (commentRun >= 0 && li - 1 > commentRun) out.push({ startLine: commentRun, endLine: li - 1, kind: 'comment' });
      commentRun = -1;
    }
    if (l.kind === 'ignored' || l.kind === 'marker') {
      while (stack.length) close(stack.pop()!);
      continue;
    }
    if (l.kind !== 'content') {
      if (l.kind === 'scalar' || l.kind === 'flow') lastContent = li;
      continue;
    }
    const first = l.dashes.length ? l.dashes[0] : l.keyCol ?? l.indent;
    const startsWithDash = l.dashes.length > 0;
    while (stack.length) {
      const top = stack[stack.length - 1];
      const stays = top.col < first || (top.col === first && top.compact && startsWithDash && !top.dash);
      if (stays) break;
      close(stack.pop()!);
    }
    for (const d of l.dashes) stack.push({ line: li, col: d, compact: false, dash: true });
    if (l.key !== undefined && l.keyCol !== undefined) stack.push({ line: li, col: l.keyCol, compact: l.valueKind === 'none', dash: false });
    lastContent = li;
  }
  if (commentRun >= 0 && lines.length - 1 > commentRun) {
    let end = lines.length - 1;
    while (end > commentRun && lines[end].kind !== 'comment') end--;
    if (end > commentRun) out.push({ startLine: commentRun, endLine: end, kind: 'comment' });
  }
  while (stack.length) close(stack.pop()!);
  // one range per start line (the outermost)
  const byStart = new Map<number, FoldingRange>();
  for (const r of out) {
    const prev = byStart.get(r.startLine);
    if (!prev || r.endLine > prev.endLine) byStart.set(r.startLine, r);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}
