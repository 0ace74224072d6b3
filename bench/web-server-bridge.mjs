#!/usr/bin/env node
// The browser build of the language server (dist/web/server.js) as a stdio language server, for
// the benchmarks: starts headless Chromium (the e2e setup's playwright-core and Debian's chromium),
// runs the bundle in a web worker of a blank page served from 127.0.0.1, and relays LSP messages
// between this process's stdin/stdout (Content-Length frames) and the worker (postMessage, as
// vscode-languageserver/browser speaks). The relay adds a little latency: figures are upper bounds.
import { openServerPage } from './web-page.mjs';

const { page, close } = await openServerPage();

const toClient = (json) => {
  const body = Buffer.from(json, 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
};
await page.exposeFunction('clcToClient', toClient);
await page.evaluate(() => {
  const w = new Worker('/server.js');
  w.onmessage = (e) => globalThis.clcToClient(JSON.stringify(e.data));
  w.onerror = (e) => console.error(`worker error: ${e.message}`);
  globalThis.clcServer = w;
});
page.on('console', (m) => process.stderr.write(`[page] ${m.text()}\n`));

// stdin: Content-Length framed JSON, relayed in order
let buf = Buffer.alloc(0);
let chain = Promise.resolve();
process.stdin.on('data', (d) => {
  buf = Buffer.concat([buf, d]);
  for (;;) {
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const m = /Content-Length: (\d+)/i.exec(buf.subarray(0, end).toString('ascii'));
    const len = Number(m?.[1] ?? 0);
    if (buf.length < end + 4 + len) return;
    const json = buf.subarray(end + 4, end + 4 + len).toString('utf8');
    buf = buf.subarray(end + 4 + len);
    chain = chain.then(() => page.evaluate((j) => globalThis.clcServer.postMessage(JSON.parse(j)), json)).catch(() => undefined);
  }
});
const stop = async () => {
  await close();
  process.exit(0);
};
process.stdin.on('end', stop);
process.on('SIGTERM', stop);
