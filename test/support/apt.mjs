// Debian packages for the real-editor tests (scripts/test-vscode.mjs, scripts/test-editors.mjs):
// which are installed, and apt-get install of the missing ones (as root, or through sudo).
import { spawnSync } from 'node:child_process';

export function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

function aptCandidate(pkg) {
  const r = spawnSync('apt-cache', ['policy', pkg], { encoding: 'utf8' });
  const m = /Candidate:\s*(\S+)/.exec(r.stdout ?? '');
  return !!m && m[1] !== '(none)';
}

/** Runs `cmd`, output shown; throws when it cannot start or exits non-zero. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

export const isRoot = () => !!process.getuid && process.getuid() === 0;

/** `apt-get install -y --no-install-recommends pkgs` (after `apt-get update` when the lists do not know them, or once on failure). */
export function aptInstall(pkgs, log) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = args => (isRoot() ? run('apt-get', args, { env }) : run('sudo', ['apt-get', ...args], { env }));
  if (!pkgs.every(aptCandidate)) {
    log('apt-get update (package lists do not know ' + pkgs.join(', ') + ')');
    apt(['update']);
  }
  log(`apt-get install ${pkgs.join(' ')}`);
  const t = Date.now();
  try {
    apt(['install', '-y', '--no-install-recommends', ...pkgs]);
  } catch (e) {
    log(`install failed (${e.message}); retrying after apt-get update`);
    apt(['update']);
    apt(['install', '-y', '--no-install-recommends', ...pkgs]);
  }
  log(`apt packages installed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
