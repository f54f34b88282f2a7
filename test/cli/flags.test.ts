import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixturePath, seed } from '../support/fixtures';

const ROOT = path.join(__dirname, '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = (args: string[], opts: SpawnSyncOptions = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20000, ...opts });
  assert.equal(r.signal, null, `nianbao ${args.join(' ')} did not end within 20 s`);
  return r as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
};
const json = (args: string[], opts: SpawnSyncOptions = {}) => { const r = run(['check', '--format', 'json', ...args], opts); return { ...r, out: JSON.parse(r.stdout) }; };
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `nianbao-${name}-`));
const MISTAKES = path.join(ROOT, 'samples', 'with-mistakes.txt');
/** A real report whose only finding is a warning (outdated-template). */
const WARNS = path.join(ROOT, 'samples', '004_41ed45ffcc2fcd2e.txt');

describe('nianbao check: the flags a reviewer expects', function () {
  this.timeout(60000);

  it('- reads standard input, named by --stdin-filename', () => {
    const input = readFileSync(MISTAKES);
    const named = run(['check', '-', '--stdin-filename', 'reports/r.txt'], { input });
    assert.equal(named.status, 1);
    assert.match(named.stdout, /^reports\/r\.txt:168:1: error row-sum /m);
    const anon = json(['-'], { input });
    assert.equal(anon.out.files[0].path, '<stdin>');
    assert.equal(anon.out.files[0].diagnostics.length, 3);
    assert.equal(run(['check', '-', 'x.txt'], { input }).status, 2);
    assert.equal(run(['check', '--fix', '-'], { input }).status, 2);
  });

  it('--quiet reports errors only; --max-warnings N fails past N warnings', () => {
    const all = json([fixturePath('real', 'excerpt-005.txt')]).out;
    const quiet = json(['--quiet', fixturePath('real', 'excerpt-005.txt')]).out;
    assert.equal(all.summary.warnings, 8);
    assert.equal(quiet.summary.warnings, 0);
    assert.equal(quiet.summary.errors, all.summary.errors);
    assert.deepEqual(quiet.files[0].diagnostics.map((d: any) => d.severity), Array(all.summary.errors).fill('error'));
    assert.equal(run(['check', WARNS]).status, 0);
    assert.equal(run(['check', '--max-warnings', '1', WARNS]).status, 0);
    const over = run(['check', '--max-warnings', '0', WARNS]);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /1 个警告，超过 --max-warnings 0/);
    assert.equal(run(['check', '--max-warnings', '-1', WARNS]).status, 2);
  });

  it('--rule code:severity changes or turns off a rule; an unknown rule or severity is a usage error', () => {
    const raised = json(['--rule', 'outdated-template:error', WARNS]);
    assert.equal(raised.status, 1);
    assert.equal(raised.out.files[0].diagnostics[0].severity, 'error');
    const off = json(['--rule', 'outdated-template:off', WARNS]);
    assert.deepEqual([off.status, off.out.summary.warnings, off.out.files[0].diagnostics.length], [0, 0, 0]);
    const sarif = JSON.parse(run(['check', '-f', 'sarif', '--rule', 'row-sum:hint', '--rule', 'appeals-sum:info', MISTAKES]).stdout);
    assert.deepEqual(sarif.runs[0].results.map((r: any) => r.level), ['note', 'note', 'note']);
    const both = json(['--rule', 'outdated-template:info,row-sum:off', WARNS, MISTAKES]).out;
    assert.deepEqual(both.files.map((f: any) => f.diagnostics.map((d: any) => `${d.code}:${d.severity}`)), [['outdated-template:information'], ['appeals-sum:error']]);
    assert.equal(run(['check', '--rule', 'row-summ:error', WARNS]).status, 2);
    assert.equal(run(['check', '--rule', 'row-sum:fatal', WARNS]).status, 2);
  });

  it('-o writes the output to a file; --format github prints workflow annotations', () => {
    const dir = tmp('out');
    const file = path.join(dir, 'out.json');
    const r = run(['check', '-f', 'json', '-o', file, MISTAKES]);
    assert.deepEqual([r.status, r.stdout], [1, '']);
    const bad = run(['check', '-o', path.join(dir, 'no', 'such', 'folder', 'x.txt'), MISTAKES]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /无法写出结果 .*x\.txt: ENOENT/);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).summary.errors, 3);
    const odd = path.join(dir, 'a,b:c.txt');
    copyFileSync(MISTAKES, odd);
    const gh = run(['check', '-f', 'github', odd]);
    assert.equal(gh.status, 1);
    const lines = gh.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], new RegExp(`^::error file=${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/a%2Cb%3Ac\\.txt,line=168,col=1,endLine=168,endColumn=2,title=row-sum::可能填错：（一）予以公开 · 总计，应为 7，表中为 9`));
  });

  it('globs (quoted) with .gitignore honoured and --ignore-pattern; folders too', () => {
    const dir = tmp('glob');
    mkdirSync(path.join(dir, '.git'));
    for (const d of ['reports', 'reports/sub', 'reports/old', 'reports/drafts']) mkdirSync(path.join(dir, d));
    const text = seed('002');
    for (const f of ['reports/a.txt', 'reports/sub/b.txt', 'reports/old/c.txt', 'reports/drafts/d.txt', 'reports/e.md']) writeFileSync(path.join(dir, f), text);
    writeFileSync(path.join(dir, '.gitignore'), 'drafts/\n');
    const files = (args: string[]) => json(args, { cwd: dir }).out.files.map((f: any) => f.path);
    assert.deepEqual(files(['reports/**/*.txt']), ['reports/a.txt', 'reports/old/c.txt', 'reports/sub/b.txt']);
    assert.deepEqual(files(['reports/**/*.txt', '--ignore-pattern', 'reports/old/**']), ['reports/a.txt', 'reports/sub/b.txt']);
    assert.deepEqual(files(['reports']), ['reports/a.txt', 'reports/e.md', 'reports/old/c.txt', 'reports/sub/b.txt']);
    assert.deepEqual(files(['reports', '--ignore-pattern', 'old/', '--ignore-pattern', '*.md']), ['reports/a.txt', 'reports/sub/b.txt']);
    assert.deepEqual(files(['--no-gitignore', 'reports/**/d.txt']), ['reports/drafts/d.txt']);
    // An ignored folder named outright is walked all the same.
    assert.deepEqual(files(['reports/drafts']), ['reports/drafts/d.txt']);
    const none = run(['check', 'reports/**/*.pdf'], { cwd: dir });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /没有文件与该模式匹配: reports\/\*\*\/\*\.pdf/);
  });

  it('--help explains formats, exit status and where the rules are documented; -j is validated', () => {
    const help = run(['check', '--help']);
    assert.equal(help.status, 0);
    for (const s of ['github', 'sarif', 'Exit status', '2  usage error', 'docs/rules/', '--max-warnings', '--stdin-filename']) assert.ok(help.stdout.includes(s), s);
    assert.match(run(['--help']).stdout, /nianbao check --help/);
    for (const j of ['0', 'abc', '1.5', '-2']) assert.equal(run(['check', '-j', j, WARNS]).status, 2, `-j ${j}`);
    assert.equal(run(['check', '-j', '2', WARNS]).status, 0);
    assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+/);
  });

  it('a file that holds no report is counted as a file, not as a report', () => {
    const dir = tmp('count');
    writeFileSync(path.join(dir, 'a.txt'), seed('002'));
    writeFileSync(path.join(dir, 'notes.txt'), '会议记录：下周再议。\n');
    const { out } = json([dir]);
    assert.deepEqual([out.summary.files, out.summary.reports], [2, 1]);
    const off = json(['--rule', 'not-a-report:off', dir]).out;
    assert.deepEqual([off.summary.files, off.summary.reports, off.summary.warnings], [2, 1, 0], 'the warning turned off, still no report');
  });

  it('a file read in another encoding says so in the text output', () => {
    const r = run(['check', fixturePath('encodings', '000-gb18030.txt'), fixturePath('encodings', '003-utf16le-bom.txt')]);
    assert.match(r.stdout, /000-gb18030\.txt: note 按 GB18030 编码读取（无字节顺序标记，推断所得）/);
    assert.match(r.stdout, /003-utf16le-bom\.txt: note 按 UTF-16LE 编码读取（字节顺序标记）/);
    assert.ok(!run(['check', fixturePath('encodings', '001-utf8-bom-crlf.txt')]).stdout.includes('note'));
  });

  it('--fix writes the fixes atomically, digits only, mode kept; --fix-dry-run writes nothing; UTF-16 is written back as UTF-16', () => {
    const dir = tmp('fix');
    const original = readFileSync(MISTAKES);
    const file = path.join(dir, 'r.txt');
    writeFileSync(file, original);
    chmodSync(file, 0o640);
    const dry = run(['check', '--fix-dry-run', file]);
    assert.equal(dry.status, 0, 'the findings after the fixes: none left');
    assert.match(dry.stdout, /r\.txt:168:1: 可修正 requests\.granted\.total 9 → 7/);
    assert.match(dry.stdout, /可修正 3 个单元格（1 个文件）/);
    assert.deepEqual(readFileSync(file), original, 'a dry run writes nothing');
    const fixed = run(['check', '--fix', '--lang', 'en', file]);
    assert.equal(fixed.status, 0);
    assert.match(fixed.stdout, /r\.txt:168:1: fixed requests\.granted\.total 9 → 7\n/);
    assert.match(fixed.stdout, /fixed 3 cells in 1 file/);
    const after = readFileSync(file);
    assert.equal(after.length, original.length);
    const changed = [...after.keys()].filter(i => after[i] !== original[i]);
    assert.equal(changed.length, 3);
    for (const i of changed) assert.ok(/[0-9]/.test(String.fromCharCode(original[i])) && /[0-9]/.test(String.fromCharCode(after[i])), `byte ${i}`);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['r.txt'], 'no temporary file left');
    assert.equal(run(['check', file]).status, 0);
    const again = run(['check', '--fix', '--lang', 'en', file]);
    assert.match(again.stdout, /fixed 0 cells in 0 files/);
    // The same report as UTF-16LE with a BOM: fixed in place, still UTF-16LE, the same text as the UTF-8 fix.
    const wide = path.join(dir, 'wide.txt');
    writeFileSync(wide, Buffer.from('\ufeff' + original.toString('utf8'), 'utf16le'));
    assert.equal(run(['check', '--fix', wide]).status, 0);
    const back = readFileSync(wide);
    assert.deepEqual([back[0], back[1]], [0xff, 0xfe]);
    assert.equal(back.subarray(2).toString('utf16le'), after.toString('utf8'));
    // A real GB18030 file (no BOM) with one total corrupted, byte for byte: fixed back to the original bytes.
    const gb = readFileSync(fixturePath('encodings', '000-gb18030.txt'));
    let at = 0;
    for (let line = 0; line < 79; at++) if (gb[at] === 0x0a) line++;
    assert.equal(gb[at], 0x30, 'line 80 starts with 本年新收申请 · 总计 = 0');
    const broken = Buffer.from(gb);
    broken[at] = 0x35;
    const gbFile = path.join(dir, 'gb.txt');
    writeFileSync(gbFile, broken);
    const gbRun = run(['check', '--fix', gbFile]);
    assert.match(gbRun.stdout, /gb\.txt:80:1: 已修正 requests\.new\.total 5 → 0/);
    assert.deepEqual(readFileSync(gbFile), gb);
  });

  it('--fix keeps a full-width figure full-width, in UTF-8 and in GB18030', () => {
    const dir = tmp('fix-wide');
    // with-mistakes.txt line 168 holds 予以公开 · 总计 as 9 (should be 7): written here as a full-width ９.
    const text = readFileSync(MISTAKES, 'utf8').split('\n');
    assert.equal(text[167], '9');
    text[167] = '９';
    const utf8 = path.join(dir, 'u.txt'), gb = path.join(dir, 'g.txt');
    writeFileSync(utf8, text.join('\n'));
    const r = run(['check', '--fix', '--lang', 'en', utf8]);
    assert.match(r.stdout, /u\.txt:168:1: fixed requests\.granted\.total ９ → ７\n/);
    assert.equal(readFileSync(utf8, 'utf8').split('\n')[167], '７');
    // GB18030: the real fixture's line 80 (本年新收申请 · 总计 = 0) written as full-width ５ (A3 B5) comes back as ０ (A3 B0).
    const orig = readFileSync(fixturePath('encodings', '000-gb18030.txt'));
    let at = 0;
    for (let line = 0; line < 79; at++) if (orig[at] === 0x0a) line++;
    const wide = Buffer.concat([orig.subarray(0, at), Buffer.from([0xa3, 0xb5]), orig.subarray(at + 1)]);
    writeFileSync(gb, wide);
    assert.match(run(['check', '--fix', gb]).stdout, /g\.txt:80:1: 已修正 requests\.new\.total ５ → ０/);
    assert.deepEqual(readFileSync(gb), Buffer.concat([orig.subarray(0, at), Buffer.from([0xa3, 0xb0]), orig.subarray(at + 1)]));
  });
});

describe('nianbao check: the project configuration', function () {
  this.timeout(60000);

  it('.nianbaorc.json sets severities and ignores files; --rule overrides it; a broken one is exit 2 naming it', () => {
    const dir = tmp('config');
    copyFileSync(MISTAKES, path.join(dir, 'r.txt'));
    mkdirSync(path.join(dir, 'old'));
    copyFileSync(MISTAKES, path.join(dir, 'old', 'r.txt'));
    writeFileSync(path.join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'row-sum': 'warning' }, ignore: ['old/'] }));
    const out = json([dir]).out;
    assert.deepEqual(out.files.map((f: { path: string }) => path.relative(dir, f.path)), ['r.txt']);
    const codes = out.files[0].diagnostics.map((d: { code: string; severity: string }) => `${d.code}:${d.severity}`);
    assert.ok(codes.includes('row-sum:warning') && !codes.includes('row-sum:error'), codes.join(' '));
    const over = json(['--rule', 'row-sum:error', dir]).out;
    assert.ok(over.files[0].diagnostics.some((d: { code: string; severity: string }) => d.code === 'row-sum' && d.severity === 'error'));
    writeFileSync(path.join(dir, '.nianbaorc.json'), '{ "rules": { "rowsum": "off" } }');
    const bad = run(['check', dir]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /\.nianbaorc\.json: unknown rule "rowsum"/);
  });
});

describe('nianbao check: the shared conventions fixture', function () {
  this.timeout(60000);
  const dir = fixturePath('conventions');
  const expected: string[] = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')).findings;
  const found = (out: any) => out.files[0].diagnostics.map((d: any) => `${d.code}@${d.range.start.line + 1}:${d.severity}`);

  it('honours its .nianbaorc.json and inline disable comments as expected.json says', () => {
    const r = json([path.join(dir, 'report.md')]);
    assert.deepEqual(found(r.out), expected);
    assert.equal(r.status, 1);
  });

  it('--report-unused-disable-directives[-severity] overrides the configuration; a bad severity is a usage error', () => {
    const file = path.join(dir, 'report.md');
    const unused = (args: string[]) => found(json([...args, file]).out).filter((s: string) => s.startsWith('unused-directive'));
    assert.deepEqual(unused(['--report-unused-disable-directives']), ['unused-directive@32:error']);
    assert.deepEqual(unused(['--report-unused-disable-directives-severity', 'error']), ['unused-directive@32:error']);
    assert.deepEqual(unused(['--report-unused-disable-directives-severity', 'off']), []);
    const bad = run(['check', '--report-unused-disable-directives-severity', 'loud', file]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /off, warn or error/);
    // Outside the fixture's folder (no configuration) they are not reported unless asked for.
    const bare = tmp('unused');
    copyFileSync(file, path.join(bare, 'report.md'));
    assert.deepEqual(found(json([path.join(bare, 'report.md')]).out).filter((s: string) => s.startsWith('unused')), []);
    assert.deepEqual(found(json(['--report-unused-disable-directives-severity', 'warn', path.join(bare, 'report.md')]).out).filter((s: string) => s.startsWith('unused')), ['unused-directive@32:warning']);
  });
});

describe('nianbao check --across-years', function () {
  this.timeout(60000);
  it('reports 上年结转 that last year\'s report did not carry over, in text and JSON, naming the other file', () => {
    const dir = tmp('years');
    copyFileSync(fixturePath('real2', 'putian-208.txt'), path.join(dir, '2024.txt'));
    const now = readFileSync(fixturePath('real2', 'putian-207.txt'), 'utf8');
    const at = now.indexOf('二、上年结转政府信息公开申请数量\n0') + '二、上年结转政府信息公开申请数量\n'.length;
    writeFileSync(path.join(dir, '2025.txt'), now.slice(0, at) + '3' + now.slice(at + 1));
    const text = run(['check', '--across-years', dir]);
    assert.match(text.stdout, /2025\.txt:63:1: warning year-continuity .*（?\(见 .*2024\.txt:124:1\)/);
    const out = json(['--across-years', dir]).out;
    assert.equal(out.acrossYears.length, 1);
    assert.equal(out.acrossYears[0].code, 'year-continuity');
    assert.equal(path.basename(out.acrossYears[0].related.path), '2024.txt');
    assert.equal(json([dir]).out.acrossYears, undefined, 'only when asked for');
  });
});
