import type { NormText } from '../text/normalize';
import type { RowSpec } from '../template/types';

/** A label found in the normalised text: [ns, ne) are normalised indices. */
export interface LabelHit { ns: number; ne: number }

/** How a row's label is searched for: its labels, and the ways its ordinal is written. */
export interface LabelSearch {
  /** A pattern, or plain strings when no label uses pattern syntax (most): searched with `indexOf`, no match objects. */
  pattern: RegExp | string[];
  /** The forms of the ordinal (`(三)`, `三、`, `3.`…), longest first; empty without one. */
  ordinalForms: string[];
}

const searchCache = new WeakMap<RowSpec, LabelSearch>();
/** The search for `row`'s label (made once per template row). */
export function labelSearch(row: RowSpec): LabelSearch {
  let p = searchCache.get(row);
  if (!p) {
    const pattern = row.labels.some(l => /[\\^$.|?*+()[\]{}]/.test(l)) ? new RegExp(row.labels.join('|'), 'g') : row.labels;
    p = { pattern, ordinalForms: row.ordinal ? ordinalForms(row.ordinal) : [] };
    searchCache.set(row, p);
  }
  return p;
}

/** End of the label `firstLabel` found last. */
let labelEnd = 0;
/** Start of the first label at or after `from` (at the same place, the one listed first, as the alternation would), or -1; its end in `labelEnd`. */
function firstLabel(text: string, p: RegExp | string[], from: number): number {
  if (!Array.isArray(p)) {
    p.lastIndex = from;
    const m = p.exec(text);
    if (!m) return -1;
    labelEnd = m.index + m[0].length;
    return m.index;
  }
  let best = -1;
  for (const l of p) {
    const i = text.indexOf(l, from);
    if (i >= 0 && (best < 0 || i < best)) { best = i; labelEnd = i + l.length; }
  }
  return best;
}

const NUMERAL_DIGITS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** The ways an ordinal such as `(三)`, `三、` or `3.` is written (numeral or digit), longest first. */
function ordinalForms(ordinal: string): string[] {
  const n = ordinal.replace(/[()、.]/g, '');
  const forms = new Set<string>();
  for (const x of [n, NUMERAL_DIGITS[n] ?? n]) for (const f of [`(${x})`, `${x}、`, `${x}.`, `${x})`]) forms.add(f);
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Finds the first label of `row` in nt.text[from, to). The hit is widened to take in the ordinal
 * written before it (so a glued `00000002.其他…` leaves `0000000` to the row before) and a
 * parenthesised note after it without figures (`部分公开（区分处理的，…）`).
 */
export function findLabel(nt: NormText, row: RowSpec, from: number, to: number): LabelHit | null {
  return findLabelBy(nt, labelSearch(row), from, to);
}

/** `findLabel` with the row's search already made (what a table reader, looking for each row in turn, uses). */
export function findLabelBy(nt: NormText, search: LabelSearch, from: number, to: number): LabelHit | null {
  let ns = firstLabel(nt.text, search.pattern, from), ne = labelEnd;
  if (ns < 0 || ne > to) return null;
  // The longest form ending right before the label, within the 4 characters before it (and not before `from`).
  const earliest = Math.max(from, ns - 4);
  for (const f of search.ordinalForms) if (ns - f.length >= earliest && nt.text.startsWith(f, ns - f.length)) { ns -= f.length; break; }
  ne = skipNote(nt.text, ne, to);
  return { ns, ne };
}

/** Skips a parenthesised remark without figures right after a label. */
export function skipNote(text: string, i: number, to: number): number {
  if (text[i] !== '(') return i;
  const close = text.indexOf(')', i);
  if (close < 0 || close >= to || close - i > 40) return i;
  return /\d/.test(text.slice(i, close)) ? i : close + 1;
}

/** A label this long or longer may be matched with one character wrong (`属于行政执法案件` for `…案卷`). */
const NEAR_MIN_LENGTH = 6;
/** How far a near match is looked for (a missing row's window is the text up to the next row found). */
const NEAR_WINDOW = 4000;

/**
 * The first place in nt.text[from, to) where one of the row's labels stands with exactly one
 * character different (a typo in a label that is long enough not to be another row's), widened as
 * `findLabelBy` widens an exact hit. Used only for a row whose label is not found as written.
 */
export function findNearLabel(nt: NormText, search: LabelSearch, from: number, to: number): LabelHit | null {
  if (!Array.isArray(search.pattern)) return null;
  const text = nt.text;
  const end = Math.min(to, from + NEAR_WINDOW);
  let best: LabelHit | null = null;
  for (const label of search.pattern) {
    if (label.length < NEAR_MIN_LENGTH) continue;
    const L = label.length;
    for (let i = from; i + L <= end && (!best || i < best.ns); i++) {
      let wrong = 0;
      for (let k = 0; k < L && wrong < 2; k++) if (text.charCodeAt(i + k) !== label.charCodeAt(k)) wrong++;
      if (wrong === 1) { best = { ns: i, ne: i + L }; break; }
    }
  }
  if (!best) return null;
  const earliest = Math.max(from, best.ns - 4);
  for (const f of search.ordinalForms) if (best.ns - f.length >= earliest && text.startsWith(f, best.ns - f.length)) { best.ns -= f.length; break; }
  best.ne = skipNote(text, best.ne, to);
  return best;
}
