import type { NormText } from '../text/normalize';
import type { RowSpec } from '../template/types';

/** A label found in the normalised text: [ns, ne) are normalised indices. */
export interface LabelHit { ns: number; ne: number }

const patternCache = new WeakMap<RowSpec, RegExp>();
function patternOf(row: RowSpec): RegExp {
  let re = patternCache.get(row);
  if (!re) { re = new RegExp(row.labels.join('|'), 'g'); patternCache.set(row, re); }
  return re;
}

const NUMERAL_DIGITS: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** The ways an ordinal such as `(三)`, `三、` or `3.` is written, as a regex source matching at the end of a string. */
function ordinalPattern(ordinal: string): RegExp {
  const n = ordinal.replace(/[()、.]/g, '');
  const alts = new Set<string>();
  for (const x of [n, NUMERAL_DIGITS[n] ?? n]) alts.add(`\\(${x}\\)|${x}[、.)]`);
  return new RegExp(`(?:${[...alts].join('|')})$`);
}
const ordinalCache = new Map<string, RegExp>();

/**
 * Finds the first label of `row` in nt.text[from, to). The hit is widened to take in the ordinal
 * written before it (so a glued `00000002.其他…` leaves `0000000` to the row before) and a
 * parenthesised note after it without figures (`部分公开（区分处理的，…）`).
 */
export function findLabel(nt: NormText, row: RowSpec, from: number, to: number): LabelHit | null {
  const re = patternOf(row);
  re.lastIndex = from;
  const m = re.exec(nt.text);
  if (!m || m.index + m[0].length > to) return null;
  let ns = m.index, ne = m.index + m[0].length;
  if (row.ordinal) {
    let ore = ordinalCache.get(row.ordinal);
    if (!ore) { ore = ordinalPattern(row.ordinal); ordinalCache.set(row.ordinal, ore); }
    const before = nt.text.slice(Math.max(from, ns - 4), ns);
    const om = ore.exec(before);
    if (om) ns -= om[0].length;
  }
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
