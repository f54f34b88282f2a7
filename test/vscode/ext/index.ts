// Entry of the extension-host suite: VS Code loads this file (--extensionTestsPath) and calls run().
// Bundled by scripts/test-vscode.mjs into out/vscode-tests/index.js; mocha stays external and is
// required from the project's node_modules at run time, inside the extension host.
//
// Output lines carry the prefix "[nianbao-test] ": the extension host's console reaches the shim
// through the browser console, mixed with the workbench's own logs, and the shim keeps only these.
// The counts also go to the JSON file named by NIANBAO_VSCODE_RESULTS, for the runner's summary.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defineMainTests } from './main.test';
import { defineLocaleTests } from './locale.test';
import { defineTableViewTests } from './tableView.test';

const TAG = '[nianbao-test] ';
const say = (s: string) => console.log(TAG + s);

interface TestResult { title: string; state: 'passed' | 'failed'; ms?: number; error?: string }

export function run(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require('mocha') as typeof import('mocha');
  const suite = process.env.NIANBAO_VSCODE_SUITE ?? 'main';
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false, reporter: class Quiet extends Mocha.reporters.Base {} });
  mocha.suite.emit('pre-require', globalThis, path.join(__dirname, `${suite}.test.js`), mocha);
  if (suite === 'main') { defineMainTests(); defineTableViewTests(); }
  else if (suite === 'locale-zh') defineLocaleTests();
  else throw new Error(`unknown NIANBAO_VSCODE_SUITE '${suite}'`);

  const results: TestResult[] = [];
  // written after every test, so that a run cut short (a hung test, the harness's time limit)
  // still tells the runner what finished; `complete` marks a suite that ran to its end
  const save = (complete: boolean) => {
    const out = process.env.NIANBAO_VSCODE_RESULTS;
    if (!out) return;
    const passed = results.filter(r => r.state === 'passed').length;
    const failed = results.filter(r => r.state === 'failed').length;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ suite, complete, passed, failed, tests: results }, null, 2));
  };
  save(false);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    say(`suite '${suite}' in ${process.version}`);
    const runner = mocha.run(failures => {
      const passed = results.filter(r => r.state === 'passed').length;
      const failed = results.filter(r => r.state === 'failed').length;
      say(`${passed} passed, ${failed} failed (${Date.now() - started} ms)`);
      save(true);
      if (failures > 0 || failed > 0) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on('pass', test => {
      results.push({ title: test.fullTitle(), state: 'passed', ms: test.duration });
      say(`  ✔ ${test.title} (${test.duration} ms)`);
      save(false);
    });
    runner.on('fail', (test, err: Error) => {
      results.push({ title: test.fullTitle(), state: 'failed', error: err?.message ?? String(err) });
      say(`  ✘ ${test.title}\n      ${String(err?.stack ?? err).split('\n').slice(0, 8).join('\n      ')}`);
      save(false);
    });
  });
}
