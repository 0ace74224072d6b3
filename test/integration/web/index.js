// The web suite (npm run test:web): runs in VS Code's browser extension host, a web worker, with
// the extension's browser entry (dist/web/extension.js) and its language server in a second web
// worker. scripts/e2e/web-test.mjs bundles this file with mocha's browser build into one script
// (a worker extension host loads nothing else) and runs it in Chromium.
//
// No Node here: files go through vscode.workspace.fs; expected outputs are put into the workspace
// by the harness before the run (ct's own output from the conformance corpus).

// what the worker's global scope holds before anything of the tests (mocha included) runs
globalThis.clcWebSuiteGlobals = { process: typeof process, importScripts: typeof importScripts, WorkerGlobalScope: typeof WorkerGlobalScope, document: typeof document };

const mocha = require('mocha/mocha.js');

/** Prints each result and mocha's closing "N passing / N failing" lines, which the harness counts. */
function ConsoleReporter(runner) {
  let passed = 0;
  let failed = 0;
  runner.on('pass', (t) => {
    passed++;
    console.log(`  ✔ ${t.fullTitle()} (${t.duration} ms)`);
  });
  runner.on('fail', (t, err) => {
    failed++;
    console.log(`  ✖ ${t.fullTitle()}\n${String(err && err.stack ? err.stack : err).replace(/^/gm, '      ')}`);
  });
  runner.once('end', () => {
    console.log(`\n  ${passed} passing`);
    if (failed) console.log(`  ${failed} failing`);
  });
}

mocha.setup({ ui: 'tdd', reporter: ConsoleReporter, timeout: 60000, slow: 3000, color: false });
const { showcase } = require('./suite.js');

function run() {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures) return reject(new Error(`${failures} test(s) failed`));
      // a view for the README's screenshot (docs/images/web-extension.png); not a test
      showcase().then(resolve, (e) => {
        console.log(`(no showcase for the screenshot: ${e.message})`);
        resolve();
      });
    });
  });
}

module.exports = { run };
