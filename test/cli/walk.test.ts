import { strict as assert } from 'node:assert';
import { spawnSync, execFileSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seed } from '../support/fixtures';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
/** The built CLI, killed after 20 s: a hang fails the test instead of blocking the suite. */
const run = (args: string[], opts: SpawnSyncOptions = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20000, ...opts });
  assert.equal(r.signal, null, `nianbao ${args.join(' ')} did not end within 20 s`);
  return r as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
};
const tmp = (name: string) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `nianbao-${name}-`));
  chmodSync(dir, 0o755); // readable by the unprivileged user of the permission test
  return dir;
};
const paths = (stdout: string) => JSON.parse(stdout).files.map((f: any) => f.path);

describe('nianbao check: walking folders', function () {
  this.timeout(60000);
  const text = seed('002');

  it('two links to "." end at once, a link and a hard link to a file check it once, a link to a folder walks it once', () => {
    const dir = tmp('loop');
    writeFileSync(path.join(dir, 'a.txt'), text);
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'c.txt'), text);
    symlinkSync('.', path.join(dir, 'l1'));
    symlinkSync('.', path.join(dir, 'l2'));
    symlinkSync('..', path.join(dir, 'sub', 'up'));
    symlinkSync('a.txt', path.join(dir, 'b-link.txt'));
    linkSync(path.join(dir, 'a.txt'), path.join(dir, 'hard.txt'));
    symlinkSync('sub', path.join(dir, 'linked'));
    symlinkSync('self.txt', path.join(dir, 'self.txt'));
    const r = run(['check', '--format', 'json', dir]);
    // In name order the folder is first reached through `linked`: under that name, and `sub` is then the same folder.
    assert.deepEqual(paths(r.stdout), [path.join(dir, 'a.txt'), path.join(dir, 'linked', 'c.txt')]);
    assert.match(r.stderr, /符号链接循环，已跳过: .*self\.txt/);
    assert.equal(JSON.parse(r.stdout).summary.files, 2);
    assert.equal(r.status, 0, 'a loop found in a folder is skipped, not an error');
  });

  it('a FIFO named on the command line or found in a folder is skipped with a message, never opened', () => {
    const dir = tmp('fifo');
    writeFileSync(path.join(dir, 'a.txt'), text);
    execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const named = run(['check', '--lang', 'en', path.join(dir, 'pipe.txt')]);
    assert.equal(named.status, 2);
    assert.match(named.stderr, /not a regular file \(fifo\): skipped: .*pipe\.txt/);
    const found = run(['check', '--format', 'json', dir]);
    assert.equal(found.status, 0);
    assert.deepEqual(paths(found.stdout), [path.join(dir, 'a.txt')]);
    assert.match(found.stderr, /不是普通文件（命名管道），已跳过: .*pipe\.txt/);
    // Named with a good file: the good file is checked, the exit status says something was not.
    const both = run(['check', '--format', 'json', path.join(dir, 'pipe.txt'), path.join(dir, 'a.txt')]);
    assert.equal(both.status, 2);
    assert.deepEqual(paths(both.stdout), [path.join(dir, 'a.txt')]);
  });

  it('a folder it cannot list (as an unprivileged user) is named, the readable files are checked, exit 2 at the end', () => {
    const dir = tmp('perm');
    writeFileSync(path.join(dir, 'a.txt'), text);
    mkdirSync(path.join(dir, 'locked'));
    writeFileSync(path.join(dir, 'locked', 'b.txt'), text);
    mkdirSync(path.join(dir, 'open'));
    writeFileSync(path.join(dir, 'open', 'c.txt'), text);
    chmodSync(path.join(dir, 'locked'), 0);
    for (const d of ['', 'open']) chmodSync(path.join(dir, d), 0o755);
    // Root lists any folder: the CLI is run as nobody then (setpriv, util-linux), as itself otherwise.
    const asRoot = process.getuid?.() === 0;
    const args = [CLI, 'check', '--format', 'json', '--lang', 'en', dir];
    let r = asRoot ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...args], { encoding: 'utf8', timeout: 20000 }) : run(args.slice(1));
    if (asRoot && (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
      // No setpriv: su, with the command quoted for the shell.
      const q = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
      r = spawnSync('su', ['nobody', '-s', '/bin/sh', '-c', [process.execPath, ...args].map(q).join(' ')], { encoding: 'utf8', timeout: 20000 });
    }
    assert.equal(r.signal, null);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, new RegExp(`cannot list the folder \\(EACCES\\): the files in it were not checked: ${path.join(dir, 'locked').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    assert.deepEqual(paths(r.stdout), [path.join(dir, 'a.txt'), path.join(dir, 'open', 'c.txt')]);
  });

  it('paths are printed as given; control characters escaped in text; SARIF URIs percent-encoded (space, #, %, Chinese)', () => {
    const dir = tmp('names');
    const odd = 'new\nline\x1b[31m.txt';
    writeFileSync(path.join(dir, odd), 'not a report');
    const spaced = '年报 #1 100%.txt';
    writeFileSync(path.join(dir, spaced), text);
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'x.txt'), 'not a report');
    const t = run(['check', '--no-progress', '.'], { cwd: dir });
    assert.match(t.stdout, /^\.\/sub\/x\.txt:1:1: warning not-a-report /m, 'the folder as given: ./');
    assert.ok(!t.stdout.includes('\x1b'), 'no escape sequence reaches the terminal');
    assert.ok(!t.stdout.includes('line\n'), 'no newline inside a path');
    const rel = run(['check', '--no-progress', 'sub/x.txt'], { cwd: dir });
    assert.match(rel.stdout, /^sub\/x\.txt:1:1: /);
    const s = JSON.parse(run(['check', '--format', 'sarif', '.'], { cwd: dir }).stdout);
    const uris = new Set(s.runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('sub/x.txt'), [...uris].join(' '));
    writeFileSync(path.join(dir, 'sub', spaced), 'not a report');
    // Outside the working folder: absolute file: URIs, encoded as well.
    const outside = JSON.parse(run(['check', '--format', 'sarif', dir]).stdout).runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(outside.includes(`file://${dir}/sub/%E5%B9%B4%E6%8A%A5%20%231%20100%25.txt`), outside.join(' '));
    assert.ok(outside.length === 3 && outside.every((u: string) => u.startsWith('file:///') && !/[ #\n\x1b\u4e00-\u9fff]/.test(u)), outside.join(' '));
    // A path with a space, #, % and Chinese, relative to the working folder.
    const enc = JSON.parse(run(['check', '--format', 'sarif', 'sub'], { cwd: dir }).stdout).runs[0].results.map((x: any) => x.locations[0].physicalLocation.artifactLocation.uri);
    assert.ok(enc.includes('sub/%E5%B9%B4%E6%8A%A5%20%231%20100%25.txt'), enc.join(' '));
    const lines = run(['check', '--no-progress', 'sub', odd], { cwd: dir }).stdout;
    assert.ok(lines.includes('new\\nline\\x1b[31m.txt'), lines);
  });
});
