import type { Section } from '../model';
import { NUMERALS, SECTIONS } from '../template/sections';
import type { NormText } from '../text/normalize';
import { sourceEnd } from '../text/normalize';

/**
 * Section headings by alignment. Every place that could be a heading is a *candidate* with a
 * score — a numeral before it, how close its words are to the template's wording, whether it
 * stands alone on its line — and the six sections are then given the best monotone chain of
 * candidates (dynamic programming), so an introduction that names the six parts, a heading line
 * repeated in front of its table, or a table row `四、结转下年度继续办理` never outranks the real
 * sequence. A strong candidate left out of the chain for a section the chain lacks is the section,
 * out of order.
 */

/** A heading may carry the year and the subject before its words: `一、2022年政府信息公开总体情况`. */
const PREFIX = '(?:\\d{4}年度?)?(?:政府信息公开(?:工作)?)?';
/** One sticky pattern for all six headings; the capture group that matched tells the section. */
const HEADING = new RegExp(`${PREFIX}(?:${SECTIONS.map(s => `(${s.headings.join('|')})`).join('|')})`, 'y');
const STRIP = /(?:\d{4}年度?)?(?:政府信息公开(?:工作)?)?/y;

/** Character classes by code: a table read per test (they run at every line start and every 、). */
const BULLET = 1, FIRST_CHAR = 2, HEADING_END = 4, NUMERAL = 8, FUZZY_FIRST = 16, LIST_NEXT = 32;
const CLASSES = new Uint8Array(0x10000);
const mark = (chars: string, flag: number) => { for (const ch of chars) CLASSES[ch.charCodeAt(0)] |= flag; };
mark('-•·●*◆■', BULLET);
/** What a heading's words (or the year before them) start with. */
mark('总主行收因政存其0123456789', FIRST_CHAR);
/** What may follow a heading without a numeral on its line: nothing, or `:` `：` `。` `.`. */
mark(':：。.', HEADING_END);
mark(NUMERALS, NUMERAL);
/** The first characters of every wording (and of a year or the subject before it): where a near match can start. */
for (const s of SECTIONS) for (const w of s.wordings) mark(w.slice(0, 3), FUZZY_FIRST);
mark('0123456789政', FUZZY_FIRST);
/** After a part's name in a list (`总体情况、主动公开…`): an introduction, not a heading. */
mark('、，,；;', LIST_NEXT);
const is = (c: number, flag: number) => c < 0x10000 && (CLASSES[c] & flag) !== 0;

/** A numeral and the separator after it (`三、`, `二.`): where a numbered heading may start. */
const NUMBERED = new RegExp(`[${NUMERALS}][、.]`, 'g');

/**
 * Finds the numerals written before a `、` or `.` (one or two: `三、`, `十二.`), moving forward only,
 * with one search for both (a native scan: the text holds thousands of 、 in lists).
 */
class NumeralScanner {
  /** Start of the numerals of the last hit. */
  at = 0;
  constructor(private readonly text: string) {}
  /** The separator's index of the next numbered place at or after `from` (its numeral too), or -1. */
  next(from: number): number {
    NUMBERED.lastIndex = from;
    // test, not exec: no match object per numbered place; the match is the numeral and the separator.
    if (!NUMBERED.test(this.text)) return -1;
    const q = NUMBERED.lastIndex - 1;
    this.at = q - 2 >= from && is(this.text.charCodeAt(q - 2), NUMERAL) ? q - 2 : q - 1;
    return q;
  }
}

function exactHeading(text: string, at: number): { number: number; end: number } | null {
  const c = text.charCodeAt(at);
  if (c >= 0x30 && c <= 0x39 ? text.charCodeAt(at + 4) !== 0x5e74 /* 年 */ : !is(c, FIRST_CHAR)) return null;
  HEADING.lastIndex = at;
  const m = HEADING.exec(text);
  if (!m) return null;
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return { number: SECTIONS[g - 1].number, end: HEADING.lastIndex };
  return null;
}

/**
 * Near matches cost a common-subsequence table each; a report gets this many table cells in all
 * (a real report uses well under a tenth of it), so a hostile text of a million short lines or
 * numerals stays linear. Past it, only exact headings are found.
 */
const NEAR_MATCH_BUDGET = 20_000_000;
let nearMatchBudget = NEAR_MATCH_BUDGET;

/**
 * Longest common subsequence of `w` and text[a, b): its length; the shortest end reaching it is left
 * in `lcsEnd` (a hot loop, run for most short lines: no object per call).
 */
const LCS_ROW = new Int32Array(64), LCS_PREV = new Int32Array(64);
let lcsEnd = 0;
function lcs(w: string, text: string, a: number, b: number): number {
  const m = w.length;
  nearMatchBudget -= m * Math.max(0, b - a);
  let best = 0, end = a;
  LCS_PREV.fill(0, 0, m + 1);
  for (let j = a; j < b; j++) {
    const c = text.charCodeAt(j);
    LCS_ROW[0] = 0;
    for (let i = 1; i <= m; i++) {
      LCS_ROW[i] = w.charCodeAt(i - 1) === c ? LCS_PREV[i - 1] + 1 : Math.max(LCS_PREV[i], LCS_ROW[i - 1]);
    }
    if (LCS_ROW[m] > best) { best = LCS_ROW[m]; end = j + 1; }
    for (let i = 0; i <= m; i++) LCS_PREV[i] = LCS_ROW[i];
  }
  lcsEnd = end;
  return best;
}

/**
 * The closest section wording to the text at `at` (reading no further than `limit`): its section,
 * similarity (common subsequence / wording length) and end, when the similarity is at least `min`.
 */
/** Each wording with its section. */
const WORDINGS = SECTIONS.flatMap(s => s.wordings.map(w => ({ number: s.number, w })));
/**
 * Per character code, a bit per wording: FIRST_OF, the wordings among whose first three characters
 * it is; CHAR_OF, the wordings that have it (a cheap bound before the common-subsequence table).
 */
const FIRST_OF = new Uint16Array(0x10000), CHAR_OF = new Uint16Array(0x10000);
if (WORDINGS.length > 16) throw new Error('sections: more wordings than bits in FIRST_OF/CHAR_OF');
WORDINGS.forEach(({ w }, k) => {
  for (const ch of w.slice(0, 3)) FIRST_OF[ch.charCodeAt(0)] |= 1 << k;
  for (const ch of w) CHAR_OF[ch.charCodeAt(0)] |= 1 << k;
});

function nearHeading(text: string, at: number, limit: number, min: number): { number: number; score: number; end: number } | null {
  const c0 = text.charCodeAt(at);
  if (nearMatchBudget <= 0 || !is(c0, FUZZY_FIRST)) return null;
  // A digit starts a heading only as a year (`2022年政府信息公开总体情况`).
  if (c0 >= 0x30 && c0 <= 0x39 && text.charCodeAt(at + 4) !== 0x5e74 /* 年 */) return null;
  STRIP.lastIndex = at;
  STRIP.test(text); // always matches (maybe nothing): only where it ends is wanted
  const stripped = STRIP.lastIndex;
  let best: { number: number; score: number; end: number } | null = null;
  for (let pass = 0; pass < (stripped > at ? 2 : 1); pass++) {
    const from = pass === 0 ? at : stripped;
    // The words must start where the heading does: one of the wording's first characters in its first three.
    let starts = 0;
    for (let i = from; i < from + 3 && i < limit; i++) starts |= FIRST_OF[text.charCodeAt(i)];
    for (let k = 0; starts >> k; k++) {
      if (!((starts >> k) & 1)) continue;
      const { number, w } = WORDINGS[k], bit = 1 << k;
      const to = Math.min(limit, from + w.length + 6);
      // The common subsequence is no longer than the window's characters that the wording has.
      let shared = 0;
      for (let i = from; i < to; i++) if (CHAR_OF[text.charCodeAt(i)] & bit) shared++;
      if (shared < min * w.length) continue;
      const score = lcs(w, text, from, to) / w.length;
      if (score >= min && (!best || score > best.score)) best = { number, score, end: lcsEnd };
    }
  }
  return best;
}

/** Whether the text at `at` starts with the first two characters of one of section `number`'s wordings. */
function startsLikeSection(text: string, at: number, number: number): boolean {
  const spec = SECTIONS[number - 1];
  return !!spec && spec.wordings.some(w => text.startsWith(w.slice(0, 2), at));
}

/** Each numeral's value by its code (0: not a numeral). */
const NUMERAL_VALUE = new Uint8Array(0x10000);
for (let i = 0; i < NUMERALS.length; i++) NUMERAL_VALUE[NUMERALS.charCodeAt(i)] = i + 1;

/** The value of the one or two numerals text[a, b) (`三`, `十二`). */
function numeralValue(text: string, a: number, b: number): number {
  const first = NUMERAL_VALUE[text.charCodeAt(a)];
  return b - a === 2 && first === 10 ? 10 + NUMERAL_VALUE[text.charCodeAt(a + 1)] : first;
}

interface Candidate { ns: number; ne: number; number: number; written: number | null; score: number }

/** End (normalised index) of the line holding `i`. */
function lineEndOf(nt: NormText, i: number): number {
  let j = i + 1;
  while (j < nt.text.length && !nt.lineStart[j]) j++;
  return j;
}

/** Every place that could be a section heading, in document order. */
function candidates(nt: NormText): Candidate[] {
  const text = nt.text;
  const out: Candidate[] = [];
  const listed = (end: number) => end < text.length && is(text.charCodeAt(end), LIST_NEXT);
  // Numbered: `三、` then words close to a heading's, anywhere (flattened reports keep them mid-line).
  const scan = new NumeralScanner(text);
  for (let q = scan.next(0); q >= 0;) {
    const ns = scan.at;
    const written = numeralValue(text, ns, q);
    const exact = exactHeading(text, q + 1);
    let found: Candidate | null = null;
    if (exact && !listed(exact.end)) found = { ns, ne: exact.end, number: exact.number, written, score: exact.number === written ? 3 : 2 };
    else if (!exact) {
      const near = nearHeading(text, q + 1, text.length, 0.6);
      if (near && !listed(near.end)) {
        // The heading's own words run to its line's end (`…及下一步工作计划`) when that end is near.
        const lineEnd = nt.lineStart[ns] ? lineEndOf(nt, near.end - 1) : near.end;
        const ne = lineEnd - near.end <= 20 ? lineEnd : near.end;
        found = { ns, ne, number: near.number, written, score: 2 * near.score + (near.number === written ? 1 : 0) };
      }
      else if (!near && nt.lineStart[ns] && startsLikeSection(text, q + 1, written)) {
        // `六、其他应说明事项`: at a line start, its numeral and first words agree, the rest is the body's own wording.
        found = { ns, ne: lineEndOf(nt, ns), number: written, written, score: 2.2 };
      }
    }
    if (found) out.push(found);
    q = scan.next(found ? found.ne : q + 1);
  }
  // Unnumbered: a heading's words alone on their line, bare or after a bullet (`- 总体情况`).
  const numbered = out.length;
  /** Whether a numbered candidate covers [ns, ne): the last one starting at or before ns, found moving forward. */
  let before = -1;
  const covered = (ns: number, ne: number) => {
    while (before + 1 < numbered && out[before + 1].ns <= ns) before++;
    return before >= 0 && out[before].ne >= ne;
  };
  for (let l = 0; l < nt.lines.length; l++) {
    const i = nt.lines[l];
    const lineEnd = l + 1 < nt.lines.length ? nt.lines[l + 1] : text.length;
    // A heading alone on its line is short: the longest wording with a year and the subject before it.
    if (lineEnd - i > 60) continue;
    const at = is(text.charCodeAt(i), BULLET) ? i + 1 : i;
    const exact = exactHeading(text, at);
    let found: Candidate | null = null;
    if (exact && (exact.end >= lineEnd || is(text.charCodeAt(exact.end), HEADING_END)) && !listed(exact.end)) found = { ns: i, ne: exact.end, number: exact.number, written: null, score: 1.5 };
    else if (!exact && lineEnd - at <= 30) {
      const near = nearHeading(text, at, lineEnd, 0.8);
      if (near && near.end >= lineEnd - 2 && !listed(lineEnd)) found = { ns: i, ne: lineEnd, number: near.number, written: null, score: near.score };
    }
    if (found && !covered(found.ns, found.ne)) out.push(found);
  }
  return out.sort((a, b) => a.ns - b.ns);
}

/**
 * The chain of candidates with strictly increasing sections and the greatest total score (ties: the
 * earliest). Linear: candidates come in document order, and a chain may continue from the best chain
 * of each of the six sections that ended before this candidate starts.
 */
function bestChain(cs: Candidate[]): Candidate[] {
  // Plain arrays: a report has a few dozen candidates, cheaper so than typed arrays.
  const score: number[] = new Array(cs.length).fill(0), prev: number[] = new Array(cs.length).fill(-1);
  /** Per section number: the best chain ending in it among the candidates already ended. */
  const bestBy: number[] = new Array(SECTIONS.length + 1).fill(-1);
  /** Candidates not yet ended at the current start (headings are short: few at a time). */
  let pending: number[] = [], stillOpen: number[] = [];
  for (let i = 0; i < cs.length; i++) {
    stillOpen.length = 0;
    for (const j of pending) {
      if (cs[j].ne > cs[i].ns) { stillOpen.push(j); continue; }
      const b = bestBy[cs[j].number];
      if (b < 0 || score[j] > score[b]) bestBy[cs[j].number] = j;
    }
    const ended = pending;
    pending = stillOpen;
    stillOpen = ended;
    let from = -1;
    for (let n = 1; n < cs[i].number; n++) { const b = bestBy[n]; if (b >= 0 && (from < 0 || score[b] > score[from] || (score[b] === score[from] && b < from))) from = b; }
    score[i] = cs[i].score + (from >= 0 ? score[from] : 0);
    prev[i] = from;
    pending.push(i);
  }
  let end = -1;
  for (let i = 0; i < cs.length; i++) if (end < 0 || score[i] > score[end]) end = i;
  const chain: Candidate[] = [];
  for (let i = end; i >= 0; i = prev[i]) chain.push(cs[i]);
  return chain.reverse();
}

/**
 * Whether `again`, a strong heading of a section already read at `first`, opens a second copy of
 * the section (reported as appearing twice) rather than repeating the heading in front of the
 * section's table: the section's table already stands between them (or the section has none).
 */
function isSecondCopy(text: string, first: Candidate, again: Candidate): boolean {
  const words = SECTIONS[first.number - 1].tableWords;
  if (!words) return true;
  const between = text.slice(first.ne, again.ns);
  return words.some(w => between.includes(w));
}

/**
 * Finds the section headings in normalised text and returns them in document order, with bodies
 * running to the next heading. A section the best chain lacks but a strong numbered heading names
 * (its numeral and its words agree) is kept where it stands, out of order.
 */
export function findSections(nt: NormText, src: string, end: number): Section[] {
  nearMatchBudget = NEAR_MATCH_BUDGET;
  const cs = candidates(nt);
  const chain = bestChain(cs);
  const last = new Map(chain.map(c => [c.number, c]));
  const chosen = [...chain];
  for (const c of cs) {
    if (c.written !== c.number || c.score < 2.5) continue;
    const before = last.get(c.number);
    if (before && (c.ns <= before.ns || !isSecondCopy(nt.text, before, c))) continue;
    chosen.push(c);
    last.set(c.number, c);
  }
  chosen.sort((a, b) => a.ns - b.ns);
  const sections: Section[] = chosen.map(f => {
    const hs = nt.map[f.ns], he = sourceEnd(nt, f.ne, hs);
    return { number: f.number, writtenNumber: f.written, title: src.slice(hs, he), headingStart: hs, headingEnd: he, start: hs, end };
  });
  for (let i = 0; i + 1 < sections.length; i++) sections[i].end = sections[i + 1].start;
  return sections;
}
