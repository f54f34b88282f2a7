import assert from 'node:assert/strict';
import { ReportDocument, type Report } from '../../core/src';
import { solve } from '../../core/src/infer/solve';
import { rng } from '../support/rng.mjs';
import { REQUESTS_2021, REQUEST_COLUMNS, APPEALS_KEYS, APPEALS_HEADER_WORDS } from '../../core/src/template/tables';

/**
 * The table solver, alone and through the reader. The property: make a random consistent report,
 * damage its tables as page conversions do (glue each row's digits into one run, collapse runs of
 * identical lines, split numbers over lines), read it back, and
 *  - never get a known cell wrong (a cell the reader calls known has the true value), and
 *  - get every cell back whenever the damaged text allows one reading only.
 */

const DATA_ROWS = REQUESTS_2021.rows.filter(r => r.columns.length);
const RESULT_ROWS = DATA_ROWS.filter(r => !['new', 'carried', 'total', 'carryover'].includes(r.key)).map(r => r.key);
const PARTS = REQUEST_COLUMNS.slice(0, 6);

/** A consistent 2021 requests table and appeals row: every row sum, column sum, the balance and the appeal groups hold. */
function consistentTables(r: () => number): Map<string, number> {
  const v = new Map<string, number>();
  const small = () => (r() < 0.6 ? 0 : Math.floor(r() * (r() < 0.8 ? 10 : 300)));
  for (const c of PARTS) {
    const fresh = small(), carried = r() < 0.8 ? 0 : small();
    const carryover = Math.floor(r() * (fresh + carried + 1) * (r() < 0.7 ? 0 : 1));
    let handled = fresh + carried - carryover;
    v.set(`requests.new.${c}`, fresh); v.set(`requests.carried.${c}`, carried); v.set(`requests.carryover.${c}`, carryover);
    for (const row of RESULT_ROWS) v.set(`requests.${row}.${c}`, 0);
    while (handled > 0) {
      const row = RESULT_ROWS[r() < 0.5 ? 0 : Math.floor(r() * RESULT_ROWS.length)];
      const n = 1 + Math.floor(r() * handled);
      v.set(`requests.${row}.${c}`, v.get(`requests.${row}.${c}`)! + n);
      handled -= n;
    }
    v.set(`requests.total.${c}`, RESULT_ROWS.reduce((s, row) => s + v.get(`requests.${row}.${c}`)!, 0));
  }
  for (const row of DATA_ROWS) v.set(`requests.${row.key}.total`, PARTS.reduce((s, c) => s + v.get(`requests.${row.key}.${c}`)!, 0));
  for (const g of ['review', 'suitDirect', 'suitAfterReview']) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map(c => { const n = r() < 0.7 ? 0 : Math.floor(r() * 4); v.set(`appeals.${g}.${c}`, n); return n; });
    v.set(`appeals.${g}.total`, parts.reduce((a, b) => a + b, 0));
  }
  return v;
}

const ORDINAL_TEXT = (o = '') => o.replace('(', '（').replace(')', '）');
const labelText = (l: string) => l.replace(/\[、,\]\?/g, '，');

type Layout = 'glued' | 'collapsed' | 'split';

/** The report as a page conversion would leave it, in one of the layouts. */
function render(v: Map<string, number>, layout: Layout, r: () => number): string {
  const rowValues = (key: string, cols: string[]) => cols.map(c => String(v.get(`${key}.${c}`)));
  const lines: string[] = ['示例局2023年政府信息公开工作年度报告', '一、总体情况', '本局依法公开政府信息。', '二、主动公开政府信息情况', '（见下表）',
    '三、收到和处理政府信息公开申请情况', '申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const cellLines = (values: string[]): string[] => {
    if (layout === 'glued') return [values.join('')];
    // One value per line; in `split`, a number of two digits or more may break over two lines.
    return values.flatMap(x => (layout === 'split' && x.length > 1 && r() < 0.3 ? [x.slice(0, 1), x.slice(1)] : [x]));
  };
  for (const row of REQUESTS_2021.rows) {
    const label = `${ORDINAL_TEXT(row.ordinal)}${labelText(row.labels[0])}`;
    if (!row.columns.length) { lines.push(label); continue; }
    if (layout === 'glued') lines.push(label + cellLines(rowValues(`requests.${row.key}`, REQUEST_COLUMNS))[0]);
    else lines.push(label, ...cellLines(rowValues(`requests.${row.key}`, REQUEST_COLUMNS)));
  }
  lines.push('四、政府信息公开行政复议、行政诉讼情况', ...APPEALS_HEADER_WORDS, ...cellLines(APPEALS_KEYS.map(k => String(v.get(`appeals.${k}`)))));
  lines.push('五、存在的主要问题及改进情况', '无。', '六、其他需要报告的事项', '无。');
  if (layout === 'collapsed') return lines.filter((l, i) => i === 0 || l !== lines[i - 1]).join('\n');
  return lines.join('\n');
}

const say = (report: Report, k: string) => { const c = report.cells.get(k); return !c ? 'none' : c.kind === 'number' ? c.value! : c.kind; };

describe('the table solver', () => {
  it('keeps the one combination of readings that satisfies every relation', () => {
    // Two rows: a = [x, y, total] with x + y = total; b = [total of a's column 0].
    const rows = [
      { options: [Float64Array.of(1, 20, 21), Float64Array.of(12, 0, 21), Float64Array.of(12, 9, 21)], tiers: [1, 1, 1] },
      { options: [Float64Array.of(12)], tiers: [0] },
    ];
    const rels = [{ left: [[0, 2]] as [number, number][], right: [[0, 0], [0, 1]] as [number, number][] }, { left: [[1, 0]] as [number, number][], right: [[0, 0]] as [number, number][] }];
    const res = solve(rows, rels);
    assert.equal(res.status, 'consistent');
    assert.deepEqual(res.solutions.map(s => [...s]), [[2, 0]]);
    assert.deepEqual(res.unsatisfiable, []);
  });

  it('with no consistent combination, keeps those breaking the fewest relations and names a row relation no reading satisfies', () => {
    const rows = [{ options: [Float64Array.of(1, 1, 3), Float64Array.of(2, 0, 3)], tiers: [1, 1] }];
    const rels = [{ left: [[0, 2]] as [number, number][], right: [[0, 0], [0, 1]] as [number, number][] }];
    const res = solve(rows, rels);
    assert.equal(res.status, 'fewest-broken');
    assert.equal(res.broken, 1);
    assert.deepEqual(res.unsatisfiable, [0]);
  });

  it('gives up, rather than running on, past its node limit', () => {
    // 2^30 combinations, every one consistent: each row's two cells add up to the next row's.
    const many = Array.from({ length: 30 }, () => ({ options: [Float64Array.of(0, 1), Float64Array.of(1, 0)], tiers: [1, 1] }));
    const chain = many.slice(1).map((_, i) => ({ left: [[i, 0], [i, 1]] as [number, number][], right: [[i + 1, 0], [i + 1, 1]] as [number, number][] }));
    const res = solve(many, chain, { maxNodes: 100, maxSolutions: 1000, maxEnumerate: 10 });
    assert.ok(res.incomplete);
  });

  // How many of 300 come back whole, at least. Collapsed tables are often truly ambiguous: when all
  // the activity is in one middle column, `0` / `6` / `0` / `6` fits four columns equally well.
  const WHOLE: Record<Layout, number> = { glued: 150, split: 150, collapsed: 20 };
  for (const layout of ['glued', 'collapsed', 'split'] as Layout[]) {
    it(`property (${layout}): 300 random consistent reports read back — no known cell wrong, every cell back when the reading is unique`, () => {
      let unique = 0, wrong: string[] = [];
      for (let seed = 1; seed <= 300; seed++) {
        const r = rng(seed * 7919 + layout.length);
        const truth = consistentTables(r);
        const text = render(truth, layout, r);
        const report = ReportDocument.parse(text).reports()[0].report;
        let allKnown = true;
        for (const [k, value] of truth) {
          const got = say(report, k);
          if (got === 'unknown') { allKnown = false; continue; }
          if (got !== String(value)) wrong.push(`seed ${seed} ${k}: ${got} for ${value}`);
        }
        if (allKnown) unique++;
      }
      assert.deepEqual(wrong.slice(0, 10), []);
      // Most damaged tables still allow one reading only (the figure says how many).
      assert.ok(unique >= WHOLE[layout], `${unique} of 300 read back whole`);
    });
  }
});
