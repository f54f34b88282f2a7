// Idempotent, pinned installs for the real-editor tests (see ../../../scripts/test-vscode.mjs).
// Everything goes under <repo>/.vscode-test/ (ignored by git); a stamp file per tool records what
// was installed, so later runs skip straight to the tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { paths, VERSIONS } from './paths.mjs';
import { aptInstall, dpkgInstalled, run } from '../../support/apt.mjs';

function log(msg) {
  console.log(`[test:vscode] ${msg}`);
}

/** Debian chromium (the browser playwright-core drives), libkrb5-dev (code-server's kerberos module) and a CJK font (readable screenshots). */
export function ensureAptPackages() {
  const wanted = ['chromium', 'libkrb5-dev', 'fonts-wqy-zenhei'];
  const missing = wanted.filter(p => !dpkgInstalled(p));
  if (missing.length === 0 && fs.existsSync(paths.chromium)) return;
  if (missing.length === 0) missing.push('chromium'); // installed but binary gone: reinstall
  aptInstall(missing, log);
}

function stampOk(dir, spec, mustExist) {
  const stamp = path.join(dir, '.nianbao-stamp');
  try {
    return fs.readFileSync(stamp, 'utf8').trim() === spec && fs.existsSync(mustExist);
  } catch {
    return false;
  }
}

/**
 * The environment for a nested npm: without the `npm_*` variables of an outer `npm run`. npm reads
 * `npm_config_*` from the environment as configuration, so the outer run's `user-agent` (node/v20)
 * would reach code-server's postinstall, which then refuses to install under Node 24.
 */
function ownNpmEnv(env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) if (!/^npm_/i.test(k) || k === 'npm_config_nodedir') out[k] = v;
  return out;
}

/**
 * npm-installs `spec` into its own folder with its own package.json (without one, npm would walk up
 * to the repository's package.json and install into the project's node_modules).
 */
function ensureNpm(dir, spec, mustExist, env = process.env) {
  if (stampOk(dir, spec, mustExist)) return false;
  log(`npm i ${spec} -> ${path.relative(paths.root, dir)}`);
  const t = Date.now();
  fs.rmSync(path.join(dir, '.nianbao-stamp'), { force: true });
  fs.mkdirSync(dir, { recursive: true });
  const pkgJson = path.join(dir, 'package.json');
  if (!fs.existsSync(pkgJson)) {
    fs.writeFileSync(pkgJson, JSON.stringify({ name: 'nianbao-vscode-test-' + path.basename(dir), private: true, version: '0.0.0' }, null, 2) + '\n');
  }
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: dir, env: ownNpmEnv(env) });
  if (!fs.existsSync(mustExist)) throw new Error(`npm i ${spec}: ${mustExist} is missing after the install`);
  fs.writeFileSync(path.join(dir, '.nianbao-stamp'), spec + '\n');
  log(`${spec} installed in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return true;
}

export function ensureAll() {
  const t = Date.now();
  ensureAptPackages();
  // Node 24: code-server's engines field and postinstall insist on it.
  ensureNpm(paths.node24Dir, `node@${VERSIONS.node}`, paths.node24);
  if (!fs.existsSync(path.join(paths.node24Headers, 'include', 'node', 'node.h'))) {
    throw new Error(`node@${VERSIONS.node} ships no headers at ${paths.node24Headers}`);
  }
  // code-server: its native modules must be compiled against Node 24's headers (~/.npmrc may say nodedir=/usr).
  ensureNpm(paths.csDir, `code-server@${VERSIONS.codeServer}`, paths.csEntry, {
    ...process.env,
    PATH: `${paths.node24Bin}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: paths.node24Headers,
  });
  // playwright-core only: Debian's chromium is the browser, nothing is downloaded.
  ensureNpm(paths.toolsDir, `playwright-core@${VERSIONS.playwright}`, paths.playwrightCore, {
    ...process.env,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  });
  const s = (Date.now() - t) / 1000;
  if (s > 1) log(`tools ready in ${s.toFixed(1)} s`);
}
