import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { applyEdits, ReportDocument, upgradeTo2021At, type Report } from '../../core/src';
import { ACTIVE_2019_TO_2021, REQUEST_ROWS_KEPT } from '../../core/src/template/upgrade';
import { fixturePath, seed } from '../support/fixtures';

/** 升级为 2021 格式 on the real reports in the 2019 format: every number with a 2021 place in it, the rest of the text as it was. */
const first = (text: string) => ReportDocument.parse(text).reports()[0];
const upgrade = (text: string) => upgradeTo2021At(ReportDocument.parse(text), 0);

/** The 2021 cell each written 2019 cell of `before` goes to (template/upgrade.ts), with the text it must hold there. */
function placed(before: Report): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const t of before.tables.filter(t => t.template === '2019')) for (const r of t.rows) for (const key of r.cells) {
    const c = before.cells.get(key)!;
    if (c.kind === 'blank') continue;
    const [table, row, col] = key.split('.');
    let to: string | null | undefined = null;
    if (table === 'active') to = ACTIVE_2019_TO_2021[`${row}.${col}`] === undefined ? `${row}.${col}` : ACTIVE_2019_TO_2021[`${row}.${col}`];
    else if (table === 'requests') to = REQUEST_ROWS_KEPT.includes(row) ? `${row}.${col}` : row === 'other' ? `other3.${col}` : null;
    if (to) out.push([key, `${table}.${to}`, c.text]);
  }
  return out;
}

/** Asserts the upgrade of `text`: 2021 tables, no outdated-template, every placed number in its cell, text outside the edits unchanged. */
function checkUpgrade(text: string, name: string): string {
  const r = upgrade(text);
  assert.ok('edits' in r, `${name}: ${'reason' in r ? r.reason.en : ''}`);
  const out = applyEdits(text, r.edits);
  const before = first(text).report, after = first(out);
  assert.ok(after.report.tables.every(t => t.template !== '2019'), `${name}: a 2019 table left`);
  assert.ok(after.report.tables.some(t => t.template === '2021'), name);
  assert.deepEqual(after.findings.filter(f => f.code === 'outdated-template'), [], name);
  for (const [from, to, value] of placed(before)) assert.equal(after.report.cells.get(to)?.text, value, `${name}: ${from} → ${to}`);
  // Outside the edits, the text is the same, character for character.
  let at = 0, shift = 0;
  for (const e of r.edits) {
    assert.equal(out.slice(at + shift, e.start + shift), text.slice(at, e.start), `${name}: text before ${e.start}`);
    shift += e.newText.length - (e.end - e.start);
    at = e.end;
  }
  assert.equal(out.slice(at + shift), text.slice(at), `${name}: text after the tables`);
  return out;
}

const corpus = ['seeds', 'real', 'real2'].flatMap(dir => readdirSync(fixturePath(dir)).filter(f => f.endsWith('.txt')).map(f => ({ name: `${dir}/${f}`, text: readFileSync(fixturePath(dir, f), 'utf8') })));

describe('升级为 2021 格式 (upgradeTo2021)', () => {
  it('seed 004 (one cell per line, lines ending in ` |`): 2021 tables in the same style, 行政许可 15098件 kept, new cells blank', () => {
    const text = seed('004');
    const out = checkUpgrade(text, '004');
    const after = first(out);
    const cell = (k: string) => after.report.cells.get(k)!;
    assert.equal(cell('active.licensing.decisions').text, '15098件');
    for (const k of ['active.rules.issued', 'active.rules.inForce', 'active.normative.repealed', 'active.fees.amount']) assert.equal(cell(k).kind, 'blank', k);
    // （六）其他处理 was 0 in every column: its three 2021 items are 0.
    for (const r of ['other1', 'other2', 'other3']) assert.equal(cell(`requests.${r}.total`).text, '0');
    assert.ok(!out.includes('政府集中采购') && !out.includes('上一年项目数量') && out.includes('本年制发件数 |'));
    // The file's own style: every line of the new tables ends in ` |`, none holds two figures.
    const r = upgrade(text);
    assert.ok('edits' in r);
    for (const e of r.edits) for (const line of e.newText.split('\n').filter(l => l.trim())) {
      assert.match(line, / \|$/, line);
      assert.ok(!/\d[ |]+\d/.test(line), line);
    }
    // What is left is the blank cells for the user, nothing more.
    assert.deepEqual(after.findings.map(f => f.code), ['blank-cell', 'blank-cell', 'blank-cell']);
  });

  it('property: on every report of the corpus it is offered for, every 2019 number with a 2021 place is in its 2021 cell and outdated-template is gone', () => {
    const offered = corpus.filter(x => 'edits' in upgrade(x.text)).map(x => x.name);
    assert.deepEqual(offered, ['seeds/004_41ed45ffcc2fcd2e.txt', 'real/excerpt-013.txt', 'real/excerpt-016.txt', 'real/excerpt-020.txt',
      'real2/putian-201.txt', 'real2/putian-202.txt', 'real2/putian-210.txt', 'real2/putian-217.txt', 'real2/sanming-002.txt']);
    for (const x of corpus.filter(x => offered.includes(x.name))) checkUpgrade(x.text, x.name);
  });

  it('property: seed 004 with random figures in its 2019 cells keeps each one with a 2021 place', () => {
    const text = seed('004');
    const cells = [...first(text).report.cells.values()].filter(c => c.kind === 'number' && !c.key.startsWith('appeals.')).sort((a, b) => b.start - a.start);
    fc.assert(fc.property(fc.array(fc.nat(99999), { minLength: cells.length, maxLength: cells.length }), figures => {
      let t = text;
      cells.forEach((c, i) => { t = t.slice(0, c.start) + String(figures[i]) + t.slice(c.end); });
      checkUpgrade(t, 'random 004');
    }), { numRuns: 25 });
  });

  it('（六）其他处理 not 0 (sanming-002: 自然人 3, 总计 3): figures to 3.其他, 1 and 2 blank there and 0 elsewhere; every total still holds', () => {
    const out = checkUpgrade(readFileSync(fixturePath('real2', 'sanming-002.txt'), 'utf8'), 'sanming-002');
    const after = first(out);
    assert.equal(after.report.cells.get('requests.other3.total')!.text, '3');
    assert.equal(after.report.cells.get('requests.other1.total')!.kind, 'blank');
    assert.equal(after.report.cells.get('requests.other1.business')!.text, '0');
    assert.deepEqual(after.findings.filter(f => f.severity === 'error'), []);
  });

  it('a pipe table stays a pipe table (excerpt-020)', () => {
    const r = upgrade(readFileSync(fixturePath('real', 'excerpt-020.txt'), 'utf8'));
    assert.ok('edits' in r);
    const lines = r.edits[0].newText.split('\n').filter(l => l.trim());
    assert.ok(lines.every(l => l.startsWith('| ') && l.endsWith(' |')), lines.join('\n'));
    assert.ok(lines.some(l => /^\| 行政许可 +\| +298 \|$/.test(l)));
  });

  it('tab-indented cells with empty lines between (seed 004 written as Word saves it): tabs and empty lines kept', () => {
    const text = seed('004').split('\n').map(l => (/ \|+$/.test(l) ? `\t${l.replace(/ \|+$/, '')}\n` : l)).join('\n');
    const r = upgrade(text);
    assert.ok('edits' in r);
    const lines = r.edits[0].newText.split('\n');
    assert.ok(lines.filter((_, i) => i % 2 === 0).every(l => l.startsWith('\t')), lines.slice(0, 8).join('\n'));
    assert.ok(lines.filter((_, i) => i % 2 === 1).every(l => l === ''));
    checkUpgrade(text, '004 as tabs');
  });

  it('CRLF line ends stay CRLF', () => {
    const text = seed('004').replace(/\n/g, '\r\n');
    const r = upgrade(text);
    assert.ok('edits' in r);
    for (const e of r.edits) assert.ok(!/[^\r]\n/.test(e.newText) && e.newText.includes('\r\n'));
    checkUpgrade(text, '004 CRLF');
  });

  it('nothing to do, or not safely: a 2021 report, glued or space-separated figures, unknown cells, HTML', () => {
    const reason = (text: string) => { const r = upgrade(text); return 'reason' in r ? r.reason.en : 'edits'; };
    assert.match(reason(seed('002')), /no table in the 2019 trial format/);
    assert.match(reason(readFileSync(fixturePath('real', 'pingtan-019.txt'), 'utf8')), /layout/);
    assert.match(reason(readFileSync(fixturePath('real', 'pingtan-001.txt'), 'utf8')), /cannot be read for certain/);
    assert.match(reason(readFileSync(fixturePath('real2', 'putian-216.html'), 'utf8')), /HTML/);
  });
});
