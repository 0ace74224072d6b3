// Random YAML documents for comparing the fast reader with the yaml package's parser: mostly
// block-style configs of the shape people write (nested maps and sequences, every scalar style,
// one-line flow collections, block scalars), with blank and comment lines at any indentation,
// then sometimes a few random edits so that the near misses of the subset get tried too.

import { Rng } from './rng.ts';

export function generateYaml(seed: number): string {
  const rng = new Rng(seed);
  const r = () => rng.next();
  const pick = <T>(xs: readonly T[]): T => rng.pick(xs);
  const chance = (p: number) => rng.chance(p);
  const words = ['a', 'key', 'name', 'path', 'x-y', 'mode', '0644', 'true', 'null', '~', '12', '-1', 'a b', 'http://h:1/p', 'c#d', 'e,f', 'g]', 'ü', '😀', 'a:b', '-x', 'no', '1e3', '0x1F'];
  const out: string[] = [];
  const trivia = (indent: number) => {
    while (chance(0.25)) {
      const k = r();
      if (k < 0.4) out.push('');
      else if (k < 0.5) out.push(' '.repeat(Math.floor(r() * 6)));
      else out.push(' '.repeat(Math.max(0, indent + Math.floor(r() * 7) - 3)) + '# ' + pick(words));
    }
  };
  const comment = () => (chance(0.15) ? pick([' # c', '  #x', ' #']) : '') + (chance(0.05) ? '  ' : '');
  const dq = () => '"' + pick(['', 'q', 'a b', '\\n', '\\t', '\\"', '\\\\', '\\x41', '\\u00e9', '\\U0001F600', "it's", '#', ': x', '\\/', '\\e', '\\ud800']) + pick(['', 'z']) + '"';
  const sq = () => "'" + pick(['', 'q', "it''s", 'a "b"', '#', ': x', '\\n']) + "'";
  const flowScalar = () => (chance(0.6) ? pick(['a', '1', 'x y', 'true', 'http', '-1', '😀']) : chance(0.5) ? dq() : sq());
  const flow = (depth: number): string => {
    if (chance(0.5)) {
      const n = Math.floor(r() * 4);
      const items = Array.from({ length: n }, () => (depth < 2 && chance(0.2) ? flow(depth + 1) : flowScalar()));
      const sp = chance(0.2) ? ' ' : '';
      return '[' + sp + items.join(pick([', ', ',', ' , '])) + sp + ']';
    }
    const n = Math.floor(r() * 3);
    const items = Array.from({ length: n }, () => flowScalar() + ': ' + (depth < 2 && chance(0.2) ? flow(depth + 1) : flowScalar()));
    return '{' + items.join(', ') + '}';
  };
  const blockScalar = (indent: number): string[] => {
    const header = pick(['|', '>', '|-', '>-', '|+', '>+']) + (chance(0.1) ? ' # h' : '');
    const extra = 1 + Math.floor(r() * 3);
    const lines: string[] = [];
    const n = Math.floor(r() * 5);
    for (let i = 0; i < n; i++) {
      const k = r();
      if (k < 0.15) lines.push('');
      else if (k < 0.25) lines.push(' '.repeat(indent + extra + 2) + pick(words));
      else lines.push(' '.repeat(indent + extra) + pick(['text', 'key: v', '# not a comment', '- item', 'x  y', '[a]']));
    }
    if (chance(0.3)) lines.push('');
    return [header, ...lines];
  };
  const value = (indent: number, depth: number): { inline: string; lines: string[] } => {
    const k = r();
    if (depth < 5 && k < 0.3) return { inline: comment(), lines: block(indent + 1 + Math.floor(r() * 3), depth + 1) };
    if (k < 0.35) return { inline: comment(), lines: [] };
    if (k < 0.45) {
      const [h, ...ls] = blockScalar(indent);
      return { inline: ' ' + h, lines: ls };
    }
    if (k < 0.55) return { inline: ' ' + flow(0) + comment(), lines: [] };
    if (k < 0.65) return { inline: ' ' + dq() + comment(), lines: [] };
    if (k < 0.7) return { inline: ' ' + sq() + comment(), lines: [] };
    return { inline: ' ' + pick(words) + comment(), lines: [] };
  };
  const block = (indent: number, depth: number): string[] => {
    const saved = out.length;
    const pad = ' '.repeat(indent);
    const isSeq = chance(0.35);
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      trivia(indent);
      if (isSeq) {
        if (depth < 5 && chance(0.25)) {
          // compact mapping in the entry
          const v = value(indent + 2, depth + 1);
          out.push(pad + '- ' + pick(words.slice(0, 6)) + ':' + v.inline, ...v.lines);
          if (chance(0.5)) {
            const v2 = value(indent + 2, depth + 1);
            out.push(pad + '  ' + pick(words.slice(0, 6)) + ':' + v2.inline, ...v2.lines);
          }
        } else {
          const v = value(indent, depth);
          out.push(pad + '-' + v.inline, ...v.lines);
        }
      } else {
        const v = value(indent, depth);
        const key = pick(['a', 'name', 'path', 'x y', 'k-1', 'ü', 'true']);
        if (depth < 5 && chance(0.08)) {
          // a sequence at the key's own indentation
          out.push(pad + key + ':');
          out.push(pad + '- ' + pick(words));
          if (chance(0.5)) out.push(pad + '- ' + pick(words));
          continue;
        }
        out.push(pad + key + (chance(0.05) ? ' ' : '') + ':' + v.inline, ...v.lines);
      }
    }
    trivia(indent);
    return out.splice(saved);
  };
  trivia(0);
  const lines = [...out.splice(0), ...block(0, 0)];
  let text = lines.join('\n') + (chance(0.8) ? '\n' : '');
  // a few random edits now and then, to try the edges of the subset
  if (chance(0.3)) {
    const edits = 1 + Math.floor(r() * 3);
    for (let i = 0; i < edits; i++) {
      const at = Math.floor(r() * (text.length + 1));
      const k = r();
      if (k < 0.5) text = text.slice(0, at) + pick([' ', '\n', '#', ':', '-', '"', "'", '|', '>', '[', ']', '{', '}', ',', 'a', '  ', '\t', '&', '*', '!', '?', '---\n', '\r']) + text.slice(at);
      else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 3));
    }
  }
  return text;
}
