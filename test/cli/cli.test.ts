import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixturePath, seed } from '../support/fixtures';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const json = (...args: string[]) => { const r = run('check', '--format', 'json', ...args); return { status: r.status, out: JSON.parse(r.stdout) }; };

describe('nianbao check (CLI)', function () {
  this.timeout(60000);

  it('the five seeds: exit 0, the JSON contract, one report each with six sections', () => {
    const { status, out } = json(fixturePath('seeds'));
    assert.equal(status, 0);
    assert.equal(out.version, 1);
    assert.equal(out.files.length, 5);
    assert.deepEqual(Object.keys(out.summary), ['files', 'reports', 'errors', 'warnings']);
    assert.equal(out.summary.errors, 0);
    for (const f of out.files) {
      assert.deepEqual(Object.keys(f), ['path', 'encoding', 'reports', 'diagnostics']);
      assert.equal(f.reports.length, 1);
      const r = f.reports[0];
      assert.deepEqual(Object.keys(r), ['range', 'title', 'year', 'template', 'sections', 'cells']);
      assert.deepEqual(r.sections.map((s: any) => s.number), [1, 2, 3, 4, 5, 6]);
      for (const c of Object.values<any>(r.cells)) assert.deepEqual(Object.keys(c), ['text', 'kind', 'value', 'range', 'provenance']);
      assert.ok(Object.values<any>(r.cells).every(c => c.provenance === 'written'), 'every seed cell is as written');
    }
    const s002 = out.files.find((f: any) => f.path.includes('002_')).reports[0];
    assert.equal(s002.cells['active.fees.amount'].value, '1227.49');
    assert.equal(s002.cells['requests.new.total'].value, '27');
  });

  it('pingtan-020: exit 1 and compiler-style lines with a summary', () => {
    const r = run('check', '--no-progress', fixturePath('real', 'pingtan-020.txt'));
    assert.equal(r.status, 1);
    assert.match(r.stdout, /pingtan-020\.txt:4:\d+: error row-sum 合计不符：一、本年新收申请 · 总计 应为 3/);
    assert.match(r.stdout, /1 个文件，1 份年报：\d+ 个错误，\d+ 个警告\n$/);
    const en = run('check', '--lang', 'en', fixturePath('real', 'pingtan-020.txt'));
    assert.match(en.stdout, /error row-sum Total does not add up/);
    assert.match(en.stdout, /1 file, 1 report: \d+ errors, \d+ warnings?\n$/);
  });

  it('GB18030, UTF-16LE with BOM and UTF-8 with BOM and CRLF give the findings and values of their seeds', () => {
    const pairs: [string, string, string][] = [['000-gb18030.txt', '000', 'gb18030'], ['003-utf16le-bom.txt', '003', 'utf-16le'], ['001-utf8-bom-crlf.txt', '001', 'utf-8-bom']];
    for (const [file, s, enc] of pairs) {
      const a = json(fixturePath('encodings', file)).out.files[0];
      const b = json(fixturePath('seeds', readSeedName(s))).out.files[0];
      assert.equal(a.encoding, enc, file);
      assert.deepEqual(a.diagnostics.map((d: any) => d.code), b.diagnostics.map((d: any) => d.code), file);
      const values = (f: any) => Object.fromEntries(Object.entries<any>(f.reports[0].cells).map(([k, c]) => [k, c.value]));
      assert.deepEqual(values(a), values(b), file);
    }
  });

  it('empty, binary and unreadable files get a clear message and the run goes on; a missing path is exit 2', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-cli-'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0, 0, 0]));
    writeFileSync(path.join(dir, 'good.txt'), seed('001'));
    const { status, out } = json(dir);
    assert.equal(status, 0);
    const by = (n: string) => out.files.find((f: any) => f.path.endsWith(n));
    assert.equal(by('empty.txt').diagnostics[0].code, 'not-a-report');
    assert.equal(by('empty.txt').diagnostics[0].message, '文件为空');
    assert.equal(by('binary.txt').diagnostics[0].code, 'not-a-report');
    assert.equal(by('good.txt').reports.length, 1);
    const missing = run('check', path.join(dir, 'nope.txt'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /找不到文件或文件夹/);
    if (process.getuid && process.getuid() !== 0) {
      writeFileSync(path.join(dir, 'locked.txt'), 'x'); chmodSync(path.join(dir, 'locked.txt'), 0);
      assert.equal(json(path.join(dir, 'locked.txt')).status, 2);
    }
  });

  it('usage errors exit 2', () => {
    assert.equal(run('check', '--format', 'xml', fixturePath('seeds')).status, 2);
    assert.equal(run('frobnicate').status, 2);
    assert.equal(run('--help').status, 0);
  });

  it('--format sarif is SARIF 2.1.0 with a result per diagnostic and 1-based regions', () => {
    const r = run('check', '--format', 'sarif', fixturePath('real', 'pingtan-020.txt'));
    assert.equal(r.status, 1);
    const s = JSON.parse(r.stdout);
    assert.equal(s.version, '2.1.0');
    assert.match(s.$schema, /sarif/);
    const run0 = s.runs[0];
    assert.equal(run0.tool.driver.name, 'nianbao');
    assert.ok(run0.tool.driver.rules.some((x: any) => x.id === 'row-sum'));
    const rowSums = run0.results.filter((x: any) => x.ruleId === 'row-sum');
    assert.equal(rowSums.length, 4);
    assert.equal(rowSums[0].level, 'error');
    assert.equal(rowSums[0].locations[0].physicalLocation.region.startLine, 4);
  });

  it('stops quietly with exit 0 when the reader closes the pipe early (`nianbao check … | head`)', async () => {
    // Many files, so the output is still being written when the reader goes away.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-pipe-'));
    const text = seed('002');
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `r${String(i).padStart(2, '0')}.txt`), text);
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', '--no-progress', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', d => { stderr += d; });
    await new Promise<void>(resolve => child.stdout.once('data', () => { child.stdout.destroy(); resolve(); }));
    const status = await new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
    assert.equal(stderr, '');
    assert.equal(status, 0);
  });

  it('worker threads write exactly what one thread writes, in input order: 44 files of every kind, one larger than the read buffer', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-pool-'));
    const texts: string[] = [];
    for (const sub of ['seeds', 'real', 'encodings']) {
      for (const f of readdirSync(fixturePath(sub))) {
        const bytes = readFileSync(fixturePath(sub, f));
        writeFileSync(path.join(dir, `${sub}-${f}`), bytes);
        if (sub !== 'encodings') texts.push(bytes.toString('utf8'));
      }
    }
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0, 0, 0]));
    // A compilation of every real report three times over: well past the 64 KB the reader starts with.
    const big = texts.join('\n').repeat(3);
    assert.ok(Buffer.byteLength(big) > 256 * 1024);
    writeFileSync(path.join(dir, 'compilation.txt'), big);
    for (let i = 0; i < 18; i++) writeFileSync(path.join(dir, `copy-${String(i).padStart(2, '0')}.txt`), texts[i % texts.length]);
    const files = readdirSync(dir).length;
    assert.equal(files, 44, 'the 23 fixtures, an empty and a binary file, a compilation and 18 copies: several batches on each worker');
    for (const format of ['json', 'text']) {
      const pooled = run('check', '--format', format, '--no-progress', dir);
      const single = run('check', '--format', format, '--no-progress', '-j', '1', dir);
      assert.equal(pooled.status, 1);
      assert.equal(pooled.stdout, single.stdout, `--format ${format}: workers and one thread`);
    }
    const out = JSON.parse(run('check', '--format', 'json', '--no-progress', dir).stdout);
    assert.deepEqual(out.files.map((f: any) => path.basename(f.path)), readdirSync(dir).sort());
    const compilation = out.files.find((f: any) => f.path.endsWith('compilation.txt'));
    assert.equal(compilation.reports.length, 3 * texts.length, 'every report of the compilation, each read whole');
    assert.equal(out.files.find((f: any) => f.path.endsWith('empty.txt')).diagnostics[0].message, '文件为空');
    assert.equal(out.summary.files, files);
  });

  it('walks folders in name order: report extensions only, hidden folders skipped, symbolic links followed, each real file once', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-walk-'));
    const text = seed('002');
    mkdirSync(path.join(dir, 'sub')); mkdirSync(path.join(dir, '.hidden'));
    writeFileSync(path.join(dir, 'b.txt'), text);
    writeFileSync(path.join(dir, 'sub', 'c.md'), text);
    writeFileSync(path.join(dir, '.hidden', 'd.txt'), text);
    writeFileSync(path.join(dir, 'notes.docx'), 'x');
    symlinkSync(path.join(dir, 'b.txt'), path.join(dir, 'a-link.txt'));
    symlinkSync(path.join(dir, 'sub'), path.join(dir, 'linked'));
    const { status, out } = json(dir);
    assert.equal(status, 0);
    // b.txt is a-link.txt's target and sub is the folder linked: each reached first under the link's name.
    assert.deepEqual(out.files.map((f: any) => path.relative(dir, f.path)), ['a-link.txt', path.join('linked', 'c.md')]);
  });
});

function readSeedName(prefix: string): string {
  return readdirSync(fixturePath('seeds')).find(f => f.startsWith(prefix))!;
}
