#!/usr/bin/env node
// `npm start`: serves a real VS Code workbench on 127.0.0.1 with this extension loaded from the repo root
// and examples/ opened, prints the URL, and stays in the foreground until Ctrl-C.
//
// The extension is served as an installed extension (a link to the repository in the run's extensions
// folder) rather than through the test payload, which needs the smoke-test driver, and that driver
// hides all notification toasts ("Wrote the Ignition config to ..."). After `npm run build`, run
// "Developer: Reload Window" in the workbench to pick up the new build.
//
//   node scripts/start.mjs [--port N] [--workspace DIR] [--screenshot FILE]
//
// The extension is loaded as built: run `npm run build` first (dist/extension.js). --screenshot opens the
// URL once in headless Chromium, waits for the workbench and saves a picture (a quick check that it works).
// Installs the VS Code test setup into .vscode-test/ on first use (a few minutes).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureInstalled } from './e2e/install-vscode-server.mjs';
import {
  REPO_ROOT,
  cleanupRunDir,
  getFreePort,
  isPortInUse,
  launchBrowser,
  linkExtension,
  newRunName,
  openWorkbench,
  prepareRunDir,
  startServer,
  waitForWorkbench,
} from './e2e/vscode-server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT || '8080' },
    workspace: { type: 'string', default: path.join(REPO_ROOT, 'examples') },
    screenshot: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: node scripts/start.mjs [--port N] [--workspace DIR] [--screenshot FILE]');
  process.exit(0);
}

const host = '127.0.0.1';
const workspace = path.resolve(values.workspace);
if (!fs.existsSync(workspace)) {
  console.error(`workspace ${workspace} does not exist`);
  process.exit(2);
}
const main = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).main;
if (main && !fs.existsSync(path.join(REPO_ROOT, main))) {
  console.error(`warning: ${main} is missing, so the extension cannot activate: run \`npm run build\` first`);
}

const install = await ensureInstalled({ quiet: true });
let port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`bad --port ${values.port}`);
  process.exit(2);
}
if (port === 0 || (await isPortInUse(port, host))) {
  const wanted = port;
  port = await getFreePort(host);
  if (wanted) console.error(`port ${wanted} is in use; using ${port}`);
}

const runDir = prepareRunDir(path.join(install.root, 'start', newRunName()));
let server;
let browser;
let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  await browser?.close();
  await server?.stop();
  cleanupRunDir(runDir);
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
process.on('SIGHUP', () => shutdown(0));

try {
  server = await startServer({ install, runDir, host, port, smokeTestDriver: false, extensionsDir: linkExtension(runDir, REPO_ROOT) });
} catch (err) {
  console.error(err.message);
  await shutdown(1);
}
// a readable URL: slashes of the folder path left as they are
const url = `${server.baseUrl}/?folder=${workspace.split(path.sep).map(encodeURIComponent).join('/')}`;
server.exited.then(({ code, signal }) => {
  if (stopping) return;
  console.error(`VS Code server exited (${signal ?? code}); log: ${server.logFile}`);
  shutdown(1);
});

console.log(`\nVS Code with the clc extension (from ${REPO_ROOT}) and ${workspace}:\n\n  ${url}\n`);
console.log(`Open that URL in a browser on this machine. Server log: ${server.logFile}\nPress Ctrl-C to stop.`);

if (values.screenshot) {
  try {
    browser = await launchBrowser({ install, runDir });
    await openWorkbench({ page: browser.page, url });
    await waitForWorkbench(browser.page);
    await browser.page.waitForTimeout(5000); // let extensions activate and the editor settle
    const file = path.resolve(values.screenshot);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await browser.page.screenshot({ path: file });
    console.log(`screenshot: ${file}`);
  } catch (err) {
    console.error(`screenshot failed: ${err.message}`);
  } finally {
    await browser?.close();
    browser = undefined;
  }
}
