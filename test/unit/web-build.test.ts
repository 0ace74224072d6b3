// The browser build: what package.json declares for it, and that nothing Node-only reaches the
// web entry points (a browser worker has no `require`, no `process`, no Node modules).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureBuilt } from '../support/build.ts';
import { importsOf } from '../support/imports.ts';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('package.json: a Node and a browser entry point, run where the workspace is, limited on virtual workspaces', () => {
  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.browser, './dist/web/extension.js');
  assert.deepEqual(pkg.extensionKind, ['workspace']);
  assert.equal(pkg.capabilities.virtualWorkspaces.supported, 'limited');
  assert.match(pkg.capabilities.virtualWorkspaces.description, /local/);
  const ignore = readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/web/extension.js', 'dist/web/server.js']) assert.ok(ignore.includes(`!${f}`), `${f} goes into the .vsix`);
});

/** Every source file an entry point reaches through relative imports. */
function closure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), spec);
      if (existsSync(target) && /\.ts$/.test(target)) visit(target);
    }
  };
  visit(path.join(ROOT, entry));
  return [...seen];
}

test('the web entry points reach no Node module (only node:path, which the build maps to path-browserify)', () => {
  for (const entry of ['client/web.ts', 'server/browser.ts']) {
    const files = closure(entry);
    assert.ok(files.length > 10, `${entry} reaches the shared code`);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const nodeImports = [...text.matchAll(/from\s+['"](node:[\w/]+)['"]/g)].map((m) => m[1]).filter((m) => m !== 'node:path');
      assert.deepEqual(nodeImports, [], `${path.relative(ROOT, f)} (reached from ${entry}) imports Node modules`);
    }
    // and the Node hosts stay out of it
    for (const nodeOnly of ['client/node.ts', 'client/atomicWrite.ts', 'server/worker.ts', 'server/nodeHost.ts', 'server/main.ts']) {
      assert.ok(!files.includes(path.join(ROOT, nodeOnly)), `${entry} does not reach ${nodeOnly}`);
    }
  }
});

test('the web bundles load nothing at run time but the vscode module', () => {
  ensureBuilt();
  const ext = readFileSync(path.join(ROOT, 'dist', 'web', 'extension.js'), 'utf8');
  const srv = readFileSync(path.join(ROOT, 'dist', 'web', 'server.js'), 'utf8');
  assert.deepEqual([...new Set([...ext.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))], ['vscode']);
  assert.deepEqual([...srv.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]), []);
});
