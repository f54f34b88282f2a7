import { strict as assert } from 'node:assert';
import { ReportDocument } from '../../core/src';
import { seed } from '../support/fixtures';

describe('splitting a compilation into reports', () => {
  // Seed 001's title is `绥阳县小关乡2023年政府信息公开工作年度报告`; PDFs and narrow pages break such
  // a title after …公开工作, and the break must still open the second report at the title's first line.
  for (const [name, br] of [['\\n', '\n'], ['\\r\\n', '\r\n'], ['\\r', '\r'], ['spaces and \\n', '  \n']]) {
    it(`a title broken after 公开工作 (${name}) opens the next report at its first half`, () => {
      const first = seed('000'), second = seed('001').replace('政府信息公开工作', m => m + br);
      const doc = ReportDocument.parse(first + '\n' + second);
      const reports = doc.reports();
      assert.equal(reports.length, 2);
      assert.equal(reports[1].base, first.length + 1);
      assert.equal(reports[1].report.title, '绥阳县小关乡2023年政府信息公开工作年度报告');
      assert.deepEqual(reports.map(r => r.report.sections.map(s => s.number).join('')), ['123456', '123456']);
      assert.deepEqual(reports.map(r => [...r.report.cells.keys()].filter(k => k.startsWith('requests.')).length), [175, 175]);
    });
  }

  it('a line ending in 公开 whose next line is not 年度报告 opens nothing', () => {
    const first = seed('000'), second = seed('001').replace('政府信息公开工作年度报告', '政府信息公开\n工作要点年度报告');
    const doc = ReportDocument.parse(first + '\n' + second);
    // The second report still opens, at its 一、总体情况 heading, not at the line ending in 公开.
    const reports = doc.reports();
    assert.equal(reports.length, 2);
    assert.equal(reports[1].base, first.length + 1 + second.indexOf('一、总体情况'));
    assert.equal(reports[1].report.title, null);
  });
});
