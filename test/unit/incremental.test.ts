import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { documentJson, ReportDocument } from '../../core/src';
import { REAL, SEEDS, real, seed, snapshot } from '../support/fixtures';

/** A compilation of real reports, as reviewers open them. */
const corpus = [...SEEDS.map(s => seed(s.slice(0, 3))), ...REAL.map(real)];
const compilation = (picks: number[]) => picks.map(i => corpus[i % corpus.length].replace(/\n*$/, '\n\n')).join('');

/** Edits that matter: digits, line breaks, headings and titles typed or deleted anywhere. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.nat({ max: 40 }),
  ins: fc.oneof(
    fc.constantFrom('', '7', '0', '\n', '\r\n', '一、总体情况\n', '某局2024年政府信息公开工作年度报告\n', '|', ' ', '（七）总计', '四、', '政府信息公开'),
    fc.string({ maxLength: 6 })),
});

describe('incremental parsing equals a full parse', () => {
  it('random edit sequences over compilations of the real corpus', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 4 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (picks, edits) => {
      let text = compilation(picks);
      let doc = ReportDocument.parse(text);
      for (const e of edits) {
        const start = Math.floor(e.at * text.length);
        const end = Math.min(text.length, start + e.del);
        text = text.slice(0, start) + e.ins + text.slice(end);
        doc = doc.update(text, start, end, e.ins.length);
        assert.equal(snapshot(doc), snapshot(ReportDocument.parse(text)));
      }
    }), { numRuns: 150, seed: 20261123 });
  });

  it('reads only the text around an edit, also when the next report is a single line', () => {
    // The second report is one line (an overview heading of its own): a boundary after it is only
    // decided with the line after it, so the window must grow past it — by reports, not to the end.
    const rep = (k: number) => `某局${k}政府信息公开工作年度报告\n一、总体情况\n` + '正文\n'.repeat(50);
    const text = rep(0) + '一、总体情况\n' + Array.from({ length: 400 }, (_, k) => rep(k + 1)).join('');
    const doc = ReportDocument.parse(text);
    assert.equal(doc.reports()[1].text, '一、总体情况\n');
    for (const at of [40, doc.reports()[1].base + 2, doc.reports()[200].base + 30]) {
      const next = text.slice(0, at) + '7' + text.slice(at);
      let longest = 0;
      const source = { length: next.length, slice: (a: number, b: number) => { longest = Math.max(longest, b - a); return next.slice(a, b); } };
      const updated = doc.update(source, at, at, 1);
      assert.equal(snapshot(updated), snapshot(ReportDocument.parse(next)));
      assert.equal(updated.text, next);
      assert.ok(longest < 2000, `read ${longest} of ${next.length} characters`);
    }
  });

  it('re-reads only the reports an edit touches', () => {
    const text = compilation([2, 0, 1, 3, 4, 2, 0, 1]);
    const doc = ReportDocument.parse(text);
    assert.equal(doc.reports().length, 8);
    const at = doc.reports()[5].base + 400;
    const next = doc.update(text.slice(0, at) + '1' + text.slice(at), at, at, 1);
    const reused = next.chunks.filter(c => doc.chunks.includes(c)).length;
    assert.ok(reused >= 6, `${reused} of 8 reports reused`);
  });
});

describe('the core never throws', () => {
  it('on arbitrary text and on mangled real reports', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.constantFrom(...corpus).chain(t => fc.tuple(fc.constant(t), fc.nat(t.length), fc.nat(t.length), fc.string({ maxLength: 20 })).map(([s, a, b, x]) => s.slice(0, Math.min(a, b)) + x + s.slice(Math.max(a, b))))), text => {
      const doc = ReportDocument.parse(text);
      const lines = text.split(/\r\n|\r|\n/);
      for (const d of documentJson(doc, 'en').diagnostics) {
        for (const p of [d.range.start, d.range.end]) {
          assert.ok(p.line >= 0 && p.line < lines.length, 'line in bounds');
          assert.ok(p.character >= 0 && p.character <= lines[p.line].length, 'character in bounds');
        }
      }
    }), { numRuns: 300, seed: 7 });
  });
});
