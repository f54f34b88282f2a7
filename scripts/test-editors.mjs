#!/usr/bin/env node
// `npm run test:editors`: the language server in editors other than VS Code, driven headless.
//
// Two suites, each installed with apt-get when missing — only as root (CI runs as root); as another
// user a suite is skipped, saying why, and counted as neither passed nor failed:
// - Emacs + eglot (test/editors/emacs/eglot-test.el): Debian's emacs-nox and elpa-eglot; an Emacs
//   without eglot (Emacs 28 without elpa-eglot) gets elpa-eglot the same way.
// - Neovim (test/editors/neovim/lsp-test.lua): Debian's neovim (0.7.2 on Debian 12), its built-in
//   LSP client configured as docs/editors.md shows.
// Builds the server once (node esbuild.mjs), runs each suite with a time limit and prints, as its
// last line, the sum of the suites' `N passed, N failed`; the exit status is non-zero if anything
// failed, or if nothing ran and nothing was skipped.
//
// Environment: NIANBAO_EDITORS_TIMEOUT_MS, the limit for each editor's run (default 180000);
// NIANBAO_EGLOT_WAIT, seconds the Emacs test waits for each answer of the server (default 60);
// NIANBAO_NVIM_WAIT, the same for the Neovim test, in milliseconds (default 60000).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall, isRoot } from '../test/support/apt.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = msg => console.log(`[test:editors] ${msg}`);
const timeoutMs = Number(process.env.NIANBAO_EDITORS_TIMEOUT_MS ?? 180000);

function has(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}

const emacsVersion = () => has('emacs', ['--version'])?.split('\n')[0] ?? null;
/** eglot loads in `emacs -Q` (built in from Emacs 29, or Debian's elpa-eglot for 28). */
const eglotLoads = () => has('emacs', ['--batch', '-Q', '--eval',
  '(progn (unless (locate-library "eglot") (require \'package) (add-to-list \'package-directory-list "/usr/share/emacs/site-lisp/elpa") (package-initialize)) (require \'eglot) (princ "ok"))']) === 'ok';
const nvimVersion = () => has('nvim', ['--version'])?.split('\n')[0] ?? null;

/**
 * Installs what `missing()` names, with apt-get, when it names anything. Returns null when the
 * editor is ready, else a suite result: skipped (not root) or failed (the install failed).
 */
function ensure(editor, missing, ready, version) {
  const pkgs = missing();
  if (pkgs.length) {
    if (!isRoot()) return { passed: 0, failed: 0, skipped: `${editor} is not installed (${pkgs.join(', ')} missing) and this user is not root, so apt-get cannot install it: run as root (as CI does) or "sudo apt-get install ${pkgs.join(' ')}"` };
    try {
      aptInstall(pkgs, log);
    } catch (e) {
      log(`installing ${pkgs.join(' ')} failed: ${e.message}`);
      return { passed: 0, failed: 1 };
    }
    if (!ready()) { log(`${editor} still missing after apt-get install ${pkgs.join(' ')}`); return { passed: 0, failed: 1 }; }
  }
  log(`${editor}: ${version()}`);
  return null;
}

/** Runs one editor headless; its result from the `<tag>: N passed, N failed` line it prints. */
function runSuite(name, tag, cmd, args, env = process.env) {
  const t = Date.now();
  const r = spawnSync(cmd, args, {
    cwd: root, env, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.stderr.write(r.stderr ?? '');
  process.stdout.write(r.stdout ?? '');
  log(`${name} ran ${((Date.now() - t) / 1000).toFixed(1)} s, exit ${r.status ?? r.signal}`);
  const m = new RegExp(`^${tag}: (\\d+) passed, (\\d+) failed$`, 'm').exec(r.stdout ?? '');
  const passed = m ? Number(m[1]) : 0;
  const failed = m ? Number(m[2]) : 0;
  if (r.error?.code === 'ETIMEDOUT' || r.signal) { log(`${name} did not finish within ${timeoutMs / 1000} s`); return { passed, failed: failed + 1 }; }
  if (!m) { log(`the ${name} test printed no "${tag}: N passed, N failed" line`); return { passed: 0, failed: 1 }; }
  return { passed, failed: failed + (r.status !== 0 && failed === 0 ? 1 : 0) };
}

const suites = [
  {
    name: 'Emacs + eglot',
    missing: () => (!emacsVersion() ? ['emacs-nox', 'elpa-eglot'] : !eglotLoads() ? ['elpa-eglot'] : []),
    ready: () => !!emacsVersion() && eglotLoads(),
    version: () => `${emacsVersion()}, eglot loads`,
    run: () => runSuite('emacs', 'emacs-eglot', 'emacs', ['--batch', '-Q', '-l', path.join(root, 'test', 'editors', 'emacs', 'eglot-test.el')]),
  },
  {
    name: 'Neovim',
    missing: () => (nvimVersion() ? [] : ['neovim']),
    ready: () => !!nvimVersion(),
    version: nvimVersion,
    run: () => {
      // No user configuration, plugins, shada or logs from this machine: a fresh home for each run.
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'nianbao-nvim-'));
      const xdg = Object.fromEntries(['CONFIG', 'DATA', 'STATE', 'CACHE'].map(k => [`XDG_${k}_HOME`, path.join(home, k.toLowerCase())]));
      try {
        return runSuite('neovim', 'neovim', 'nvim', ['--headless', '--noplugin', '-i', 'NONE', '-u', path.join(root, 'test', 'editors', 'neovim', 'lsp-test.lua')], { ...process.env, ...xdg });
      } finally {
        fs.rmSync(home, { recursive: true, force: true });
      }
    },
  },
];

// ---- 1. the editors ---------------------------------------------------------------------------
const results = suites.map(s => ({ suite: s, result: ensure(s.name, s.missing, s.ready, s.version) }));

// ---- 2. the server, when an editor can run --------------------------------------------------
const runnable = results.filter(x => !x.result);
let built = true;
if (runnable.length) {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { log(`node esbuild.mjs failed (${r.status ?? r.signal}): no server to test`); built = false; }
}

// ---- 3. each editor, headless ---------------------------------------------------------------
for (const x of runnable) x.result = built ? x.suite.run() : { passed: 0, failed: 1 };

let passed = 0, failed = 0;
for (const { suite, result } of results) {
  if (result.skipped) log(`skipped: ${suite.name}: ${result.skipped}`);
  else log(`${suite.name}: ${result.passed} passed, ${result.failed} failed`);
  passed += result.passed;
  failed += result.failed;
}
const skippedAny = results.some(x => x.result.skipped);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || (passed === 0 && !skippedAny) ? 1 : 0);
