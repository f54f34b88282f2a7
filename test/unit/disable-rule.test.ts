import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import {
  allFindings, directiveText, disableRuleEdits, documentJson, LineIndex, ReportDocument, skeleton2021,
  type DisableScope, type FileSyntax, type OffsetEdit, type PlacedFinding,
} from '../../core/src';
import { fixturePath, SEEDS, seed } from '../support/fixtures';

/*
 * The quick fixes "disable this rule for this line / this file": each writes an inline directive
 * that, re-read, removes exactly the findings it names (that rule on that line, or in the file),
 * changes no other finding, reads every cell the same, and is itself used (no unused-directive).
 */

const OPTIONS = { reportUnusedDisableDirectives: 'warning' as const };
const apply = (t: string, es: OffsetEdit[]) => [...es].sort((a, b) => b.start - a.start).reduce((s, e) => s.slice(0, e.start) + e.newText + s.slice(e.end), t);

/** `text` with the cell `key` of its first report written as `value` (unchanged when the report has no such cell). */
function setCell(text: string, key: string, value: string): string {
  const c = ReportDocument.parse(text).reports()[0].report.cells.get(key);
  return c ? text.slice(0, c.start) + value + text.slice(c.start + c.text.length) : text;
}
/** A row-sum, an appeals-sum and a blank-cell finding where the report has those cells. */
const corrupt = (t: string) => setCell(setCell(setCell(t, 'requests.granted.total', '99'), 'appeals.review.total', '77'), 'active.penalty.decisions', '');

/** Every report's cells as `key=value`: two texts that read alike. */
const cells = (d: ReportDocument) => d.reports().map(p => [...p.report.cells.values()].map(c => `${c.key}=${c.kind}:${c.value}`).join(' ')).join('\n');
const findings = (d: ReportDocument) => documentJson(d, 'en').diagnostics;

/**
 * Applies the fix for `p` and checks the result: the findings are those before, less that rule's
 * on the finding's line (or everywhere, for the file), with the same messages in the same order.
 */
function check(name: string, text: string, doc: ReportDocument, p: PlacedFinding, scope: DisableScope, syntax: FileSyntax): void {
  const edits = disableRuleEdits(doc, p, scope, syntax);
  assert.ok(edits, `${name}: ${p.finding.code} ${scope} (${syntax}) offered`);
  const after = ReportDocument.parse(apply(text, edits), OPTIONS);
  const line = new LineIndex(text).lineOf(p.base + p.finding.start);
  const expected = findings(doc).filter(d => d.code !== p.finding.code || (scope === 'line' && d.range.start.line !== line));
  const said = (ds: ReturnType<typeof findings>) => ds.map(d => `${d.code}: ${d.message}`);
  assert.deepEqual(said(findings(after)), said(expected), `${name}: ${p.finding.code} ${scope} (${syntax}) ${JSON.stringify(edits)}`);
  assert.equal(cells(after), cells(doc), `${name}: the cells read the same`);
  assert.equal(after.reports().length, doc.reports().length, `${name}: as many reports`);
}

function sweep(name: string, text: string, syntaxes: FileSyntax[]): number {
  const doc = ReportDocument.parse(text, OPTIONS);
  let n = 0;
  for (const p of allFindings(doc)) for (const syntax of syntaxes) for (const scope of ['line', 'file'] as const) { check(name, text, doc, p, scope, syntax); n++; }
  return n;
}

describe('quick fixes: disable a rule for a line or the file', () => {
  it('directiveText writes what findDirectives reads: comments and marker lines', () => {
    assert.equal(directiveText('disable-next-line', ['row-sum'], 'marker'), 'nianbao-disable-next-line row-sum');
    assert.equal(directiveText('disable-line', ['row-sum', 'balance'], 'comment'), '<!-- nianbao-disable-line row-sum, balance -->');
    assert.equal(directiveText('disable', ['blank-cell'], 'comment'), '<!-- nianbao-disable blank-cell -->');
  });

  it('on every finding of the seeds, corrupted, in LF and CRLF, as plain text and as Markdown', () => {
    let n = 0;
    for (const f of SEEDS) {
      const t = corrupt(seed(f.slice(0, 3)));
      n += sweep(f, t, ['text', 'markdown']);
      n += sweep(`${f} CRLF`, t.split('\n').join('\r\n'), ['text']);
    }
    assert.ok(n > 80, `${n} fixes tried`);
  });

  it('in a compilation: a line fix acts in its own report, a file fix writes one directive per report that has the finding', () => {
    const comp = SEEDS.map(f => corrupt(seed(f.slice(0, 3)))).join('\n');
    assert.ok(sweep('compilation', comp, ['text', 'markdown']) > 50);
    const doc = ReportDocument.parse(comp);
    const rowSum = allFindings(doc).filter(p => p.finding.code === 'row-sum');
    const reports = new Set(rowSum.map(p => p.report));
    assert.ok(reports.size >= 3);
    assert.equal(disableRuleEdits(doc, rowSum[0], 'file', 'text')!.length, reports.size);
  });

  it('on the real corpus (every finding, and the HTML pages with a total corrupted)', () => {
    for (const dir of ['real', 'real2']) {
      for (const f of readdirSync(fixturePath(dir)).filter(x => /\.(?:txt|html)$/.test(x))) {
        const t = readFileSync(fixturePath(dir, f), 'utf8');
        const html = f.endsWith('.html');
        sweep(f, html ? corrupt(t) : t, html ? ['html'] : ['text', 'markdown']);
      }
    }
  });

  it('the Markdown skeleton, corrupted: comments at the end of the pipe row, inside its last place', () => {
    const t = corrupt(skeleton2021(2024, '某县某局'));
    sweep('skeleton', t, ['markdown']);
    const doc = ReportDocument.parse(t);
    const p = allFindings(doc).find(x => x.finding.code === 'row-sum')!;
    const [e] = disableRuleEdits(doc, p, 'line', 'markdown')!;
    const line = apply(t, [e]).split('\n')[new LineIndex(t).lineOf(p.base + p.finding.start)];
    assert.match(line, /^\| （一）予以公开 .* 99 <!-- nianbao-disable-line row-sum --> \|$/);
    const [file] = disableRuleEdits(doc, p, 'file', 'markdown')!;
    assert.deepEqual(apply(t, [file]).split('\n').slice(0, 2), ['某县某局2024年政府信息公开工作年度报告', '<!-- nianbao-disable row-sum -->']);
  });

  it('plain text outside a table: a marker line above; at the end of a report (a missing section): a block there', () => {
    // Seed 004's sections but the last removed: missing-section at the report's end.
    const s = seed('003');
    const cut = s.slice(0, s.indexOf('六、'));
    const doc = ReportDocument.parse(cut);
    const missing = allFindings(doc).find(p => p.finding.code === 'missing-section')!;
    assert.equal(missing.finding.start, cut.length);
    const [end] = disableRuleEdits(doc, missing, 'line', 'text')!;
    assert.deepEqual(end, { start: cut.length, end: cut.length, newText: 'nianbao-disable missing-section\n' });
    // pingtan-201: a period that is not the whole year, in the narrative.
    const t = readFileSync(fixturePath('real2', 'pingtan-201.txt'), 'utf8');
    const d = ReportDocument.parse(t);
    const period = allFindings(d).find(p => p.finding.code === 'report-date')!;
    const [above] = disableRuleEdits(d, period, 'line', 'text')!;
    const at = new LineIndex(t).lineOf(period.finding.start);
    assert.equal(above.start, t.split('\n').slice(0, at).join('\n').length + 1, 'at the start of the finding\'s line');
    assert.equal(above.newText, 'nianbao-disable-next-line report-date\n');
  });

  it('HTML: a comment at the end of the source line, or after <body> for the file, never inside a tag', () => {
    const t = corrupt(readFileSync(fixturePath('real2', 'putian-208.html'), 'utf8'));
    const doc = ReportDocument.parse(t);
    const p = allFindings(doc).find(x => x.finding.code === 'row-sum')!;
    const [line] = disableRuleEdits(doc, p, 'line', 'html')!;
    assert.equal(line.newText, '<!-- nianbao-disable-line row-sum -->');
    assert.ok(t.lastIndexOf('>', line.start - 1) >= t.lastIndexOf('<', line.start - 1), 'not inside a tag');
    const [file] = disableRuleEdits(doc, p, 'file', 'html')!;
    assert.match(t.slice(0, file.start), /<body[^>]*>$/i);
  });

  it('none for the findings about directives themselves', () => {
    const t = '<!-- nianbao-disable rowsum -->\n' + seed('002');
    const doc = ReportDocument.parse(t);
    const p = allFindings(doc).find(x => x.finding.code === 'invalid-directive')!;
    assert.equal(disableRuleEdits(doc, p, 'line', 'text'), null);
    assert.equal(disableRuleEdits(doc, p, 'file', 'markdown'), null);
  });
});
