// Makes sure dist/ holds bundles built from the current sources (rebuilds when a source is newer).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const CLCT = path.join(ROOT, 'dist', 'clct.js');

function newest(dir: string): number {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.(ts|json)$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

export function ensureBuilt(): void {
  const sources = Math.max(newest(path.join(ROOT, 'src')), newest(path.join(ROOT, 'server')), newest(path.join(ROOT, 'schemas')));
  const built = Math.min(...[SERVER, CLCT].map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  if (built >= sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
