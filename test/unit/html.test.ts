import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { inlayHints, ReportDocument, type PlacedReport } from '../../core/src';
import { renderHtml } from '../../core/src/text/html';
import { MAX_COLSPAN, MAX_ROWSPAN, readSpan } from '../../core/src/text/html/tables';
import { fixturePath, SEEDS, seed } from '../support/fixtures';

const page = (name: string) => readFileSync(fixturePath('html', name), 'utf8');
const only = (text: string): PlacedReport => { const d = ReportDocument.parse(text); assert.equal(d.reports().length, 1); return d.reports()[0]; };
const errors = (p: PlacedReport) => p.findings.filter(f => f.severity === 'error').map(f => `${f.code}: ${f.message.zh}`);
/** The rendered lines that hold something, white space runs as one space. */
const lines = (html: string) => renderHtml(html).text.split('\n').map(l => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
/** Cells by key as `kind:value`. */
const cellsOf = (p: PlacedReport, prefix = '') => new Map([...p.report.cells].filter(([k]) => k.startsWith(prefix)).map(([k, c]) => [k, `${c.kind}:${c.value ?? c.text}`] as const));

const COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
/** The requests table written in the Word and WPS fixtures (generated once, by hand, to these figures). */
const REQUESTS: Record<string, number[]> = {
  new: [250, 15, 0, 3, 2, 1, 271], carried: [5, 0, 0, 0, 0, 0, 5], granted: [120, 8, 0, 1, 1, 0, 130], partial: [10, 1, 0, 0, 0, 0, 11],
  denied1: [2, 0, 0, 0, 0, 0, 2], denied2: [0, 0, 0, 0, 0, 0, 0], denied3: [1, 0, 0, 0, 0, 0, 1], denied4: [3, 1, 0, 0, 0, 0, 4],
  denied5: [0, 0, 0, 0, 0, 0, 0], denied6: [2, 0, 0, 0, 0, 0, 2], denied7: [0, 0, 0, 0, 0, 0, 0], denied8: [1, 0, 0, 0, 0, 0, 1],
  unable1: [40, 2, 0, 1, 0, 0, 43], unable2: [10, 0, 0, 0, 0, 0, 10], unable3: [5, 0, 0, 0, 0, 0, 5],
  rejected1: [8, 0, 0, 0, 0, 0, 8], rejected2: [6, 0, 0, 0, 0, 0, 6], rejected3: [0, 0, 0, 0, 0, 0, 0], rejected4: [0, 0, 0, 0, 0, 0, 0],
  rejected5: [1, 0, 0, 0, 0, 0, 1], other1: [12, 1, 0, 0, 0, 0, 13], other2: [0, 0, 0, 0, 0, 0, 0], other3: [4, 0, 0, 0, 0, 1, 5],
  total: [225, 13, 0, 2, 1, 1, 242], carryover: [30, 2, 0, 1, 1, 0, 34],
};
/** The one cell the fixtures leave blank (`<o:p>&nbsp;</o:p>`). */
const BLANK = 'requests.rejected3.otherOrg';
const APPEALS = [3, 1, 0, 1, 5, 2, 0, 0, 1, 3, 1, 0, 0, 0, 1];
const ACTIVE = { 'rules.issued': '0', 'rules.repealed': '0', 'rules.inForce': '3', 'normative.issued': '5', 'normative.repealed': '2', 'normative.inForce': '40',
  'licensing.decisions': '1039', 'penalty.decisions': '38', 'enforcement.decisions': '0', 'fees.amount': '60.2642' };

/** Whether source offset `o` lies inside a `<td>` element's content (after its start tag, before its end). */
function insideCell(html: string, o: number): boolean {
  const open = html.lastIndexOf('<td', o - 1), close = html.lastIndexOf('</td', o - 1);
  return open > close && html.indexOf('>', open) < o && html.indexOf('</td', o) >= o;
}

describe('HTML: rowspan and colspan laid out as a grid', () => {
  it('a label spanning columns is one place; a group label spanning rows stands once', () => {
    assert.deepEqual(lines('<table><tr><td rowspan=2>三、结果</td><td colspan=2>（一）予以公开</td><td>1</td><td>2</td></tr><tr><td colspan=2>（二）部分公开</td><td>3</td><td>4</td></tr></table>'),
      ['三、结果 | （一）予以公开 | 1 | 2', '（二）部分公开 | 3 | 4']);
  });

  it('an empty cell spanning columns is a blank per column the table defines; a figure spanning them is one value', () => {
    const head = '<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>';
    assert.deepEqual(lines(`<table>${head}<tr><td>规章</td><td colspan=3></td></tr><tr><td>行政许可</td><td colspan="3">9272</td></tr></table>`).slice(1), ['规章 | | |', '行政许可 | 9272']);
    // Every column two wide: a blank spanning two is one cell.
    assert.deepEqual(lines('<table><tr><td>甲</td><td colspan=2>1</td><td colspan=2>2</td></tr><tr><td>乙</td><td colspan=2></td><td colspan=2>3</td></tr></table>'), ['甲 | 1 | 2', '乙 | | 3']);
  });

  it('a figure spanning rows leaves a blank in its column below, so the values after it keep their columns', () => {
    assert.deepEqual(lines('<table><tr><td>甲</td><td rowspan=2>5</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></table>'), ['甲 | 5 | 1', '乙 | | 2']);
  });

  it('blank cells in a label column (a group Word did not merge) are not values', () => {
    assert.deepEqual(lines('<table><tr><td>（五）不予处理</td><td>1.信访举报投诉类申请</td><td>0</td></tr><tr><td>&nbsp;</td><td>2.重复申请</td><td>0</td></tr></table>'),
      ['（五）不予处理 | 1.信访举报投诉类申请 | 0', '2.重复申请 | 0']);
  });

  it('a rowspan ends with its row group; rowspan=0 reaches the end of the group', () => {
    assert.deepEqual(lines('<table><tbody><tr><td rowspan=3>5</td><td>1</td></tr></tbody><tbody><tr><td>2</td></tr></tbody></table>'), ['5 | 1', '2']);
    assert.deepEqual(lines('<table><tr><td rowspan=0></td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></table>'), ['| 1', '| 2', '| 3']);
  });

  it('a blank in a place a spanning cell covers is marked, and gets no fix of its own', () => {
    const r = renderHtml('<table><tr><td>甲</td><td rowspan=2>5</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></table>');
    assert.equal(r.spanned.length, 3);
    const at = r.spanned[0];
    assert.equal(r.text.slice(at, at + 3), ' | ');
    assert.ok(r.text.slice(0, at).replace(/\s+/g, ' ').endsWith('乙 | '), 'the layout after the covered place of the second row');
    assert.equal(r.text.slice(at + 3).trim(), '2');
  });

  it('cells without end tags, rows without <tr>, and a row\'s cells closed by the next row', () => {
    assert.deepEqual(lines('<table><td>甲<td>1<td>2<tr><td>乙<td>3<td>4</table>'), ['甲 | 1 | 2', '乙 | 3 | 4']);
  });

  it('a table in a cell is nested; text in a table outside its cells comes before the table, as a browser shows it', () => {
    assert.deepEqual(lines('<table><tr><td>外<table><tr><td>内</td><td>1</td></tr></table></td><td>2</td></tr></table>'), ['外', '内 | 1', '| 2']);
    assert.deepEqual(lines('<table><tr><td>1</td></tr>注：单位为件<tr><td>2</td></tr></table>'), ['注：单位为件', '1', '2']);
  });

  it('spans are read as browsers read them, and capped as they cap them', () => {
    assert.equal(readSpan('3', false), 3);
    assert.equal(readSpan(' +4x', false), 4);
    assert.equal(readSpan('abc', false), 1);
    assert.equal(readSpan('0', false), 1);
    assert.equal(readSpan('5000', false), MAX_COLSPAN);
    assert.equal(readSpan('99999999999', false), MAX_COLSPAN);
    assert.equal(readSpan('0', true), MAX_ROWSPAN);
    assert.equal(readSpan('70000', true), MAX_ROWSPAN);
    assert.equal(readSpan(undefined, true), 1);
  });

  it('a grid much larger than its cells is not laid out: each cell is one place', () => {
    const head = '<tr><td>a</td><td>b</td><td>c</td><td>d</td><td>e</td><td>f</td></tr>';
    assert.deepEqual(lines(`<table>${head}<tr><td colspan=5></td><td>1</td></tr></table>`)[1], '| | | | | 1');
    // Laid out, the empty cell would be six blanks (the six columns the first row defines).
    assert.deepEqual(lines(`<table>${head}<tr><td colspan=1000></td><td>1</td></tr></table>`)[1], '| 1');
    // 10,000 rows of cells spanning 65,534 rows: each row would be one column wider than the last.
    const r = renderHtml(`<table>${'<tr><td rowspan=65534>1</td></tr>'.repeat(10000)}</table>`);
    assert.equal(r.text.split('|').length - 1, 0);
    assert.equal(r.text.replace(/\s/g, ''), '1'.repeat(10000));
  });

  it('entities: a figure written as a reference maps back to it; &nbsp without ";" is a space, as in a browser', () => {
    const html = '<table><tr><td>甲</td><td>&#49;&#50;</td><td>&nbsp&nbsp;3</td></tr></table>';
    const r = renderHtml(html);
    assert.deepEqual(lines(html), ['甲 | 12 | 3']);
    const i = r.text.indexOf('12');
    assert.equal(html.slice(r.map[i], r.ends[i + 1]), '&#49;&#50;');
    const j = r.text.indexOf('3');
    assert.equal(html.slice(r.map[j], r.ends[j]), '3');
  });
});

for (const [name, kind] of [['word-spans.html', 'Word (MsoNormal paragraphs, <o:p>, conditional comments)'], ['wps-spans.html', 'WPS (runs of <span> in cells, a row a line)']]) {
  describe(`HTML as ${kind} publishes it: labels spanning 2–3 columns and 22 rows`, () => {
    const html = page(name);
    const p = only(html);

    it('reads whole, with no error (only the one blank cell is a warning)', () => {
      assert.equal(p.report.title, '某县应急管理局2023年政府信息公开工作年度报告');
      assert.deepEqual(p.report.sections.map(s => s.number), [1, 2, 3, 4, 5, 6]);
      assert.deepEqual(errors(p), []);
      assert.deepEqual(p.findings.map(f => `${f.code} ${f.cells.join(',')}`), [`blank-cell ${BLANK}`]);
    });

    it('every cell is read in its column', () => {
      const want = new Map<string, string>();
      for (const [row, values] of Object.entries(REQUESTS)) values.forEach((v, i) => want.set(`requests.${row}.${COLUMNS[i]}`, `number:${v}`));
      want.set(BLANK, 'blank:');
      ['review', 'suitDirect', 'suitAfterReview'].forEach((g, i) => ['upheld', 'corrected', 'other', 'pending', 'total'].forEach((c, j) => want.set(`appeals.${g}.${c}`, `number:${APPEALS[5 * i + j]}`)));
      for (const [k, v] of Object.entries(ACTIVE)) want.set(`active.${k}`, `number:${v}`);
      assert.deepEqual(cellsOf(p), want);
    });

    it('each figure\'s range lies on its text inside its cell; a blank\'s inside its empty cell', () => {
      for (const [k, c] of p.report.cells) {
        assert.ok(insideCell(html, c.start), `${k} starts inside a <td>`);
        if (c.kind === 'blank') { assert.equal(c.end, c.start); continue; }
        assert.ok(c.end > c.start, `${k} is not zero-width`);
        // 271 is written over two runs (`2</span><span…>71`): its range covers both.
        assert.equal(html.slice(c.start, c.end).replace(/<[^>]*>/g, ''), c.text, k);
      }
    });

    it('a figure missing from its cell: the fix writes it inside the cell, and the page reads whole again', () => {
      const c = p.report.cells.get('requests.total.total')!;
      const bad = html.slice(0, c.start) + html.slice(c.end);
      const fix = only(bad).findings.find(x => x.fix?.key === 'requests.total.total')?.fix;
      assert.ok(fix, 'a fix for the blank total');
      assert.ok(insideCell(bad, fix.start));
      const fixed = only(bad.slice(0, fix.start) + fix.newText + bad.slice(fix.end));
      assert.deepEqual(cellsOf(fixed), cellsOf(p));
    });

    it('inlay hints sit inside their cells', () => {
      const hints = inlayHints(ReportDocument.parse(html), 0, html.length, true);
      assert.ok(hints.length >= 30, `${hints.length} hints`);
      for (const h of hints) assert.ok(insideCell(html, h.offset), `${h.label} at ${h.offset}`);
    });

    it('a wrong total is found on its cell, and its fix writes the right figure in place', () => {
      const c = p.report.cells.get('requests.total.total')!;
      const bad = html.slice(0, c.start) + '243' + html.slice(c.end);
      const f = only(bad).findings.filter(x => x.severity === 'error');
      assert.ok(f.length > 0 && f.every(x => x.cells.includes('requests.total.total')), f.map(x => x.message.zh).join('\n'));
      const fix = f.find(x => x.fix)?.fix;
      assert.ok(fix, 'a fix');
      assert.equal(bad.slice(0, fix.start) + fix.newText + bad.slice(fix.end), html);
    });

    it('a label cell spanning two columns is one place: the total row reads in its columns', () => {
      assert.ok(lines(html).includes('（七）总计 | 225 | 13 | 0 | 2 | 1 | 1 | 242'));
    });
  });
}

describe('HTML: real published pages read as their text twins (corpus real2)', () => {
  for (const name of ['putian-207', 'putian-208', 'putian-216']) {
    it(`${name}: no error, and the same requests and appeals cells as the text`, () => {
      const h = only(readFileSync(fixturePath('real2', `${name}.html`), 'utf8'));
      const t = only(readFileSync(fixturePath('real2', `${name}.txt`), 'utf8'));
      assert.deepEqual(errors(h), []);
      assert.deepEqual(errors(t), []);
      const hc = new Map([...cellsOf(h, 'requests.'), ...cellsOf(h, 'appeals.')]);
      assert.equal(hc.size, 190);
      assert.deepEqual([...hc.values()].filter(v => !v.startsWith('number:')), [], 'every cell of the page is a figure');
      assert.deepEqual(hc, new Map([...cellsOf(t, 'requests.'), ...cellsOf(t, 'appeals.')]));
      // The active table: the same wherever the text is certain (a collapsed row of the text may not be).
      const ha = cellsOf(h, 'active.');
      for (const [k, v] of cellsOf(t, 'active.')) if (!v.startsWith('unknown:')) assert.equal(ha.get(k), v, k);
    });
  }
});

describe('HTML: what a browser renders', () => {
  const html = page('wps-spans.html');
  const base = only(html);
  const same = (other: string, what: string) => {
    const p = only(other);
    assert.deepEqual(p.findings.map(f => `${f.code} ${f.message.zh}`), base.findings.map(f => `${f.code} ${f.message.zh}`), what);
    assert.deepEqual(cellsOf(p), cellsOf(base), what);
    assert.deepEqual(p.report.sections.map(s => s.number), [1, 2, 3, 4, 5, 6], what);
  };

  it('the optional </head>, <body> and </body> left out (valid HTML): the same report', () => {
    const bare = html.replace('</head>', '').replace(/<body[^>]*>/, '').replace('</body>', '').replace('</html>', '');
    assert.ok(!/<\/head>|<body/.test(bare));
    same(bare, 'without </head> and <body>');
    same(bare.replace(/<head>/, ''), 'without <head> either');
  });

  it('cells indented with tabs and line ends in the page\'s source: white space, not cell borders', () => {
    same(html.replace(/<td([^>]*)>/g, '<td$1>\n\t\t\t').replace(/<\/td>/g, '\n\t\t</td>'), 'tab-indented cells');
    same(html.replace(/<o:p>&nbsp;<\/o:p>/g, '&#9;&nbsp;&#10;'), 'a cell of &#9; and &#10;');
  });

  it('a report pasted into <pre>: its lines and tabs are its layout, as in the text', () => {
    for (const name of SEEDS) {
      const text = seed(name.slice(0, 3));
      const page = `<!DOCTYPE html><html><head><title>年报</title></head><body><pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\t/g, '&#9;')}</pre></body></html>`;
      const p = only(page), t = only(text);
      assert.deepEqual(cellsOf(p), cellsOf(t), name);
      assert.deepEqual(p.findings.map(f => f.code), t.findings.map(f => f.code), name);
    }
  });

  // Each holds what would read as a section heading and a table row, were it rendered.
  const JUNK = '<p>三、收到和处理政府信息公开申请情况</p><table><tr><td>（七）总计</td><td>9</td><td>9</td><td>9</td></tr></table>';
  const hidden: [string, string][] = [
    ['<noscript>', `<noscript>${JUNK}</noscript>`],
    ['<template>', `<template><div>${JUNK}<template>${JUNK}</template>${JUNK}</div></template>`],
    ['<textarea>', `<textarea>${JUNK}</textarea>`],
    ['<xmp>', `<xmp>${JUNK}</xmp>`],
    ['<script>', `<script>if (a < b && c) document.write('${JUNK}');</script>`],
    ['<style>', `<style>td:after { content: "${JUNK.replace(/"/g, "'")}" }</style>`],
    ['a <title> in the body', '<title>三、收到和处理政府信息公开申请情况 （七）总计 9 9 9</title>'],
  ];
  for (const [what, junk] of hidden) {
    it(`${what}: its content is not report text`, () => {
      const at = html.indexOf('<p class=MsoNormal style=\'text-indent:32.0pt\'><b><span lang=ZH-CN style=\'font-size:16.0pt;font-family:黑体\'>二、');
      assert.ok(at > 0);
      const injected = html.slice(0, at) + junk + html.slice(at);
      const visible = (h: string) => renderHtml(h).text.replace(/\s+/g, '');
      assert.equal(visible(injected), visible(html), 'nothing of it is rendered');
      same(injected, what);
    });
  }
});
