#!/usr/bin/env node
// UI test: drives a real VS Code workbench (code-server, headless Chromium via playwright-core) the way
// a person would — typing in the editor, the suggest widget, a hover, the Problems view, the command
// palette, the Ignition preview — checks what appears on screen, and saves screenshots:
//
//   node scripts/e2e/ui-test.mjs [--screenshots DIR] [--keep] [--headed] [--timeout-ms N]
//
// Screenshots (completion.png, hover.png, problems.png, units-completion.png, preview.png, unit-check.png,
// butane.png) go to docs/images/ by default, where the README shows them; `npm run test:e2e` sends
// them to test-results/ui/ instead. Each step
// counts as a test; the run stops at the first failing step (later steps build on earlier ones),
// saves ui-failure.png, and exits 1. The last line is "ui: N passed, N failed".
//
// The workspace is a copy of examples/ in the run folder; the extension is loaded from the
// repository (build it first: `npm run build`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  REPO_ROOT,
  cleanupRunDir,
  launchBrowser,
  linkExtension,
  loadInstall,
  newRunName,
  openWorkbench,
  prepareRunDir,
  pruneRuns,
  startServer,
  waitForWorkbench,
  workbenchUrl,
} from './vscode-server.mjs';

const { values: opts } = parseArgs({
  options: {
    screenshots: { type: 'string', default: path.join(REPO_ROOT, 'docs', 'images') },
    keep: { type: 'boolean', default: false },
    headed: { type: 'boolean', default: false },
    'timeout-ms': { type: 'string', default: String(4 * 60_000) },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  console.log('usage: node scripts/e2e/ui-test.mjs [--screenshots DIR] [--keep] [--headed] [--timeout-ms N]');
  process.exit(0);
}

const SHOTS = path.resolve(opts.screenshots);
const STEP_TIMEOUT = 30_000;
const say = (m) => console.log(`[ui] ${m}`);
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ page helpers

/** Text of an element with VS Code's non-breaking spaces made plain. */
const plain = (s) => (s ?? '').replace(/\u00a0/g, ' ');

function editorGroup(page, n) {
  return page.locator('.editor-group-container').nth(n - 1);
}

/** The visible text of the editor in group n (only the lines on screen are in the DOM). */
async function editorText(page, n = 1) {
  const lines = editorGroup(page, n).locator('.monaco-editor .view-lines .view-line');
  const rows = await lines.evaluateAll((els) =>
    els.map((e) => ({ top: parseFloat(e.style.top) || 0, text: e.textContent })).sort((a, b) => a.top - b.top).map((r) => r.text),
  );
  return plain(rows.join('\n'));
}

async function waitFor(what, fn, timeoutMs = STEP_TIMEOUT) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn().catch((e) => `(${e.message.split('\n')[0]})`);
    if (last === true) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${typeof last === 'string' ? `; last seen: ${last.slice(0, 600)}` : ''}`);
    await delay(100);
  }
}

/** Quick Open / command palette / Go to Line: the quick input with `prefix` typed and `text` after it. */
async function quickInput(page, key, text) {
  await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
  // keys typed before the box has the focus land in the editor instead: wait for the focus
  await waitFor('the focus in the quick input', async () => (await input.evaluate((e) => e === document.activeElement)) || 'not focused yet');
  await page.keyboard.type(text, { delay: 5 });
  await waitFor(`"${text}" in the quick input`, async () => {
    const value = await input.inputValue({ timeout: 1000 });
    return value.endsWith(text) || value;
  });
  return input;
}

/** Runs a command from the command palette by its full title ("Category: Title"). */
async function runCommand(page, title) {
  await quickInput(page, 'F1', title);
  const focused = page.locator('.quick-input-widget .monaco-list-row.focused');
  await waitFor(`"${title}" first in the command palette`, async () => {
    const label = plain(await focused.getAttribute('aria-label', { timeout: 1000 }));
    return label.startsWith(title) && !label.startsWith(`${title} As`) ? true : `focused row: ${label}`;
  });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
}

/** Moves the cursor of the active editor to line:column (1-based) with Go to Line. */
async function goTo(page, line, column = 1) {
  await quickInput(page, 'Control+G', `${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: STEP_TIMEOUT });
  // the status bar shows where the cursor is: later keys must not go anywhere else
  const where = page.locator('#status\\.editor\\.selection');
  await waitFor(`the cursor at ${line}:${column}`, async () => {
    const t = plain(await where.textContent({ timeout: 1000 }));
    return t.includes(`Ln ${line}, Col ${column}`) || t;
  });
}

/** Texts of the notification toasts on screen. */
async function toasts(page) {
  return (await page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allTextContents()).map(plain);
}

async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications');
}

async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, name);
  await delay(300); // let animations (fade-ins, cursor blink) settle
  await page.screenshot({ path: file });
  // the pictures ship in the .vsix (README): a 256-colour palette makes them a third of the size
  // and looks the same; pngquant (Debian package `pngquant`) is used when it is installed
  const q = spawnSync('pngquant', ['--quality=80-95', '--speed', '1', '--force', '--output', file, '--', file]);
  say(`screenshot ${path.relative(process.cwd(), file)}${q.status === 0 ? ' (palette)' : ''}`);
}

function clct(args, input) {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'clct.js'), ...args], { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`clct ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** 1-based number of the first line of `text` (the example `name`) containing `needle`. */
function lineOf(text, needle, name = 'examples/cl-config.yml') {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${name} no longer contains ${JSON.stringify(needle)}; update scripts/e2e/ui-test.mjs`);
  return i + 1;
}

// ------------------------------------------------------------------ the steps

function steps(ctx) {
  const { page } = ctx;
  const config = () => path.join(ctx.workspace, 'cl-config.yml');
  return [
    [
      'the workbench opens cl-config.yml as a Container Linux Config',
      async () => {
        await quickInput(page, 'Control+P', 'cl-config.yml');
        await waitFor('cl-config.yml in Quick Open', async () => {
          const label = plain(await page.locator('.quick-input-widget .monaco-list-row.focused').getAttribute('aria-label', { timeout: 1000 }));
          return label.includes('cl-config.yml') || label;
        });
        await page.keyboard.press('Enter');
        await page.locator('.tab.active', { hasText: 'cl-config.yml' }).waitFor({ timeout: STEP_TIMEOUT });
        // the status bar names the language
        const mode = page.locator('#status\\.editor\\.mode');
        await waitFor('the language mode "Container Linux Config"', async () => {
          const t = plain(await mode.textContent({ timeout: 1000 }));
          return t.includes('Container Linux Config') || t;
        });
        await waitFor('the editor to show the config', async () => ((await editorText(page)).includes('storage:') ? true : await editorText(page)));
      },
    ],
    [
      'typing a new key opens the suggest widget with the keys a file entry can still take',
      async () => {
        const modeLine = lineOf(ctx.original, '      mode: 0644');
        await goTo(page, modeLine, 17);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter'); // a new line, indented like the one above
        await page.keyboard.press('Control+Space');
        const widget = page.locator('.editor-widget.suggest-widget.visible');
        await widget.waitFor({ timeout: STEP_TIMEOUT });
        const rows = widget.locator('.monaco-list-row');
        const labels = async () => (await rows.locator('.label-name').allTextContents()).map(plain);
        await waitFor('the keys a file entry can still take', async () => {
          const l = (await labels()).sort().join(', ');
          return l === 'append, group, overwrite, user' || l;
        });
        // the documentation beside the list, as "Read More" shows it
        if (!(await page.locator('.suggest-details .docs').first().isVisible().catch(() => false))) {
          await page.keyboard.press('Control+Space');
        }
        await waitFor('the documentation of the focused suggestion', async () => {
          const t = plain(await page.locator('.suggest-details .docs').first().textContent({ timeout: 1000 }));
          return t.length > 20 || t;
        });
        await shot(page, 'completion.png');
        // typing filters the list; Enter accepts
        await page.keyboard.type('ov', { delay: 80 });
        await waitFor('only "overwrite" left', async () => {
          const l = (await labels()).join(', ');
          return l === 'overwrite' || l;
        });
        await waitFor('"overwrite" focused', async () => {
          const t = plain(await widget.locator('.monaco-list-row.focused .label-name').first().textContent({ timeout: 1000 }));
          return t === 'overwrite' || t;
        });
        await page.keyboard.press('Enter');
        await page.keyboard.type('true');
        await waitFor('the accepted line', async () => {
          const t = await editorText(page);
          return t.includes('      overwrite: true') || t;
        });
        // the value suggestions typing opens may show up late: close them until none has been
        // open for a while, so that no later key lands in the list instead of where it is meant
        await waitFor('no suggestion list open', async () => {
          for (let quiet = 0; quiet < 4; quiet++) {
            if (await widget.isVisible().catch(() => false)) {
              await page.keyboard.press('Escape');
              return 'a suggestion list was open';
            }
            await delay(150);
          }
          return true;
        });
        ctx.shift = 1; // one line more below the mode line
      },
    ],
    [
      'a hover shows the documentation of the key under the cursor',
      async () => {
        await page.keyboard.press('Escape');
        const line = lineOf(ctx.original, '      filesystem: root');
        await goTo(page, line, 9);
        const showHover = async () => {
          await page.keyboard.press('Control+K');
          await page.keyboard.press('Control+I');
        };
        await showHover();
        const hover = page.locator('.monaco-hover:not(.hidden)');
        let tries = 0;
        await waitFor('the hover of storage.files[].filesystem', async () => {
          try {
            const t = plain(await hover.first().textContent({ timeout: 1000 }));
            return t.includes('storage.files[].filesystem') || t;
          } catch (e) {
            // a chord pressed before the editor or the server was ready shows nothing: ask again
            if (++tries % 3 === 0) await showHover();
            throw e;
          }
        });
        await shot(page, 'hover.png');
        await page.keyboard.press('Escape');
      },
    ],
    [
      'a mistake is underlined and listed in the Problems view, and Transpile refuses',
      async () => {
        const line = lineOf(ctx.original, '    - path: /etc/hostname');
        await goTo(page, line, 13);
        await page.keyboard.press('Delete'); // "/etc/hostname" -> "etc/hostname"
        await page.keyboard.press('Control+Shift+M');
        const panel = page.locator('.markers-panel');
        await waitFor('"path not absolute" in the Problems view', async () => {
          const t = plain(await panel.textContent({ timeout: 1000 }));
          return t.includes('path not absolute') || t;
        });
        await waitFor('the squiggle in the editor', async () => (await editorGroup(page, 1).locator('.squiggly-error').count()) > 0 || 'no .squiggly-error');
        await runCommand(page, 'Container Linux Config: Transpile to Ignition');
        await waitFor('the refusal', async () => {
          const t = await toasts(page);
          return t.some((m) => m.startsWith(`Not transpiled: cl-config.yml has 1 error. First: path not absolute (line ${line})`)) || t.join(' | ');
        });
        if (fs.existsSync(path.join(ctx.workspace, 'cl-config.ign'))) throw new Error('cl-config.ign was written despite the error');
        await goTo(page, line, 13); // the cursor back on the problem, for the picture
        await shot(page, 'problems.png');
      },
    ],
    [
      'after the fix the Problems view empties and Transpile to Ignition writes clct\'s output',
      async () => {
        await clearNotifications(page);
        await goTo(page, lineOf(ctx.original, '    - path: /etc/hostname'), 13);
        await page.keyboard.type('/');
        const panel = page.locator('.markers-panel');
        await waitFor('an empty Problems view', async () => {
          const t = plain(await panel.textContent({ timeout: 1000 }));
          return /No problems have been detected/.test(t) || t;
        });
        await page.keyboard.press('Control+J'); // hide the panel
        await page.keyboard.press('Control+S');
        await waitFor('the save', async () => {
          const disk = fs.readFileSync(config(), 'utf8');
          return disk.includes('overwrite: true') || 'not saved yet';
        });
        await runCommand(page, 'Container Linux Config: Transpile to Ignition');
        await waitFor('the confirmation', async () => {
          const t = await toasts(page);
          return t.some((m) => m.startsWith('Wrote the Ignition config to cl-config.ign')) || t.join(' | ');
        });
        const written = fs.readFileSync(path.join(ctx.workspace, 'cl-config.ign'), 'utf8');
        const expected = clct(['--pretty'], fs.readFileSync(config(), 'utf8'));
        if (written !== expected) throw new Error(`cl-config.ign differs from clct's output:\n${written.slice(0, 400)}`);
        await clearNotifications(page);
      },
    ],
    [
      'inside a unit\'s contents: the directives of [Service] with their documentation, then the values',
      async () => {
        // a new line after ExecStop= in web.service (below the storage lines the other steps use)
        await page.keyboard.press('Control+1');
        await goTo(page, lineOf(ctx.original, '        ExecStop=/usr/bin/docker stop web') + ctx.shift, 1);
        await page.keyboard.press('End');
        await page.keyboard.press('Enter'); // indented like the line above
        // the value first, so that the line being typed stays a readable unit line
        await page.keyboard.type('=on-failure', { delay: 50 });
        await page.keyboard.press('Home'); // before the "="
        await page.keyboard.type('Resta', { delay: 80 });
        const widget = page.locator('.editor-widget.suggest-widget.visible');
        if (!(await widget.isVisible().catch(() => false))) await page.keyboard.press('Control+Space');
        await widget.waitFor({ timeout: STEP_TIMEOUT });
        const rows = widget.locator('.monaco-list-row');
        const labels = async () => (await rows.locator('.label-name').allTextContents()).map(plain);
        await waitFor('the Restart directives of [Service]', async () => {
          const l = await labels();
          return (l.includes('Restart') && l.includes('RestartSec') && !l.includes('WantedBy')) || l.join(', ');
        });
        if (!(await page.locator('.suggest-details .docs').first().isVisible().catch(() => false))) {
          await page.keyboard.press('Control+Space');
        }
        await waitFor('the documentation of the focused directive', async () => {
          const t = plain(await page.locator('.suggest-details .docs').first().textContent({ timeout: 1000 }));
          return t.includes('systemd.service(5)') || t;
        });
        await waitFor('no error left from the half-typed line', async () => (await editorGroup(page, 1).locator('.squiggly-error').count()) === 0 || 'an error squiggle');
        await shot(page, 'units-completion.png');
        await page.keyboard.type('rt', { delay: 80 });
        await waitFor('"Restart" focused', async () => {
          const t = plain(await widget.locator('.monaco-list-row.focused .label-name').first().textContent({ timeout: 1000 }));
          return t === 'Restart' || t;
        });
        await page.keyboard.press('Enter'); // the name only: the "=" is there
        await waitFor('the accepted line', async () => {
          const t = await editorText(page);
          return t.includes('        Restart=on-failure') || t;
        });
        // the values of Restart=, with the cursor right after the "="
        await page.keyboard.press('End');
        for (let i = 0; i < 'on-failure'.length; i++) await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Control+Space');
        await widget.waitFor({ timeout: STEP_TIMEOUT });
        await waitFor('the values of Restart=', async () => {
          const l = await labels();
          return (l.includes('always') && l.includes('on-abnormal')) || l.join(', ');
        });
        await page.keyboard.press('Escape');
      },
    ],
    [
      'the preview opens beside the config and follows typing',
      async () => {
        await runCommand(page, 'Container Linux Config: Open Ignition Preview to the Side');
        await page.locator('.tab', { hasText: 'Ignition Preview' }).waitFor({ timeout: STEP_TIMEOUT });
        await waitFor('the Ignition JSON in the preview', async () => {
          const t = await editorText(page, 2);
          return (t.includes('"version": "2.3.0"') && t.includes('Up to date')) || t;
        });
        // a Container Linux Config's preview offers the platform picker in its title bar (a
        // group shows its title actions while it is the active one)
        await page.keyboard.press('Control+2');
        await platformAction(page).waitFor({ timeout: STEP_TIMEOUT });
        // type in the config: the preview follows
        const line = lineOf(ctx.original, 'inline: web-01') + ctx.shift;
        await page.keyboard.press('Control+1'); // focus the config's editor group (a click could scroll it sideways)
        await goTo(page, line, 1);
        await page.keyboard.press('End');
        await page.keyboard.press('Backspace');
        await page.keyboard.type('2', { delay: 50 });
        await waitFor('the edit in the preview', async () => {
          const t = await editorText(page, 2);
          return t.includes('data:,web-02') || t;
        });
        await shot(page, 'preview.png');
      },
    ],
    [
      'a misspelled directive inside a unit is flagged on its line with systemd\'s words',
      async () => {
        const line = lineOf(ctx.original, '        ExecStart=/usr/bin/docker run') + ctx.shift;
        await page.keyboard.press('Control+1');
        await goTo(page, line, 18);
        await page.keyboard.press('Backspace'); // "ExecStart=" -> "ExecStar="
        await page.keyboard.press('Control+Shift+M');
        const panel = page.locator('.markers-panel');
        await waitFor('the unit warning in the Problems view', async () => {
          const t = plain(await panel.textContent({ timeout: 1000 }));
          return t.includes("Unknown key 'ExecStar' in section [Service], ignoring. Did you mean `ExecStart`?") || t;
        });
        await waitFor('the squiggle in the editor', async () => (await editorGroup(page, 1).locator('.squiggly-warning').count()) > 0 || 'no .squiggly-warning');
        await page.keyboard.press('Control+1');
        await goTo(page, line, 10);
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        await waitFor('the hover with the warning', async () => {
          const t = plain(await page.locator('.monaco-hover:not(.hidden)').first().textContent({ timeout: 1000 }).catch(() => ''));
          return t.includes('ExecStar') || t;
        });
        await shot(page, 'unit-check.png');
        await page.keyboard.press('Escape');
      },
    ],
    [
      'a Butane config: butane\'s warning on a decimal mode, on its line with the quick fix and in the Problems view',
      async () => {
        // put the CLC config away unchanged, so that only the Butane config's problems are listed
        await page.keyboard.press('Control+1');
        await runCommand(page, 'File: Revert File');
        await runCommand(page, 'View: Close All Editors');
        await page.locator('.tab').first().waitFor({ state: 'detached', timeout: STEP_TIMEOUT });
        await quickInput(page, 'Control+P', 'butane-config.bu');
        await waitFor('butane-config.bu in Quick Open', async () => {
          const label = plain(await page.locator('.quick-input-widget .monaco-list-row.focused').getAttribute('aria-label', { timeout: 1000 }));
          return label.includes('butane-config.bu') || label;
        });
        await page.keyboard.press('Enter');
        await page.locator('.tab.active', { hasText: 'butane-config.bu' }).waitFor({ timeout: STEP_TIMEOUT });
        const mode = page.locator('#status\\.editor\\.mode');
        await waitFor('the language mode "Butane Config"', async () => {
          const t = plain(await mode.textContent({ timeout: 1000 }));
          return t.includes('Butane Config') || t;
        });
        const panel = page.locator('.markers-panel');
        await waitFor('no problems in the example', async () => {
          const t = plain(await panel.textContent({ timeout: 1000 }));
          return /No problems have been detected/.test(t) || t;
        });
        // "mode: 0755" of /opt/bin/healthcheck -> "mode: 755"
        const line = lineOf(ctx.butane, '    - path: /opt/bin/healthcheck', 'examples/butane-config.bu') + 1;
        await page.keyboard.press('Control+1');
        await goTo(page, line, 13);
        await page.keyboard.press('Delete');
        await waitFor('butane\'s warning in the Problems view', async () => {
          const t = plain(await panel.textContent({ timeout: 1000 }));
          return t.includes('unreasonable mode would be reasonable if specified in octal') || t;
        });
        await waitFor('the squiggle in the editor', async () => (await editorGroup(page, 1).locator('.squiggly-warning').count()) > 0 || 'no .squiggly-warning');
        await page.keyboard.press('Control+1');
        await goTo(page, line, 14);
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        await waitFor('the hover with the warning and its quick fix', async () => {
          const t = plain(await page.locator('.monaco-hover:not(.hidden)').first().textContent({ timeout: 1000 }).catch(() => ''));
          return (t.includes('unreasonable mode') && t.includes('Quick Fix')) || t;
        });
        await shot(page, 'butane.png');
        await page.keyboard.press('Escape');
      },
    ],
    [
      'the preview of a Butane config shows butane\'s output and offers no platform',
      async () => {
        await page.keyboard.press('Control+1');
        await runCommand(page, 'Container Linux Config: Open Ignition Preview to the Side');
        await waitFor('the Butane preview', async () => {
          const t = await editorText(page, 2);
          return (t.includes('(Butane config)') && t.includes('"version": "3.4.0"')) || t;
        });
        await page.keyboard.press('Control+2');
        await page.locator('.editor-group-container.active .tab.active', { hasText: 'Ignition Preview' }).waitFor({ timeout: STEP_TIMEOUT });
        await editorGroup(page, 2).locator('.editor-actions .action-label').first().waitFor({ timeout: STEP_TIMEOUT });
        await waitFor('no platform picker in the preview\'s title bar', async () => ((await platformAction(page).count()) === 0 ? true : 'the platform action is shown'));
      },
    ],
  ];
}

/** The preview's "Select Platform" action in the title bar of editor group 2. */
function platformAction(page) {
  return editorGroup(page, 2).locator('.editor-actions .action-label[aria-label^="Select Platform for Ignition Preview"]');
}

// ------------------------------------------------------------------ main

async function main() {
  const install = loadInstall();
  pruneRuns(install.runsDir);
  const runDir = prepareRunDir(path.join(install.runsDir, `ui-${newRunName()}`));
  const workspace = path.join(runDir.dir, 'workspace');
  fs.cpSync(path.join(REPO_ROOT, 'examples'), workspace, { recursive: true });
  const original = fs.readFileSync(path.join(workspace, 'cl-config.yml'), 'utf8');
  const butane = fs.readFileSync(path.join(workspace, 'butane-config.bu'), 'utf8');
  let server;
  let browser;
  let passed = 0;
  let failed = 0;
  const started = Date.now();
  const overall = setTimeout(() => {
    console.error(`[ui] TIMEOUT after ${Number(opts['timeout-ms']) / 1000}s`);
    console.log(`ui: ${passed} passed, ${failed + 1} failed`);
    process.exit(124);
  }, Number(opts['timeout-ms']));
  try {
    // the extension is served as an installed one (no smoke-test driver, which would hide notifications)
    const extensionsDir = linkExtension(runDir, REPO_ROOT);
    server = await startServer({ install, runDir, smokeTestDriver: false, extensionsDir, userSettings: { 'editor.minimap.enabled': false } });
    browser = await launchBrowser({
      install,
      runDir,
      headless: !opts.headed,
      viewport: { width: 1280, height: 800 },
    });
    const { page } = browser;
    const url = workbenchUrl({ baseUrl: server.baseUrl, folder: workspace });
    await openWorkbench({ page, url });
    await waitForWorkbench(page);
    say(`workbench up on ${server.baseUrl} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    const ctx = { page, workspace, original, butane, shift: 0 };
    for (const [name, fn] of steps(ctx)) {
      const t = Date.now();
      try {
        await fn();
        passed++;
        console.log(`  ✔ ${name} (${Date.now() - t} ms)`);
      } catch (err) {
        failed++;
        console.log(`  ✖ ${name}\n      ${err.message.split('\n').join('\n      ')}`);
        const file = path.join(runDir.dir, 'ui-failure.png');
        await page.screenshot({ path: file }).then(() => say(`failure screenshot: ${file}`), () => {});
        break;
      }
    }
  } catch (err) {
    failed++;
    console.error(`[ui] ERROR: ${err.stack || err.message}`);
  } finally {
    clearTimeout(overall);
    await browser?.close();
    await server?.stop();
  }
  const keep = opts.keep || failed > 0;
  cleanupRunDir(runDir, { keep });
  if (keep) say(`run folder kept: ${runDir.dir}`);
  say(`finished in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  console.log(`ui: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[ui] ${err.stack || err}`);
    console.log('ui: 0 passed, 1 failed');
    process.exit(2);
  },
);
