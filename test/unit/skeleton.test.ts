import { strict as assert } from 'node:assert';
import { BODY_TYPES, defaultReportYear, documentJson, parseReportYear, ReportDocument, skeleton2021 } from '../../core/src';
import { bodyOf, isTownship } from '../../core/src/checks/body';

/** Local dates, as the clerk's clock shows them. */
const on = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h);

describe('the report skeleton: year and body type', () => {
  it('the default year is the one just ended until 31 March, the current one from 1 April', () => {
    assert.equal(defaultReportYear(on(2025, 1, 1, 0)), 2024);
    assert.equal(defaultReportYear(on(2025, 1, 15)), 2024);
    assert.equal(defaultReportYear(on(2025, 3, 31, 23)), 2024);
    assert.equal(defaultReportYear(on(2025, 4, 1, 0)), 2025);
    assert.equal(defaultReportYear(on(2025, 12, 31, 23)), 2025);
    assert.equal(defaultReportYear(on(2024, 2, 29)), 2023, 'a leap day');
  });

  it('a typed year: four digits (年/年度 allowed) from 2008 to next year', () => {
    const now = on(2025, 2, 1);
    assert.equal(parseReportYear('2024', now), 2024);
    assert.equal(parseReportYear(' 2024年度 ', now), 2024);
    assert.equal(parseReportYear('2026', now), 2026);
    for (const bad of ['2027', '2007', '24', '二〇二四', '2024-01', '']) assert.equal(parseReportYear(bad, now), null, bad);
  });

  it('each body type gives a title the checks read as that kind of body, and a report that checks clean', () => {
    const kinds = BODY_TYPES.map(b => {
      const p = ReportDocument.parse(skeleton2021(2024, b.placeholder)).reports()[0];
      assert.equal(p.report.title, `${b.placeholder}2024年政府信息公开工作年度报告`);
      assert.equal(p.report.year, 2024);
      assert.deepEqual(documentJson(ReportDocument.parse(skeleton2021(2024, b.placeholder)), 'en').diagnostics, [], b.type);
      const body = bodyOf(p.report.title)!;
      return [b.type, isTownship(body) ? 'township' : /人民政府$/.test(body) ? 'government' : /局$/.test(body) ? 'department' : '?'];
    });
    assert.deepEqual(kinds, [['government', 'government'], ['department', 'department'], ['township', 'township']]);
    assert.deepEqual(BODY_TYPES.map(b => b.label.zh), ['县级以上人民政府', '政府部门', '乡镇（街道）']);
  });
});
