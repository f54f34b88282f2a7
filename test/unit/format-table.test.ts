import { strict as assert } from 'node:assert';
import stringWidth from 'string-width';
import { ReportDocument, formatTable, formatTableAt, skeleton2021, type Report, type TableId } from '../../core/src';
import { REAL, SEEDS, real, seed } from '../support/fixtures';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../support/fixtures';

const TABLES: TableId[] = ['active', 'requests', 'appeals'];
const only = (text: string) => { const d = ReportDocument.parse(text); assert.equal(d.reports().length, 1); return d.reports()[0]; };
/** Every cell of a table as `key kind value`, sorted. */
const cellsOf = (r: Report, id: TableId) => [...r.cells.values()].filter(c => c.key.startsWith(`${id}.`)).map(c => `${c.key} ${c.kind} ${c.value}`).sort();
/** Display columns of every `|` of a line (the pipes of an aligned table line up). */
const pipeColumns = (line: string) => { const out: number[] = []; let w = 0; for (const ch of line) { if (ch === '|') out.push(w); w += stringWidth(ch); } return out; };

const FILES = [...SEEDS.map(f => ({ name: f, text: readFileSync(fixturePath('seeds', f), 'utf8') })), ...REAL.map(f => ({ name: f, text: real(f) }))];

describe('format table', () => {
  it('on every seed and real report: every figure survives, no text outside the table changes, the pipes line up, and a second format changes nothing', () => {
    let formatted = 0;
    for (const { name, text } of FILES) {
      const p = only(text);
      for (const id of TABLES) {
        if (!p.report.tables.some(t => t.id === id)) continue;
        const r = formatTable(p.report, p.text, id);
        if (!('edit' in r)) continue;
        formatted++;
        const { start, end, newText } = r.edit;
        const after = p.text.slice(0, start) + newText + p.text.slice(end);
        assert.equal(after.slice(0, start), p.text.slice(0, start), `${name} ${id}: text before the table`);
        assert.equal(after.slice(start + newText.length), p.text.slice(end), `${name} ${id}: text after the table`);
        const q = only(after);
        assert.deepEqual(cellsOf(q.report, id), cellsOf(p.report, id), `${name} ${id}: the table's cells`);
        for (const other of TABLES.filter(x => x !== id)) assert.deepEqual(cellsOf(q.report, other), cellsOf(p.report, other), `${name} ${id}: table ${other} untouched`);
        // Lines of one pipe table (a block of the active table) have their pipes at the same columns.
        for (const block of newText.trim().split(/\n\s*\n/)) {
          const cols = block.split('\n').map(pipeColumns);
          for (const c of cols) assert.deepEqual(c.slice(0, Math.min(c.length, cols[0].length)), cols[0].slice(0, Math.min(c.length, cols[0].length)), `${name} ${id}: aligned\n${block}`);
        }
        const again = formatTable(q.report, after, id);
        assert.ok('edit' in again, `${name} ${id}: formats again`);
        assert.equal(after.slice(again.edit.start, again.edit.end), again.edit.newText, `${name} ${id}: a formatted table is its own format`);
      }
    }
    // All three tables of the five seeds, and most of the real excerpts'.
    assert.ok(formatted >= 30, `${formatted} tables formatted`);
  });

  it('a one-cell-per-line seed becomes one line per row, figures as written', () => {
    const p = only(seed('002'));
    const r = formatTable(p.report, p.text, 'requests');
    assert.ok('edit' in r);
    const granted = r.edit.newText.split('\n').find(l => l.startsWith('| （一）予以公开'))!;
    assert.deepEqual(granted.split('|').slice(2, -1).map(s => s.trim()), ['7', '0', '0', '0', '0', '0', '7']);
    assert.ok(p.text.split('\n').length - r.edit.newText.split('\n').length > 150, 'far fewer lines');
  });

  it('a glued run once solved is written as its figures (pingtan-001: 本年新收 120000012 → 12 | 0 | … | 12)', () => {
    const p = only(real('pingtan-001.txt'));
    assert.equal(p.report.cells.get('requests.new.natural')!.provenance, 'solved');
    const r = formatTable(p.report, p.text, 'requests');
    assert.ok('edit' in r);
    const line = r.edit.newText.split(/\r?\n/).find(l => l.includes('本年新收'))!;
    assert.deepEqual(line.split('|').slice(2, -1).map(s => s.trim()), ['12', '0', '0', '0', '0', '0', '12']);
  });

  it('refuses a table whose cells cannot be read for certain, and says why', () => {
    const p = only(real('pingtan-001.txt'));
    const r = formatTable(p.report, p.text, 'active');
    assert.ok('reason' in r);
    assert.match(r.reason.en, /cannot be read for certain/);
  });

  it('the skeleton is already in the formatted form; CRLF text gets CRLF lines', () => {
    const sk = skeleton2021(2024);
    const p = only(sk);
    for (const id of TABLES) {
      const r = formatTable(p.report, p.text, id);
      assert.ok('edit' in r, id);
      assert.equal(sk.slice(r.edit.start, r.edit.end), r.edit.newText, `skeleton ${id}`);
    }
    const crlf = seed('000').replace(/\r?\n/g, '\r\n');
    const q = only(crlf);
    const r = formatTable(q.report, q.text, 'appeals');
    assert.ok('edit' in r);
    assert.equal(r.edit.newText.split('\r\n').length, 4 + (r.edit.newText.startsWith('\r\n') ? 1 : 0) + (r.edit.newText.endsWith('\r\n') ? 1 : 0));
    assert.ok(!/[^\r]\n/.test(r.edit.newText), 'no bare LF');
  });

  it('from a tab layout (as pasted from Word), Format Table gives the aligned skeleton back byte for byte', () => {
    const sk = skeleton2021(2024);
    // Every table line as tab-separated cells, the delimiter row dropped.
    const tabs = sk.split('\n').filter(l => !/^\| -/.test(l)).map(l => (l.startsWith('|') ? l.slice(1, -1).split('|').map(c => c.trim()).join('\t') : l)).join('\n');
    assert.ok(!tabs.includes('|'));
    let text = tabs;
    for (const id of TABLES) {
      const p = only(text);
      const r = formatTable(p.report, p.text, id);
      assert.ok('edit' in r, `${id}: ${'reason' in r ? r.reason.en : ''}`);
      text = text.slice(0, r.edit.start) + r.edit.newText + text.slice(r.edit.end);
    }
    assert.equal(text, sk);
  });

  it('formatTableAt finds the table around an offset, in a compilation', () => {
    const text = seed('000') + '\n' + seed('002');
    const doc = ReportDocument.parse(text);
    const second = doc.reports()[1];
    const t = second.report.tables.find(x => x.id === 'requests')!;
    const r = formatTableAt(doc, second.base + t.start + 3);
    assert.ok('edit' in r);
    assert.equal(r.table, 'requests');
    assert.ok(r.edit.start > doc.reports()[1].base);
    assert.ok('reason' in formatTableAt(doc, 0));
  });
});
