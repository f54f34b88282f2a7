import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ReportDocument, type Report } from '../../core/src';
import { fixturePath } from '../support/fixtures';

/**
 * The layout classes of REPORT-FORMAT §7 that corpus/real2 brought, each on a real file, with the
 * values its manifest gives (the seeds' classes are in layouts.test.ts).
 */
const read = (name: string) => ReportDocument.parse(readFileSync(fixturePath('real2', name), 'utf8')).reports();
const values = (r: Report, prefix: string) => [...r.cells.keys()].filter(k => k.startsWith(prefix)).map(k => {
  const c = r.cells.get(k)!;
  return c.kind === 'number' ? c.value : c.kind;
});
const sections = (r: Report) => r.sections.map(s => s.number);

describe('layouts of corpus/real2 (REPORT-FORMAT §7)', () => {
  it('glued digit runs split by the table\'s relations (pingtan-207: 110000011 is 11|0|0|0|0|0|11 by the 商业企业 column; 17 appeals digits for 15 cells)', () => {
    const [{ report, findings }] = read('pingtan-207.txt');
    assert.deepEqual(values(report, 'requests.new.'), ['21', '0', '0', '0', '0', '0', '21']);
    assert.deepEqual(values(report, 'requests.partial.'), ['11', '0', '0', '0', '0', '0', '11']);
    assert.deepEqual(values(report, 'requests.total.'), ['19', '0', '0', '0', '0', '0', '19']);
    assert.deepEqual(values(report, 'appeals.review.'), ['10', '0', '0', '0', '10']);
    assert.deepEqual(values(report, 'appeals.suitDirect.'), ['0', '0', '0', '0', '0']);
    assert.equal(report.cells.get('requests.partial.natural')!.provenance, 'solved');
    // The label typo 属于行政执法案件 (for 案卷) is still row 7: its run 3000003 is its own.
    assert.deepEqual(values(report, 'requests.denied7.'), ['3', '0', '0', '0', '0', '0', '3']);
    assert.ok(!findings.some(f => f.severity === 'error' && f.code !== 'missing-row'), 'the one error: 规章 really is left out');
  });

  it('a row label\'s number glued to the previous cell (pingtan-201: `0 0 0 0 0 002.没有…`)', () => {
    const [{ report, findings }] = read('pingtan-201.txt');
    assert.deepEqual(values(report, 'requests.unable1.'), ['0', '0', '0', '0', '0', '0', '0']);
    assert.deepEqual(values(report, 'requests.unable2.'), ['0', '0', '0', '0', '0', '0', '0']);
    // 规章 `1411` has three readings (1|4|11, 1|41|1, 14|1|1): one warning, no error.
    assert.deepEqual(findings.map(f => `${f.severity} ${f.code}`), ['information report-date', 'warning uncertain-cells']);
    assert.deepEqual(report.cells.get('active.rules.made')!.candidates, ['1', '14']);
  });

  it('U+3000 as a cell separator inside a glued report (pingtan-204: 行政许可　0　28　0)', () => {
    const [{ report }] = read('pingtan-204.txt');
    assert.deepEqual(values(report, 'active.rules.'), ['0', '0', '0']);
    assert.deepEqual(values(report, 'active.licensing.'), ['0', '28', '0']);
  });

  it('rows collapsed to one line per run of equal lines, a number split over three lines (putian-205: 851 / . / 776247)', () => {
    const [{ report, findings }] = read('putian-205.txt');
    assert.deepEqual(values(report, 'requests.new.'), ['4', '0', '0', '0', '0', '0', '4']);
    assert.equal(report.cells.get('active.fees.amount')!.value, '851.776247');
    // 规范性文件 `0` / `2` for three cells is 0,0,2 or 0,2,2: unknown, one warning.
    assert.deepEqual(report.cells.get('active.normative.repealed')!.candidates, ['0', '2']);
    assert.deepEqual(findings.map(f => f.code), ['uncertain-cells']);
  });

  it('labels broken at every piece, even `(` / `一` / `)` (sanming-002, CRLF)', () => {
    const [{ report, findings }] = read('sanming-002.txt');
    assert.deepEqual(sections(report), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(values(report, 'requests.new.'), ['102', '1', '0', '0', '3', '0', '106']);
    assert.deepEqual(values(report, 'requests.total.'), ['104', '1', '0', '0', '3', '0', '108']);
    assert.deepEqual(values(report, 'appeals.review.'), ['0', '1', '0', '0', '1']);
    assert.equal(report.cells.get('active.procurement.amount')!.value, '453754632.81');
    assert.deepEqual(findings.filter(f => f.severity === 'error'), []);
  });

  it('heading wordings of other years: 一、概述, 五、…存在的问题及改进措施, 六、需要说明的其他事项与附表 (pingtan-209)', () => {
    const [{ report }] = read('pingtan-209.txt');
    assert.deepEqual(sections(report), [1, 2, 3, 4, 5, 6]);
    assert.equal(report.sections[0].title, '一、概述');
  });

  it('a heading split over two lines, and 五 in its 改进措施 wording (putian-217)', () => {
    const [{ report }] = read('putian-217.txt');
    assert.deepEqual(sections(report), [1, 2, 3, 4, 5, 6]);
    assert.match(report.sections[3].title.replace(/\s/g, ''), /^四、因政府信息公开工作被申请行政复议、提起行政诉讼情况$/);
  });

  it('a heading whose words are the body\'s own (putian-205: 五、存在的主要问题及下一步工作计划, 六、其他应说明事项)', () => {
    const [{ report }] = read('putian-205.txt');
    assert.deepEqual(report.sections.map(s => s.title), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及下一步工作计划', '六、其他应说明事项']);
  });

  it('an introduction naming the six parts one name per line is not six headings, and not a second report (putian-206)', () => {
    const reports = read('putian-206.txt');
    assert.equal(reports.length, 1);
    const s = reports[0].report.sections;
    assert.deepEqual(s.map(x => x.number), [1, 2, 3, 4, 5, 6]);
    assert.ok(s.every(x => x.writtenNumber === x.number), 'each one the numbered heading, not a name in the introduction');
  });

  it('a sentence that names the report format is not a new report\'s title (putian-201)', () => {
    assert.equal(read('putian-201.txt').length, 1);
  });
});
