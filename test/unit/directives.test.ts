import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { documentJson, LineIndex, ReportDocument, RULES, type DocumentOptions } from '../../core/src';
import { fixturePath, REAL, real, SEEDS, seed, snapshot } from '../support/fixtures';

/*
 * Inline disable comments on real seeds whose totals were corrupted: each form suppresses exactly
 * the finding it names, on the line it names, in the report it is written in.
 */

const UNUSED: DocumentOptions = { reportUnusedDisableDirectives: 'warning' };

/** `text` with the cell `key` (of the report at `base`) written as `value`. */
function setCell(text: string, key: string, value: string, at = 0): string {
  const placed = ReportDocument.parse(text).reports().find(p => p.base <= at && at < p.base + p.length)!;
  const c = placed.report.cells.get(key)!;
  return text.slice(0, placed.base + c.start) + value + text.slice(placed.base + c.start + c.text.length);
}

/** The 0-based line holding cell `key`. */
function lineOfCell(text: string, key: string, at = 0): number {
  const placed = ReportDocument.parse(text).reports().find(p => p.base <= at && at < p.base + p.length)!;
  return new LineIndex(text).lineOf(placed.base + placed.report.cells.get(key)!.start);
}

/** `text` with `line` inserted before line `n`. */
const insertLine = (text: string, n: number, line: string) => { const ls = text.split('\n'); ls.splice(n, 0, line); return ls.join('\n'); };
/** `text` with `s` appended to line `n`. */
const appendToLine = (text: string, n: number, s: string) => { const ls = text.split('\n'); ls[n] += s; return ls.join('\n'); };

/** The findings as `code@line:character`, and with their severity and message when asked. */
const found = (text: string, options: DocumentOptions = {}) =>
  documentJson(ReportDocument.parse(text, options), 'en').diagnostics.map(d => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
const diagnostics = (text: string, options: DocumentOptions = {}) => documentJson(ReportDocument.parse(text, options), 'en').diagnostics;

// Seed 001 (a value, then an empty line: the layout where empty lines can stand for blank cells),
// its granted total 0 written as 5 (row-sum), and penalties left blank (blank-cell).
const base = seed('001');
const TOTAL = 'requests.granted.total', PENALTY = 'active.penalty.decisions';
const bad = setCell(setCell(base, TOTAL, '5'), PENALTY, '');
const totalLine = lineOfCell(bad, TOTAL);
// The blank-cell finding sits where the blank cell would be, on the label's line.
const blankAt = diagnostics(bad).find(d => d.code === 'blank-cell')!.range.start;
const penaltyLine = blankAt.line;
/** The blank-cell finding, `shift` lines down. */
const blank = (shift = 0) => `blank-cell@${penaltyLine + shift}:${blankAt.character}`;

describe('inline disable comments', () => {
  it('the corrupted seed has exactly the two findings the directives are tried on', () => {
    assert.deepEqual(found(base), []);
    assert.deepEqual(found(bad), [blank(), `row-sum@${totalLine}:0`]);
  });

  for (const [form, line] of [['comment (.md, .txt)', '<!-- nianbao-disable-next-line row-sum -->'], ['marker line (.txt)', 'nianbao-disable-next-line row-sum']]) {
    it(`next line, as a ${form}: only that rule on that line`, () => {
      const text = insertLine(bad, totalLine, line);
      assert.deepEqual(found(text, UNUSED), [blank()]);
      assert.deepEqual(found(text.split('\n').join('\r\n'), UNUSED), [blank()], 'CRLF');
      // The blank-cell finding is an empty span at the end of its label's line: covered too.
      assert.equal(base.split('\n')[penaltyLine].trimEnd().length, blankAt.character);
      assert.deepEqual(found(insertLine(bad, penaltyLine, line.replace('row-sum', 'blank-cell')), UNUSED), [`row-sum@${totalLine + 1}:0`]);
      // Above another line, it suppresses nothing there, and says so when asked.
      const elsewhere = insertLine(bad, totalLine - 2, line);
      assert.deepEqual(found(elsewhere), [blank(), `row-sum@${totalLine + 1}:0`]);
      assert.deepEqual(found(elsewhere, UNUSED), [blank(), `unused-directive@${totalLine - 2}:0`, `row-sum@${totalLine + 1}:0`]);
    });
  }

  it('next line names another rule: the finding stays, the directive is unused', () => {
    const text = insertLine(bad, totalLine, '<!-- nianbao-disable-next-line blank-cell, balance -->');
    const d = diagnostics(text, UNUSED);
    assert.deepEqual(d.map(x => x.code), ['blank-cell', 'unused-directive', 'row-sum']);
    assert.equal(d[1].severity, 'warning');
    assert.equal(d[1].message, 'Unused nianbao-disable-next-line directive (no problems were reported from blank-cell or balance)');
    assert.deepEqual(d[1].range, { start: { line: totalLine, character: 0 }, end: { line: totalLine, character: 54 } });
    assert.equal(diagnostics(text, { reportUnusedDisableDirectives: 'error' })[1].severity, 'error');
    assert.deepEqual(found(text, { reportUnusedDisableDirectives: 'off' }), found(text));
  });

  it('on its own line, written after the figure', () => {
    const text = appendToLine(bad, totalLine, ' <!-- nianbao-disable-line row-sum -- checked with the office -->');
    assert.deepEqual(found(text, UNUSED), [blank()]);
    // The figure is read as before: the comment is not a cell of the row.
    assert.equal(ReportDocument.parse(text).reports()[0].report.cells.get(TOTAL)?.value, '5');
  });

  it('a block, as comments and as marker lines, ends at its enable', () => {
    for (const [open, close] of [['<!-- nianbao-disable row-sum, blank-cell -->', '<!-- nianbao-enable -->'], ['nianbao-disable row-sum blank-cell', 'nianbao-enable']]) {
      // Around both findings: both suppressed.
      let text = insertLine(insertLine(bad, totalLine + 1, close), penaltyLine - 1, open);
      assert.deepEqual(found(text, UNUSED), [], open);
      // Closed before the total: only the blank cell is suppressed, and row-sum was named for nothing.
      text = insertLine(insertLine(bad, totalLine - 1, close), penaltyLine - 1, open);
      assert.deepEqual(found(text), [`row-sum@${totalLine + 2}:0`], open);
      const d = diagnostics(text, UNUSED);
      assert.deepEqual(d.map(x => `${x.code}@${x.range.start.line}`), [`unused-directive@${penaltyLine - 1}`, `row-sum@${totalLine + 2}`], open);
      assert.equal(d[0].message, 'Unused nianbao-disable directive (no problems were reported from row-sum)');
    }
  });

  it('an enable of one rule ends the block for that rule only', () => {
    const text = insertLine(insertLine(bad, penaltyLine + 1, '<!-- nianbao-enable blank-cell -->'), 0, '<!-- nianbao-disable -->');
    assert.deepEqual(found(text, UNUSED), []);
    const reopened = insertLine(insertLine(bad, penaltyLine - 1, '<!-- nianbao-enable blank-cell -->'), 0, '<!-- nianbao-disable -->');
    assert.deepEqual(found(reopened, UNUSED), [blank(2)]);
  });

  it('without an enable, a block runs to the end of its report; without codes it covers every rule', () => {
    assert.deepEqual(found(insertLine(bad, 0, '<!-- nianbao-disable -->'), UNUSED), []);
    assert.deepEqual(found(insertLine(bad, totalLine, 'nianbao-disable'), UNUSED), [blank()]);
  });

  it('unused blocks and enables are reported at the directive, only when asked', () => {
    const text = insertLine(insertLine(bad, 3, '<!-- nianbao-enable row-sum -->'), 2, '<!-- nianbao-disable balance -->');
    assert.deepEqual(found(text), [blank(2), `row-sum@${totalLine + 2}:0`]);
    const d = diagnostics(text, UNUSED);
    assert.deepEqual(d.map(x => `${x.code}@${x.range.start.line}`), ['unused-directive@2', 'unused-directive@4', `blank-cell@${penaltyLine + 2}`, `row-sum@${totalLine + 2}`]);
    assert.equal(d[0].message, 'Unused nianbao-disable directive (no problems were reported from balance)');
    assert.equal(d[1].message, 'Unused nianbao-enable directive (no matching nianbao-disable for row-sum)');
    assert.equal(diagnostics(insertLine(bad, 2, 'nianbao-enable'), UNUSED)[0].message, 'Unused nianbao-enable directive (no rule was disabled before it)');
  });

  it('an unknown rule code is an error at the code, whatever the option, and acts on no rule', () => {
    const text = insertLine(bad, totalLine, '<!-- nianbao-disable-next-line rowsum -->');
    const d = diagnostics(text);
    assert.deepEqual(d.map(x => x.code), ['blank-cell', 'invalid-directive', 'row-sum']);
    assert.equal(d[1].severity, 'error');
    assert.equal(d[1].message, 'Unknown rule code "rowsum" in a directive (the rule codes are listed in docs/rules)');
    assert.deepEqual(d[1].range, { start: { line: totalLine, character: 31 }, end: { line: totalLine, character: 37 } });
    // Beside a known code, the known one still acts.
    assert.deepEqual(found(insertLine(bad, totalLine, 'nianbao-disable-next-line rowsum, row-sum'), UNUSED), [blank(), `invalid-directive@${totalLine}:26`]);
  });

  it('an unknown directive word is an error; the directives’ own findings cannot be disabled', () => {
    const text = insertLine(bad, totalLine, '<!-- nianbao-disable-nextline row-sum -->');
    const d = diagnostics(text);
    assert.deepEqual(d.map(x => x.code), ['blank-cell', 'invalid-directive', 'row-sum']);
    assert.match(d[1].message, /^Unknown directive nianbao-disable-nextline: use nianbao-disable/);
    const own = diagnostics(insertLine(bad, 0, 'nianbao-disable invalid-directive'));
    assert.deepEqual(own.map(x => x.code), ['invalid-directive', 'blank-cell', 'row-sum']);
    assert.match(own[0].message, /cannot be turned off by a directive/);
  });

  it('the directives’ rules are documented like every rule: a page each and a row in the rules list', () => {
    const list = readFileSync(fixturePath('..', '..', 'docs', 'rules', 'README.md'), 'utf8');
    for (const { code } of RULES) {
      assert.ok(existsSync(fixturePath('..', '..', 'docs', 'rules', `${code}.md`)), code);
      assert.ok(list.includes(`| [\`${code}\`](${code}.md) |`), code);
    }
    assert.ok(RULES.some(r => r.code === 'invalid-directive') && RULES.some(r => r.code === 'unused-directive'));
  });

  it('a text that holds no report gets no findings about the directives it shows', () => {
    const page = readFileSync(fixturePath('..', '..', 'docs', 'rules', 'README.md'), 'utf8');
    assert.ok(page.includes('nianbao-disable-next-line'));
    assert.deepEqual(found(page, UNUSED), ['not-a-report@0:0']);
  });

  it('a directive line anywhere in a seed does not change how it is read', () => {
    for (const name of SEEDS) {
      const text = seed(name.slice(0, 3));
      const lines = text.split('\n').length;
      const before = documentJson(ReportDocument.parse(text), 'en');
      const values = (j: typeof before) => Object.entries(j.reports[0].cells).map(([k, c]) => `${k}=${c.kind}:${c.value}`).join(' ');
      for (let n = 1; n < lines; n++) {
        for (const line of ['<!-- nianbao-disable-next-line row-sum -->', 'nianbao-disable-next-line row-sum']) {
          const after = documentJson(ReportDocument.parse(insertLine(text, n, line)), 'en');
          assert.equal(values(after), values(before), `${name}: ${line} before line ${n}`);
          assert.deepEqual(after.diagnostics.map(d => d.code), before.diagnostics.map(d => d.code), `${name}: ${line} before line ${n}`);
        }
      }
    }
  });
});

describe('inline disable comments in HTML', () => {
  // putian-207.html: the whole archived page, every cell in its own source lines; its granted total 2 written as 5.
  const page = readFileSync(fixturePath('real2', 'putian-207.html'), 'utf8');
  const wrong = setCell(page, TOTAL, '5');
  const line = lineOfCell(wrong, TOTAL);
  const column = diagnostics(wrong)[0]?.range.start.character;

  it('a comment in the page source covers the next source line, or a block', () => {
    assert.deepEqual(found(page), []);
    assert.deepEqual(found(wrong), [`row-sum@${line}:${column}`]);
    assert.equal(wrong.split('\n')[line].slice(column, column + 1), '5');
    assert.deepEqual(found(insertLine(wrong, line, '<!-- nianbao-disable-next-line row-sum -->'), UNUSED), []);
    assert.deepEqual(found(insertLine(wrong, line, '<!-- nianbao-disable-line row-sum -->'), UNUSED), [`unused-directive@${line}:0`, `row-sum@${line + 1}:${column}`]);
    assert.deepEqual(found(appendToLine(wrong, line, '<!-- nianbao-disable-line row-sum -->'), UNUSED), []);
    assert.deepEqual(found(insertLine(insertLine(wrong, line + 1, '<!-- nianbao-enable row-sum -->'), line - 40, '<!-- nianbao-disable row-sum -->'), UNUSED), []);
  });

  it('a marker line is page text, not a directive', () => {
    // Before the report's first paragraph: were it a directive, it would cover the whole report.
    const intro = page.split('\n').findIndex(l => l.includes('TRS_Editor'));
    assert.deepEqual(found(insertLine(wrong, intro, '<p>nianbao-disable row-sum</p>'), UNUSED), [`row-sum@${line + 1}:${column}`]);
    assert.deepEqual(found(insertLine(wrong, intro, '<!-- nianbao-disable row-sum -->'), UNUSED), []);
  });
});

describe('inline disable comments in a compilation', () => {
  // Two reports, each with its granted total corrupted.
  const one = setCell(base, TOTAL, '5').replace(/\n*$/, '\n\n');
  const two = one + one;
  const secondTotal = lineOfCell(two, TOTAL, one.length);

  it('a directive acts only in the report it is written in', () => {
    assert.deepEqual(found(two), [`row-sum@${totalLine}:0`, `row-sum@${secondTotal}:0`]);
    // An unclosed block in the first report ends with it.
    assert.deepEqual(found(insertLine(two, 1, '<!-- nianbao-disable row-sum -->'), UNUSED), [`row-sum@${secondTotal + 1}:0`]);
    // A next-line directive covers its own next line, not the same line of the next report.
    assert.deepEqual(found(insertLine(two, totalLine, 'nianbao-disable-next-line row-sum'), UNUSED), [`row-sum@${secondTotal + 1}:0`]);
    assert.deepEqual(found(insertLine(two, secondTotal, 'nianbao-disable-next-line row-sum'), UNUSED), [`row-sum@${totalLine}:0`]);
  });

  it('incremental parsing with directives equals a full parse', () => {
    const corpus = [...SEEDS.map(s => seed(s.slice(0, 3))), ...REAL.map(real)];
    const directive = fc.constantFrom(
      '<!-- nianbao-disable-next-line row-sum -->\n', 'nianbao-disable-next-line row-sum\n', '<!-- nianbao-disable -->\n', 'nianbao-enable\n',
      '<!-- nianbao-disable-line blank-cell, missing-row -->', 'nianbao-disable missing-section rowsum\n', '<!-- nianbao-enable row-sum -->', '<!-- nianbao-', ' -->', '\n');
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      del: fc.nat({ max: 40 }),
      ins: fc.oneof(directive, fc.constantFrom('', '7', '\n', '某局2024年政府信息公开工作年度报告\n', '一、总体情况\n'), fc.string({ maxLength: 4 })),
    });
    // Compilations with directives at random lines, then edits that write, cut and break directives.
    const withDirectives = fc.tuple(fc.array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), directive), { maxLength: 6 }))
      .map(([picks, ds]) => {
        let text = picks.map(i => corpus[i % corpus.length].replace(/\n*$/, '\n\n')).join('');
        for (const [at, d] of ds) { const nl = text.indexOf('\n', Math.floor(at * text.length)); const k = nl < 0 ? text.length : nl + 1; text = text.slice(0, k) + d + text.slice(k); }
        return text;
      });
    let suppressed = 0;
    fc.assert(fc.property(withDirectives, fc.array(edit, { minLength: 1, maxLength: 6 }), (initial, edits) => {
      let text = initial;
      let doc = ReportDocument.parse(text, UNUSED);
      for (const e of edits) {
        const start = Math.floor(e.at * text.length);
        const end = Math.min(text.length, start + e.del);
        text = text.slice(0, start) + e.ins + text.slice(end);
        doc = doc.update(text, start, end, e.ins.length);
        const full = ReportDocument.parse(text, UNUSED);
        assert.equal(snapshot(doc), snapshot(full));
        if (snapshot(full) !== snapshot(ReportDocument.parse(text))) suppressed++;
      }
    }), { numRuns: 120, seed: 20261203 });
    // The property was tried on texts where the directives changed the findings.
    assert.ok(suppressed > 50, `${suppressed} texts where directives mattered`);
  });
});
