import { strict as assert } from 'node:assert';
import { ReportDocument } from '../../core/src';
import { SEEDS, seed } from '../support/fixtures';

/** Every single-cell corruption (value + 3) of a seed's tables is an error; in `requests` the corrupted cell is named first and fixed back. */
describe('single-cell corruptions of the seeds', () => {
  for (const name of SEEDS) {
    it(`${name}: every corruption detected, requests cells located and fixed`, () => {
      const text = seed(name.slice(0, 3));
      const clean = ReportDocument.parse(text).reports()[0].report;
      let cases = 0;
      for (const c of clean.cells.values()) {
        if (!/^(requests|appeals)\./.test(c.key) || c.kind !== 'number') continue;
        const mutated = text.slice(0, c.start) + String(Number(c.value) + 3) + text.slice(c.end);
        const { findings } = ReportDocument.parse(mutated).reports()[0];
        const errors = findings.filter(f => f.severity === 'error');
        assert.ok(errors.length > 0, `${c.key} corrupted but no error`);
        if (c.key.startsWith('requests.')) {
          const f = errors.find(e => e.cells[0] === c.key);
          assert.ok(f, `${c.key} not named first: ${errors.map(e => e.cells[0]).join(',')}`);
          assert.equal(f.expected, c.value);
          assert.equal(f.fix?.certain, true);
          const fixed = mutated.slice(0, f.fix!.start) + f.fix!.newText + mutated.slice(f.fix!.end);
          assert.equal(fixed, text, 'the fix restores the report byte for byte');
        }
        cases++;
      }
      assert.ok(cases >= 175, `${cases} cells mutated`);
    });
  }

  it('appeals: a wrong part is reported on its group total with the computed value', () => {
    const text = seed('002');
    const c = ReportDocument.parse(text).reports()[0].report.cells.get('appeals.suitDirect.upheld')!;
    const mutated = text.slice(0, c.start) + '5' + text.slice(c.end);
    const f = ReportDocument.parse(mutated).reports()[0].findings.find(x => x.code === 'appeals-sum')!;
    assert.equal(f.cells[0], 'appeals.suitDirect.total');
    assert.equal(f.expected, '5');
    assert.match(f.formula!.zh, /总计 = 5 \+ 0 \+ 0 \+ 0 = 5，表中为 4/);
  });
});
