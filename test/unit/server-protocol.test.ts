// The bundled server (node dist/server.js --stdio) driven by a real JSON-RPC client: diagnostics
// with ranges (CRLF too), completion, hover, symbols, definition, code actions, folding,
// clc/transpile, settings, stale results, robustness, and every conformance case against clct.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver/node';
import type { Diagnostic as LspDiagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { LspTestClient } from '../support/lsp-client.ts';
import { CLCT, ROOT, SERVER, ensureBuilt } from '../support/build.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/protocol.ts';
import type { TranspileResponse } from '../../src/shared/protocol.ts';
import { decodeConfigBytes } from '../../src/core/text.ts';
import { CARET, yaml } from '../support/caret.ts';

let client: LspTestClient;
let docCounter = 0;
const newUri = (name = 'doc') => `file:///virtual/${name}-${++docCounter}.yml`;

before(async () => {
  ensureBuilt();
  client = await LspTestClient.start({ serverPath: SERVER });
});

after(async () => {
  await client?.stop();
});

/** Opens a document written with a caret; returns its uri, LSP position of the caret and first diagnostics. */
async function openWithCaret(src: string): Promise<{ uri: string; position: { line: number; character: number }; diagnostics: PublishDiagnosticsParams }> {
  const offset = src.indexOf(CARET);
  const text = offset >= 0 ? src.slice(0, offset) + src.slice(offset + CARET.length) : src;
  const uri = newUri();
  const diagnostics = await client.openAndWait(uri, text);
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split(/\r\n|\r|\n/);
  return { uri, position: { line: lines.length - 1, character: lines[lines.length - 1].length }, diagnostics };
}

const brief = (d: LspDiagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.message}`;

describe('diagnostics', () => {
  test('published on open with exact ranges, hints with their own codes', async () => {
    const text = yaml('passwd:', '  users:', '    - name: core', '      passwordHash: x', 'storage:', '  files:', '    - path: /a', '      mode: 644', '      contents: {inline: x}');
    const { diagnostics } = await openWithCaret(text);
    assert.equal(diagnostics.version, 1);
    assert.deepEqual(diagnostics.diagnostics.map(brief), [
      '3:6-3:18 2 Config has unrecognized key: passwordHash',
      '7:12-7:15 2 mode 644 is the decimal number 644 (octal 01204, -w----r-T); write 0644 (rw-r--r--) if that was meant',
    ]);
    assert.equal(diagnostics.diagnostics[0].code, 'unknown-key');
    assert.equal(diagnostics.diagnostics[1].code, 'decimal-mode');
    assert.equal(diagnostics.diagnostics[0].source, 'clc');
  });

  test('YAML type errors: one diagnostic per offending node', async () => {
    const { diagnostics } = await openWithCaret(yaml('storage:', '  files:', '    - path: /a', '      mode: abc', '      overwrite: maybe'));
    const type = diagnostics.diagnostics.filter((d) => d.code === 'yaml-type');
    assert.equal(type.length, 2);
    assert.deepEqual(type.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`), ['3:12-15', '4:17-22']);
    assert.ok(type.every((d) => d.severity === 1));
  });

  test('YAML syntax error', async () => {
    const { diagnostics } = await openWithCaret('storage:\n  files: [\n');
    assert.equal(diagnostics.diagnostics.length >= 1, true);
    assert.equal(diagnostics.diagnostics[0].code, 'yaml-syntax');
    assert.equal(diagnostics.diagnostics[0].severity, 1);
  });

  test('CRLF document: ranges count characters on each line', async () => {
    const text = 'passwd:\r\n  users:\r\n    - name: core\r\n      homedir: /home/core\r\n      uid: x\r\n';
    const { diagnostics } = await openWithCaret(text);
    assert.deepEqual(diagnostics.diagnostics.map(brief), ['4:11-4:12 1 line 5: cannot unmarshal !!str `x` into int']);
    const text2 = 'passwd:\r\n  users:\r\n    - name: core\r\n      homedir: /home/core\r\n';
    const d2 = await openWithCaret(text2);
    assert.deepEqual(d2.diagnostics.diagnostics.map(brief), ['3:6-3:13 2 Config has unrecognized key: homedir']);
  });

  test('deprecated hint carries the Deprecated tag', async () => {
    const { diagnostics } = await openWithCaret(yaml('systemd:', '  units:', '    - name: a.service', '      enable: true', '      contents: "[Install]\\nWantedBy=multi-user.target"'));
    const dep = diagnostics.diagnostics.find((d) => d.code === 'deprecated-enable')!;
    assert.ok(dep);
    assert.equal(dep.severity, 2);
    assert.deepEqual(dep.tags, [2]);
  });

  test('while typing: debounced, and the newest version wins', async () => {
    const uri = newUri('typing');
    await client.openAndWait(uri, 'passwd: {}\n');
    const final = client.waitForDiagnostics(uri, (p) => p.version === 6);
    const edits = ['s', 't', 'o', 'r', 'x'];
    for (let i = 0; i < edits.length; i++) {
      await client.change(uri, i + 2, [{ range: { start: { line: 1, character: i }, end: { line: 1, character: i } }, text: edits[i] }]);
    }
    const p = await final;
    assert.ok(p.diagnostics.length > 0, 'the last text (a bare "storx") has a problem');
    // no result for an older version after a newer one was published
    const versions = client.published.get(uri)!.map((x) => x.version ?? 0);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `published out of order: ${versions}`);
    // debounced: the five quick edits did not each get their own run
    assert.ok(versions.length <= 3, `too many runs: ${versions}`);
  });

  test('settings: clc.platform re-validates open documents', async () => {
    const uri = newUri('platform');
    const d = await client.openAndWait(uri, yaml('etcd:', '  name: "{HOSTNAME}"'));
    assert.deepEqual(d.diagnostics.map((x) => x.message), ['platform must be specified to use templating']);
    const next = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.setSettings({ platform: 'ec2' });
    await next;
    const back = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
    await client.setSettings({ platform: '' });
    await back;
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = newUri('close');
    await client.openAndWait(uri, 'nonsense: 1\n');
    const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.close(uri);
    await cleared;
  });
});

describe('features', () => {
  test('completion', async () => {
    const { uri, position } = await openWithCaret(yaml('storage:', '  files:', '    - path: /a', `      mo${CARET}`));
    const items = await client.request('textDocument/completion', { textDocument: { uri }, position });
    const list = Array.isArray(items) ? items : items.items;
    const mode = list.find((i: any) => i.label === 'mode');
    assert.ok(mode);
    assert.deepEqual(mode.textEdit.range, { start: { line: 3, character: 6 }, end: { line: 3, character: 8 } });
    assert.equal(mode.textEdit.newText, 'mode: ');
    assert.ok(!list.some((i: any) => i.label === 'path'));
    assert.equal(mode.command?.command, 'editor.action.triggerSuggest');
  });

  test('completion in a CRLF document and of snippets', async () => {
    const { uri, position } = await openWithCaret(`passwd:\r\n  users:\r\n    - ${CARET}\r\n`);
    const list = await client.request('textDocument/completion', { textDocument: { uri }, position });
    const snippet = list.find((i: any) => i.label === 'user with SSH key');
    assert.ok(snippet);
    assert.equal(snippet.insertTextFormat, 2);
    assert.deepEqual(snippet.textEdit.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } });
  });

  test('completion of dynamic data follows clc.platform', async () => {
    await client.setSettings({ platform: 'azure' });
    try {
      const { uri, position } = await openWithCaret(yaml('etcd:', `  advertise_client_urls: "http://{${CARET}"`));
      const list = await client.request('textDocument/completion', { textDocument: { uri }, position });
      assert.deepEqual(list.map((i: any) => i.label), ['{PRIVATE_IPV4}', '{PUBLIC_IPV4}']);
    } finally {
      await client.setSettings({ platform: '' });
    }
  });

  test('hover', async () => {
    const { uri, position } = await openWithCaret(yaml('storage:', '  files:', '    - path: /a', `      mode: 06${CARET}44`));
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /rw-r--r--/);
    assert.deepEqual(h.range, { start: { line: 3, character: 12 }, end: { line: 3, character: 16 } });
  });

  test('document symbols', async () => {
    const { uri } = await openWithCaret(yaml('passwd:', '  users:', '    - name: core', 'systemd:', '  units:', '    - name: a.service', '      dropins:', '        - name: 10-x.conf'));
    const syms = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(
      syms.map((s: any) => [s.name, s.children.map((c: any) => [c.name, c.children.map((g: any) => g.name)])]),
      [
        ['passwd', [['core', []]]],
        ['systemd', [['a.service', ['10-x.conf']]]],
      ],
    );
    assert.deepEqual(syms[1].children[0].selectionRange, { start: { line: 5, character: 12 }, end: { line: 5, character: 21 } });
  });

  test('definition', async () => {
    const { uri, position } = await openWithCaret(yaml('storage:', '  filesystems:', '    - name: data', '      path: /d', '  files:', '    - path: /a', `      filesystem: da${CARET}ta`));
    const defs = await client.request('textDocument/definition', { textDocument: { uri }, position });
    assert.equal(defs.length, 1);
    assert.equal(defs[0].targetUri, uri);
    assert.deepEqual(defs[0].targetSelectionRange, { start: { line: 2, character: 12 }, end: { line: 2, character: 16 } });
    assert.deepEqual(defs[0].originSelectionRange, { start: { line: 6, character: 18 }, end: { line: 6, character: 22 } });
  });

  test('code actions', async () => {
    const { uri, diagnostics } = await openWithCaret(yaml('passwd:', '  users:', '    - name: core', '      homedir: /home/core'));
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 3, character: 6 }, end: { line: 3, character: 6 } },
      context: { diagnostics: diagnostics.diagnostics },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Rename homedir to home_dir');
    assert.equal(actions[0].kind, 'quickfix');
    assert.deepEqual(actions[0].edit.changes[uri], [{ range: { start: { line: 3, character: 6 }, end: { line: 3, character: 13 } }, newText: 'home_dir' }]);
    assert.equal(actions[0].diagnostics[0].message, 'Config has unrecognized key: homedir');
  });

  test('folding ranges', async () => {
    const { uri } = await openWithCaret(yaml('storage:', '  files:', '    - path: /a', '      mode: 0644'));
    const ranges = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(ranges.map((r: any) => `${r.startLine}-${r.endLine}`), ['0-3', '1-3', '2-3']);
  });

  test('clc/transpile', async () => {
    const { uri } = await openWithCaret(yaml('passwd:', '  users:', '    - name: core', '      ssh_authorized_keys: [key]'));
    const r = await client.request<TranspileResponse>('clc/transpile', { uri, pretty: false });
    assert.equal(r.failedAt, null);
    assert.equal(r.blocked, false);
    assert.equal(r.version, 1);
    assert.deepEqual(JSON.parse(r.output!).passwd, { users: [{ name: 'core', sshAuthorizedKeys: ['key'] }] });
    assert.ok(!r.output!.includes('\n'));
    const bad = await openWithCaret(yaml('etcd:', '  name: "{HOSTNAME}"'));
    const r2 = await client.request<TranspileResponse>('clc/transpile', { uri: bad.uri });
    assert.equal(r2.output, null);
    assert.equal(r2.blocked, true);
    assert.deepEqual(r2.problems, [{ severity: 'error', message: 'platform must be specified to use templating' }]);
    const r3 = await client.request<TranspileResponse>('clc/transpile', { uri: bad.uri, platform: 'ec2', pretty: true });
    assert.match(r3.output!, /COREOS_EC2_HOSTNAME/);
    assert.ok(r3.output!.includes('\n  '));
  });
});

describe('robustness', () => {
  test('the server keeps answering whatever the document holds', async () => {
    const texts = [
      '['.repeat(20000),
      '{a: '.repeat(3000),
      '\u0000\u0001\uffff',
      'a: &a [*a]\n',
      Array.from({ length: 2000 }, (_, i) => ' '.repeat(i % 50) + '- k: v').join('\n'),
      'storage:\n  files:\n    - path: /a\n      contents:\n        local: ../../../../etc/passwd\n',
    ];
    for (const t of texts) {
      const uri = newUri('weird');
      await client.openAndWait(uri, t);
      for (const method of ['textDocument/completion', 'textDocument/hover', 'textDocument/definition']) {
        await client.request(method, { textDocument: { uri }, position: { line: 0, character: 3 } });
      }
      await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      await client.request('textDocument/foldingRange', { textDocument: { uri } });
    }
    // unknown documents, bad positions and bad params
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: 'file:///nope.yml' }, position: { line: 0, character: 0 } }), null);
    const uri = newUri('bounds');
    await client.openAndWait(uri, 'a: 1\n');
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 99, character: 99 } });
    await assert.rejects(client.request('clc/transpile', { uri: 'file:///not-open.yml' }));
    await assert.rejects(client.request('clc/transpile', null));
    assert.equal(client.exited, null);
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.ok(h);
  });
});

// --- every conformance case: the server publishes exactly what clct prints -----------------------------

const CASES = path.join(ROOT, 'test', 'conformance', 'cases');

interface ClctProblem {
  severity: 'error' | 'warning' | 'info' | 'deprecated';
  message: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function caseArgs(dir: string): string[] {
  const f = path.join(dir, 'args');
  return existsSync(f) ? readFileSync(f, 'utf8').trim().split(/\s+/).filter(Boolean) : [];
}

function flagValue(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const m = new RegExp(`^--?${name}(?:=(.*))?$`).exec(args[i]);
    if (m) return m[1] ?? args[i + 1];
  }
  return undefined;
}

function runClct(dir: string, args: string[]): Promise<ClctProblem[]> {
  // the output file and indentation do not change the problems
  const kept: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (/^--?out-file$/.test(args[i])) i++;
    else if (/^--?out-file=/.test(args[i]) || /^--?pretty$/.test(args[i])) continue;
    else kept.push(args[i]);
  }
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CLCT, '--diagnostics', 'json', ...kept, '--in-file', 'input.yml'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', () => {
      const m = /^\[[\s\S]*?^\]$/m.exec(err);
      resolve(m ? (JSON.parse(m[0]) as ClctProblem[]) : []);
    });
  });
}

const SEVERITY = { error: 1, warning: 2, info: 3, deprecated: 2 } as const;

describe('conformance cases: the server publishes each problem clct prints', () => {
  const names = existsSync(CASES) ? readdirSync(CASES).filter((n) => existsSync(path.join(CASES, n, 'input.yml'))) : [];
  let expected: Map<string, Promise<ClctProblem[]>>;
  let withProblems = 0;
  after(() => {
    // the comparison means something only if clct did report problems on many cases
    if (names.length) assert.ok(withProblems >= 30, `only ${withProblems} cases had problems`);
  });
  before(() => {
    ensureBuilt();
    // run clct on a few cases at a time, in the background
    expected = new Map();
    const queue = [...names];
    for (let lane = 0; lane < 4; lane++) {
      void (async () => {
        while (queue.length) {
          const n = queue.shift()!;
          const dir = path.join(CASES, n);
          const pr = runClct(dir, caseArgs(dir));
          expected.set(n, pr);
          await pr.catch(() => undefined);
        }
      })();
    }
  });

  for (const name of names) {
    test(name, async () => {
      const dir = path.join(CASES, name);
      const decoded = decodeConfigBytes(readFileSync(path.join(dir, 'input.yml')));
      if (!decoded.ok) return; // an editor never holds undecodable text
      while (!expected.has(name)) await new Promise((r) => setTimeout(r, 20));
      const want = await expected.get(name)!;
      if (want.length) withProblems++;
      const args = caseArgs(dir);
      const uri = pathToFileURL(path.join(dir, 'input.yml')).href;
      client.settingsByUri.set(uri, {
        ...DEFAULT_SETTINGS,
        platform: flagValue(args, 'platform') ?? '',
        filesDir: flagValue(args, 'files-dir') ?? '',
        strict: args.some((a) => /^--?strict(=true)?$/.test(a)),
      });
      const got = await client.openAndWait(uri, decoded.text);
      await client.close(uri);
      const mine = got.diagnostics.filter((d) => !(d.data as { hint?: boolean } | undefined)?.hint);
      const show = (d: { severity?: number; message: string; range?: ClctProblem['range'] }) =>
        `${d.severity} ${d.range ? `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}` : '0:0-0:0'} ${d.message}`;
      assert.deepEqual(
        mine.map(show),
        want.map((w) => show({ ...w, severity: SEVERITY[w.severity] })),
      );
      for (const d of got.diagnostics) if ((d.data as any)?.severity === 'deprecated') assert.deepEqual(d.tags, [2]);
    });
  }
});

describe('transports', () => {
  test('--node-ipc', async () => {
    const proc = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    conn.listen();
    try {
      const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.ok((init as any).capabilities.hoverProvider);
      await conn.sendNotification('initialized', {});
      const uri = 'file:///ipc.yml';
      const diags = new Promise<PublishDiagnosticsParams>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'clc', version: 1, text: 'passwd:\n  users:\n    - name: core\n      homedir: /h\n' } });
      assert.deepEqual((await diags).diagnostics.map((d) => d.message), ['Config has unrecognized key: homedir']);
      const h = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 8 } });
      assert.ok(h);
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
    } finally {
      conn.dispose();
      proc.kill();
    }
  });
});
