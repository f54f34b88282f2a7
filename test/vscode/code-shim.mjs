// The "VS Code executable" that @vscode/test-electron's runTests() spawns (through code-shim.sh).
//
// VS Code's web workbench reads extensionDevelopmentPath and extensionTestsPath from the `payload`
// query parameter when the server runs with enable-smoke-test-driver; with vscode-remote:// URLs the
// tests run in the remote *Node* extension host, exactly like --extensionTestsPath in desktop VS Code.
// When the tests end the workbench calls window.codeAutomationExit(code), which we catch with
// page.exposeFunction. Exit status = the tests' exit code (1 on timeout or any harness error).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startCodeServer, launchChromium, onInterrupt } from './lib/code-server.mjs';
import { paths } from './lib/paths.mjs';

const TAG = '[nianbao-test] ';
const TIMEOUT_MS = Number(process.env.NIANBAO_VSCODE_TIMEOUT_MS ?? 300_000);

function parseArgs(argv) {
  const o = { devPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, locale: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) { o.folder ??= path.resolve(a); continue; }
    const [, name, inline] = m;
    const takesValue = ['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'locale'].includes(name);
    const value = inline ?? (takesValue ? argv[++i] : undefined);
    switch (name) {
      case 'extensionDevelopmentPath': o.devPaths.push(path.resolve(value)); break;
      case 'extensionTestsPath': o.testsPath = path.resolve(value); break;
      case 'user-data-dir': o.userDataDir = path.resolve(value); break;
      case 'extensions-dir': o.extensionsDir = path.resolve(value); break;
      case 'locale': o.locale = value; break;
      default: break; // electron-only flags (--no-sandbox, --disable-updates, --skip-welcome…) mean nothing here
    }
  }
  return o;
}

const say = msg => console.log(`[code-shim] ${msg}`);

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!o.testsPath || o.devPaths.length === 0) {
    say('usage: code-shim --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [--user-data-dir=DIR] [--extensions-dir=DIR] [--locale=LOC] [folder]');
    return 2;
  }
  const runDir = path.join(paths.cache, `run-${process.pid}`);
  const userDataDir = o.userDataDir ?? path.join(runDir, 'ud');
  const extensionsDir = o.extensionsDir ?? path.join(runDir, 'exts');

  const t0 = Date.now();
  let cs, browser;
  const cleanup = async () => {
    try { await browser?.close(); } catch { /* already gone */ }
    await cs?.stop();
  };
  onInterrupt(cleanup);
  try {
    cs = await startCodeServer({
      userDataDir, extensionsDir, locale: o.locale,
      extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    });
    say(`code-server (pid ${cs.proc.pid}) up on ${cs.host} after ${cs.startMs} ms${o.locale ? `, locale ${o.locale}` : ''}`);
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('console', msg => {
      const text = msg.text();
      // The extension host's console arrives here (as "%c INFO color: … <text>"), mixed with the
      // workbench's own logs: keep the suite's lines (tagged by test/vscode/ext/index.ts).
      const i = text.indexOf(TAG);
      if (i >= 0) console.log(text.slice(i + TAG.length));
      else if (process.env.NIANBAO_VSCODE_VERBOSE) console.log(`[browser] ${text}`);
    });
    page.on('pageerror', err => { if (process.env.NIANBAO_VSCODE_VERBOSE) say(`page error: ${err.message}`); });
    const exitCode = new Promise(resolve => {
      page.exposeFunction('codeAutomationExit', code => { resolve(Number(code)); }).catch(e => resolve(`exposeFunction failed: ${e.message}`));
    });
    const remote = p => `vscode-remote://${cs.host}${p}`;
    const payload = JSON.stringify([
      ...o.devPaths.map(p => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(o.testsPath)],
    ]);
    const url = `http://${cs.host}/?${o.folder ? `folder=${encodeURIComponent(o.folder)}&` : ''}payload=${encodeURIComponent(payload)}`;
    await page.goto(url);
    let timer;
    const timeout = new Promise(resolve => { timer = setTimeout(resolve, TIMEOUT_MS, 'timeout'); });
    const code = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (typeof code !== 'number') {
      say(code === 'timeout' ? `no codeAutomationExit after ${TIMEOUT_MS / 1000} s` : code);
      try {
        fs.mkdirSync(paths.results, { recursive: true });
        await page.screenshot({ path: path.join(paths.results, 'ext-host-timeout.png') });
      } catch { /* best effort */ }
      console.log('code-server output (last lines):\n' + cs.output.slice(-40).join('\n'));
      return 1;
    }
    say(`extension tests exit code ${code} (${Date.now() - t0} ms)`);
    return code;
  } catch (e) {
    say(`harness error: ${e.stack ?? e}`);
    return 1;
  } finally {
    await cleanup();
    if (!process.env.NIANBAO_VSCODE_KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
