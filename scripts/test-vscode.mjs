#!/usr/bin/env node
// `npm run test:vscode`: the extension in a real VS Code (issue 4).
//
// 1. Installs, idempotently and pinned, what the real-editor tests need (see test/vscode/lib/install.mjs):
//    Debian chromium + libkrb5-dev (apt-get, only when missing), node@24.21.0, code-server@4.139.1 and
//    playwright-core@1.65.1 under .vscode-test/ (ignored by git; reused on later runs).
// 2. Builds the extension (node esbuild.mjs) and bundles the extension-host suite (test/vscode/ext).
// 3. Extension-host suite: @vscode/test-electron's runTests() with test/vscode/code-shim.sh as the
//    "VS Code executable" — the mocha suite runs in code-server's Node extension host. Run twice:
//    once in the default (English) locale, once with --locale zh-cn for the Chinese-messages test.
// 4. Browser suite (test/vscode/ui/run.mjs): playwright-core + Debian chromium clicking through
//    code-server's UI, in English and in zh-cn; screenshots in test-results/vscode-ui{,-zh-cn}/.
// Each suite prints `N passed, N failed`; the last line of output is the combined count, and the
// exit status is non-zero if anything failed.
//
// Options: --skip-install (use the cache as it is), --only=ext|ui. Environment: NIANBAO_VSCODE_VERBOSE=1
// shows code-server's and the workbench's logs; NIANBAO_VSCODE_TIMEOUT_MS is the limit per editor
// run (default 300000); NIANBAO_VSCODE_KEEP=1 keeps .vscode-test/run-<pid>/ (profiles, logs);
// NIANBAO_VSCODE_EXTENSION_PATH tests another copy of the extension instead of this checkout.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { ensureAll } from '../test/vscode/lib/install.mjs';
import { paths } from '../test/vscode/lib/paths.mjs';

const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const only = (argv.find(a => a.startsWith('--only=')) ?? '').slice('--only='.length) || null;
const t0 = Date.now();
const secs = t => ((Date.now() - t) / 1000).toFixed(1);
const log = msg => console.log(`[test:vscode] ${msg}`);

const totals = { passed: 0, failed: 0 };
function summary(name, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  console.log(`\n${name}:`);
  console.log(`${passed} passed, ${failed} failed`);
}

function finish() {
  log(`total time ${secs(t0)} s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}

// ---- 1. tools -------------------------------------------------------------------------------
if (!argv.includes('--skip-install')) {
  try {
    ensureAll();
  } catch (e) {
    log(`installing the test tools failed: ${e.message}`);
    summary('setup', 0, 1);
    finish();
  }
}

// ---- 2. build ------------------------------------------------------------------------------
{
  const t = Date.now();
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: paths.root, stdio: 'inherit' });
  if (r.status !== 0) {
    log(`node esbuild.mjs failed (${r.status ?? r.signal}): the extension does not build`);
    summary('build', 0, 1);
    finish();
  }
  const esbuild = require('esbuild');
  fs.rmSync(paths.outTests, { recursive: true, force: true });
  try {
    esbuild.buildSync({
      entryPoints: [path.join(paths.root, 'test', 'vscode', 'ext', 'index.ts')],
      outfile: path.join(paths.outTests, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'inline',
      // vscode is the host's; mocha is required from node_modules at run time
      external: ['vscode', 'mocha'],
      logLevel: 'warning',
    });
  } catch (e) {
    log(`bundling the extension-host suite failed: ${e.message}`);
    summary('build', 0, 1);
    finish();
  }
  log(`extension and test suite built in ${secs(t)} s`);
}

const runRoot = path.join(paths.cache, `run-${process.pid}`);
fs.rmSync(runRoot, { recursive: true, force: true });
fs.mkdirSync(runRoot, { recursive: true });
let child = null;
const cleanupAndExit = sig => {
  if (child?.pid) { try { process.kill(child.pid, 'SIGTERM'); } catch { /* gone */ } }
  fs.rmSync(runRoot, { recursive: true, force: true });
  process.exit(sig === 'SIGINT' ? 130 : 143);
};

/** A private copy of test/vscode/workspace: the tests write files into it and change its settings. */
function freshWorkspace(name) {
  const ws = path.join(runRoot, name);
  fs.cpSync(paths.workspace, ws, { recursive: true });
  return ws;
}

// ---- 3. extension-host suite ----------------------------------------------------------------
// NIANBAO_VSCODE_EXTENSION_PATH: test another build of the extension (e.g. a deliberately broken copy)
const extensionPath = path.resolve(process.env.NIANBAO_VSCODE_EXTENSION_PATH ?? paths.root);
if (extensionPath !== paths.root) log(`extension under test: ${extensionPath}`);
const shim = path.join(paths.root, 'test', 'vscode', 'code-shim.sh');
fs.chmodSync(shim, 0o755); // runTests spawns it directly (a fresh checkout may lack the x bit)

async function extensionHostRun(label, { locale, suite }) {
  const { runTests } = require('@vscode/test-electron');
  const dir = path.join(runRoot, label);
  fs.mkdirSync(dir, { recursive: true });
  const ws = freshWorkspace(`ws-${label}`);
  const resultsFile = path.join(dir, 'results.json');
  const t = Date.now();
  log(`extension-host suite (${label}) ...`);
  let exit = 0;
  try {
    await runTests({
      vscodeExecutablePath: shim,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: path.join(paths.outTests, 'index.js'),
      launchArgs: [
        ws,
        `--user-data-dir=${path.join(dir, 'ud')}`,
        `--extensions-dir=${path.join(dir, 'exts')}`,
        ...(locale ? [`--locale=${locale}`] : []),
      ],
      extensionTestsEnv: {
        NIANBAO_SHIM_NODE: process.execPath,
        NIANBAO_VSCODE_RESULTS: resultsFile,
        NIANBAO_VSCODE_SUITE: suite,
      },
    });
  } catch (e) {
    exit = e?.code ?? 1;
  }
  let res = null;
  try { res = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch { /* no results: the suite never ran to the end */ }
  log(`extension-host suite (${label}) finished in ${secs(t)} s, exit ${exit}`);
  if (!res) {
    log(`(${label}) no results were written: the suite did not run (extension host or harness failure)`);
    return { passed: 0, failed: 1, tests: [] };
  }
  if (!res.complete) {
    log(`(${label}) the suite did not run to its end (exit ${exit}): counting one more failure`);
    res.failed += 1;
    res.tests.push({ title: `${label}: suite did not finish (hung test or time limit)`, state: 'failed', error: `exit ${exit}` });
  } else if (exit !== 0 && res.failed === 0) {
    log(`(${label}) exit ${exit} although no test failed: counting one failure`);
    res.failed = 1;
  }
  return res;
}

process.once('SIGINT', cleanupAndExit);
process.once('SIGTERM', cleanupAndExit);

if (!only || only === 'ext') {
  const runs = [
    await extensionHostRun('en', { suite: 'main' }),
    await extensionHostRun('zh-cn', { locale: 'zh-cn', suite: 'locale-zh' }),
  ];
  const passed = runs.reduce((n, r) => n + r.passed, 0);
  const failed = runs.reduce((n, r) => n + r.failed, 0);
  const failures = runs.flatMap(r => r.tests.filter(x => x.state === 'failed'));
  if (failures.length) {
    console.log('\nextension-host failures:');
    for (const f of failures) console.log(`  ✘ ${f.title}\n      ${String(f.error).split('\n').join('\n      ')}`);
  }
  summary('Extension-host suite', passed, failed);
}

// ---- 4. browser suite -----------------------------------------------------------------------
// Twice, as the extension-host suite: VS Code in English, then with the display language zh-cn
// (the extension's strings and the messages in Chinese; screenshots in test-results/vscode-ui-zh-cn/).
async function browserRun(label, locale) {
  const ws = freshWorkspace(`ws-ui-${label}`);
  const resultsFile = path.join(runRoot, `ui-results-${label}.json`);
  const t = Date.now();
  log(`browser suite (${label}) ...`);
  const code = await new Promise(resolve => {
    child = spawn(process.execPath, [path.join(paths.root, 'test', 'vscode', 'ui', 'run.mjs'), ws], {
      stdio: 'inherit',
      env: { ...process.env, NIANBAO_VSCODE_RESULTS: resultsFile, NIANBAO_VSCODE_RUNDIR: path.join(runRoot, `ui-${label}`), NIANBAO_VSCODE_UI_LOCALE: locale ?? '' },
    });
    child.on('exit', (c, s) => resolve(c ?? s));
  });
  child = null;
  let res = null;
  try { res = JSON.parse(fs.readFileSync(resultsFile, 'utf8')); } catch { /* none */ }
  log(`browser suite (${label}) finished in ${secs(t)} s, exit ${code}`);
  if (!res) res = { passed: 0, failed: 1 };
  else if (code !== 0 && res.failed === 0) res.failed = 1;
  return res;
}

if (!only || only === 'ui') {
  const runs = [await browserRun('en'), await browserRun('zh-cn', 'zh-cn')];
  summary('Browser suite', runs.reduce((n, r) => n + r.passed, 0), runs.reduce((n, r) => n + r.failed, 0));
}

if (!process.env.NIANBAO_VSCODE_KEEP) fs.rmSync(runRoot, { recursive: true, force: true });
finish();
