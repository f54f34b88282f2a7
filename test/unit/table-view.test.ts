import { strict as assert } from 'node:assert';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { ReportDocument, skeleton2021, tableViewBody, tableViewPage, type PlacedReport } from '../../core/src';
import { real, seed } from '../support/fixtures';

const only = (text: string): PlacedReport => { const d = ReportDocument.parse(text); assert.equal(d.reports().length, 1); return d.reports()[0]; };
const render = (p: PlacedReport, lang: 'zh' | 'en' = 'zh') => parseDocument(tableViewBody(p.report, p.findings, lang));
type Dom = ReturnType<typeof parseDocument>;
/** The `<td>` of a cell key. */
function td(dom: Dom, key: string): Element {
  const e = DomUtils.findOne(n => n.name === 'td' && n.attribs['data-key'] === key, dom.children, true);
  assert.ok(e, `a cell ${key}`);
  return e;
}
const classes = (e: Element) => (e.attribs.class ?? '').split(/\s+/);
const text = (e: Element) => DomUtils.textContent(e);
/** The figure shown in a cell (its text without the expected-value and candidates notes). */
const shown = (e: Element) => DomUtils.textContent(e.children.filter(c => !(c.type === 'tag' && /expected|candidates/.test((c as Element).attribs.class ?? ''))));

/** Seed text with the 7th figure after the （一）予以公开 label (its 总计, one cell per line) replaced. */
function withGrantedTotal(text: string, value: string): string {
  const lines = text.split('\n');
  let i = lines.findIndex(l => /^\s*[（(]一[)）]\s*予以公[开開]/.test(l));
  for (let seen = 0; ++i < lines.length;) if (/^\s*\d+\s*$/.test(lines[i]) && ++seen === 7) { lines[i] = lines[i].replace(/\d+/, value); break; }
  return lines.join('\n');
}

describe('table view renderer (pure HTML)', () => {
  it('draws seed 002 as three grids with every cell value, in the national layout', () => {
    const p = only(seed('002'));
    const dom = render(p);
    const tables = DomUtils.findAll(n => n.name === 'table', dom.children);
    assert.deepEqual(tables.map(t => t.attribs.class), ['grid active', 'grid requests', 'grid appeals']);
    // Every cell of the report is drawn once, with its value.
    for (const c of p.report.cells.values()) {
      const e = td(dom, c.key);
      if (c.kind === 'number') assert.equal(shown(e), c.value, c.key);
    }
    assert.equal(shown(td(dom, 'requests.granted.total')), '7');
    assert.deepEqual(['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map(c => shown(td(dom, `requests.new.${c}`))),
      ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map(c => p.report.cells.get(`requests.new.${c}`)!.value));
    // Row and column labels as printed: 三、本年度办理结果 spans the result rows, （三）不予公开 its eight.
    const ths = DomUtils.findAll(n => n.name === 'th', [tables[1]]);
    const th = (t: string) => ths.find(h => text(h) === t)!;
    assert.equal(th('三、本年度办理结果').attribs.rowspan, '22', 'granted, partial, 8 + 3 + 5 + 3 sub-rows, total');
    assert.equal(th('（三）不予公开').attribs.rowspan, '8');
    assert.equal(th('法人或其他组织').attribs.colspan, '5');
    assert.ok(th('3.危及“三安全一稳定”'));
    const heads = DomUtils.findAll(n => n.name === 'th', [tables[2]]).map(text);
    assert.deepEqual(heads.slice(0, 4), ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉']);
    // A clean report lists no problem.
    assert.equal(DomUtils.findAll(n => n.name === 'li' && /finding/.test(n.attribs.class ?? ''), dom.children).length, 0);
  });

  it('a wrong total is red with its expected value, and every cell of the failing relation names the finding', () => {
    const p = only(withGrantedTotal(seed('002'), '9'));
    const dom = render(p);
    const cell = td(dom, 'requests.granted.total');
    assert.ok(classes(cell).includes('wrong'), cell.attribs.class);
    assert.equal(shown(cell), '9');
    assert.match(text(cell), /应为 7/);
    const i = p.findings.findIndex(f => f.cells[0] === 'requests.granted.total');
    assert.ok(i >= 0);
    for (const key of p.findings[i].cells) assert.ok((td(dom, key).attribs['data-f'] ?? '').split(' ').includes(String(i)), key);
    const li = DomUtils.findOne(n => n.name === 'li' && n.attribs['data-finding'] === String(i), dom.children, true)!;
    assert.equal(li.attribs['data-first'], 'requests.granted.total');
    assert.match(text(td(render(p, 'en'), 'requests.granted.total')), /should be 7/);
  });

  it('pingtan-001: the solved 本年新收 row (12,0,0,0,0,0,12), layout-placed cells and unknown cells with their candidates are told apart', () => {
    const p = only(real('pingtan-001.txt'));
    const dom = render(p);
    const row = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map(c => td(dom, `requests.new.${c}`));
    assert.deepEqual(row.map(shown), ['12', '0', '0', '0', '0', '0', '12']);
    for (const e of row) assert.ok(classes(e).includes('solved'), e.attribs.class);
    assert.ok(classes(td(dom, 'requests.carried.natural')).includes('layout'));
    assert.ok(!classes(td(dom, 'requests.total.natural')).some(c => c === 'layout' || c === 'solved'), 'written as is');
    const unknown = td(dom, 'active.normative.made');
    assert.ok(classes(unknown).includes('unknown'));
    assert.equal(shown(unknown), '?');
    assert.match(text(unknown), /2 \| 22 \| 222 \| 2222/);
  });

  it('a blank cell, a / cell and a missing row each look different', () => {
    const sk = skeleton2021(2024)
      .replace(/^(\| （一）予以公开 +\| +)0/m, (_, a: string) => a + ' ')
      .replace(/^(\| （二）部分公开[^|]*\| +)0/m, (_, a: string) => a + '/')
      .replace(/^\| 2\.重复申请[^\n]*\n/m, '');
    const p = only(sk);
    const dom = render(p);
    assert.equal(p.report.cells.get('requests.granted.natural')!.kind, 'blank');
    assert.ok(classes(td(dom, 'requests.granted.natural')).includes('blank'));
    assert.ok(classes(td(dom, 'requests.partial.natural')).includes('na'));
    assert.equal(shown(td(dom, 'requests.partial.natural')), '/');
    assert.ok(classes(td(dom, 'requests.rejected2.natural')).includes('missing'));
    assert.ok(classes(td(dom, 'requests.granted.business')).includes('number'));
  });

  it('the page: a strict Content-Security-Policy, one script with the nonce, no remote content; zh and en', () => {
    const p = only(seed('000'));
    const page = tableViewPage({ nonce: 'n0nce42', cspSource: 'vscode-webview://x', scriptUri: 'vscode-webview://x/tableView.js', styleUri: 'vscode-webview://x/tableView.css', lang: 'en', body: tableViewBody(p.report, p.findings, 'en') });
    const dom = parseDocument(page);
    const csp = DomUtils.findOne(n => n.name === 'meta' && n.attribs['http-equiv'] === 'Content-Security-Policy', dom.children, true)!.attribs.content;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-n0nce42'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    const scripts = DomUtils.findAll(n => n.name === 'script', dom.children);
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0].attribs.nonce, 'n0nce42');
    assert.doesNotMatch(page, /https?:\/\//);
    assert.doesNotMatch(page, / style=/, 'no inline styles (the policy forbids them)');
    assert.equal(DomUtils.findOne(n => n.name === 'html', dom.children, true)!.attribs.lang, 'en');
    assert.match(page, /Legend/);
    assert.match(tableViewBody(p.report, p.findings, 'zh'), /图例/);
    assert.match(tableViewBody(null, [], 'en'), /No report at the cursor/);
  });

  it('escapes the report\'s own text', () => {
    const sk = skeleton2021(2024, '<script>alert(1)</script>');
    const p = only(sk);
    const body = tableViewBody(p.report, p.findings, 'zh');
    assert.doesNotMatch(body, /<script>/);
    assert.match(body, /&lt;script&gt;/);
  });
});
