import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { ReportDocument, type Finding } from '../../core/src';
import { fixturePath } from '../support/fixtures';

/** The text against the tables, and the dates: on the real corpus, each finding checked by hand. */
const findingsOf = (dir: string, name: string) => ReportDocument.parse(readFileSync(fixturePath(dir, name), 'utf8')).reports().flatMap(r => r.findings);
const all = (dir: string) => readdirSync(fixturePath(dir)).filter(f => f.endsWith('.txt')).map(f => ({ f, findings: findingsOf(dir, f) }));
const only = (code: string) => (x: { f: string; findings: Finding[] }) => x.findings.filter(d => d.code === code).map(d => `${x.f}: ${d.message.zh}`);

describe('text-table-mismatch and report-date on the real corpus', () => {
  const corpus = [...all('seeds'), ...all('real'), ...all('real2')];

  it('text-table-mismatch: exactly the one real mismatch (pingtan-020: the text says 3 received, the 总计 column 0)', () => {
    assert.deepEqual(corpus.flatMap(only('text-table-mismatch')), ['pingtan-020.txt: 正文与表格不符：正文说“共收到政府信息公开申请3份”，表中收到的政府信息公开申请为 0（含上年结转 0）']);
    const f = findingsOf('real', 'pingtan-020.txt').find(d => d.code === 'text-table-mismatch')!;
    assert.equal(f.severity, 'warning');
    assert.equal(readFileSync(fixturePath('real', 'pingtan-020.txt'), 'utf8').slice(f.start, f.end), '3');
    assert.deepEqual(f.cells, ['requests.new.total', 'requests.carried.total']);
  });

  it('the text counting 新收 + 上年结转 as 收到 is not a mismatch (pingtan-207: 受理21件 = 新收 21 + 结转 0; its 结转下年度2件 = the table)', () => {
    assert.deepEqual(findingsOf('real2', 'pingtan-207.txt').filter(d => d.code === 'text-table-mismatch'), []);
  });

  it('a changed number in the text is reported, with the table\'s value (putian-208: 行政复议1件 → 4件)', () => {
    const text = readFileSync(fixturePath('real2', 'putian-208.txt'), 'utf8');
    const i = text.indexOf('行政复议1件');
    assert.ok(i > 0);
    const changed = text.slice(0, i) + '行政复议4件' + text.slice(i + 6);
    const f = ReportDocument.parse(changed).reports()[0].findings.filter(d => d.code === 'text-table-mismatch');
    assert.equal(f.length, 1);
    assert.equal(f[0].expected, '1');
    assert.equal(changed.slice(f[0].start, f[0].end), '4');
  });

  it('report-date: only pingtan-201 (statistics from 1 September: the body was created in August); every publication on time', () => {
    assert.deepEqual(corpus.flatMap(only('report-date')), ['pingtan-201.txt: 统计期限为2019年9月1日至2019年12月31日，不是报告年度2019年的全年（1月1日至12月31日）']);
    assert.ok(corpus.flatMap(x => x.findings).filter(d => d.code === 'report-date').every(d => d.severity === 'information'));
  });

  it('report-date: a department publishing after 31 January, a government after 31 March', () => {
    const text = readFileSync(fixturePath('real2', 'putian-205.txt'), 'utf8');
    const late = text.replace('发布时间: 2024-01-25', '发布时间: 2024-02-05');
    const f = ReportDocument.parse(late).reports()[0].findings.filter(d => d.code === 'report-date');
    assert.equal(f.length, 1);
    assert.match(f[0].message.zh, /2024年2月5日发布，晚于《条例》第四十九条规定的2024年1月31日（政府部门/);
    // 三明市 (a city's own report): March is on time, April is late.
    const sm = readFileSync(fixturePath('real2', 'sanming-002.txt'), 'utf8');
    assert.deepEqual(ReportDocument.parse(sm).reports()[0].findings.filter(d => d.code === 'report-date'), []);
  });
});
