import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { documentJson, ReportDocument } from '../../core/src';
import { EditorText } from '../../server/src/editorText';
import { REAL, SEEDS, real, seed, snapshot } from '../support/fixtures';

// The server keeps an open document's text in pieces (EditorText) instead of the library's one
// string. It must answer exactly as the library does, and the model it feeds must equal a full parse.

const pieces = fc.constantFrom('a', '总计', '\n', '\r\n', '\r', '7', ' ', '😀', '一、总体情况\n', '某局2024年政府信息公开工作年度报告\n');
const textArb = fc.array(pieces, { maxLength: 60 }).map(a => a.join(''));
const changeArb = fc.record({
  a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }),
  text: fc.oneof(textArb, fc.constantFrom('', '\n', '\r', '\r\n')), full: fc.boolean(), past: fc.nat({ max: 3 }),
});

/** The same change as a range of the library document (positions possibly past a line's end or the text's). */
function toChange(lib: TextDocument, c: { a: number; b: number; text: string; full: boolean; past: number }): TextDocumentContentChangeEvent {
  if (c.full && c.a < 0.1) return { text: c.text };
  const n = lib.getText().length;
  const s = lib.positionAt(Math.floor(c.a * n)), e = lib.positionAt(Math.floor(c.b * n));
  return { range: { start: s, end: { line: e.line, character: e.character + c.past } }, text: c.text };
}

function assertSame(ours: EditorText, lib: TextDocument): void {
  const text = lib.getText();
  assert.equal(ours.length, text.length);
  assert.equal(ours.slice(0, ours.length), text);
  assert.equal(ours.lineCount, lib.lineCount);
  for (let o = -1; o <= text.length + 1; o++) assert.deepEqual(ours.positionAt(o), lib.positionAt(o), `positionAt(${o})`);
  for (let line = -1; line <= lib.lineCount; line++) {
    assert.deepEqual(ours.getLineRange(line), lib.getLineRange(line), `getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), lib.getEOLCharacters(line), `getEOLCharacters(${line})`);
    for (const character of [-1, 0, 1, 2, 5, 40]) assert.equal(ours.offsetAt({ line, character }), lib.offsetAt({ line, character }), `offsetAt(${line}:${character})`);
  }
  assert.equal(ours.getText(), text);
  // Ranges, reversed ones too, read as the library reads them.
  for (const [a, b] of [[0, text.length], [text.length >> 1, 1], [text.length, 0], [2, text.length >> 2]]) {
    const range = { start: lib.positionAt(a), end: lib.positionAt(b) };
    assert.equal(ours.getText(range), lib.getText(range), `getText(${a}, ${b})`);
  }
}

describe('EditorText: the server\'s pieced text', () => {
  it('answers as vscode-languageserver-textdocument does, edit after edit (line breaks split and joined, pieces of 4 characters)', () => {
    fc.assert(fc.property(textArb, fc.array(changeArb, { minLength: 1, maxLength: 8 }), (text, changes) => {
      const ours = new EditorText('file:///t', 'nianbao', 1, text, 4);
      let lib = TextDocument.create('file:///t', 'nianbao', 1, text);
      assertSame(ours, lib);
      let v = 1;
      for (const c of changes) {
        const ch = toChange(lib, c);
        v++;
        ours.apply([ch], v);
        lib = TextDocument.update(lib, [ch], v);
        assert.equal(ours.version, v);
        assertSame(ours, lib);
      }
    }), { numRuns: 400, seed: 20261123 });
  });

  it('feeds incremental model updates that equal a full parse of the real corpus', () => {
    const corpus = [...SEEDS.map(s => seed(s.slice(0, 3))), ...REAL.map(real)];
    const text0 = [0, 3, 1, 7, 2].map(i => corpus[i % corpus.length].replace(/\n*$/, '\n\n')).join('');
    fc.assert(fc.property(fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 30 }),
      ins: fc.constantFrom('', '7', '\n', '一、总体情况\n', '某局2024年政府信息公开工作年度报告\n', '政府信息公开') }), { minLength: 1, maxLength: 5 }), edits => {
      const ours = new EditorText('file:///c', 'nianbao', 1, text0, 512);
      let doc = ReportDocument.parse(ours.getText());
      for (const e of edits) {
        const start = Math.floor(e.at * ours.length), end = Math.min(ours.length, start + e.del);
        ours.edit(start, end, e.ins);
        doc = doc.update(ours, start, end, e.ins.length);
        const full = ReportDocument.parse(ours.getText());
        assert.equal(doc.text, full.text);
        assert.equal(snapshot(doc), snapshot(full));
      }
    }), { numRuns: 60, seed: 7 });
  });
});
