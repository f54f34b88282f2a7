import { strict as assert } from 'node:assert';
import { LineIndex, ReportDocument } from '../../core/src';
import { TestClient } from '../support/lspClient';
import { SEEDS, seed } from '../support/fixtures';

/*
 * Folding and sticky scroll on the seeds: a section folds from its heading to the line before the
 * next one, a table's symbol (its range and its selection) starts at the heading that names it, and
 * Fold All leaves the title and the six headings in view. VS Code's sticky scroll pins each symbol's
 * selection line and merges a child selected on its parent's line, so over a table's rows it shows the
 * title and the heading — not the table's first row (规章, 一、本年新收…), as it did when a table's
 * selection was its first row (seen in the browser suite, test/vscode/ui/run.mjs).
 */

interface Fold { startLine: number; endLine: number }
const lines = (ranges: any[]) => ranges.map(r => [r.range.start.line, r.range.end.line]);

describe('language server: folding ranges and symbols for sticky scroll', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(async () => { client = new TestClient(); await client.initialize('zh-cn'); });
  afterEach(async () => { await client.close(); });

  async function open(name: string, text: string): Promise<{ folds: Fold[]; symbols: any[] }> {
    const uri = `file:///test/outline-${name}.txt`;
    const p = client.diagnostics(uri);
    await client.open(uri, text);
    await p;
    return {
      folds: await client.request('textDocument/foldingRange', { textDocument: { uri } }),
      symbols: await client.request('textDocument/documentSymbol', { textDocument: { uri } }),
    };
  }

  it('seed 000: the opening, then each of the six sections from its heading line to the line before the next', async () => {
    const { folds, symbols } = await open('000', seed('000'));
    // Headings on lines 5, 17, 58, 301, 339 and 342 (0-based); the text ends on line 344.
    assert.deepEqual(folds.map(f => [f.startLine, f.endLine]), [[0, 4], [5, 16], [17, 57], [58, 300], [301, 338], [339, 341], [342, 344]]);
    const sections = symbols[0].children;
    assert.deepEqual(lines(sections).map(l => l[0]), [5, 17, 58, 301, 339, 342]);
    // The tables' first rows are on lines 24 (规章), 72 (一、本年新收…) and 302 (行政复议); their ranges
    // and selections start at the headings (the selection is the heading's text).
    const tables = sections.flatMap((s: any) => s.children);
    assert.deepEqual(lines(tables), [[17, 57], [58, 300], [301, 338]]);
    assert.deepEqual(tables.map((t: any) => t.selectionRange.start.line), [17, 58, 301]);
    assert.deepEqual(tables.map((t: any) => t.selectionRange), sections.slice(1, 4).map((s: any) => s.selectionRange));
    assert.deepEqual(tables.map((t: any) => t.name), ['主动公开情况表', '依申请公开情况表', '行政复议、行政诉讼情况表']);
  });

  it('seed 002: the web page\'s header line, then the title with the preamble, fold apart; Fold All leaves the title', async () => {
    const { folds, symbols } = await open('002', seed('002'));
    // line 0: 政府信息公開 (the page's header); line 1: the title; the first heading on line 7
    assert.equal(symbols[0].selectionRange.start.line, 1);
    assert.deepEqual(folds.slice(0, 2).map(f => [f.startLine, f.endLine]), [[1, 6], [7, 30]]);
  });

  it('every seed, and a compilation of them: Fold All leaves each title and section heading visible; a table\'s range starts at its heading', async () => {
    const texts: [string, string][] = SEEDS.map(f => [f.slice(0, 3), seed(f.slice(0, 3))]);
    texts.push(['compilation', texts.map(t => t[1]).join('\n')]);
    for (const [name, text] of texts) {
      const { folds, symbols } = await open(name, text);
      const li = new LineIndex(text);
      const doc = ReportDocument.parse(text);
      const headings = doc.reports().flatMap(p => p.report.sections.map(s => li.lineOf(p.base + s.headingStart)));
      // a report's title line (seed 002's comes after a line of the web page's header), else its first line
      const titles = doc.reports().map(p => li.lineOf(p.base + (p.report.title ? p.report.titleStart : p.report.start)));
      assert.equal(symbols.length, doc.reports().length, name);
      for (const h of [...headings, ...titles]) {
        assert.ok(!folds.some(f => f.startLine < h && h <= f.endLine), `${name}: line ${h} stays visible under Fold All`);
      }
      for (const h of headings) assert.ok(folds.some(f => f.startLine === h), `${name}: a fold at the heading on line ${h}`);
      for (const r of symbols) for (const s of r.children) for (const t of s.children) {
        assert.equal(t.range.start.line, s.range.start.line, `${name}: ${t.name} starts at its heading`);
        assert.equal(t.selectionRange.start.line, s.selectionRange.start.line, `${name}: ${t.name}'s selection is on its heading, as its section's`);
      }
    }
  });
});
