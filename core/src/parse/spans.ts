import type { Cell } from '../model';
import { hasCjk, isAsciiDigits, readValue } from './values';
import { isJsWhiteSpace } from '../text/whitespace';
import { fullCell } from './cellShape';

/*
 * A cell found in the text between a row label and whatever follows the row is already the model's
 * `Cell` (one object per cell), its `key` set when the row assigns it to a column. For a figure,
 * [start, end) is the figure itself; the text as written always spans [start, start + text.length).
 */

/** Spaces around values: U+0020, tabs, NBSP, U+2000–U+200B, U+3000, BOM, line breaks. */
function isWsCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
}
/** `|`, tab, `｜`: what separates the places of a row written on one line. */
const isSeparator = (c: number) => c === 0x7c || c === 0x09 || c === 0xff5c;
/** Punctuation, quotes and pinyin glosses (`(xiàng)`) left over from a label: never a cell. */
const JUNK = /^(?:[^\p{L}\p{N}]|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńň]{1,7}\))+$/u;
/** A figure, possibly with a sign and a unit: splits `（…）0000000` or `规章1` into text and figure. */
const VALUE_TOKEN = /[+\-－]?[0-9０-９]+(?:[.．,，][0-9０-９]+)*(?:万元|元|件|个|条|项|次|人)?/g;

/** Up to 15 ASCII digits (a glued run such as `0000000` among them): most cells, read without a regex. */
const isPlainCount = (text: string, a: number, b: number): boolean => b - a <= 15 && isAsciiDigits(text, a, b);

/** `0`…`9` as shared strings: most cells are one digit, and a slice of the (two-byte) report text would be a new string each. */
const DIGITS = Array.from({ length: 10 }, (_, d) => String(d));

/** `text[a, b)` as a string: a shared one for a single digit. */
const digitsText = (text: string, a: number, b: number) => (b - a === 1 ? DIGITS[text.charCodeAt(a) - 0x30] : text.slice(a, b));

function cell(text: string, a: number, b: number): Cell {
  if (isPlainCount(text, a, b)) {
    const t = digitsText(text, a, b);
    // The value without leading zeros (`007` → `7`, `000` → `0`), as readValue gives it.
    let z = a;
    while (z < b - 1 && text.charCodeAt(z) === 0x30) z++;
    return { key: '', text: t, kind: 'number', value: z === a ? t : digitsText(text, z, b), start: a, end: b };
  }
  const t = text.slice(a, b);
  const v = readValue(t);
  const end = v.kind === 'number' ? a + v.numEnd : b;
  // The unit is written when the cell is made, not added after: a property added later makes a map
  // that a full GC drops when no cell has it, and code optimised for the old one is thrown away (V8).
  return v.unit ? fullCell(t, v.kind, v.value, a, end, v.unit, undefined, undefined, undefined) : { key: '', text: t, kind: v.kind, value: v.value, start: a, end };
}

/**
 * Cells read for a row so far: an array reused from one row to the next (so reading a row allocates
 * its cells and one array of the right length, not a growing array per line), and its fill level.
 */
class CellRun {
  items: Cell[] = [];
  length = 0;
  push(c: Cell): void { this.items[this.length++] = c; }
  clear(): this { this.length = 0; return this; }
  allBlank(): boolean {
    for (let i = 0; i < this.length; i++) if (this.items[i].kind !== 'blank') return false;
    return true;
  }
  /** Appends the cells of `other`. */
  take(other: CellRun): void { for (let i = 0; i < other.length; i++) this.push(other.items[i]); }
  toArray(): Cell[] { return this.items.slice(0, this.length); }
}
const row = new CellRun(), labelLine = new CellRun();

/**
 * Reads the cells of one row from `text[a, b)`, the text after the row's label up to the next label.
 * Layout-agnostic: one cell per line, `|` pipes, tabs, numbers separated by spaces, blank lines.
 * A blank cell is only recognised where the layout shows it: an empty place between two pipes (or
 * tabs) on a line that holds cells. Reading stops at the first Chinese text after the cells (the
 * next header or note).
 */
export function readCells(text: string, a: number, b: number, expected: number): Cell[] {
  const cells = row.clear();
  let lineStart = a;
  let first = true;
  // Empty places on the label's own line (`行政许可 | | | |`) are the row's cells only when nothing follows.
  let labelLineBlanks = false;
  while (lineStart < b) {
    let lineEnd = lineStart;
    for (let c = text.charCodeAt(lineEnd); lineEnd < b && c !== 10 && c !== 13; c = text.charCodeAt(++lineEnd));
    const into = first ? labelLine.clear() : cells;
    const ended = readLine(text, lineStart, lineEnd, first, into, expected);
    if (first) { if (into.allBlank()) labelLineBlanks = true; else cells.take(into); }
    if (ended) break;
    first = false;
    lineStart = lineEnd + 1;
  }
  if (!cells.length && labelLineBlanks) cells.take(labelLine);
  // A trailing empty column (an extra `| |` at the end of a row) is layout, not a cell.
  while (cells.length > expected && cells.items[cells.length - 1].kind === 'blank') cells.length--;
  const out = cells.toArray();
  // Too few figures: empty lines may stand for blank cells.
  return out.length > 0 && out.length < expected ? blanksFromEmptyLines(text, a, out, expected) ?? out : out;
}

/**
 * A web page copied as text writes each cell as `value` + an empty line, and an empty cell as an
 * empty line alone. So where a row has too few values and two or more empty lines stand before a
 * value, each empty line past the first is a blank cell. Used only when that makes the count exact.
 */
function blanksFromEmptyLines(text: string, a: number, cells: Cell[], expected: number): Cell[] | null {
  const out: Cell[] = [];
  let from = a;
  for (const c of cells) {
    if (c.kind !== 'number') return null;
    // The lines between the previous figure and this one that end before it: each empty one past the first is a blank cell.
    let lineStart = -1, empty = true, empties = 0;
    for (let i = from; i < c.start; i++) {
      const ch = text.charCodeAt(i);
      if (isSeparator(ch)) return null;
      if (ch === 10) {
        if (lineStart >= 0 && empty && ++empties > 1) out.push(emptyLineBlank(lineStart));
        lineStart = i + 1;
        empty = true;
      } else if (empty && !isJsWhiteSpace(ch)) empty = false;
    }
    out.push(c);
    from = c.end;
  }
  return out.length === expected ? out : null;
}

/**
 * Reads one line's cells into `out`; returns true when the row has ended (Chinese text after cells).
 * On the label's own line of a pipe or tab row, every place after the label is a cell — text
 * there (`若干`, `约120`) is an invalid cell, and a place of spaces after the last pipe is blank.
 */
function readLine(text: string, ls: number, le: number, labelLine: boolean, out: CellRun, expected: number): boolean {
  // One pass for the number of places and whether any holds something.
  let separators = 0, content = false;
  for (let i = ls; i < le; i++) {
    const c = text.charCodeAt(i);
    if (isSeparator(c)) separators++;
    else if (!content && !isWsCode(c)) content = true;
  }
  if (!content && !labelLine) return false;
  const rowLine = labelLine && separators > 0;
  let s = ls;
  for (let j = 0; j <= separators; j++) {
    const last = j === separators;
    let e = le;
    if (!last) { e = s; while (!isSeparator(text.charCodeAt(e))) e++; }
    let p = s, q = e;
    while (p < q && isWsCode(text.charCodeAt(p))) p++;
    while (q > p && isWsCode(text.charCodeAt(q - 1))) q--;
    const spaces = e > s;
    s = e + 1;
    if (q === p) {
      if ((j > 0 && !last) || (rowLine && last && j > 0 && spaces)) out.push(blank(p));
      continue;
    }
    if (rowLine && j > 0) {
      const c = cell(text, p, q);
      if (c.kind !== 'invalid') { out.push(c); continue; }
      if (!hasCjk(c.text) || out.length < expected) {
        if (splitsIntoValues(text, p, q)) { readSegment(text, p, q, out); continue; }
        out.push(c);
        continue;
      }
      return true;
    }
    if (readSegment(text, p, q, out)) return true;
  }
  return false;
}

export const blank = (at: number): Cell => ({ key: '', text: '', kind: 'blank', value: null, start: at, end: at });

/**
 * A blank cell that an empty line stands for (blanksFromEmptyLines): glued to the layout — a figure
 * written on that line would end the empty lines that make the row read, so it is never fixed in place.
 */
const emptyLineBlank = (at: number): Cell => fullCell('', 'blank', null, at, at, undefined, true, undefined, undefined);

/** `0 0 0`: figures separated by spaces. */
function splitsIntoValues(text: string, p: number, q: number): boolean {
  return text.slice(p, q).split(/[\s\u00a0\u3000]+/).every(w => { const v = readValue(w).kind; return v === 'number' || v === 'not-applicable'; });
}

/** A segment with content: figures separated by spaces, or text. Returns true at Chinese text after cells. */
function readSegment(text: string, p: number, q: number, out: CellRun): boolean {
  const whole = cell(text, p, q);
  if (whole.kind === 'number' || whole.kind === 'not-applicable') { out.push(whole); return false; }
  let i = p;
  while (i < q) {
    while (i < q && isWsCode(text.charCodeAt(i))) i++;
    let j = i;
    while (j < q && !isWsCode(text.charCodeAt(j))) j++;
    if (j > i && readWord(text, i, j, out)) return true;
    i = j;
  }
  return false;
}

function readWord(text: string, p: number, q: number, out: CellRun): boolean {
  const w = cell(text, p, q);
  if (w.kind === 'number' || w.kind === 'not-applicable') { out.push(w); return false; }
  // Mixed text and figures: `（区分处理的…）0000000`.
  const word = text.slice(p, q);
  let last = 0;
  VALUE_TOKEN.lastIndex = 0;
  for (let m = VALUE_TOKEN.exec(word); m; m = VALUE_TOKEN.exec(word)) {
    if (readText(text, p + last, p + m.index, out)) return true;
    out.push(cell(text, p + m.index, p + m.index + m[0].length));
    last = m.index + m[0].length;
  }
  return readText(text, p + last, q, out);
}

/** Text between figures: Chinese ends the row once it has cells (and is skipped before them); other junk is an invalid cell. */
function readText(text: string, p: number, q: number, out: CellRun): boolean {
  if (q <= p) return false;
  const t = text.slice(p, q);
  if (hasCjk(t)) return out.length > 0;
  if (JUNK.test(t)) return false;
  out.push({ key: '', text: t, kind: 'invalid', value: null, start: p, end: q });
  return false;
}
