// A blank page in headless Chromium (the e2e setup's playwright-core and Debian's chromium) that
// can start the browser build of the language server: GET /server.js is dist/web/server.js.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CHROMIUM_ARGS, REPO_ROOT, loadInstall, requireTool } from '../scripts/e2e/vscode-server.mjs';
import { CHROMIUM_PATH } from '../scripts/e2e/versions.mjs';

export async function openServerPage() {
  const bundle = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'web', 'server.js'));
  const site = http.createServer((req, res) => {
    if (req.url === '/server.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>clc web server</title>');
  });
  await new Promise((r) => site.listen(0, '127.0.0.1', r));
  const { chromium } = requireTool('playwright-core', loadInstall());
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${site.address().port}/`);
  const close = async () => {
    await browser.close().catch(() => undefined);
    site.close();
  };
  return { page, close };
}
