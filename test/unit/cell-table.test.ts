import assert from 'node:assert/strict';
import { parseReport, type Cell } from '../../core/src';
import { CellTable } from '../../core/src/parse/cellTable';
import { seed } from '../support/fixtures';

const cell = (key: string, value: string, start: number): Cell => ({ key, text: value, kind: 'number', value, start, end: start + value.length });

describe('CellTable: a report\'s cells by key', () => {
  it('reads like a Map: insertion order, a key stored again keeps its place, unknown keys are absent', () => {
    const t = new CellTable();
    t.set('requests.new.natural', cell('requests.new.natural', '3', 10));
    t.set('requests.new.total', cell('requests.new.total', '9', 20));
    t.set('requests.new.natural', cell('requests.new.natural', '4', 10));
    assert.equal(t.size, 2);
    assert.deepEqual([...t.keys()], ['requests.new.natural', 'requests.new.total']);
    assert.equal(t.get('requests.new.natural')!.value, '4');
    assert.equal(t.get('requests.no-such-row.total'), undefined);
    assert.equal(t.has('requests.no-such-row.total'), false);
    assert.deepEqual([...t].map(([k, c]) => [k, c.value]), [['requests.new.natural', '4'], ['requests.new.total', '9']]);
  });

  it('holds every cell of a real report once, in document order, each under its own key', () => {
    const report = parseReport(seed('000'));
    const cells = [...report.cells.values()];
    const requests = cells.filter(c => c.key.startsWith('requests.'));
    assert.equal(requests.length, 175);
    assert.equal(cells.filter(c => c.key.startsWith('appeals.')).length, 15);
    assert.equal(new Set(cells.map(c => c.key)).size, report.cells.size);
    for (const c of cells) assert.equal(report.cells.get(c.key), c);
    for (let i = 1; i < requests.length; i++) assert.ok(requests[i - 1].start < requests[i].start, `${requests[i].key} after ${requests[i - 1].key}`);
    // A report read after another one keeps its own cells (the key numbering is shared, the cells are not).
    const other = parseReport(seed('004'));
    assert.equal([...other.cells.values()].filter(c => c.key.startsWith('requests.')).length, 161);
    assert.deepEqual(report.cells.get('requests.new.total'), { key: 'requests.new.total', text: '0', kind: 'number', value: '0', start: 1499, end: 1500 });
  });
});
