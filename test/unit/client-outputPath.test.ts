import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { computeOutputPath, splitConfigName, DEFAULT_OUTPUT_PATTERN } from '../../client/outputPath.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/protocol.ts';

const posix = (source: string, pattern: string, workspaceFolder?: string) => computeOutputPath({ source, pattern, workspaceFolder, path: path.posix });

test('the default writes <name>.ign beside the config', () => {
  assert.equal(DEFAULT_OUTPUT_PATTERN, DEFAULT_SETTINGS.transpile.output);
  assert.deepEqual(posix('/w/cfg/cl-config.yml', ''), { ok: true, path: '/w/cfg/cl-config.ign' });
  assert.deepEqual(posix('/w/cfg/web.yaml', DEFAULT_OUTPUT_PATTERN, '/w'), { ok: true, path: '/w/cfg/web.ign' });
});

test('configs sharing a folder get different outputs by default', () => {
  const a = posix('/w/nodes/a.yml', '');
  const b = posix('/w/nodes/b.yml', '');
  const c = posix('/w/nodes/c.clc.yml', '');
  assert.ok(a.ok && b.ok && c.ok);
  assert.equal(new Set([a.path, b.path, c.path]).size, 3);
  // the .clc that marks the language is not part of the name: node.clc.yml becomes node.ign
  assert.equal(c.path, '/w/nodes/c.ign');
});

test('variables', () => {
  assert.deepEqual(posix('/w/x/web.yml', '${workspaceFolder}/out/${name}.json', '/w'), { ok: true, path: '/w/out/web.json' });
  assert.deepEqual(posix('/w/x/web.yml', '${dir}/${fileBasename}.ign'), { ok: true, path: '/w/x/web.yml.ign' });
  assert.deepEqual(posix('/w/x/web.YAML', '${dir}/${name}${ext}.ign'), { ok: true, path: '/w/x/web.YAML.ign' });
  assert.deepEqual(posix('/w/x/Makefile', '${dir}/${name}.ign'), { ok: true, path: '/w/x/Makefile.ign' });
});

test('relative patterns start at the workspace folder, else at the config folder', () => {
  assert.deepEqual(posix('/w/x/web.yml', 'build/${name}.ign', '/w'), { ok: true, path: '/w/build/web.ign' });
  assert.deepEqual(posix('/elsewhere/web.yml', 'build/${name}.ign'), { ok: true, path: '/elsewhere/build/web.ign' });
  assert.deepEqual(posix('/w/x/web.yml', '../${name}.ign', '/w/x'), { ok: true, path: '/w/web.ign' });
});

test('errors', () => {
  const unknown = posix('/w/web.yml', '${dir}/${base}.ign');
  assert.equal(unknown.ok, false);
  assert.match((unknown as { error: string }).error, /unknown variable \$\{base\}/);
  const noFolder = posix('/w/web.yml', '${workspaceFolder}/web.ign');
  assert.match((noFolder as { error: string }).error, /not inside a workspace folder/);
  assert.match((posix('/w/web.yml', '${dir}/') as { error: string }).error, /folder/);
});

test('never the config itself or another YAML file', () => {
  assert.match((posix('/w/web.yml', '${dir}/${name}${ext}') as { error: string }).error, /the config itself/);
  assert.match((posix('/w/web.yaml', '${dir}/${name}.yml') as { error: string }).error, /YAML file name/);
  const win = computeOutputPath({ source: 'C:\\w\\Web.yml', pattern: 'c:\\w\\web.YML', path: path.win32, caseInsensitive: true });
  assert.equal(win.ok, false);
});

test('windows paths', () => {
  assert.deepEqual(computeOutputPath({ source: 'C:\\w\\cfg\\web.yml', pattern: '', path: path.win32 }), { ok: true, path: 'C:\\w\\cfg\\web.ign' });
  assert.deepEqual(computeOutputPath({ source: 'C:\\w\\cfg\\web.yml', pattern: 'out\\${name}.ign', workspaceFolder: 'C:\\w', path: path.win32 }), {
    ok: true,
    path: 'C:\\w\\out\\web.ign',
  });
});

test('splitConfigName', () => {
  assert.deepEqual(splitConfigName('a.yml'), { name: 'a', ext: '.yml' });
  assert.deepEqual(splitConfigName('a.b.yaml'), { name: 'a.b', ext: '.yaml' });
  assert.deepEqual(splitConfigName('.yml'), { name: '.yml', ext: '' });
  assert.deepEqual(splitConfigName('config'), { name: 'config', ext: '' });
  assert.deepEqual(splitConfigName('node.clc.yml'), { name: 'node', ext: '.clc.yml' });
  assert.deepEqual(splitConfigName('node.CLC.yaml'), { name: 'node', ext: '.CLC.yaml' });
  assert.deepEqual(splitConfigName('.clc.yml'), { name: '.clc', ext: '.yml' });
  assert.deepEqual(splitConfigName('clc.yml'), { name: 'clc', ext: '.yml' });
});
