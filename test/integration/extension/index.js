// Smoke tests of the packaged extension in a real VS Code (see test/integration/README.md):
//   node scripts/e2e/run-vscode-tests.mjs --extension <unpacked vsix or repo> \
//     --tests $PWD/test/integration/extension/index.js --workspace test/integration/extension/workspace
const path = require('node:path');
const Mocha = require(process.env.CLC_E2E_TOOLS ? path.join(process.env.CLC_E2E_TOOLS, 'mocha') : 'mocha');

exports.run = () => {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000 });
  mocha.addFile(path.join(__dirname, 'suite.js'));
  return new Promise((resolve, reject) => mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve())));
};
