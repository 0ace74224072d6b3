// Building blocks to run a real VS Code (the server bundled in code-server) headless on this machine and
// drive its web workbench with Chromium through playwright-core. Used by run-vscode-tests.mjs (extension
// integration tests), scripts/start.mjs (npm start) and UI tests. See test/integration/README.md.
//
// Nothing here installs anything: call ensureInstalled() from install-vscode-server.mjs first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import util from 'node:util';
import { CHROMIUM_PATH, REPO_ROOT, layout } from './versions.mjs';

export { REPO_ROOT, layout };

/** Layout of an existing install; throws a clear error when it is missing. */
export function loadInstall(root) {
  const L = layout(root);
  const missing = [L.nodeBin, L.serverMain, path.join(L.toolsNodeModules, 'playwright-core')].filter((p) => !fs.existsSync(p));
  if (missing.length) {
    throw new Error(
      `VS Code test setup not installed (missing ${missing.join(', ')}).\n` +
        `Run: node ${path.relative(process.cwd(), path.join(REPO_ROOT, 'scripts/e2e/install-vscode-server.mjs')) || '.'}`,
    );
  }
  return L;
}

/** Loads a package from .vscode-test/tools/node_modules (playwright-core, mocha). */
export function requireTool(name, install = loadInstall()) {
  return createRequire(path.join(install.toolsDir, 'package.json'))(name);
}

/** A TCP port that was free on `host` a moment ago. */
export function getFreePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen({ host, port: 0 }, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** True when something accepts connections on host:port. */
export function isPortInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

// User settings seeded for every server: quiet, deterministic, offline.
export const DEFAULT_USER_SETTINGS = {
  'files.autoSave': 'off',
  'telemetry.telemetryLevel': 'off',
  'telemetry.feedback.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'chat.agent.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.autoDetect': 'off',
};

// Unix socket paths are limited to 107 bytes. Chromium puts its singleton socket under $TMPDIR
// (+44 chars) and VS Code its IPC sockets under $XDG_RUNTIME_DIR (+52 chars), so both must stay short.
const MAX_SOCKET_DIR = 50;

/**
 * Folders for one isolated run under `dir`: server data, browser profile, XDG dirs and TMPDIR.
 * When `dir` is too deep for Unix sockets, TMPDIR and XDG_RUNTIME_DIR go to a short private folder
 * under /tmp instead (removed by cleanupRunDir()).
 */
export function prepareRunDir(dir) {
  dir = path.resolve(dir);
  const d = {
    dir,
    serverData: path.join(dir, 'server-data'),
    browserProfile: path.join(dir, 'browser-profile'),
    xdgConfig: path.join(dir, 'xdg', 'config'),
    xdgData: path.join(dir, 'xdg', 'data'),
    xdgCache: path.join(dir, 'xdg', 'cache'),
    xdgState: path.join(dir, 'xdg', 'state'),
    xdgRuntime: path.join(dir, 'run'),
    tmp: path.join(dir, 'tmp'),
    logs: path.join(dir, 'logs'),
    shortDir: undefined,
  };
  if (d.xdgRuntime.length > MAX_SOCKET_DIR || process.env.CLC_E2E_FORCE_SHORT_TMP) {
    fs.mkdirSync(dir, { recursive: true });
    d.shortDir = fs.mkdtempSync('/tmp/clc-e2e-');
    d.xdgRuntime = path.join(d.shortDir, 'run');
    d.tmp = path.join(d.shortDir, 'tmp');
    fs.writeFileSync(path.join(dir, 'short-tmp-dir.txt'), `${d.shortDir}\n`);
  }
  for (const [k, p] of Object.entries(d)) if (p && k !== 'shortDir') fs.mkdirSync(p, { recursive: true, mode: 0o700 });
  return d;
}

/** Removes the short /tmp folder of a run (if any) and, unless keep, the run folder itself. */
export function cleanupRunDir(runDir, { keep = false } = {}) {
  if (runDir.shortDir) fs.rmSync(runDir.shortDir, { recursive: true, force: true, maxRetries: 3 });
  if (!keep) fs.rmSync(runDir.dir, { recursive: true, force: true, maxRetries: 3 });
}

/** A short, unique folder name for a run. */
export function newRunName() {
  return `${Date.now().toString(36)}-${process.pid}`;
}

/** Environment that keeps a process's files inside the run dir. */
export function isolatedEnv(runDir, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: runDir.xdgConfig,
    XDG_DATA_HOME: runDir.xdgData,
    XDG_CACHE_HOME: runDir.xdgCache,
    XDG_STATE_HOME: runDir.xdgState,
    XDG_RUNTIME_DIR: runDir.xdgRuntime,
    TMPDIR: runDir.tmp,
    ...extra,
  };
}

/** Writes the user settings.json the server hands to the workbench (merging `settings` over the defaults). */
export function seedUserSettings(serverDataDir, settings = {}) {
  const userDir = path.join(serverDataDir, 'data', 'User');
  fs.mkdirSync(userDir, { recursive: true });
  const file = path.join(userDir, 'settings.json');
  fs.writeFileSync(file, JSON.stringify({ ...DEFAULT_USER_SETTINGS, ...settings }, null, 2) + '\n');
  return file;
}

const liveGroups = new Set();
process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the VS Code server (code-server's lib/vscode/out/server-main.js on Node 24) in its own process group.
 * @returns {Promise<{host, port, baseUrl, child, logFile, exited: Promise<{code, signal}>, stop(): Promise<void>}>}
 */
export async function startServer({
  install = loadInstall(),
  runDir, // from prepareRunDir()
  host = '127.0.0.1',
  port,
  userSettings = {},
  env = {},
  extraArgs = [],
  onOutput, // (text) => void, server stdout/stderr
  readyTimeoutMs = 90_000,
  // The smoke-test driver makes the workbench honour the URL payload (extensionDevelopmentPath,
  // extensionTestsPath) but also hides notification toasts; UI tests and `npm start` turn it off and
  // load the extension through extensionsDir instead (see linkExtension()).
  smokeTestDriver = true,
  extensionsDir, // --extensions-dir: where the server looks for installed extensions
} = {}) {
  if (!runDir) throw new Error('startServer: runDir is required (use prepareRunDir())');
  port = port ?? (await getFreePort(host));
  seedUserSettings(runDir.serverData, userSettings);
  const args = [
    install.serverMain,
    '--host', host,
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    ...(smokeTestDriver ? ['--enable-smoke-test-driver'] : []), // without it the workbench ignores the test payload
    ...(extensionsDir ? ['--extensions-dir', extensionsDir] : []),
    '--disable-workspace-trust',
    '--disable-telemetry',
    '--skip-welcome',
    '--server-data-dir', runDir.serverData,
    ...extraArgs,
  ];
  const logFile = path.join(runDir.logs, 'server.log');
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const child = spawn(install.nodeBin, args, {
    detached: true, // own process group: stop() kills the server, its extension hosts and their children
    stdio: ['ignore', 'pipe', 'pipe'],
    env: isolatedEnv(runDir, {
      // Test suites load mocha from here: require(path.join(process.env.CLC_E2E_TOOLS, 'mocha')).
      // (NODE_PATH would not do: VS Code's extension host drops Node's global lookup paths.)
      CLC_E2E_TOOLS: install.toolsNodeModules,
      ...env,
    }),
  });
  liveGroups.add(child.pid);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let output = '';
  const onData = (d) => {
    log.write(d);
    const s = d.toString();
    if (output.length < 20_000) output += s;
    onOutput?.(s);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child.pid, 'SIGTERM');
      await Promise.race([exited, delay(5000)]);
    }
    killGroup(child.pid, 'SIGKILL'); // whatever is left in the group (extension hosts, pty hosts, ...)
    liveGroups.delete(child.pid);
    await Promise.race([exited, delay(2000)]);
    log.end();
  };

  const baseUrl = `http://${host}:${port}`;
  const deadline = Date.now() + readyTimeoutMs;
  let ready = false;
  let early;
  exited.then((e) => (early = e));
  while (!ready) {
    if (early) {
      await stop();
      throw new Error(`VS Code server exited early (${early.signal ?? early.code}). Output:\n${output.slice(-4000)}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`VS Code server not answering on ${baseUrl} after ${readyTimeoutMs / 1000}s. Output:\n${output.slice(-4000)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/version`, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      ready = res.status < 500;
    } catch {
      await delay(250);
    }
  }
  return { host, port, baseUrl, child, logFile, exited, stop };
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Makes the extension folder `extensionPath` an installed extension of a server started with
 * `extensionsDir` (returned): a symlink named publisher.name-version in <runDir>/extensions. This
 * loads the extension without the smoke-test driver, so the workbench behaves as it does for a user
 * (notification toasts included). Removing the run folder removes the link, never its target.
 */
export function linkExtension(runDir, extensionPath) {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  const dir = path.join(runDir.dir, 'extensions');
  fs.mkdirSync(dir, { recursive: true });
  const link = path.join(dir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.resolve(extensionPath), link, 'dir');
  return dir;
}

function remoteUri(authority, p) {
  const abs = path.resolve(p).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${authority}${abs}`;
}

/**
 * URL of the workbench opening `folder`, with an extension under development and optionally a test suite.
 * The payload is only honoured because the server runs with --enable-smoke-test-driver.
 */
export function workbenchUrl({ baseUrl, folder, extensionDevelopmentPath, extensionTestsPath, payload = [] }) {
  const u = new URL(baseUrl);
  const items = [];
  for (const p of [].concat(extensionDevelopmentPath ?? [])) items.push(['extensionDevelopmentPath', remoteUri(u.host, p)]);
  if (extensionTestsPath) items.push(['extensionTestsPath', remoteUri(u.host, extensionTestsPath)]);
  items.push(['skipWelcome', 'true'], ...payload);
  u.pathname = '/';
  if (folder) u.searchParams.set('folder', path.resolve(folder));
  u.searchParams.set('payload', JSON.stringify(items));
  return u.href;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Chromium (Debian's, by default) with a fresh profile in runDir. Returns {context, page, close()}. */
export async function launchBrowser({
  install = loadInstall(),
  runDir,
  headless = true,
  executablePath = CHROMIUM_PATH,
  args = [],
  viewport = { width: 1400, height: 900 },
  launchTimeoutMs = 60_000,
} = {}) {
  if (!runDir) throw new Error('launchBrowser: runDir is required (use prepareRunDir())');
  if (!fs.existsSync(executablePath)) {
    throw new Error(`no browser at ${executablePath}: install Debian's chromium (the installer does) or set CLC_CHROMIUM_PATH`);
  }
  const { chromium } = requireTool('playwright-core', install);
  const context = await chromium.launchPersistentContext(runDir.browserProfile, {
    executablePath,
    headless,
    args: [...CHROMIUM_ARGS, ...args],
    viewport,
    env: isolatedEnv(runDir),
    timeout: launchTimeoutMs,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await Promise.race([context.close().catch(() => {}), delay(10_000)]);
  };
  return { context, page, close };
}

/** Formats what the workbench passes to codeAutomationLog(type, args). */
export function formatLogArgs(args) {
  if (Array.isArray(args)) return util.format(...args);
  return typeof args === 'string' ? args : util.format(args);
}

/**
 * Navigates `page` to `url` after exposing the smoke-test hooks:
 *   onLog(type, text)   extension host output (console.* of the tests and extensions)
 *   onExit(code, logs)  the extension host ended; code is the suite's status, logs the workbench's log files
 * Returns the page once its DOM is loaded; use waitForWorkbench() to wait for the UI.
 */
export async function openWorkbench({ page, url, onLog, onExit, onPageError, navigationTimeoutMs = 60_000 }) {
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    try {
      onLog?.(type, formatLogArgs(args));
    } catch (err) {
      console.error('codeAutomationLog handler failed:', err);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    onExit?.(code, logs);
  });
  if (onPageError) {
    page.on('pageerror', (err) => onPageError(err));
    page.on('crash', () => onPageError(new Error('the workbench page crashed')));
  }
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: navigationTimeoutMs });
  return page;
}

/** Waits until the workbench UI is on screen. */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
}

// Stack frames inside the workbench's own bundle (served over http) say nothing about the code under test.
const WORKBENCH_FRAME = /^\s+at .*https?:\/\/[^\s)]*\/static\/out\/vs\/.*$/;

/** Drops stack frames of the workbench bundle from a log message (extension host frames are kept). */
export function trimWorkbenchFrames(text) {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const kept = lines.filter((l) => !WORKBENCH_FRAME.test(l));
  return kept.length === lines.length ? text : kept.join('\n');
}

/** Writes the log files the workbench hands to codeAutomationExit into `dir`. */
export function saveWorkbenchLogs(logs, dir) {
  if (!Array.isArray(logs)) return 0;
  let n = 0;
  for (const { relativePath, contents } of logs) {
    if (typeof relativePath !== 'string' || relativePath.includes('..')) continue;
    const file = path.join(dir, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, contents ?? '');
    n++;
  }
  return n;
}

class AbortedError extends Error {}

function isPidAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Removes all but the newest `keep` run folders (failed runs are kept for inspection). */
export function pruneRuns(runsDir, keep = 4) {
  let entries;
  try {
    entries = fs.readdirSync(runsDir, { withFileTypes: true }).filter((e) => e.isDirectory());
  } catch {
    return;
  }
  const dirs = entries
    .filter((e) => !isPidAlive(Number(/-(\d+)$/.exec(e.name)?.[1]))) // never a run still in progress
    .map((e) => path.join(runsDir, e.name))
    .map((p) => ({ p, t: fs.statSync(p).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { p } of dirs.slice(keep)) fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Adds up mocha's "N passing / N failing / N pending" lines seen in the output, for a closing line
 * "e2e: N passed, N failed[, N skipped]" that CI can read.
 */
export function mochaCounter() {
  const c = { passed: 0, failed: 0, skipped: 0, seen: false };
  const re = /^\s*(\d+) (passing|failing|pending)\b/gm;
  return {
    counts: c,
    scan(text) {
      for (const m of text.matchAll(re)) {
        c.seen = true;
        c[{ passing: 'passed', failing: 'failed', pending: 'skipped' }[m[2]]] += Number(m[1]);
      }
    },
    summary(status) {
      if (!c.seen) return status === 0 ? '' : 'e2e: 0 passed, 1 failed';
      const failed = status !== 0 && c.failed === 0 ? 1 : c.failed; // the suite failed outside mocha's count
      return `e2e: ${c.passed} passed, ${failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
    },
  };
}

/**
 * Runs an extension's test suite in a real VS Code and resolves with an exit status:
 * the suite's status, 124 on timeout, 130 when aborted, 2 when the setup itself failed.
 */
export async function runExtensionTests({
  extensionDevelopmentPath,
  extensionTestsPath,
  workspace, // copied into the run dir; the copy is opened
  timeoutMs = 10 * 60_000,
  screenshotDir,
  install = loadInstall(),
  runDir: runDirPath,
  keepRunDir = false,
  userSettings = {},
  verbose = false,
  signal, // AbortSignal
  out = (s) => process.stdout.write(s),
  // a test that logs "screenshot: <name>" gets <screenshotDir>/<name>.png taken while it waits
  screenshotRequests = false,
}) {
  const started = Date.now();
  if (!runDirPath) pruneRuns(install.runsDir);
  const runDir = prepareRunDir(runDirPath ?? path.join(install.runsDir, newRunName()));
  const say = (m) => out(`[vscode-tests] ${m}\n`);
  let server;
  let browser;
  let status = 2;
  let timer;
  const counts = mochaCounter();
  try {
    if (!fs.existsSync(extensionTestsPath)) throw new Error(`no test module at ${extensionTestsPath}`);
    if (!fs.existsSync(path.join(extensionDevelopmentPath, 'package.json'))) {
      throw new Error(`no extension at ${extensionDevelopmentPath} (no package.json)`);
    }
    let folder;
    if (workspace) {
      folder = path.join(runDir.dir, 'workspace');
      fs.cpSync(workspace, folder, { recursive: true });
    }
    server = await startServer({
      install,
      runDir,
      userSettings,
      onOutput: verbose ? (s) => out(s.replace(/^/gm, '[server] ')) : undefined,
    });
    say(`VS Code server ready on ${server.baseUrl} (${Date.now() - started} ms)`);
    if (signal?.aborted) throw new AbortedError();
    browser = await launchBrowser({ install, runDir });

    let settle;
    const result = new Promise((resolve) => (settle = resolve));
    timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
    signal?.addEventListener('abort', () => settle({ kind: 'abort' }), { once: true });
    if (signal?.aborted) settle({ kind: 'abort' });
    server.exited.then((e) => settle({ kind: 'server-exit', e }));
    const url = workbenchUrl({ baseUrl: server.baseUrl, folder, extensionDevelopmentPath, extensionTestsPath });
    if (verbose) say(`opening ${url}`);
    await openWorkbench({
      page: browser.page,
      url,
      onLog: (_type, text) => {
        counts.scan(text);
        const shot = screenshotRequests && screenshotDir ? /^screenshot: ([\w.-]+)$/m.exec(text) : null;
        if (shot) {
          fs.mkdirSync(screenshotDir, { recursive: true });
          const file = path.join(screenshotDir, `${shot[1]}.png`);
          browser.page.screenshot({ path: file, timeout: 15_000 }).then(
            () => say(`screenshot: ${file}`),
            (err) => say(`screenshot failed: ${err.message.split('\n')[0]}`),
          );
        }
        out(`${verbose ? text : trimWorkbenchFrames(text)}\n`);
      },
      onExit: (code, logs) => settle({ kind: 'exit', code, logs }),
      onPageError: (err) => {
        if (/crashed/.test(err.message)) settle({ kind: 'crash', err });
        else if (verbose) say(`page error: ${err.message}`);
      },
    });
    const r = await result;
    clearTimeout(timer);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (r.kind === 'exit') {
      status = Number.isInteger(r.code) ? r.code : 1;
      const n = saveWorkbenchLogs(r.logs, runDir.logs);
      say(`test suite finished with exit code ${status} after ${secs}s${n && (status || keepRunDir) ? ` (workbench logs: ${runDir.logs})` : ''}`);
    } else if (r.kind === 'timeout') {
      status = 124;
      say(`TIMEOUT: the test suite did not finish within ${timeoutMs / 1000}s`);
    } else if (r.kind === 'abort') {
      status = 130;
      say('aborted');
    } else if (r.kind === 'server-exit') {
      status = 2;
      say(`the VS Code server exited unexpectedly (${r.e.signal ?? r.e.code}); see ${server.logFile}`);
    } else {
      status = 2;
      say(`the workbench page crashed`);
    }
    if (screenshotDir && browser) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      const file = path.join(screenshotDir, status === 0 ? 'vscode-final.png' : 'vscode-failure.png');
      await browser.page.screenshot({ path: file, timeout: 15_000 }).then(
        () => say(`screenshot: ${file}`),
        (err) => say(`screenshot failed: ${err.message.split('\n')[0]}`),
      );
    }
  } catch (err) {
    if (err instanceof AbortedError) {
      status = 130;
      say('aborted');
    } else {
      status = 2;
      say(`ERROR: ${err.message}`);
    }
  } finally {
    clearTimeout(timer);
    await browser?.close();
    await server?.stop();
  }
  const keep = keepRunDir || status !== 0;
  cleanupRunDir(runDir, { keep });
  if (keep) say(`run folder kept: ${runDir.dir}`);
  const summary = counts.summary(status);
  if (summary) out(`${summary}\n`);
  return status;
}
