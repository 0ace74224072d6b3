// Shared helpers of the feature suite. Plain CommonJS: the files are loaded by mocha inside the
// extension host, under code-server (scripts/e2e/run-vscode-tests.mjs) or desktop VS Code
// (@vscode/test-cli, see .vscode-test.mjs). Nothing here may require mocha.
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const EXT_ID = 'clc-dev.clc';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CLCT = path.join(REPO_ROOT, 'dist', 'clct.js');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The opened workspace folder (a throw-away copy of test/integration/features/workspace). */
function root() {
  const f = vscode.workspace.workspaceFolders;
  assert.ok(f && f.length, 'a workspace folder is open');
  return f[0].uri.fsPath;
}

function file(...parts) {
  return vscode.Uri.file(path.join(root(), ...parts));
}

/**
 * Copies one of the workspace's fixtures to a new name, so each test starts from the same text no
 * matter what earlier tests did. The name ends in .clc.yml, which the extension claims at once.
 */
function fixture(name, as) {
  assert.match(as, /\.clc\.yml$/);
  const target = file(as);
  fs.copyFileSync(path.join(root(), name), target.fsPath);
  return target;
}

/** Polls fn until it returns something truthy; the error says what was awaited and what was last seen. */
async function until(what, fn, { timeoutMs = 20000, show } = {}) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) {
      let seen = '';
      if (show) {
        try {
          seen = `\nlast seen: ${show()}`;
        } catch (e) {
          seen = `\n(could not describe the state: ${e.message})`;
        }
      }
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}`);
    }
    await sleep(50);
  }
}

async function open(uri, column = vscode.ViewColumn.One) {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { viewColumn: column, preview: false });
}

let api;
/** Opens cl-config.yml, waits for the extension to activate and its language server to run. */
async function activate() {
  if (api) return api;
  const ed = await open(file('cl-config.yml'));
  const ext = vscode.extensions.getExtension(EXT_ID);
  assert.ok(ext, `extension ${EXT_ID} is loaded`);
  api = await until('the extension to activate', () => ext.isActive && ext.exports);
  await until('the language server to start', () => api.server.isRunning);
  // the first answer proves the server has the document
  await until('the first diagnostics run of cl-config.yml', async () => {
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', ed.document.uri);
    return Array.isArray(symbols) && symbols.length > 0;
  });
  return api;
}

/** Reverts every changed file and closes all editors, so the next test starts clean. */
async function closeAll() {
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.isClosed || doc.uri.scheme !== 'file') continue;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Runs the command-line transpiler from the same build: `node dist/clct.js ...args`, text on stdin. */
function clct(args, input) {
  assert.ok(fs.existsSync(CLCT), `${CLCT} exists (run npm run build)`);
  const r = spawnSync(process.execPath, [CLCT, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    // in desktop VS Code, process.execPath is Electron: make it behave as Node
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 30000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What `clct --pretty` writes for a text: the bytes Transpile to Ignition must produce. */
function clctOutput(text) {
  const r = clct(['--pretty'], text);
  assert.equal(r.status, 0, `clct failed: ${r.stderr}`);
  return r.stdout;
}

const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** [line, character, line, character], 0-based, of a vscode.Range. */
const rangeOf = (r) => [r.start.line, r.start.character, r.end.line, r.end.character];

/** A diagnostic reduced to what is compared: severity name, code, message and range. */
function plainDiagnostic(d) {
  return {
    severity: SEVERITY[d.severity],
    code: typeof d.code === 'object' && d.code !== null ? String(d.code.value) : d.code,
    message: d.message,
    range: rangeOf(d.range),
  };
}

const byPosition = (a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.message.localeCompare(b.message);

/** The clc problems VS Code shows for a file, sorted by position. */
function problems(uri) {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'clc')
    .map(plainDiagnostic)
    .sort(byPosition);
}

/** The problems `clct --hints --diagnostics json` reports for a text, in the same shape. */
function clctProblems(text) {
  const r = clct(['--hints', '--diagnostics', 'json'], text);
  const json = r.stderr.slice(r.stderr.indexOf('['), r.stderr.lastIndexOf(']') + 1);
  const list = json ? JSON.parse(json) : [];
  return list
    .map((d) => ({
      severity: d.severity === 'deprecated' ? 'warning' : d.severity,
      code: d.code,
      message: d.message,
      range: d.range ? [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] : [0, 0, 0, 0],
    }))
    .sort(byPosition);
}

/** Waits until the problems of uri equal `expected` (deep equality); fails with the last ones seen. */
async function expectProblems(uri, expected, what = 'the expected problems') {
  const want = [...expected].sort(byPosition);
  try {
    await until(what, () => JSON.stringify(problems(uri)) === JSON.stringify(want));
  } catch {
    assert.deepEqual(problems(uri), want, `problems of ${path.basename(uri.fsPath)}`);
  }
}

/** Replaces the whole text of an open editor (one undoable edit) and waits for it to apply. */
async function setText(editor, text) {
  const doc = editor.document;
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  assert.ok(await editor.edit((b) => b.replace(all, text)), 'the edit applied');
}

/** Replaces `from` with `to` on one line (0-based) of an open editor. */
async function replaceOnLine(editor, line, from, to) {
  const text = editor.document.lineAt(line).text;
  const at = text.indexOf(from);
  assert.ok(at >= 0, `line ${line + 1} (${JSON.stringify(text)}) contains ${JSON.stringify(from)}`);
  assert.ok(await editor.edit((b) => b.replace(new vscode.Range(line, at, line, at + from.length), to)), 'the edit applied');
}

/** A quiet stand-in for the transpile command's dialogs and notifications. */
const quietUi = { showBlocked: async () => {}, showFailed: async () => {}, showWritten: async () => {} };

module.exports = {
  EXT_ID,
  REPO_ROOT,
  activate,
  clct,
  clctOutput,
  clctProblems,
  closeAll,
  expectProblems,
  file,
  fixture,
  open,
  plainDiagnostic,
  problems,
  quietUi,
  rangeOf,
  replaceOnLine,
  setText,
  sleep,
  until,
};
