#!/usr/bin/env node
// `npm run test:editors`: the language server in editors other than VS Code, driven headless.
//
// Emacs + eglot (test/editors/emacs/eglot-test.el): Debian's emacs-nox and elpa-eglot are installed
// with apt-get when `emacs` is missing — only as root (CI runs as root); as another user the suite
// is skipped, saying why, and counted as neither passed nor failed (exit status 0). An Emacs without
// eglot (Emacs 28 without elpa-eglot) gets elpa-eglot the same way.
// Builds the server (node esbuild.mjs), runs the test with a time limit and prints the suite's
// `N passed, N failed` as its last line; the exit status is non-zero if anything failed.
//
// Environment: NIANBAO_EDITORS_TIMEOUT_MS, the limit for the Emacs run (default 180000);
// NIANBAO_EGLOT_WAIT, seconds the test waits for each answer of the server (default 60).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aptInstall, isRoot } from '../test/support/apt.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = msg => console.log(`[test:editors] ${msg}`);
const timeoutMs = Number(process.env.NIANBAO_EDITORS_TIMEOUT_MS ?? 180000);

function finish(passed, failed, skipped = '') {
  if (skipped) log(`skipped: ${skipped}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || (passed === 0 && !skipped) ? 1 : 0);
}

function has(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}

const emacsVersion = () => has('emacs', ['--version'])?.split('\n')[0] ?? null;
/** eglot loads in `emacs -Q` (built in from Emacs 29, or Debian's elpa-eglot for 28). */
const eglotLoads = () => has('emacs', ['--batch', '-Q', '--eval',
  '(progn (unless (locate-library "eglot") (require \'package) (add-to-list \'package-directory-list "/usr/share/emacs/site-lisp/elpa") (package-initialize)) (require \'eglot) (princ "ok"))']) === 'ok';

// ---- 1. Emacs and eglot ---------------------------------------------------------------------
{
  const missing = [];
  if (!emacsVersion()) missing.push('emacs-nox', 'elpa-eglot');
  else if (!eglotLoads()) missing.push('elpa-eglot');
  if (missing.length) {
    if (!isRoot()) finish(0, 0, `Emacs with eglot is not installed (${missing.join(', ')} missing) and this user is not root, so apt-get cannot install it: run as root (as CI does) or "sudo apt-get install emacs-nox elpa-eglot"`);
    try {
      aptInstall(missing, log);
    } catch (e) {
      log(`installing ${missing.join(' ')} failed: ${e.message}`);
      finish(0, 1);
    }
    if (!emacsVersion() || !eglotLoads()) { log('emacs or eglot still missing after apt-get install'); finish(0, 1); }
  }
  log(`${emacsVersion()}, eglot loads`);
}

// ---- 2. the server --------------------------------------------------------------------------
{
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) { log(`node esbuild.mjs failed (${r.status ?? r.signal}): no server to test`); finish(0, 1); }
}

// ---- 3. Emacs + eglot, headless ------------------------------------------------------------
{
  const t = Date.now();
  const r = spawnSync('emacs', ['--batch', '-Q', '-l', path.join(root, 'test', 'editors', 'emacs', 'eglot-test.el')], {
    cwd: root, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.stderr.write(r.stderr ?? '');
  process.stdout.write(r.stdout ?? '');
  log(`emacs ran ${((Date.now() - t) / 1000).toFixed(1)} s, exit ${r.status ?? r.signal}`);
  const m = /^emacs-eglot: (\d+) passed, (\d+) failed$/m.exec(r.stdout ?? '');
  if (r.error?.code === 'ETIMEDOUT' || r.signal) { log(`emacs did not finish within ${timeoutMs / 1000} s`); finish(m ? Number(m[1]) : 0, (m ? Number(m[2]) : 0) + 1); }
  if (!m) { log('the Emacs test printed no "emacs-eglot: N passed, N failed" line'); finish(0, 1); }
  const passed = Number(m[1]);
  const failed = Number(m[2]) + (r.status !== 0 && Number(m[2]) === 0 ? 1 : 0);
  finish(passed, failed);
}
