import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = (args: string[], opts: SpawnSyncOptions = {}) => {
  const r = spawnSync(process.execPath, [CLI, 'check', '--no-progress', ...args], { encoding: 'utf8', timeout: 20000, ...opts });
  assert.equal(r.signal, null, `nianbao check ${args.join(' ')} did not end within 20 s`);
  return r as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
};
const SAMPLES = path.join(ROOT, 'samples');

describe('nianbao check --cache', function () {
  this.timeout(60000);

  it('a rerun over unchanged files re-checks none of them; a changed file, or other options, are checked afresh', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-cache-'));
    const files = ['with-mistakes.txt', 'draft-2024.md', '004_41ed45ffcc2fcd2e.txt'];
    for (const f of files) copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
    const cache = path.join(dir, 'cache', 'nianbao.json');
    const first = run(['--cache', '--cache-location', cache, '-f', 'json', dir]);
    assert.equal(first.status, 1);
    assert.equal(run(['--cache', '--cache-location', cache, '-f', 'json', dir]).stdout, first.stdout, 'the JSON output from the cache is the same');
    assert.equal(run(['-f', 'json', dir]).stdout, first.stdout, 'and the same as without a cache');

    // Every finding the cache holds rewritten: a file rendered from the cache shows the rewritten message, a file checked shows the real one.
    const forge = () => {
      const c = JSON.parse(readFileSync(cache, 'utf8'));
      assert.equal(Object.keys(c.files).length, 3);
      for (const e of Object.values<any>(c.files)) for (const d of e.diagnostics) d.message = 'FROM-THE-CACHE';
      writeFileSync(cache, JSON.stringify(c));
    };
    forge();
    const reused = run(['--cache', '--cache-location', cache, dir]);
    assert.equal(reused.stdout.match(/FROM-THE-CACHE/g)?.length, 7, 'all 7 findings of the 3 files from the cache: none re-checked');
    assert.match(reused.stdout, /3 个文件，3 份年报：6 个错误，1 个警告/);

    const changed = path.join(dir, 'draft-2024.md');
    writeFileSync(changed, readFileSync(changed, 'utf8') + '\n');
    const after = run(['--cache', '--cache-location', cache, dir]);
    assert.ok(!/draft-2024\.md.*FROM-THE-CACHE/.test(after.stdout), 'the changed file is checked');
    assert.match(after.stdout, /draft-2024\.md:\d+:\d+: error (row-sum|balance) /);
    assert.equal(after.stdout.match(/FROM-THE-CACHE/g)?.length, 4, 'the two unchanged files still from the cache');

    forge();
    const english = run(['--cache', '--cache-location', cache, '--lang', 'en', dir]);
    assert.ok(!english.stdout.includes('FROM-THE-CACHE'), 'other options: every file checked afresh');
    // A file deleted: its entry leaves the cache at the next run (of any of the files).
    rmSync(path.join(dir, 'with-mistakes.txt'));
    run(['--cache', '--cache-location', cache, '--lang', 'en', path.join(dir, 'draft-2024.md')]);
    assert.deepEqual(Object.keys(JSON.parse(readFileSync(cache, 'utf8')).files).map(f => path.basename(f)).sort(), ['004_41ed45ffcc2fcd2e.txt', 'draft-2024.md']);
    const quiet = run(['--cache', '--cache-location', cache, '--lang', 'en', '--quiet', dir]);
    assert.ok(!quiet.stdout.includes(': warning '), quiet.stdout);
    assert.match(quiet.stdout, /2 files, 2 reports: 3 errors, 0 warnings/);
  });

  it('the cache file lives in the user\'s cache folder unless --cache-location says otherwise; --fix never uses it', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'nianbao-xdg-'));
    const env = { ...process.env, XDG_CACHE_HOME: home };
    assert.equal(run(['--cache', path.join(SAMPLES, 'draft-2024.md')], { env }).status, 1);
    const made = readdirSync(path.join(home, 'nianbao'));
    assert.equal(made.length, 1);
    assert.match(made[0], /^cache-[0-9a-f]{16}\.json$/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-fixcache-'));
    copyFileSync(path.join(SAMPLES, 'with-mistakes.txt'), path.join(dir, 'r.txt'));
    const folder = path.join(dir, 'store') + path.sep;
    assert.equal(run(['--cache', '--cache-location', folder, '--fix', dir]).status, 0);
    assert.throws(() => readdirSync(folder), 'no cache written by a fixing run');
  });
});
