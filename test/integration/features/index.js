// Entry point of the feature suite for scripts/e2e/run-vscode-tests.mjs (npm run test:e2e): the
// extension host loads this module and awaits run(). mocha comes from the e2e tools folder
// (CLC_E2E_TOOLS), since the extension host does not search NODE_PATH. Under @vscode/test-cli
// (npm run test:vscode) this file is not used: .vscode-test.mjs lists the same files and options.
const fs = require('node:fs');
const path = require('node:path');

/** mocha options shared by both runners */
const mochaOptions = { ui: 'tdd', color: false, timeout: 60000, slow: 3000 };

/** the test files, in the order they run */
const testFiles = () =>
  fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(__dirname, f));

function run() {
  const Mocha = require(process.env.CLC_E2E_TOOLS ? path.join(process.env.CLC_E2E_TOOLS, 'mocha') : 'mocha');
  const mocha = new Mocha({ ...mochaOptions, ...(process.env.CLC_E2E_GREP ? { grep: process.env.CLC_E2E_GREP } : {}) });
  for (const f of testFiles()) mocha.addFile(f);
  return new Promise((resolve, reject) =>
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve())),
  );
}

module.exports = { run, mochaOptions, testFiles };
