#!/usr/bin/env node
// Idempotent installer for the headless VS Code test setup (see test/integration/README.md).
//
//   node scripts/e2e/install-vscode-server.mjs [--check] [--force] [--dir D] [--verbose]
//
// Puts under .vscode-test/ (or --dir / $CLC_VSCODE_TEST_DIR):
//   node-v24.x-linux-<arch>/   Node 24, from the npm package node-linux-<arch> (code-server needs Node 24)
//   code-server-<v>/           code-server, whose lib/vscode is the VS Code server we run
//   tools/node_modules/        playwright-core and mocha, used by the launcher and the test suites
// and installs the Debian packages chromium (the browser) and libkrb5-dev (to build a native module).
// Each part is checked first and skipped when present and working. --check only reports (exit 1 if
// anything is missing). Parts are installed into a *.partial folder and renamed when complete, so an
// interrupted install never looks finished.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import {
  APT_PACKAGES,
  CHROMIUM_PATH,
  CODE_SERVER_VERSION,
  MOCHA_VERSION,
  NODE_VERSION,
  PLAYWRIGHT_CORE_VERSION,
  layout,
} from './versions.mjs';

export class InstallError extends Error {}

// npm settings for every npm call; a value already set in the environment wins.
const NPM_ENV = Object.fromEntries(
  Object.entries({
    npm_config_fetch_retries: '4', // npm's own retries with backoff 10s, 20s, 40s, 60s ...
    npm_config_fetch_retry_mintimeout: '10000',
    npm_config_fetch_retry_maxtimeout: '60000',
    npm_config_fetch_timeout: '300000',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_progress: 'false',
    npm_config_loglevel: 'warn',
  }).filter(([k]) => process.env[k] === undefined),
); // ... and each whole step is retried up to 3 times (withRetries)
const COMMAND_TIMEOUT_MS = 20 * 60_000;

function stamp() {
  return new Date().toISOString().slice(11, 19);
}

// Variables an npm process sets for the scripts it runs. Under `npm run test:e2e` they describe that
// outer npm (Node 20): a nested `npm install` would inherit its user agent, which code-server's
// postinstall reads to check for Node 24, and its execpath and node-gyp. Dropping them lets each npm we
// start describe itself, as when the installer runs from a plain shell. Settings (npm_config_registry,
// proxies, ...) are kept.
const PARENT_NPM_VARS = /^npm_(config_user_agent|node_execpath|execpath|command|config_node_gyp|config_local_prefix|lifecycle_.*|package_.*)$/;

function childEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const k of Object.keys(env)) if (PARENT_NPM_VARS.test(k) && !(k in extra)) delete env[k];
  return env;
}

/** Runs a command, appending its output to logFile; throws InstallError with the output's tail on failure. */
function run(cmd, args, { cwd, env, logFile, verbose, timeoutMs = COMMAND_TIMEOUT_MS, label = cmd } = {}) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const chunks = [];
    let child;
    try {
      child = spawn(cmd, args, { cwd, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      reject(new InstallError(`${label}: cannot start ${cmd}: ${err.message}`));
      return;
    }
    const log = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
    log?.write(`\n[${stamp()}] $ ${cmd} ${args.join(' ')}\n`);
    const onData = (d) => {
      chunks.push(d);
      log?.write(d);
      if (verbose) process.stderr.write(d);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const heartbeat = setInterval(() => {
      console.error(`[${stamp()}]   ... ${label} still running (${Math.round((Date.now() - started) / 1000)}s)`);
    }, 60_000);
    const timer = setTimeout(() => {
      console.error(`[${stamp()}]   ${label} exceeded ${timeoutMs / 1000}s, killing it`);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearInterval(heartbeat);
      clearTimeout(timer);
      log?.end();
      reject(new InstallError(`${label}: cannot run ${cmd}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearInterval(heartbeat);
      clearTimeout(timer);
      log?.end();
      const out = Buffer.concat(chunks).toString('utf8');
      if (code === 0) {
        resolve(out);
        return;
      }
      const tail = out.trimEnd().split('\n').slice(-40).join('\n');
      reject(
        new InstallError(
          `${label} failed (${signal ? `signal ${signal}` : `exit ${code}`}): ${cmd} ${args.join(' ')}\n` +
            `--- last lines of output${logFile ? ` (full log: ${logFile})` : ''} ---\n${tail}`,
        ),
      );
    });
  });
}

async function withRetries(label, attempts, fn) {
  for (let i = 1; ; i++) {
    try {
      return await fn(i);
    } catch (err) {
      if (i >= attempts || !(err instanceof InstallError)) throw err;
      const wait = 10_000 * i;
      console.error(`[${stamp()}] ${label}: attempt ${i}/${attempts} failed, retrying in ${wait / 1000}s\n${indent(err.message)}`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

function indent(s) {
  return s
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

function rmrf(p) {
  fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- checks

function missingAptPackages({ needBuildDeps }) {
  const wanted = APT_PACKAGES.filter((p) => p !== 'libkrb5-dev' || needBuildDeps);
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...wanted], { encoding: 'utf8' });
  const installed = new Set(
    (r.stdout || '')
      .split('\n')
      .filter((l) => l.endsWith(' install ok installed'))
      .map((l) => l.split(' ')[0]),
  );
  return wanted.filter((p) => {
    if (p === 'chromium' && isExecutable(CHROMIUM_PATH)) return false; // any working browser binary will do
    return !installed.has(p);
  });
}

/** Debian packages providing the compiler toolchain node-gyp needs, for those commands that are missing. */
function missingBuildTools() {
  const tools = { make: 'make', 'g++': 'g++', python3: 'python3' }; // command -> Debian package
  return Object.entries(tools)
    .filter(([cmd]) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0)
    .map(([, pkg]) => pkg);
}

function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function checkNode(L) {
  if (!isExecutable(L.nodeBin)) return `no Node at ${L.nodeBin}`;
  const r = spawnSync(L.nodeBin, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0 || r.stdout.trim() !== `v${NODE_VERSION}`) return `${L.nodeBin} --version gave ${JSON.stringify(r.stdout?.trim() || r.error?.message)}`;
  return null;
}

const NATIVE_MODULES = ['@vscode/spdlog', 'node-pty', 'kerberos', '@parcel/watcher', '@vscode/native-watchdog'];

function checkCodeServer(L, dir = L.codeServerPrefix) {
  const vscodeDir = path.join(dir, 'node_modules', 'code-server', 'lib', 'vscode');
  const serverMain = path.join(vscodeDir, 'out', 'server-main.js');
  if (!fs.existsSync(serverMain)) return `no ${serverMain}`;
  const v = spawnSync(L.nodeBin, [serverMain, '--version'], { encoding: 'utf8', timeout: 60_000 });
  const first = (v.stdout || '').split('\n')[0].trim();
  const want = readJson(path.join(vscodeDir, 'package.json'))?.version;
  if (v.status !== 0 || !first || first !== want) return `server-main.js --version gave ${JSON.stringify(first || v.stderr?.trim())}`;
  const code = `for (const m of ${JSON.stringify(NATIVE_MODULES)}) require(${JSON.stringify(vscodeDir + '/node_modules/')} + m)`;
  const n = spawnSync(L.nodeBin, ['-e', code], { encoding: 'utf8', timeout: 60_000 });
  if (n.status !== 0) return `native modules do not load: ${(n.stderr || '').trim().split('\n').slice(0, 6).join(' | ')}`;
  const installed = readJson(path.join(dir, 'node_modules', 'code-server', 'package.json'))?.version;
  if (installed !== CODE_SERVER_VERSION) return `code-server ${installed} installed, ${CODE_SERVER_VERSION} wanted`;
  return null;
}

function checkTools(L, dir = L.toolsDir) {
  for (const [name, want] of [
    ['playwright-core', PLAYWRIGHT_CORE_VERSION],
    ['mocha', MOCHA_VERSION],
  ]) {
    const got = readJson(path.join(dir, 'node_modules', name, 'package.json'))?.version;
    if (got !== want) return `${name} ${got ?? 'missing'} (want ${want})`;
  }
  return null;
}

/** Returns a map part -> problem (null when fine). */
export function checkInstall(root) {
  const L = layout(root);
  const node = checkNode(L);
  const codeServer = node ? 'needs Node first' : checkCodeServer(L);
  const missingApt = missingAptPackages({ needBuildDeps: false });
  return {
    apt: missingApt.length ? `missing Debian packages: ${missingApt.join(' ')}` : null,
    node,
    codeServer,
    tools: checkTools(L),
  };
}

// ---------------------------------------------------------------- steps

async function installAptPackages(pkgs, opts) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    throw new InstallError(
      `Debian packages missing: ${pkgs.join(' ')}. Install them as root:\n` +
        `    sudo apt-get update && sudo apt-get install -y ${pkgs.join(' ')}`,
    );
  }
  if (spawnSync('sh', ['-c', 'command -v apt-get']).status !== 0) {
    throw new InstallError(`Packages missing (${pkgs.join(' ')}) and apt-get is not available on this machine.`);
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  await withRetries('apt-get update', 3, () => run('apt-get', [...lock, 'update'], { ...opts, env, label: 'apt-get update' }));
  await withRetries('apt-get install', 3, () =>
    run('apt-get', [...lock, 'install', '-y', ...pkgs], { ...opts, env, label: 'apt-get install' }),
  );
}

async function installNode(L, opts) {
  if (!L.nodePackage) throw new InstallError(`unsupported CPU architecture ${process.arch} (need x64 or arm64)`);
  const partial = `${L.nodeDir}.partial`;
  await withRetries(`install Node ${NODE_VERSION}`, 3, async () => {
    rmrf(partial);
    fs.mkdirSync(partial, { recursive: true });
    await run('npm', ['pack', `${L.nodePackage}@${NODE_VERSION}`, '--pack-destination', partial], {
      ...opts,
      cwd: partial,
      env: NPM_ENV,
      label: `npm pack ${L.nodePackage}@${NODE_VERSION}`,
    });
    const tgz = fs.readdirSync(partial).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new InstallError(`npm pack ${L.nodePackage} produced no tarball in ${partial}`);
    await run('tar', ['-xzf', tgz, '--strip-components=1'], { ...opts, cwd: partial, label: 'tar' });
    fs.rmSync(path.join(partial, tgz));
  });
  const nodeBin = path.join(partial, 'bin', 'node');
  const r = spawnSync(nodeBin, ['--version'], { encoding: 'utf8' });
  if (r.stdout?.trim() !== `v${NODE_VERSION}`) {
    throw new InstallError(`${nodeBin} does not run: ${r.stdout || ''}${r.stderr || ''}${r.error?.message || ''}`);
  }
  if (!fs.existsSync(path.join(partial, 'include', 'node', 'node.h'))) {
    throw new InstallError(`${L.nodePackage}@${NODE_VERSION} has no include/node headers; native modules could not be built`);
  }
  rmrf(L.nodeDir);
  fs.renameSync(partial, L.nodeDir);
}

async function installCodeServer(L, opts) {
  const partial = `${L.codeServerPrefix}.partial`;
  // npm's shebang is `#!/usr/bin/env node`: with Node 24 first on PATH, npm and the install scripts
  // (code-server's postinstall checks the Node major) run on Node 24, and node-gyp builds against its headers.
  const env = {
    ...NPM_ENV,
    PATH: `${path.dirname(L.nodeBin)}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: L.nodeDir,
    JOBS: String(Math.max(1, os.availableParallelism?.() ?? os.cpus().length)),
  };
  await withRetries(`install code-server ${CODE_SERVER_VERSION}`, 3, async (attempt) => {
    rmrf(partial);
    fs.mkdirSync(partial, { recursive: true });
    fs.writeFileSync(
      path.join(partial, 'package.json'),
      JSON.stringify(
        {
          name: 'clc-vscode-server',
          private: true,
          description: 'code-server for the headless VS Code tests; installed by scripts/e2e/install-vscode-server.mjs',
          dependencies: { 'code-server': CODE_SERVER_VERSION },
          allowScripts: { 'code-server': true, argon2: true },
        },
        null,
        2,
      ),
    );
    await run('npm', ['install', '--no-package-lock', '--foreground-scripts'], {
      ...opts,
      cwd: partial,
      env,
      label: `npm install code-server@${CODE_SERVER_VERSION}${attempt > 1 ? ` (attempt ${attempt})` : ''}`,
    });
    const problem = checkCodeServer(L, partial);
    if (problem) throw new InstallError(`code-server installed but does not work: ${problem}`);
  });
  rmrf(L.codeServerPrefix);
  fs.renameSync(partial, L.codeServerPrefix);
  const problem = checkCodeServer(L);
  if (problem) throw new InstallError(`code-server does not work after moving it in place: ${problem}`);
}

async function installTools(L, opts) {
  const partial = `${L.toolsDir}.partial`;
  await withRetries('install playwright-core and mocha', 3, async () => {
    rmrf(partial);
    fs.mkdirSync(partial, { recursive: true });
    fs.writeFileSync(
      path.join(partial, 'package.json'),
      JSON.stringify(
        {
          name: 'clc-e2e-tools',
          private: true,
          description: 'Tools for the headless VS Code tests; installed by scripts/e2e/install-vscode-server.mjs',
          dependencies: { 'playwright-core': PLAYWRIGHT_CORE_VERSION, mocha: MOCHA_VERSION },
        },
        null,
        2,
      ),
    );
    await run('npm', ['install', '--no-package-lock'], { ...opts, cwd: partial, env: NPM_ENV, label: 'npm install tools' });
    const problem = checkTools(L, partial);
    if (problem) throw new InstallError(`tools installed but wrong: ${problem}`);
  });
  rmrf(L.toolsDir);
  fs.renameSync(partial, L.toolsDir);
}

// ---------------------------------------------------------------- lock

async function withLock(L, fn) {
  fs.mkdirSync(L.root, { recursive: true });
  const deadline = Date.now() + 30 * 60_000;
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(L.lockDir);
      fs.writeFileSync(path.join(L.lockDir, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(path.join(L.lockDir, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      let alive = false;
      if (pid) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch (e) {
          alive = e.code === 'EPERM';
        }
      }
      if (!alive) {
        rmrf(L.lockDir); // stale lock of a dead installer
        continue;
      }
      if (Date.now() > deadline) throw new InstallError(`another installer (pid ${pid}) holds ${L.lockDir} for too long`);
      if (!told) console.error(`[${stamp()}] waiting for another installer (pid ${pid}) to finish`);
      told = true;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    return await fn();
  } finally {
    rmrf(L.lockDir);
  }
}

// ---------------------------------------------------------------- main entry

/**
 * Makes sure everything is installed; returns the layout. Cheap (well under a second) when it is.
 * @param {{root?: string, force?: boolean, verbose?: boolean, quiet?: boolean}} options
 */
export async function ensureInstalled({ root, force = false, verbose = false, quiet = false } = {}) {
  const L = layout(root);
  const say = quiet ? () => {} : (m) => console.error(`[${stamp()}] ${m}`);
  const started = Date.now();
  return withLock(L, async () => {
    const logFile = path.join(L.root, 'install.log');
    const opts = { logFile, verbose };
    let nodeProblem = force ? 'forced' : checkNode(L);
    let csProblem = force ? 'forced' : nodeProblem ? 'not installed yet' : checkCodeServer(L);
    const toolsProblem = force ? 'forced' : checkTools(L);

    const apt = missingAptPackages({ needBuildDeps: Boolean(csProblem) });
    if (csProblem) {
      apt.push(...missingBuildTools());
    }
    if (apt.length) {
      say(`installing Debian packages: ${apt.join(' ')}`);
      const t = Date.now();
      await installAptPackages(apt, opts);
      say(`  done in ${Math.round((Date.now() - t) / 1000)}s`);
    }

    if (nodeProblem || csProblem) {
      try {
        const free = fs.statfsSync(L.root);
        const gb = (free.bavail * free.bsize) / 2 ** 30;
        if (gb < 1.5) say(`WARNING: only ${gb.toFixed(1)} GiB free under ${L.root}; the install needs about 0.8 GiB`);
      } catch {}
    }
    if (nodeProblem) {
      say(`installing Node ${NODE_VERSION} (${nodeProblem})`);
      const t = Date.now();
      await installNode(L, opts);
      say(`  done in ${Math.round((Date.now() - t) / 1000)}s`);
      csProblem = csProblem || checkCodeServer(L);
    }
    if (csProblem) {
      say(`installing code-server ${CODE_SERVER_VERSION} (takes a few minutes) — reason: ${csProblem}`);
      const t = Date.now();
      await installCodeServer(L, opts);
      say(`  done in ${Math.round((Date.now() - t) / 1000)}s`);
    }
    if (toolsProblem) {
      say(`installing playwright-core@${PLAYWRIGHT_CORE_VERSION} and mocha@${MOCHA_VERSION} into ${L.toolsDir} (${toolsProblem})`);
      const t = Date.now();
      await installTools(L, opts);
      say(`  done in ${Math.round((Date.now() - t) / 1000)}s`);
    }
    const left = Object.entries(checkInstall(L.root)).filter(([, v]) => v);
    if (left.length) throw new InstallError(`install incomplete: ${left.map(([k, v]) => `${k}: ${v}`).join('; ')}`);
    if (!apt.length && !nodeProblem && !csProblem && !toolsProblem) say(`VS Code test setup already installed in ${L.root}`);
    else say(`VS Code test setup ready in ${L.root} (${Math.round((Date.now() - started) / 1000)}s)`);
    return L;
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: node scripts/e2e/install-vscode-server.mjs [--check] [--force] [--verbose] [--dir D]');
    return 0;
  }
  if (values.check) {
    const status = checkInstall(values.dir);
    for (const [part, problem] of Object.entries(status)) console.log(`${part}: ${problem ?? 'ok'}`);
    return Object.values(status).some(Boolean) ? 1 : 0;
  }
  await ensureInstalled({ root: values.dir, force: values.force, verbose: values.verbose });
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`\ninstall-vscode-server: ${err instanceof InstallError ? err.message : err.stack || err}`);
      process.exit(1);
    },
  );
}
