import { strict as assert } from 'node:assert';
import { ReportDocument } from '../../core/src';
import { REAL, real } from '../support/fixtures';

const ARITHMETIC = new Set(['row-sum', 'column-sum', 'balance', 'appeals-sum']);

describe('real reports (corpus/real)', () => {
  it('pingtan-020: the four wrong totals of the 总计 column are found, with their computed values', () => {
    const { findings, report } = ReportDocument.parse(real('pingtan-020.txt')).reports()[0];
    const sums = findings.filter(f => ARITHMETIC.has(f.code));
    assert.deepEqual(sums.map(f => [f.code, f.cells[0], f.expected]), [
      ['row-sum', 'requests.new.total', '3'],
      ['row-sum', 'requests.granted.total', '1'],
      ['row-sum', 'requests.denied4.total', '2'],
      ['row-sum', 'requests.total.total', '3'],
    ]);
    // Glued runs with as many digits as cells are split digit by digit: 3000000 → 3|0|0|0|0|0|0.
    assert.equal(report.cells.get('requests.new.natural')?.value, '3');
    assert.equal(report.cells.get('requests.new.total')?.value, '0');
    assert.ok(findings.some(f => f.code === 'missing-section' && f.message.zh.includes('其他需要报告的事项')));
    assert.ok(findings.some(f => f.code === 'missing-row' && f.message.zh.includes('规章')));
  });

  for (const name of REAL.filter(n => n !== 'pingtan-020.txt')) {
    it(`${name}: no false arithmetic error`, () => {
      const doc = ReportDocument.parse(real(name));
      const sums = doc.reports().flatMap(r => r.findings).filter(f => ARITHMETIC.has(f.code));
      assert.deepEqual(sums.map(f => f.message.en), []);
    });
  }

  it('excerpts: a cut-off document gets missing-section findings, not arithmetic errors', () => {
    for (const name of REAL.filter(n => n.startsWith('excerpt-'))) {
      const findings = ReportDocument.parse(real(name)).reports().flatMap(r => r.findings);
      assert.ok(findings.some(f => f.code === 'missing-section'), name);
    }
  });

  it('pingtan-001: a glued run (120000012, 9 digits for 7 cells) is solved by the row sum, not reported', () => {
    const { report, findings } = ReportDocument.parse(real('pingtan-001.txt')).reports()[0];
    const row = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map(c => report.cells.get(`requests.new.${c}`)!);
    assert.deepEqual(row.map(c => c.value), ['12', '0', '0', '0', '0', '0', '12']);
    assert.ok(row.every(c => c.provenance === 'solved'), 'each cell solved from the table relations');
    assert.ok(!findings.some(f => f.code === 'malformed-row' && f.cells.some(k => k.startsWith('requests.'))));
    assert.ok(!findings.some(f => ['row-sum', 'column-sum', 'balance'].includes(f.code)));
    // 规范性文件 "22223" (3 cells) has several readings and no relation to choose: one warning for the table.
    const doubt = findings.filter(f => f.code === 'uncertain-cells');
    assert.equal(doubt.length, 1);
    assert.equal(doubt[0].severity, 'warning');
    assert.ok(doubt[0].cells.includes('active.normative.made'));
    assert.equal(report.template, '2019');
  });

  it('pingtan-019: space-separated cells on one line', () => {
    const { report } = ReportDocument.parse(real('pingtan-019.txt')).reports()[0];
    assert.equal(report.cells.get('active.normative.made')?.value, '10');
    assert.equal(report.cells.get('active.normative.total')?.value, '10');
    assert.equal([...report.cells.keys()].filter(k => k.startsWith('requests.')).length, 161);
  });

  it('pingtan-015: 2019 section 二 with 2021 section 三 is a mixed template', () => {
    assert.equal(ReportDocument.parse(real('pingtan-015.txt')).reports()[0].report.template, 'mixed');
  });

  it('pingtan-009: rows （六）2 and 3 without cells are blank, not zero', () => {
    const { report, findings } = ReportDocument.parse(real('pingtan-009.txt')).reports()[0];
    assert.equal(report.cells.get('requests.other2.natural')?.kind, 'blank');
    assert.equal(report.cells.get('requests.other3.total')?.value, null);
    assert.ok(findings.some(f => f.code === 'blank-cell' && f.cells[0] === 'requests.other2.natural'));
  });

  it('excerpt-016: in the blank-line layout, extra empty lines are blank cells (six applicants blank, 总计 0)', () => {
    const { report } = ReportDocument.parse(real('excerpt-016.txt')).reports()[0];
    for (const c of ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg']) assert.equal(report.cells.get(`requests.new.${c}`)?.kind, 'blank', c);
    assert.equal(report.cells.get('requests.new.total')?.value, '0');
    assert.equal(report.cells.get('requests.granted.total')?.kind, 'unknown', 'the row cut off by the end of the page');
  });

  it('excerpt-015: `/` is not applicable, kept apart from 0 and blank', () => {
    const { report } = ReportDocument.parse(real('excerpt-015.txt')).reports()[0];
    assert.equal(report.cells.get('active.rules.issued')?.kind, 'not-applicable');
    assert.equal(report.cells.get('active.normative.issued')?.value, '21');
  });

  it('excerpt-020: a signed 本年增/减 of -417 in the 2019 table', () => {
    const { report, findings } = ReportDocument.parse(real('excerpt-020.txt')).reports()[0];
    assert.equal(report.cells.get('active.licensing.delta')?.value, '-417');
    assert.ok(!findings.some(f => f.code === 'invalid-number'));
  });

  it('excerpt-005: pipe rows with empty cells are blanks; only the 总计 column is filled', () => {
    const { report } = ReportDocument.parse(real('excerpt-005.txt')).reports()[0];
    assert.equal(report.cells.get('requests.carried.natural')?.kind, 'blank');
    assert.equal(report.cells.get('requests.carried.total')?.value, '0');
    assert.equal(report.cells.get('active.normative.inForce')?.value, '101');
  });
});
