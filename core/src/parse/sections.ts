import type { Section } from '../model';
import { NUMERALS, SECTIONS } from '../template/sections';
import type { NormText } from '../text/normalize';
import { sourceEnd } from '../text/normalize';

/** A heading may carry the year and the subject before its words: `一、2022年政府信息公开总体情况`. */
const PREFIX = '(?:\\d{4}年度?)?(?:政府信息公开(?:工作)?)?';
/** One sticky pattern for all six headings; the capture group that matched tells the section. */
const HEADING = new RegExp(`${PREFIX}(?:${SECTIONS.map(s => `(${s.headings.join('|')})`).join('|')})`, 'y');
/**
 * Character classes by code — a table read per test, not a set hashed per test (they run at every
 * line start and every 、), nor `text[i]`, which allocates a string for a Chinese character.
 */
const BULLET = 1, FIRST_CHAR = 2, HEADING_END = 4, NUMERAL = 8;
const CLASSES = new Uint8Array(0x10000);
const mark = (chars: string, flag: number) => { for (const ch of chars) CLASSES[ch.charCodeAt(0)] |= flag; };
mark('-•·●*◆■', BULLET);
/** What a heading's words (or the year before them) start with. */
mark('总主行收因政存其0123456789', FIRST_CHAR);
/** What may follow a heading without a numeral on its line: nothing, or `:` `：` `。` `.`. */
mark(':：。.', HEADING_END);
mark(NUMERALS, NUMERAL);
/** Whether code `c` (NaN past the end of the text: in no class) is in class `flag`. */
const is = (c: number, flag: number) => c < 0x10000 && (CLASSES[c] & flag) !== 0;

/**
 * The numerals written before the next `、` or `.` at or after `from` (one or two: `三、`, `十二.`),
 * as the pattern `([一…十]{1,2})[、.]` would find them, without a match object per hit: the start of
 * the numerals in `numberedAt` and the separator's index returned, or -1 when there are no more.
 */
let numberedAt = 0;
function nextNumbered(text: string, from: number): number {
  let comma = text.indexOf('、', from), dot = text.indexOf('.', from);
  for (;;) {
    if (comma < 0 && dot < 0) return -1;
    const q = dot < 0 || (comma >= 0 && comma < dot) ? comma : dot;
    if (q - 1 >= from && is(text.charCodeAt(q - 1), NUMERAL)) {
      numberedAt = q - 2 >= from && is(text.charCodeAt(q - 2), NUMERAL) ? q - 2 : q - 1;
      return q;
    }
    if (q === comma) comma = text.indexOf('、', q + 1); else dot = text.indexOf('.', q + 1);
  }
}

function matchHeading(text: string, at: number): { number: number; end: number } | null {
  const c = text.charCodeAt(at);
  // A heading starts with its words or with a year (`2022年…总体情况`).
  if (c >= 0x30 && c <= 0x39 ? text.charCodeAt(at + 4) !== 0x5e74 /* 年 */ : !is(c, FIRST_CHAR)) return null;
  HEADING.lastIndex = at;
  const m = HEADING.exec(text);
  if (!m) return null;
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return { number: SECTIONS[g - 1].number, end: HEADING.lastIndex };
  return null;
}

/** Whether [ns, ne) lies within a heading already found (a plain loop: a closure here would allocate per line). */
function covered(found: { ns: number; ne: number }[], ns: number, ne: number): boolean {
  for (const f of found) if (f.ns <= ns && f.ne >= ne) return true;
  return false;
}

function numeralValue(s: string): number {
  if (s.length === 1) return NUMERALS.indexOf(s) + 1;
  return s[0] === '十' ? 10 + NUMERALS.indexOf(s[1]) + 1 : NUMERALS.indexOf(s[0]) + 1;
}

/**
 * Finds the section headings in normalised text: a numeral (`一、`) followed by a heading's words,
 * anywhere (reports flattened onto one line keep their headings mid-line), or a heading's words
 * alone on a line, bare or after a bullet (`- 总体情况`). Returns them in document order, with
 * bodies running to the next heading.
 */
export function findSections(nt: NormText, src: string, end: number): Section[] {
  const text = nt.text;
  const found: { ns: number; ne: number; number: number; written: number | null }[] = [];
  for (let q = nextNumbered(text, 0); q >= 0;) {
    const ns = numberedAt;
    const h = matchHeading(text, q + 1);
    if (h) found.push({ ns, ne: h.end, number: h.number, written: numeralValue(text.slice(ns, q)) });
    q = nextNumbered(text, h ? h.end : q + 1);
  }
  // Line starts only.
  for (let l = 0; l < nt.lines.length; l++) {
    const i = nt.lines[l];
    const at = is(text.charCodeAt(i), BULLET) ? i + 1 : i;
    const h = matchHeading(text, at);
    // Without a numeral, the heading must stand alone on its line.
    if (h && (h.end >= text.length || nt.lineStart[h.end] || is(text.charCodeAt(h.end), HEADING_END))) {
      if (!covered(found, i, h.end)) found.push({ ns: i, ne: h.end, number: h.number, written: null });
    }
  }
  found.sort((a, b) => a.ns - b.ns);
  const sections: Section[] = found.map(f => {
    const hs = nt.map[f.ns], he = sourceEnd(nt, f.ne, hs);
    return { number: f.number, writtenNumber: f.written, title: src.slice(hs, he), headingStart: hs, headingEnd: he, start: hs, end };
  });
  for (let i = 0; i + 1 < sections.length; i++) sections[i].end = sections[i + 1].start;
  return sections;
}
