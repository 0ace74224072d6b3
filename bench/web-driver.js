// The benchmark's LSP client, run inside the page by bench/web.ts (read as text and evaluated
// there): talks to the server's web worker over postMessage and times with performance.now().
// `a` holds the document text, the completion positions (the first `warmup` untimed) and the
// edit targets, as bench/server.ts chooses them.
async function driveServer(a) {
  const w = new Worker('/server.js');
  let nextId = 0;
  const pending = new Map();
  let diagWaiter = null;
  w.onmessage = (e) => {
    const m = e.data;
    if (m.method === 'textDocument/publishDiagnostics') {
      if (diagWaiter && m.params.version === diagWaiter.version) diagWaiter.resolve();
    } else if (m.method !== undefined && m.id !== undefined) {
      w.postMessage({ jsonrpc: '2.0', id: m.id, result: null }); // requests from the server
    } else if (m.id !== undefined && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
  };
  const request = (method, params) =>
    new Promise((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      w.postMessage({ jsonrpc: '2.0', id, method, params });
    });
  const notify = (method, params) => w.postMessage({ jsonrpc: '2.0', method, params });
  const diagnostics = (version) => new Promise((resolve) => (diagWaiter = { version, resolve }));
  const uri = 'file:///bench/config.yml';
  await request('initialize', { processId: null, rootUri: null, capabilities: {}, initializationOptions: {} });
  notify('initialized', {});
  let published = diagnostics(1);
  let s = performance.now();
  notify('textDocument/didOpen', { textDocument: { uri, languageId: 'clc', version: 1, text: a.text } });
  await published;
  const first = performance.now() - s;
  const completions = [];
  for (const [i, position] of a.positions.entries()) {
    s = performance.now();
    await request('textDocument/completion', { textDocument: { uri }, position });
    if (i >= a.warmup) completions.push(performance.now() - s);
  }
  const edits = [];
  for (const [i, at] of a.targets.entries()) {
    const version = i + 2;
    published = diagnostics(version);
    s = performance.now();
    notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: i % 2 ? 'e' : 'x' }] });
    await published;
    edits.push(performance.now() - s);
    await new Promise((r) => setTimeout(r, 50));
  }
  w.terminate();
  return { first, completions, edits };
}
