import { strict as assert } from 'node:assert';
import { EditorText } from '../../server/src/editorText';

/*
 * The server's editor text in the position encoding `utf-8` (a position's character counts UTF-8
 * bytes of its line) and its byte length, against references computed independently with
 * Buffer, on random texts of ASCII, Chinese, astral characters (surrogate pairs) and every kind of
 * line break, edited piece by piece.
 */

const ALPHABET = ['a', '7', ' ', '|', '中', '年', '报', '，', '𠀀', '😀', '\n', '\r\n', '\r', 'é'];

function randomText(rnd: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
  return s;
}

/** Line starts as the LSP counts them. */
function lineStarts(text: string): number[] {
  const s = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) s.push(m.index! + m[0].length);
  return s;
}
/** The UTF-16 offsets in [from, to] that a position can name: not inside a surrogate pair nor inside `\r\n`. */
function boundaries(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let o = from; o <= to; o++) {
    const c = text.charCodeAt(o - 1);
    if (o > from && c >= 0xd800 && c <= 0xdbff) continue;
    if (c === 13 && text.charCodeAt(o) === 10) continue; // inside \r\n: no position names it
    out.push(o);
  }
  return out;
}

describe('editor text in the position encoding utf-8', () => {
  it('positions count UTF-8 bytes of the line; offsets round-trip; the byte length follows every edit', () => {
    let seed = 7;
    const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x80000000; };
    for (let round = 0; round < 60; round++) {
      let text = randomText(rnd, 200 + Math.floor(rnd() * 200));
      const doc = new EditorText('file:///t', 'nianbao', 1, text, 8);
      doc.utf8 = true;
      for (let step = 0; step < 15; step++) {
        assert.equal(doc.byteLength, Buffer.byteLength(text, 'utf8'), 'byte length');
        const starts = lineStarts(text);
        for (let line = 0; line < starts.length; line += 1 + Math.floor(rnd() * 3)) {
          let end = line + 1 < starts.length ? starts[line + 1] : text.length;
          while (end > starts[line] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
          for (const o of boundaries(text, starts[line], end)) {
            const character = Buffer.byteLength(text.slice(starts[line], o), 'utf8');
            assert.deepEqual(doc.positionAt(o), { line, character }, `offset ${o}`);
            assert.equal(doc.offsetAt({ line, character }), o, `line ${line}, byte ${character}`);
          }
          // Past the line's end: its end.
          assert.equal(doc.offsetAt({ line, character: 1e6 }), end);
        }
        // An edit between two character boundaries, with new text of every kind.
        const all = boundaries(text, 0, text.length);
        const a = all[Math.floor(rnd() * all.length)], b = all[Math.floor(rnd() * all.length)];
        const [s, e] = a <= b ? [a, b] : [b, a];
        const ins = randomText(rnd, Math.floor(rnd() * 12));
        doc.apply([{ range: { start: doc.positionAt(s), end: doc.positionAt(e) }, text: ins }], step + 2);
        text = text.slice(0, s) + ins + text.slice(e);
        assert.equal(doc.getText(), text);
      }
    }
  });

  it('a byte inside a character means that character’s start', () => {
    const doc = new EditorText('file:///t', 'nianbao', 1, 'ab中c😀d');
    doc.utf8 = true;
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(character => doc.offsetAt({ line: 0, character })), [0, 1, 2, 2, 2, 3, 4, 4, 4, 4, 6, 7]);
  });
});
