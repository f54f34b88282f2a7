import { strict as assert } from 'node:assert';
import { evaluateAll, ReportDocument } from '../../core/src';
import { seed } from '../support/fixtures';

/** Writes `values` (key → figure) into a seed's cells, from the last cell back so offsets hold. */
function withValues(text: string, values: Record<string, string>): string {
  const cells = ReportDocument.parse(text).reports()[0].report.cells;
  const edits = Object.entries(values).map(([k, v]) => ({ cell: cells.get(k)!, v })).sort((a, b) => b.cell.start - a.cell.start);
  for (const { cell, v } of edits) text = text.slice(0, cell.start) + v + text.slice(cell.end);
  return text;
}
const rowSums = (text: string) => ReportDocument.parse(text).reports()[0].findings.filter(f => f.code === 'row-sum' && f.cells.includes('requests.granted.total'));

/** Sums past 2^53 must be exact: binary floating point would round 4503599627370496 + 4503599627370497. */
describe('exact sums of large figures', () => {
  const text = seed('002');
  const parts = { 'requests.granted.natural': '4503599627370496', 'requests.granted.business': '4503599627370497', 'requests.granted.research': '0',
    'requests.granted.nonprofit': '0', 'requests.granted.legal': '0', 'requests.granted.otherOrg': '0' };

  it('a row of 16-digit figures that adds up has no row-sum error', () => {
    assert.deepEqual(rowSums(withValues(text, { ...parts, 'requests.granted.total': '9007199254740993' })), []);
  });

  it('one unit off in a 16-digit total is found, with the exact expected value', () => {
    const f = rowSums(withValues(text, { ...parts, 'requests.granted.total': '9007199254740992' }));
    assert.equal(f.length, 1);
    assert.equal(f[0].expected, '9007199254740993');
  });

  it('thirteen-digit figures (the integer fast path) sum exactly', () => {
    const big = { 'requests.granted.natural': '9999999999999', 'requests.granted.business': '9999999999999', 'requests.granted.research': '9999999999999',
      'requests.granted.nonprofit': '9999999999999', 'requests.granted.legal': '9999999999999', 'requests.granted.otherOrg': '9999999999999' };
    assert.deepEqual(rowSums(withValues(text, { ...big, 'requests.granted.total': '59999999999994' })), []);
    assert.equal(rowSums(withValues(text, { ...big, 'requests.granted.total': '59999999999995' }))[0]?.expected, '59999999999994');
  });

  it('a column of eleven 15-digit figures (past 2^53 in all) adds up exactly', () => {
    const rows = ['granted', 'partial', 'denied1', 'denied2', 'denied3', 'denied4', 'denied5', 'denied6', 'denied7', 'denied8', 'unable1'];
    const column = Object.fromEntries(rows.map(r => [`requests.${r}.natural`, '999999999999999']));
    const zeros = Object.fromEntries(['unable2', 'unable3', 'rejected1', 'rejected2', 'rejected3', 'rejected4', 'rejected5', 'other1', 'other2', 'other3'].map(r => [`requests.${r}.natural`, '0']));
    const report = (total: string) => ReportDocument.parse(withValues(text, { ...column, ...zeros, 'requests.total.natural': total })).reports()[0].report;
    const natural = (total: string) => evaluateAll(report(total)).find(e => e.spec.id === 'column-sum:natural')!;
    assert.equal(natural('10999999999999989').ok, true);
    assert.equal(natural('10999999999999988').ok, false);
    assert.equal(natural('10999999999999988').right, '10999999999999989');
  });
});
