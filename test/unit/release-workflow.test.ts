// The release workflow cannot run here; what can be checked is that it is a well-formed workflow
// triggered by tags, that every npm script it runs exists in package.json (packaging included,
// through the same `npm run package` as the tests), and that both stores are published with the
// tools they document, each only when its token is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../support/build.ts';
import { npmScriptsIn } from '../support/npm-scripts.ts';

const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

interface Step {
  name?: string;
  run?: string;
  if?: string;
  uses?: string;
}

function workflows(): Array<{ file: string; doc: any; steps: Step[] }> {
  return readdirSync(WORKFLOWS)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => {
      const doc = parse(readFileSync(path.join(WORKFLOWS, f), 'utf8'));
      const steps = Object.values(doc.jobs as Record<string, { steps: Step[] }>).flatMap((j) => j.steps ?? []);
      return { file: f, doc, steps };
    });
}

test('npmScriptsIn finds the scripts a command line runs', () => {
  assert.deepEqual(npmScriptsIn('npm ci && npm test\nnpm run package -- --out x.vsix; npm run-script test:e2e'), ['package', 'test:e2e', 'test']);
  assert.deepEqual(npmScriptsIn('npx vsce publish'), []);
});

test('every npm script a workflow runs exists in package.json', () => {
  const all = workflows();
  assert.ok(all.length >= 1, 'a workflow exists');
  for (const { file, steps } of all) {
    for (const s of steps) {
      for (const script of npmScriptsIn(s.run ?? '')) assert.ok(pkg.scripts[script], `${file}: "${s.name ?? s.run}" runs npm script ${script}, which package.json does not have`);
    }
  }
});

test('the release runs on a tag: build, test, package, attach, publish when tokens are set', () => {
  const release = workflows().find((w) => w.doc.on?.push?.tags);
  assert.ok(release, 'a workflow triggered by pushed tags');
  const runs = release.steps.map((s) => s.run ?? '');
  const index = (re: RegExp) => runs.findIndex((r) => re.test(r));
  const order = [/\bnpm ci\b/, /\bnpm test\b/, /\bnpm run package\b/, /gh release (create|upload).*\.vsix/, /\bvsce publish\b/, /\bovsx publish\b/].map(index);
  assert.ok(order.every((i) => i >= 0), `steps found at ${order}`);
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'in this order');
  // npm test is the one that builds and type checks
  assert.match(pkg.scripts.test, /npm run build && npm run typecheck/);
  // each store only with its token, so a fork without secrets still gets its release
  const vsce = release.steps.find((s) => /\bvsce publish\b/.test(s.run ?? ''))!;
  const ovsx = release.steps.find((s) => /\bovsx publish\b/.test(s.run ?? ''))!;
  assert.match(vsce.if ?? '', /VSCE_PAT/);
  assert.match(ovsx.if ?? '', /OVSX_PAT/);
  // `npx vsce` is the devDependency the package script already uses
  assert.ok(pkg.devDependencies['@vscode/vsce']);
});
