import { strict as assert } from 'node:assert';
import { allFindings, fixAllEdits, fixEdit, ReportDocument } from '../../core/src';
import { writtenLike } from '../../core/src/text/figureStyle';
import { readFileSync } from 'node:fs';
import { fixturePath, seed } from '../support/fixtures';

/** `text` with the cells named written as given (later cells first, so offsets hold). */
function withCells(text: string, cells: Record<string, string>): string {
  const p = ReportDocument.parse(text).reports()[0];
  const spans = Object.entries(cells).map(([k, w]) => ({ c: p.report.cells.get(k)!, w })).sort((a, b) => b.c.start - a.c.start);
  for (const { c, w } of spans) text = text.slice(0, p.base + c.start) + w + text.slice(p.base + c.end);
  return text;
}
/** Each fix of the document as [the figure it replaces, what it writes], one finding's and fix-all's. */
function fixesOf(text: string): { one: [string, string][]; all: [string, string][] } {
  const doc = ReportDocument.parse(text);
  const pair = (e: { start: number; end: number; newText: string }): [string, string] => [text.slice(e.start, e.end), e.newText];
  return { one: allFindings(doc).map(p => fixEdit(doc, p)).filter(e => !!e).map(pair), all: fixAllEdits(doc).map(pair) };
}

describe('fixes write the value in the cell\'s own style', () => {
  it('writtenLike keeps full-width digits, separators, a sign and character references', () => {
    const cases: [string, string, string][] = [
      ['9', '7', '7'], ['', '7', '7'], ['／', '7', '7'],
      ['９', '7', '７'], ['１３', '11', '１１'], ['１２．５', '12.75', '１２．７５'],
      ['1,000', '1200', '1,200'], ['1，000', '1234567', '1，234，567'], ['1,000', '7', '7'], ['１，０００', '2000', '２，０００'],
      ['+19', '20', '+20'], ['＋5', '6', '＋6'], ['+1,000', '1500', '+1,500'],
      ['&#57;', '7', '&#55;'], ['&#49;&#51;', '11', '&#49;&#49;'], ['&#x39;', '12', '&#x31;&#x32;'],
    ];
    for (const [written, value, expected] of cases) assert.equal(writtenLike(written, value), expected, `${written} → ${value}`);
  });

  it('on seed 002: a full-width, signed or separated total is fixed in kind, by the quick fix and by fix-all', () => {
    const s = seed('002');
    assert.deepEqual(fixesOf(withCells(s, { 'requests.granted.total': '９' })), { one: [['９', '７']], all: [['９', '７']] });
    assert.deepEqual(fixesOf(withCells(s, { 'requests.granted.total': '+9' })), { one: [['+9', '+7']], all: [['+9', '+7']] });
    // 予以公开 by 自然人 1000 (the 总计 row's 1,020 agreeing), its total written 1,001: the fix writes 1,000.
    const separated = withCells(s, { 'requests.granted.natural': '1000', 'requests.granted.total': '1,001', 'requests.total.natural': '1,020', 'requests.total.total': '1,020' });
    assert.deepEqual(fixesOf(separated), { one: [['1,001', '1,000']], all: [['1,001', '1,000']] });
  });

  it('on a published Word page (putian-207.html): a total written as a character reference is fixed as one', () => {
    const page = readFileSync(fixturePath('real2', 'putian-207.html'), 'utf8');
    assert.equal(ReportDocument.parse(page).reports()[0].report.cells.get('requests.granted.total')!.value, '2');
    assert.deepEqual(fixesOf(withCells(page, { 'requests.granted.total': '&#57;' })), { one: [['&#57;', '&#50;']], all: [['&#57;', '&#50;']] });
    assert.deepEqual(fixesOf(withCells(page, { 'requests.granted.total': '&#x39;' })).all, [['&#x39;', '&#x32;']]);
  });
});
