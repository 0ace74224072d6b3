// The translation trail: for paths of the generated Ignition config, the config path they came
// from, so problems found on the output are reported (and placed) on the input. Most fields map
// one to one (an Ignition key is the camelCase of the config key), and butane's fallback for a
// path it has no record of is exactly that renaming; only the other cases are recorded here:
// exact paths, and whole subtrees that come from one place (mount units, trees, quadlets).

import { pathString, snake } from './path.ts';
import type { PathStep, ReportPath } from './path.ts';

interface SubtreeRule {
  to: string;
  from: ReportPath;
  /** rebase: the rest of the path is kept under `from`; common: every path below maps to `from` itself */
  mode: 'rebase' | 'common';
}

export class TranslationTrail {
  private readonly exact = new Map<string, ReportPath>();
  private readonly subtrees: SubtreeRule[] = [];

  /** One output path came from one input path. */
  add(from: ReportPath, to: ReportPath): void {
    this.exact.set(pathString(to), from);
  }

  /** Everything at and below `to` came from `from` as a whole (butane's AddFromCommonSource). */
  addCommon(from: ReportPath, to: ReportPath): void {
    this.subtrees.push({ to: pathString(to), from, mode: 'common' });
  }

  /** The subtree at `to` is the input subtree at `from` under another index (merged units). */
  addRebase(from: ReportPath, to: ReportPath): void {
    this.subtrees.push({ to: pathString(to), from, mode: 'rebase' });
  }

  /** Drops every record for output paths at or below `to` (their item moved). */
  forget(to: ReportPath): void {
    const p = pathString(to);
    for (const k of [...this.exact.keys()]) if (k === p || k.startsWith(p + '.')) this.exact.delete(k);
  }

  /** The input path a problem on `to` is reported at. */
  lookup(to: ReportPath): ReportPath {
    const key = pathString(to);
    const hit = this.exact.get(key);
    if (hit) return hit;
    // the most specific subtree rule wins
    let best: SubtreeRule | null = null;
    for (const r of this.subtrees) {
      if ((key === r.to || key.startsWith(r.to + '.')) && (!best || r.to.length > best.to.length)) best = r;
    }
    if (best) {
      if (best.mode === 'common') return best.from;
      const depth = best.to.split('.').length - 1;
      return [...best.from, ...to.slice(depth).map(snakeStep)];
    }
    return to.map(snakeStep);
  }
}

function snakeStep(s: PathStep): PathStep {
  return typeof s === 'string' ? snake(s) : s;
}
