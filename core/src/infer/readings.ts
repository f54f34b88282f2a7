import type { Cell } from '../model';
import { isAsciiDigits } from '../parse/values';
import type { CellValues } from './solve';
import { fullCell } from '../parse/cellShape';

/**
 * The readings of one table row: the ways the figures found after its label (its *tokens*) can
 * stand for the row's `n` cells. Each reading is a full row of cells and a tier — how much it
 * assumes about what the layout did to the table:
 *
 * - tier 0, as written: exactly `n` places.
 * - tier 1: digits glued into runs (`713000074`, split back without leading zeros); a number
 *   split over lines (`1` / `62`, joined); or, in a table whose conversion kept one line per run of
 *   identical lines (`13` / `0` / `13`), each figure standing for a run of equal cells.
 * - tier 2: as tier 1, with cells that were empty dropped from the text (they come back blank).
 *
 * A generator that would make more than `MAX_READINGS` readings makes none: the row stays unknown.
 * Without `withBlanks`, tier 2 is left out (a caller asks for it only when tier 1 does not do).
 */
export interface Reading {
  readonly cells: Cell[];
  tier: number;
  /** The cells' values for the solver (solverValue): set by the generator when it knows them without making the cells, else by `valuesOf`. */
  values?: CellValues;
  /** What cell `col` says (its figure, else its kind), when the reading knows it without making its cells. */
  say?(col: number): string;
}

/** A reading's values for the solver (made once per reading, kept on it). */
export function valuesOf(r: Reading): CellValues {
  if (r.values) return r.values;
  const cells = r.cells, v: number[] = [];
  for (let i = 0; i < cells.length; i++) v.push(solverValue(cells[i]));
  return (r.values = v);
}

export const MAX_READINGS = 5000;

/** What the table around a row says about its layout. */
export interface RowLayout {
  /** Identical consecutive lines were collapsed into one (no two equal value lines follow each other anywhere in the table, and some row is short). */
  collapsed: boolean;
}

const YEAR_AFTER = 0x5e74; // 年

const isDigitToken = (c: Cell) => c.kind === 'number' && isAsciiDigits(c.text);

/** Whether a line break lies between tokens `a` and `b`. */
function lineBreakBetween(text: string, a: Cell, b: Cell): boolean {
  return breakBefore(text, a.start + a.text.length, b);
}

/** Whether a line break lies between offset `from` and token `b`. */
function breakBefore(text: string, from: number, b: Cell): boolean {
  for (let i = from; i < b.start; i++) { const c = text.charCodeAt(i); if (c === 10 || c === 13) return true; }
  return false;
}

/** Whether a `|` or a tab stands between the row's label (`rowStart`) and its last token. */
function markedOff(text: string, rowStart: number, tokens: Cell[]): boolean {
  for (let i = rowStart, end = tokens[tokens.length - 1].start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7c /* | */ || c === 9 || c === 0xff5c /* ｜ */) return true;
  }
  return false;
}

/** A cell standing for part of a token's digits (`glued`: its text is not its own to fix). */
function piece(t: Cell, from: number, to: number): Cell {
  const digits = t.text.slice(from, to);
  // Pieces never start with 0 unless they are `0` (digitSplits), but a whole token may (`007`).
  const value = digits.length > 1 && digits.charCodeAt(0) === 0x30 ? digits.replace(/^0+(?=\d)/, '') : digits;
  // `provenance` made with the cell: the inference stage sets it on the cells it chooses (no new shape then).
  return fullCell(digits, 'number', value, t.start + from, t.start + to, undefined, true, undefined, undefined);
}

/** A cell that repeats a token read as a run of equal cells. */
const repeat = (t: Cell): Cell => fullCell(t.text, t.kind, t.value, t.start, t.end, t.unit, true, undefined, undefined);
const blankAt = (at: number): Cell => ({ key: '', text: '', kind: 'blank', value: null, start: at, end: at, provenance: undefined });

/** The readings of a row whose tokens are `tokens` (after a label ending at `rowStart`), for `n` cells. Empty: the row cannot be read. */
export function readingsOf(text: string, tokens: Cell[], n: number, layout: RowLayout, rowStart = tokens.length ? tokens[0].start : 0, withBlanks = true): Reading[] {
  const k = tokens.length;
  if (k === n) return [{ cells: tokens, tier: 0 }];
  if (k === 0) return [];
  if (!tokens.every(t => t.kind === 'number' || t.kind === 'blank' || t.kind === 'not-applicable')) return [];
  // Whether the tokens stand on one line (a lone token is on one line, and on its own line, both).
  let breaks = 0;
  for (let i = 1; i < k; i++) if (lineBreakBetween(text, tokens[i - 1], tokens[i])) breaks++;
  const inline = breaks === 0, ownLines = breaks === k - 1;
  const out: Reading[] = [];
  if (tokens.every(isDigitToken)) {
    const toks = withoutTrailingYear(text, tokens, n);
    const digits = toks.reduce((s, t) => s + t.text.length, 0);
    if ((inline || toks !== tokens) && digits >= n && toks.length <= n) {
      return digitSplits(toks, n) ?? [];
    }
    if (k > n && !inline) {
      const joined = joins(text, tokens, n);
      if (joined === null) return [];
      for (const cells of joined) out.push({ cells, tier: 1 });
      return out;
    }
  }
  if (k > n) return out;
  if (ownLines && layout.collapsed) {
    const runs = runExpansions(tokens, n, false);
    if (runs === null) return [];
    for (const cells of runs) out.push({ cells, tier: 1 });
    const blanked = withBlanks ? runExpansions(tokens, n, true) : null;
    if (blanked) for (const cells of blanked) out.push({ cells, tier: 2 });
    return out;
  }
  // Where cells are marked off (`|`, tabs), an empty cell leaves its mark: none was dropped, one is missing.
  if (!withBlanks || markedOff(text, rowStart, tokens)) return out;
  const dropped = droppedBlanks(tokens, n);
  if (dropped) for (const cells of dropped) out.push({ cells, tier: 2 });
  return out;
}

/**
 * A run glued to the year of the sentence after it (`20000022025年`): the year is the narrative's,
 * when what is left still has enough digits for the row.
 */
function withoutTrailingYear(text: string, tokens: Cell[], n: number): Cell[] {
  const last = tokens[tokens.length - 1];
  if (text.charCodeAt(last.start + last.text.length) !== YEAR_AFTER || last.text.length <= 4) return tokens;
  const year = last.text.slice(-4);
  if (!/^(?:19|20)\d\d$/.test(year)) return tokens;
  const digits = tokens.reduce((s, t) => s + t.text.length, 0);
  if (digits - 4 < n) return tokens;
  const kept = last.text.slice(0, -4);
  return [...tokens.slice(0, -1), { ...last, text: kept, value: kept.replace(/^0+(?=\d)/, ''), end: last.start + kept.length }];
}

/**
 * Whether a row's tokens are runs of digits on one line holding exactly one digit per cell
 * (`0000000`, `13` `00000`): then `readingsOf` gives one reading, a digit per cell (`digitPerCell`).
 */
export function oneDigitPerCell(text: string, tokens: Cell[], n: number): boolean {
  const k = tokens.length;
  if (k === 0 || k >= n) return false;
  let digits = 0;
  for (let i = 0; i < k; i++) {
    const t = tokens[i];
    if (!isDigitToken(t) || (i > 0 && lineBreakBetween(text, tokens[i - 1], t))) return false;
    digits += t.text.length;
  }
  return digits === n;
}

/** The one reading of `n` digits for `n` cells: a piece per digit, its values known. */
export function digitPerCell(tokens: Cell[], n: number): Reading {
  // Arrays of their final length (no growing): a row of pieces is made for most glued runs.
  const cells = new Array<Cell>(n), values = new Array<number>(n);
  let k = 0;
  for (const t of tokens) for (let i = 0; i < t.text.length; i++, k++) { cells[k] = piece(t, i, i + 1); values[k] = t.text.charCodeAt(i) - 0x30; }
  return { cells, tier: 1, values };
}

/** Every way to cut each token's digits into pieces (no piece but `0` starting with 0) giving `n` pieces in all; null past the limit. */
function digitSplits(tokens: Cell[], n: number): Reading[] | null {
  const total = tokens.reduce((s, t) => s + t.text.length, 0);
  if (total < n) return [];
  // As many digits as cells (`0000000`, `1000001`): one digit each, the only split.
  if (total === n) return [digitPerCell(tokens, n)];
  // Count first (ways[t][m]: cutting tokens t.. into m pieces), so a run with too many splits costs nothing.
  const ways = countSplits(tokens, n);
  if (ways > MAX_READINGS) return null;
  const out: Reading[] = [];
  // Hot loop: a split is kept as its pieces' places and values (plain arrays: cheaper to make
  // than typed ones), all the row's places in one array; its cells are made only if it is read.
  const spans: number[] = new Array(3 * n).fill(0), values: number[] = new Array(n).fill(0);
  const allSpans: number[] = [];
  const cut = (t: number, from: number, k: number) => {
    if (t === tokens.length) {
      if (k !== n) return;
      const at = allSpans.length;
      for (let i = 0; i < 3 * n; i++) allSpans.push(spans[i]);
      out.push(new SplitReading(tokens, allSpans, at, values.slice()));
      return;
    }
    const tok = tokens[t], text = tok.text;
    const len = text.length;
    if (from === len) { cut(t + 1, 0, k); return; }
    if (k === n) return;
    // The next piece starts at `from`: a single 0, or a figure without a leading zero.
    const maxTo = text.charCodeAt(from) === 0x30 ? from + 1 : len;
    let v = 0;
    for (let to = from + 1; to <= maxTo; to++) {
      v = v * 10 + (text.charCodeAt(to - 1) - 0x30); // exact up to 15 digits; longer pieces are not summed
      spans[3 * k] = t; spans[3 * k + 1] = from; spans[3 * k + 2] = to;
      values[k] = to - from > 15 ? NaN : v;
      cut(t, to, k + 1);
    }
  };
  cut(0, 0, 0);
  return out;
}

/** A split of digit runs into pieces: its values for the solver, its cells made when first asked for. */
class SplitReading implements Reading {
  readonly tier = 1;
  private made: Cell[] | undefined;
  /** `spans` from `at`: per piece, its token, and where in the token's digits it starts and ends. */
  constructor(private readonly tokens: Cell[], private readonly spans: number[], private readonly at: number, readonly values: number[]) {}
  /** A piece's figure: its digits (a piece starts with 0 only when it is `0`). */
  say(col: number): string {
    const s = this.spans, k = this.at + 3 * col;
    return this.made ? sayOf(this.made[col]) : this.tokens[s[k]].text.slice(s[k + 1], s[k + 2]);
  }
  get cells(): Cell[] {
    if (!this.made) {
      const s = this.spans, a = this.at;
      const cells: Cell[] = new Array(this.values.length);
      for (let k = 0; k < cells.length; k++) cells[k] = piece(this.tokens[s[a + 3 * k]], s[a + 3 * k + 1], s[a + 3 * k + 2]);
      this.made = cells;
    }
    return this.made;
  }
}

/** countSplits' scratch buffers, grown as needed (one count runs at a time: it does not re-enter). */
let countMemo = new Float64Array(256), countMarks = new Uint8Array(64);
const ZERO = 1, TOKEN_END = 2;

function countSplits(tokens: Cell[], n: number): number {
  // f(position in the concatenated digits, pieces left), pieces never crossing a token's end.
  let length = 0;
  for (const t of tokens) length += t.text.length;
  // A run far longer than any row's figures: more splits than could ever be read.
  if (length > 40 * n) return Infinity;
  // Hot loop: per digit, whether it is a 0 and whether a token ends before it, in scratch buffers (no string or set made).
  if (countMarks.length < length + 1) countMarks = new Uint8Array(2 * (length + 1));
  const marks = countMarks.fill(0, 0, length + 1);
  const size = (length + 1) * (n + 1);
  if (countMemo.length < size) countMemo = new Float64Array(2 * size);
  const memo = countMemo.fill(-1, 0, size);
  let pos = 0;
  for (const t of tokens) {
    for (let i = 0; i < t.text.length; i++) if (t.text.charCodeAt(i) === 0x30) marks[pos + i] |= ZERO;
    pos += t.text.length;
    marks[pos] |= TOKEN_END;
  }
  const f = (p: number, left: number): number => {
    if (p === length) return left === 0 ? 1 : 0;
    if (left === 0) return 0;
    const key = p * (n + 1) + left;
    const m = memo[key];
    if (m >= 0) return m;
    let s = 0;
    const zero = (marks[p] & ZERO) !== 0;
    for (let q = p + 1; q <= length; q++) {
      s += f(q, left - 1);
      if (zero || (marks[q] & TOKEN_END) !== 0 || s > MAX_READINGS) break;
    }
    memo[key] = s;
    return s;
  };
  return f(0, n);
}

/** A number broken over lines: `k - n` pairs of neighbouring tokens (across a line break) joined. */
function joins(text: string, tokens: Cell[], n: number): Cell[][] | null {
  const out: Cell[][] = [];
  const k = tokens.length;
  const go = (i: number, cur: Cell[]) => {
    if (out.length > MAX_READINGS) return;
    if (i === k) { if (cur.length === n) out.push([...cur]); return; }
    if (cur.length >= n) return;
    // The cell starting at token i takes tokens i..j.
    for (let j = i; j < k && j - i < 3; j++) {
      if (j > i && !lineBreakBetween(text, tokens[j - 1], tokens[j])) break;
      const first = tokens[i], last = tokens[j];
      // What stands between the pieces: nothing but line breaks, or a lone `.` (`851` / `.` / `776247`).
      const gaps = tokens.slice(i, j).map((t, g) => text.slice(t.start + t.text.length, tokens[i + g + 1].start).trim());
      if (gaps.some(g => g !== '' && g !== '.') || gaps.filter(g => g === '.').length > 1) break;
      const digits = tokens.slice(i, j + 1).map((t, g) => (g > 0 ? gaps[g - 1] : '') + t.text).join('');
      if (j > i && digits.charCodeAt(0) === 0x30 && digits.charCodeAt(1) !== 0x2e) break;
      const cell: Cell = j === i ? first
        : fullCell(text.slice(first.start, last.start + last.text.length), 'number', digits, first.start, last.end, undefined, true, undefined, undefined);
      cur.push(cell);
      go(j + 1, cur);
      cur.pop();
    }
  };
  go(0, []);
  return out.length > MAX_READINGS ? null : out;
}

/**
 * The collapse model: token i stands for a run of r_i ≥ 1 equal cells. With `blanks`, cells that
 * were empty (and so left no line) come back as blanks anywhere in the row.
 */
function runExpansions(tokens: Cell[], n: number, blanks: boolean): Cell[][] | null {
  const k = tokens.length;
  if (blanks ? countWithBlanks(k, n) > MAX_READINGS : binomial(n - 1, k - 1) > MAX_READINGS) return null;
  const out: Cell[][] = [];
  const cur: Cell[] = [];
  // Place token t (it has already run `run` times), with `left` cells still to fill.
  const go = (t: number, run: number, left: number) => {
    if (left === 0) { if (t === k - 1 && run > 0) out.push([...cur]); return; }
    const tok = tokens[t];
    // Continue the current token's run, or move to the next token (once this one has run).
    cur.push(run === 0 ? tok : repeat(tok));
    go(t, run + 1, left - 1);
    cur.pop();
    if (run > 0 && t + 1 < k) {
      cur.push(tokens[t + 1]);
      go(t + 1, 1, left - 1);
      cur.pop();
    }
    if (blanks && (run > 0 || t === 0)) {
      const at = run > 0 ? tok.end : tok.start;
      cur.push(blankAt(at));
      go(t, run, left - 1);
      cur.pop();
    }
  };
  go(0, 0, n);
  // Without blanks every reading has exactly the tokens in order; with them, drop the ones that have none (the first branch made them already).
  return blanks ? out.filter(cells => cells.some(c => c.kind === 'blank')) : out;
}

/** Cells that were empty left out of the text: the tokens keep their order, blanks fill the rest. */
function droppedBlanks(tokens: Cell[], n: number): Cell[][] | null {
  const k = tokens.length;
  if (binomial(n, k) > MAX_READINGS) return null;
  const out: Cell[][] = [];
  const cur: Cell[] = [];
  const go = (t: number, left: number) => {
    if (left === 0) { if (t === k) out.push([...cur]); return; }
    if (t < k) { cur.push(tokens[t]); go(t + 1, left - 1); cur.pop(); }
    if (left > k - t) { cur.push(blankAt(t < k ? tokens[t].start : tokens[k - 1].end)); go(t, left - 1); cur.pop(); }
  };
  go(0, n);
  return out;
}

function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** Readings of the collapse model with blanks: Σ over m non-blank cells of C(m-1, k-1)·C(n, m). */
function countWithBlanks(k: number, n: number): number {
  let s = 0;
  for (let m = k; m <= n; m++) s += binomial(m - 1, k - 1) * binomial(n, m);
  return s;
}

/** What a cell of a reading says, for comparing readings: its figure, else its kind. */
export const sayOf = (c: Cell): string => (c.kind === 'number' ? c.value! : c.kind);

/** The value a solver sums for a cell: its figure, 0 for blank and not applicable, NaN when it holds no summable figure. */
export function solverValue(c: Cell): number {
  if (c.kind === 'blank' || c.kind === 'not-applicable') return 0;
  if (c.kind !== 'number' || c.value === null || c.value.length > 15 || c.value.indexOf('.') >= 0) return NaN;
  return Number(c.value);
}

/**
 * The collapse signature of a table: rows of one value per line (the first on the line after the
 * label) in which neighbouring values are
 * not equal — a conversion that keeps one line per run of identical lines leaves no equal pair;
 * one is allowed, for a figure mistyped in such a table — and at least three rows shorter than
 * the table (one, when the table has no equal pair at all).
 */
export function collapseSignature(text: string, rows: { tokens: Cell[]; n: number; at: number }[]): boolean {
  let short = 0, equalPairs = 0;
  for (const r of rows) {
    if (!r.tokens.length) continue;
    if (r.tokens.length < r.n) short++;
    // A value on its label's line (a report flattened onto one line) is not one value per line.
    if (!breakBefore(text, r.at, r.tokens[0])) return false;
    for (let i = 1; i < r.tokens.length; i++) {
      const a = r.tokens[i - 1], b = r.tokens[i];
      // A row written on one line is not a one-value-per-line row.
      if (!lineBreakBetween(text, a, b)) return false;
      if (a.text === b.text && ++equalPairs > 1) return false;
    }
  }
  return equalPairs === 0 ? short > 0 : short >= 3;
}
