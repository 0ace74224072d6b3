// Activation on a cl-config.yml: the language, the API activate() returns, the commands.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXT_ID, activate, closeAll, file, until } = require('./helpers');

suite('activation', () => {
  suiteTeardown(closeAll);

  test('opening cl-config.yml activates the extension, with the clc language and the language server', async () => {
    const api = await activate();
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.equal(ext.isActive, true);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file('cl-config.yml').fsPath);
    assert.ok(doc, 'cl-config.yml is open');
    assert.equal(doc.languageId, 'clc');
    for (const fn of ['transpileUri', 'outputTarget']) assert.equal(typeof api[fn], 'function', `api.${fn}`);
    assert.equal(api.server.isRunning, true);
    assert.equal(typeof api.activationMs, 'number');
    console.log(`      activate() took ${api.activationMs} ms`);
  });

  test('every command the manifest contributes is registered', async () => {
    await activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = vscode.extensions.getExtension(EXT_ID).packageJSON.contributes.commands.map((c) => c.command);
    assert.ok(contributed.length >= 7);
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  test('a .clc.yml file gets the clc language by its name', async () => {
    await activate();
    const doc = await vscode.workspace.openTextDocument(file('broken.clc.yml'));
    await until('broken.clc.yml to be clc', () => doc.languageId === 'clc');
  });
});
