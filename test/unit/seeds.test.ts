import { strict as assert } from 'node:assert';
import { ReportDocument, type Report, type Finding } from '../../core/src';
import { SEEDS, seed } from '../support/fixtures';

const ROWS21 = ['new', 'carried', 'granted', 'partial', 'denied1', 'denied2', 'denied3', 'denied4', 'denied5', 'denied6', 'denied7', 'denied8',
  'unable1', 'unable2', 'unable3', 'rejected1', 'rejected2', 'rejected3', 'rejected4', 'rejected5', 'other1', 'other2', 'other3', 'total', 'carryover'];
const ROWS19 = [...ROWS21.slice(0, 20), 'other', 'total', 'carryover'];
const COLS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];

function one(text: string): { report: Report; findings: Finding[] } {
  const doc = ReportDocument.parse(text);
  assert.equal(doc.reports().length, 1, 'one report');
  return doc.reports()[0];
}

describe('the five reference reports', () => {
  for (const name of SEEDS) {
    const prefix = name.slice(0, 3);
    it(`${name}: six sections, every requests and appeals cell keyed, no errors`, () => {
      const { report, findings } = one(seed(prefix));
      assert.deepEqual(report.sections.map(s => s.number), [1, 2, 3, 4, 5, 6]);
      const rows = prefix === '004' ? ROWS19 : ROWS21;
      for (const r of rows) for (const c of COLS) assert.ok(report.cells.has(`requests.${r}.${c}`), `requests.${r}.${c}`);
      assert.equal([...report.cells.keys()].filter(k => k.startsWith('requests.')).length, rows.length * 7);
      assert.equal([...report.cells.keys()].filter(k => k.startsWith('appeals.')).length, 15);
      assert.deepEqual(findings.filter(f => f.severity === 'error').map(f => `${f.code}: ${f.message.en}`), []);
    });
  }

  it('002 (traditional characters, pinyin junk, NBSP): the values match its text', () => {
    const { report } = one(seed('002'));
    const v = (k: string) => report.cells.get(k)?.value;
    assert.equal(report.template, '2021');
    assert.equal(report.year, 2022);
    assert.equal(v('requests.new.total'), '27');
    assert.equal(v('requests.new.natural'), '27');
    assert.equal(v('requests.carried.total'), '1');
    assert.equal(v('requests.granted.total'), '7');
    assert.equal(v('requests.partial.natural'), '3');
    assert.equal(v('requests.denied4.natural'), '8');
    assert.equal(v('requests.unable1.total'), '7');
    assert.equal(v('requests.total.total'), '27');
    assert.equal(v('requests.carryover.total'), '1');
    assert.equal(v('active.licensing.decisions'), '9272');
    assert.equal(v('active.penalty.decisions'), '29');
    assert.equal(v('active.normative.inForce'), '8');
    assert.equal(v('active.fees.amount'), '1227.49');
    assert.equal(v('appeals.suitDirect.upheld'), '4');
    assert.equal(v('appeals.suitDirect.total'), '4');
    assert.equal(v('appeals.review.total'), '0');
  });

  it('004 (2019 section 二 in a 2023 report): units in cells, 2019 rows, an outdated-template warning', () => {
    const { report, findings } = one(seed('004'));
    assert.equal(report.template, '2019');
    assert.equal(report.cells.get('active.licensing.decisions')?.value, '15098');
    assert.equal(report.cells.get('active.licensing.decisions')?.unit, '件');
    assert.equal(report.cells.get('active.procurement.count')?.value, '9');
    assert.equal(report.cells.get('active.procurement.amount')?.value, '1887.214474');
    assert.ok(report.cells.has('requests.other.total'), 'the 2019 single （六）其他处理 row');
    assert.ok(!report.cells.has('requests.other1.total'));
    assert.deepEqual(findings.filter(f => f.code === 'outdated-template').length, 1);
  });

  it('each cell range covers exactly its text in the document', () => {
    for (const name of SEEDS) {
      const text = seed(name.slice(0, 3));
      const { report } = one(text);
      for (const c of report.cells.values()) {
        if (c.kind === 'number') assert.match(text.slice(c.start, c.end), /^[+\-]?\d+(\.\d+)?$/, `${name} ${c.key}`);
      }
    }
  });
});
