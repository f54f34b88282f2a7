import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { acrossYears, decodeBytes, dice, lastYearKey, ReportDocument, yearKey, yearKeysOfText, yearReportsOf, type YearReport } from '../../core/src';
import { fixturePath } from '../support/fixtures';

/** This year against last year, on consecutive reports of one body from corpus/real2. */
const items = (files: Record<string, string>): YearReport[] => Object.entries(files).flatMap(([file, text]) =>
  ReportDocument.parse(text).reports().map(p => ({ file, base: p.base, report: p.report, text: p.text })));
const real2 = (name: string) => readFileSync(fixturePath('real2', name), 'utf8');

describe('across years: the same body\'s report of the year before', () => {
  it('the real consecutive pairs continue each other and are not copies (城管 2024→2025, 应急 2023→2024, 文旅 2019→2020)', () => {
    const all = items({
      'putian-208.txt': real2('putian-208.txt'), 'putian-207.txt': real2('putian-207.txt'),
      'putian-216.txt': real2('putian-216.txt'), 'putian-211.txt': real2('putian-211.txt'),
      'putian-215.txt': real2('putian-215.txt'), 'putian-202.txt': real2('putian-202.txt'),
    });
    assert.deepEqual(acrossYears(all), []);
  });

  it('上年结转 that is not last year\'s 结转下年度 is reported on this year\'s cell, pointing at last year\'s', () => {
    const now = real2('putian-207.txt');
    const at = now.indexOf('二、上年结转政府信息公开申请数量\n0') + '二、上年结转政府信息公开申请数量\n'.length;
    const changed = now.slice(0, at) + '3' + now.slice(at + 1);
    const found = acrossYears(items({ 'putian-208.txt': real2('putian-208.txt'), 'putian-207.txt': changed }));
    assert.equal(found.length, 1);
    const f = found[0];
    assert.equal(f.file, 'putian-207.txt');
    assert.equal(f.finding.code, 'year-continuity');
    assert.equal(changed.slice(f.finding.start, f.finding.end), '3');
    assert.equal(f.finding.expected, '0');
    assert.equal(f.other.file, 'putian-208.txt');
    assert.equal(real2('putian-208.txt').slice(f.other.start, f.other.end), '0');
    assert.match(f.finding.message.zh, /二、上年结转申请 · 总计 为 3，2024年报告的四、结转下年度继续办理 · 总计为 0/);
  });

  it('last year\'s report copied with a new year in its title: 内容雷同 on the narrative sections, with the percentage', () => {
    const last = real2('putian-208.txt');
    const copy = last.replace(/2024年度政府信息公开工作年度报告/g, '2025年度政府信息公开工作年度报告');
    const found = acrossYears(items({ 'a.txt': last, 'b.txt': copy }));
    const copied = found.filter(f => f.finding.code === 'copied-text');
    assert.ok(copied.length >= 1);
    assert.ok(copied.every(f => f.file === 'b.txt' && /100% 相同/.test(f.finding.message.zh)));
    assert.match(copied[0].finding.message.zh, /^内容雷同：一、总体情况与2024年报告的同一部分 100% 相同$/);
  });

  it('dice: 1 for the same text, 0 for texts with no character pair in common', () => {
    assert.equal(dice('本年度共收到申请', '本年度共收到申请'), 1);
    assert.equal(dice('甲乙丙丁', '戊己庚辛'), 0);
  });
});

describe('across years: which reports pair up (pairing.ts)', () => {
  const all = ['real', 'real2', 'seeds', 'html'].flatMap(d => readdirSync(fixturePath(d)).filter(f => /\.(txt|md|html?)$/.test(f)).map(f => fixturePath(d, f)));

  it('yearKeysOfText reads from each report\'s first lines the keys a full parse gives, on every fixture', () => {
    let keyed = 0;
    for (const file of all) {
      const text = decodeBytes(readFileSync(file)).text;
      const full = [...new Set(yearReportsOf(file, ReportDocument.parse(text)).map(it => yearKey(it.report)).filter((k): k is string => !!k))];
      assert.deepEqual(yearKeysOfText(text), full, file);
      keyed += full.length;
    }
    assert.ok(keyed >= 30, `${keyed} keyed reports`);
  });

  it('a body\'s report and its report of the year before share a body and are a year apart; an HTML page takes no part', () => {
    const [now] = yearReportsOf('207', ReportDocument.parse(real2('putian-207.txt')));
    const [last] = yearReportsOf('208', ReportDocument.parse(real2('putian-208.txt')));
    assert.equal(yearKey(now.report), '莆田市城市管理局\u00002025');
    assert.equal(lastYearKey(now.report), yearKey(last.report));
    assert.deepEqual(yearReportsOf('208.html', ReportDocument.parse(real2('putian-208.html'))), []);
    assert.deepEqual(yearKeysOfText(real2('putian-208.html')), []);
  });

  it('targets: only the reports of the files named are checked, the others only compared with', () => {
    const now = real2('putian-207.txt');
    const at = now.indexOf('二、上年结转政府信息公开申请数量\n0') + '二、上年结转政府信息公开申请数量\n'.length;
    const changed = now.slice(0, at) + '3' + now.slice(at + 1);
    const both = items({ 'putian-208.txt': real2('putian-208.txt'), 'putian-207.txt': changed });
    assert.equal(acrossYears(both, new Set(['putian-207.txt'])).length, 1);
    assert.deepEqual(acrossYears(both, new Set(['putian-208.txt'])), []);
  });
});

describe('across years: inline disable comments', () => {
  const now = real2('putian-207.txt');
  const at = now.indexOf('二、上年结转政府信息公开申请数量\n0') + '二、上年结转政府信息公开申请数量\n'.length;
  const changed = now.slice(0, at) + '3' + now.slice(at + 1);
  const withDirective = (d: string) => changed.slice(0, at) + d + '\n' + changed.slice(at);

  it('a directive of this year\'s report on the line of the finding suppresses it, and is not called unused', () => {
    const text = withDirective('<!-- nianbao-disable-next-line year-continuity -->');
    const found = acrossYears(items({ 'putian-208.txt': real2('putian-208.txt'), 'putian-207.txt': text }));
    assert.deepEqual(found, []);
    const own = ReportDocument.parse(text, { reportUnusedDisableDirectives: 'warning' }).reports()[0].findings;
    assert.deepEqual(own.filter(f => f.code === 'unused-directive'), [], 'whether it is used depends on the other file');
    // Another rule's directive does not act on it, and is unused as before.
    const other = withDirective('<!-- nianbao-disable-next-line row-sum -->');
    assert.equal(acrossYears(items({ 'putian-208.txt': real2('putian-208.txt'), 'putian-207.txt': other })).length, 1);
    assert.equal(ReportDocument.parse(other, { reportUnusedDisableDirectives: 'warning' }).reports()[0].findings.filter(f => f.code === 'unused-directive').length, 1);
  });
});
