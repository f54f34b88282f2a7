// Start and stop code-server (VS Code's server + web workbench) and Debian's chromium for the
// real-editor tests. Loopback only, one fresh user-data dir and port per run, everything stopped by PID.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { paths } from './paths.mjs';

export const HOST = '127.0.0.1';

/** User settings that keep the workbench quiet and deterministic (no chat input grabbing focus, no welcome page…). */
export const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'files.autoSave': 'off',
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
};

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Fresh per-run folders: <runDir>/ud (user data, with User/settings.json) and <runDir>/exts. */
export function prepareProfile({ userDataDir, extensionsDir, settings = {}, locale }) {
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2) + '\n');
  if (locale && !locale.toLowerCase().startsWith('en')) writeLocaleStub(userDataDir, locale.toLowerCase());
  const cfg = path.join(userDataDir, 'config.yaml');
  // --config always: otherwise code-server writes ~/.config/code-server/config.yaml
  fs.writeFileSync(cfg, `bind-addr: ${HOST}:0\nauth: none\ncert: false\n`);
  return cfg;
}

/**
 * VS Code only honours a non-English locale for which a language pack is installed; otherwise the
 * workbench, and with it `vscode.env.language` and the LSP client's `locale`, fall back to 'en'.
 * No language pack can be downloaded here, so register a stub one (no translations: the UI stays
 * English, but the display language, and so the locale the extension sees, is `locale`). code-server
 * reads the registry from <user-data-dir>/languagepacks.json when it builds the page's NLS bundle.
 */
function writeLocaleStub(userDataDir, locale) {
  const dir = path.join(userDataDir, 'locale-stub');
  fs.mkdirSync(dir, { recursive: true });
  const translations = path.join(dir, 'main.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }) + '\n');
  const packs = {
    [locale]: {
      hash: `nianbao-test-stub-${locale}`.replace(/[^a-z0-9-]/g, '-'),
      extensions: [{ extensionIdentifier: { id: `nianbao-test.${locale}-locale-stub` }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: locale,
    },
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2) + '\n');
}

function healthy(port) {
  return new Promise(resolve => {
    const req = http.get({ host: HOST, port, path: '/healthz', timeout: 1000 }, res => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}

/**
 * Starts code-server on 127.0.0.1:<free port>. Returns { port, host, proc, stop }.
 * `log` receives code-server's output lines (default: dropped unless NIANBAO_VSCODE_VERBOSE is set).
 */
export async function startCodeServer({ userDataDir, extensionsDir, settings, locale, env = {}, extraArgs = [], log }) {
  const cfg = prepareProfile({ userDataDir, extensionsDir, settings, locale });
  const port = await freePort();
  const args = [
    paths.csEntry,
    '--config', cfg,
    '--bind-addr', `${HOST}:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(locale ? ['--locale', locale] : []),
    ...extraArgs,
  ];
  const t0 = Date.now();
  const proc = spawn(paths.node24, args, {
    // own process group, so stop() can also reach the server's children (extension host, pty host…)
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      PATH: `${paths.node24Bin}${path.delimiter}${process.env.PATH}`,
      EXTENSIONS_GALLERY: '{}', // no open-vsx.org queries
      // keep code-server from reading the developer's own config
      XDG_CONFIG_HOME: path.join(userDataDir, 'xdg-config'),
      XDG_DATA_HOME: path.join(userDataDir, 'xdg-data'),
    },
  });
  const out = [];
  const sink = log ?? (process.env.NIANBAO_VSCODE_VERBOSE ? (l => console.log(`[code-server] ${l}`)) : null);
  for (const s of [proc.stdout, proc.stderr]) {
    s.setEncoding('utf8');
    let buf = '';
    s.on('data', d => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        out.push(line);
        if (out.length > 400) out.shift();
        sink?.(line);
      }
    });
  }
  let exited = null;
  const exitPromise = new Promise(resolve => proc.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));

  const stop = async () => {
    if (exited) return;
    try { process.kill(proc.pid, 'SIGTERM'); } catch { /* gone */ }
    const timer = new Promise(r => setTimeout(r, 5000, 'timeout'));
    if (await Promise.race([exitPromise, timer]) === 'timeout') {
      try { process.kill(proc.pid, 'SIGKILL'); } catch { /* gone */ }
      await exitPromise;
    }
    // children of the server that outlived it (same process group, led by proc.pid)
    try { process.kill(-proc.pid, 'SIGKILL'); } catch { /* none left */ }
  };

  const deadline = Date.now() + 60_000;
  while (!(await healthy(port))) {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before it was up:\n${out.join('\n')}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server not up on ${HOST}:${port} after 60 s:\n${out.join('\n')}`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
  return { port, host: `${HOST}:${port}`, proc, stop, output: out, startMs: Date.now() - t0 };
}

/** playwright-core from .vscode-test/tools, driving Debian's chromium (never a downloaded browser). */
export async function launchChromium() {
  const require = createRequire(paths.playwrightCore);
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: paths.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Stops code-server and chromium when this process is interrupted. */
export function onInterrupt(fn) {
  const handler = async sig => {
    try { await fn(); } finally { process.exit(sig === 'SIGINT' ? 130 : 143); }
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
