// The project's rule "no import cycles", checked on the sources: every relative import (type-only
// ones too, since they tie the modules together for a reader all the same) of src/, server/ and
// client/ forms a graph that must have no cycle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/build.ts';
import { importsOf } from '../support/imports.ts';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}


/** One cycle of the graph as a list of nodes (first repeated at the end), or null. */
export function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 1) return [...stack.slice(stack.indexOf(m)), m];
      if (!state.has(m)) {
        const c = visit(m);
        if (c) return c;
      }
    }
    stack.pop();
    state.set(n, 2);
    return null;
  };
  for (const n of graph.keys()) {
    if (state.has(n)) continue;
    const c = visit(n);
    if (c) return c;
  }
  return null;
}

test('the cycle finder finds a cycle and accepts a tree', () => {
  assert.deepEqual(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), ['a', 'b', 'c', 'a']);
  assert.equal(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), null);
  assert.deepEqual(importsOf("import type { X } from './x.ts';\nimport { y } from \"../y.ts\";\nexport { z } from './z.ts';\nimport 'node:fs';\nconst m = await import('./lazy.ts');"), [
    './x.ts',
    '../y.ts',
    './z.ts',
    './lazy.ts',
  ]);
});

test('no import cycles in src/, server/ and client/', () => {
  const files = ['src', 'server', 'client'].flatMap((d) => sourceFiles(path.join(ROOT, d)));
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = importsOf(readFileSync(f, 'utf8'))
      .map((spec) => path.resolve(path.dirname(f), spec))
      .filter((t) => existsSync(t));
    graph.set(path.relative(ROOT, f), targets.map((t) => path.relative(ROOT, t)));
  }
  assert.ok(graph.size > 50, `read ${graph.size} modules`);
  assert.equal(findCycle(graph)?.join(' -> ') ?? null, null);
});
