// Tokenizes Container Linux Configs with the grammars the extension contributes, using the TextMate
// engine and YAML grammar of the VS Code build installed by scripts/e2e (skipped when absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
// @ts-ignore -- plain JavaScript module without types
import { layout } from '../../scripts/e2e/versions.mjs';

const ROOT = path.resolve(__dirname, '..', '..');
const vscodeDir: string = layout().vscodeDir;
const engine = path.join(vscodeDir, 'node_modules', 'vscode-textmate', 'release', 'main.js');
const available = fs.existsSync(engine);
const skip = available ? false : 'VS Code is not installed under .vscode-test (node scripts/e2e/install-vscode-server.mjs)';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

async function loadTokenizer(scope = 'source.clc') {
  const req = createRequire(engine);
  const tm = req(engine);
  const onig = req(path.join(vscodeDir, 'node_modules', 'vscode-oniguruma', 'release', 'main.js'));
  const wasm = fs.readFileSync(path.join(vscodeDir, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));

  // every grammar VS Code's YAML extension contributes, and ours
  const files = new Map<string, string>();
  const yamlExt = path.join(vscodeDir, 'extensions', 'yaml');
  for (const g of JSON.parse(fs.readFileSync(path.join(yamlExt, 'package.json'), 'utf8')).contributes.grammars) {
    files.set(g.scopeName, path.join(yamlExt, g.path));
  }
  const injections: Record<string, string[]> = {};
  for (const g of manifest.contributes.grammars) {
    files.set(g.scopeName, path.join(ROOT, g.path));
    for (const target of g.injectTo ?? []) (injections[target] ??= []).push(g.scopeName);
  }
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
    loadGrammar: async (scope: string) => {
      const file = files.get(scope);
      return file ? tm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope: string) => injections[scope],
  });
  const grammar = await registry.loadGrammar(scope);
  assert.ok(grammar, `${scope} loads`);
  return (text: string) => {
    let stack = tm.INITIAL;
    const lines: { text: string; scopes: string[] }[][] = [];
    for (const line of text.split('\n')) {
      const r = grammar.tokenizeLine(line, stack);
      lines.push(r.tokens.map((t: { startIndex: number; endIndex: number; scopes: string[] }) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes })));
      stack = r.ruleStack;
    }
    return lines;
  };
}

/** The scopes of the first token on line `n` whose text contains `needle`. */
function scopesOf(lines: { text: string; scopes: string[] }[][], n: number, needle: string): string {
  const tok = lines[n]!.find((t) => t.text.includes(needle));
  assert.ok(tok, `line ${n} has a token with ${JSON.stringify(needle)}: ${JSON.stringify(lines[n])}`);
  return tok.scopes.join(' ');
}

const CONFIG = `# container-linux-config
systemd:
  units:
    - name: etcd-member.service
      enabled: true
      contents: |
        [Unit]
        Description=etcd for %n
        # a comment

        [Service]
        ExecStart=/usr/bin/etcd --name \${HOSTNAME}
      dropins:
        - name: 20-x.conf
          contents: |-
            [Service]
            Environment=A=1
    - contents: |
        [Unit]
        After=network.target
      name: other.service
storage:
  files:
    - path: /etc/hostname
      contents:
        inline: |
          contents: |
            [NotAUnit]
`;

test('YAML keys outside unit contents are highlighted by the YAML grammar', { skip }, async () => {
  const lines = (await loadTokenizer())(CONFIG);
  assert.match(scopesOf(lines, 1, 'systemd'), /entity\.name\.tag\.yaml/);
  assert.match(scopesOf(lines, 4, 'enabled'), /entity\.name\.tag\.yaml/);
  assert.doesNotMatch(scopesOf(lines, 4, 'enabled'), /systemd-unit/);
  assert.match(scopesOf(lines, 0, 'container-linux-config'), /comment/);
});

test('unit contents are highlighted as a unit file', { skip }, async () => {
  const lines = (await loadTokenizer())(CONFIG);
  assert.match(scopesOf(lines, 5, 'contents'), /entity\.name\.tag\.yaml/);
  assert.match(scopesOf(lines, 6, 'Unit'), /meta\.embedded\.block\.systemd-unit.*entity\.name\.section/);
  assert.match(scopesOf(lines, 7, 'Description'), /keyword\.other\.definition\.systemd-unit/);
  assert.match(scopesOf(lines, 7, '%n'), /constant\.other\.placeholder/);
  assert.match(scopesOf(lines, 8, 'a comment'), /comment\.line\.number-sign\.systemd-unit/);
  assert.match(scopesOf(lines, 11, '${HOSTNAME}'), /variable\.other\.environment/);
  // the block ends at the sibling key
  assert.match(scopesOf(lines, 12, 'dropins'), /entity\.name\.tag\.yaml/);
  assert.doesNotMatch(scopesOf(lines, 12, 'dropins'), /systemd-unit/);
  // drop-in contents with a chomping indicator
  assert.match(scopesOf(lines, 15, 'Service'), /entity\.name\.section/);
  assert.match(scopesOf(lines, 16, 'Environment'), /keyword\.other\.definition\.systemd-unit/);
  // "- contents: |" as the first key of a list item
  assert.match(scopesOf(lines, 18, 'Unit'), /entity\.name\.section/);
  assert.match(scopesOf(lines, 19, 'After'), /keyword\.other\.definition\.systemd-unit/);
  assert.doesNotMatch(scopesOf(lines, 20, 'name'), /systemd-unit/);
  assert.match(scopesOf(lines, 20, 'name'), /entity\.name\.tag\.yaml/);
  assert.match(scopesOf(lines, 21, 'storage'), /entity\.name\.tag\.yaml/);
});

test('embedding unit contents leaves no YAML token marked invalid', { skip }, async () => {
  const lines = (await loadTokenizer())(CONFIG);
  const bad = lines.flatMap((l, i) => l.filter((t) => t.scopes.some((s) => s.startsWith('invalid.'))).map((t) => `${i}: ${t.text}`));
  assert.deepEqual(bad, []);
});

test('a "contents: |" line inside another block scalar stays text', { skip }, async () => {
  const lines = (await loadTokenizer())(CONFIG);
  assert.doesNotMatch(scopesOf(lines, 26, 'contents'), /systemd-unit|entity\.name\.tag/);
  assert.doesNotMatch(scopesOf(lines, 27, 'NotAUnit'), /systemd-unit/);
});

test('Butane configs: YAML keys and unit contents (the same injection as CLC)', { skip }, async () => {
  const lines = (await loadTokenizer('source.butane'))(`variant: flatcar
version: 1.1.0
systemd:
  units:
    - name: web.service
      contents: |
        [Unit]
        Description=web
      dropins:
        - name: 10-env.conf
          contents: |
            [Service]
            Environment=A=1
`);
  assert.match(scopesOf(lines, 0, 'variant'), /entity\.name\.tag\.yaml/);
  assert.match(scopesOf(lines, 6, 'Unit'), /meta\.embedded\.block\.systemd-unit.*entity\.name\.section/);
  assert.match(scopesOf(lines, 7, 'Description'), /keyword\.other\.definition\.systemd-unit/);
  assert.match(scopesOf(lines, 8, 'dropins'), /entity\.name\.tag\.yaml/);
  assert.match(scopesOf(lines, 12, 'Environment'), /keyword\.other\.definition\.systemd-unit/);
});
