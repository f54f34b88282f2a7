import { normalizeText } from '../text/normalize';
import { isJsWhiteSpace } from '../text/whitespace';

/**
 * Splits a document into reports. A compilation holds hundreds of department reports one after
 * another; a new report starts at a title line (…政府信息公开…年度报告) or, without a title, at an
 * `一、总体情况` heading, once the current report has had its own 总体情况. The decision for a line
 * depends only on the line, the next line and whether the current report has seen 总体情况 — so a
 * re-scan from any boundary gives the same result as a scan from the top.
 */
/** A report title in normalised text, and the first half of one broken after 公开 / 公开工作. */
export const TITLE = /政府信息公开.{0,30}?(?:年度报告|年报|工作报告)/;
export const TITLE_FIRST_HALF = /政府信息公开(?:工作)?$/;
/** Punctuation of running text (normalised: full-width commas and semicolons read as ASCII). */
const SENTENCE_PUNCTUATION = /[,;。!?]/;
/**
 * Whether a normalised line names the annual report as a title does: a line of its own words, so a
 * sentence that mentions "…政府信息公开工作年度报告" is not one.
 */
export const isTitleText = (n: string) => TITLE.test(n) && !SENTENCE_PUNCTUATION.test(n);
const OVERVIEW_AT_START = /^(?:标题:)?(?:[一1][、.]|[-•·●*])?(?:\d{4}年度?)?(?:政府信息公开(?:工作)?)?总体情况/;
const OVERVIEW_IN_LONG_LINE = /一[、.．][^。\n]{0,40}?[总總](?:\([a-zǎǒ]{1,6}\))?\s*[体體](?:\([a-zǐ]{1,6}\))?\s*[情][况況]/;
const OVERVIEW_ANYWHERE = /[一][、.](?:\d{4}年度?)?(?:政府信息公开(?:工作)?)?总体情况/;

function lineEnd(text: string, i: number, to: number): number {
  while (i < to) { const c = text.charCodeAt(i); if (c === 10 || c === 13) return i; i++; }
  return to;
}
function nextLine(text: string, e: number): number {
  if (text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10) return e + 2;
  return e + 1;
}

/** Cheap tests before normalising a line: a title has 报/報, a heading 况/況. */
const mayBeTitle = (line: string) => line.length < 120 && (line.includes('报') || line.includes('報') || /(?:信息|資訊|資信)公[开開](?:\(kāi\))?(?:工作)?\s*$/.test(line));
const mayBeOverview = (line: string) => (line.includes('总体') || line.includes('總體') || line.includes('總(')) && (line.includes('况') || line.includes('況'));

/**
 * Whether the line after the one ending at `le` goes on with a list (`、主动公开…`): then a line
 * `总体情况` is the first name in an introduction that lists the six parts, not the heading.
 */
function continuesList(text: string, le: number, to: number): boolean {
  const ns = nextLine(text, le);
  if (ns >= to) return false;
  for (let i = ns; i < to && i < ns + 8; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    if (!isJsWhiteSpace(c)) return c === 0x3001 /* 、 */ || c === 0xff0c /* ， */ || c === 0x2c || c === 0xff1b /* ； */ || c === 0x3b;
  }
  return false;
}

/** Whether the line starting at `ls` opens a new report, and whether it holds 总体情况. */
export function classifyLine(text: string, ls: number, le: number, to: number): { opens: boolean; overview: boolean } {
  const line = text.slice(ls, le);
  let title = false, overviewStart = false, overview = false;
  if (mayBeTitle(line)) {
    const n = normalizeText(line);
    title = n.length <= 60 && isTitleText(n);
    if (!title && n.length <= 60 && TITLE_FIRST_HALF.test(n)) {
      const ns = nextLine(text, le);
      if (ns < to) {
        const next = normalizeText(text, ns, lineEnd(text, ns, Math.min(to, ns + 40)));
        title = /^(?:年度)?报告/.test(next);
      }
    }
  }
  if (mayBeOverview(line)) {
    if (line.length > 200) {
      // A report flattened onto one line: only "has it a 一、…总体情况 heading" matters, read raw.
      overview = OVERVIEW_IN_LONG_LINE.test(line);
    } else {
      const n = normalizeText(line);
      overviewStart = n.length <= 40 && OVERVIEW_AT_START.test(n) && !continuesList(text, le, to);
      overview = overviewStart || OVERVIEW_ANYWHERE.test(n);
    }
  }
  return { opens: title || overviewStart, overview };
}

/** Start of the line holding offset `i`, read back from `i` but never before `floor`. */
function lineStartBefore(text: string, i: number, floor: number): number {
  let s = i;
  for (let ch = text.charCodeAt(s - 1); s > floor && ch !== 10 && ch !== 13; ch = text.charCodeAt(--s - 1));
  return s;
}

/**
 * Whether the line ending at `b` (not before `floor`) can be the first half of a broken title: its
 * last visible character can end `…公开`, `…公開`, `…公开工作` or `…公开(kāi)`. Read back from its end
 * only, never across a line break: a line is rarely read to its start.
 */
function endsLikeTitleHalf(text: string, floor: number, b: number): boolean {
  let e = b, c = text.charCodeAt(e - 1);
  while (e > floor && c !== 10 && c !== 13 && isJsWhiteSpace(c)) c = text.charCodeAt(--e - 1);
  return e > floor && (c === 0x5f00 /* 开 */ || c === 0x958b /* 開 */ || c === 0x4f5c /* 作 */ || c === 0x29 /* ) */);
}

/**
 * Report start offsets in text[from, to), `from` being a report start. Stops early when `stop`
 * says a boundary is one already known (an incremental re-scan that has caught up).
 */
export function scanBoundaries(text: string, from: number, to: number, stop?: (boundary: number) => boolean): number[] {
  const out = [from];
  let seenOverview = false;
  let ls = from;
  /** Records that the line starting at `at` opens a report; true when `stop` ends the scan there. */
  const opening = (at: number): boolean => {
    if (!seenOverview || at <= from) return false;
    out.push(at);
    seenOverview = false;
    return !!stop && stop(at);
  };
  // Only a line holding one of these characters can be a title or a 总体情况 heading: find their next
  // occurrences once, moving forward, instead of slicing and searching every line. (The first half of
  // a title broken after …公开 holds none of them: it is read from its second half, which does.)
  const keys = ['报', '報', '况', '況'].map(ch => ({ ch, at: -1 }));
  const nextKey = (a: number) => {
    let min = Infinity;
    for (const k of keys) {
      if (k.at < a && k.at !== Infinity) { const i = text.indexOf(k.ch, a); k.at = i < 0 ? Infinity : i; }
      if (k.at < min) min = k.at;
    }
    return min;
  };
  // Line ends by native search too (\n, and a lone \r), again moving forward only.
  let nl = -1, cr = -1;
  const endOf = (a: number) => {
    if (nl < a && nl !== Infinity) { const i = text.indexOf('\n', a); nl = i < 0 ? Infinity : i; }
    if (cr < a && cr !== Infinity) { const i = text.indexOf('\r', a); cr = i < 0 ? Infinity : i; }
    return Math.min(nl, cr, to);
  };
  while (ls < to) {
    const c = nextKey(ls);
    if (c >= to) break;
    // The start of the line holding c (ls itself when no line break lies between them): read back
    // from c, never past ls, so a file of very long lines is still read once.
    const s = lineStartBefore(text, c, ls);
    // A line not visited before this one may be the first half of a broken title (`…政府信息公开` /
    // `年度报告`): the only way a line without the key characters opens a report.
    if (s > ls) {
      const prevEnd = s - (text.charCodeAt(s - 1) === 10 && s - 2 >= ls && text.charCodeAt(s - 2) === 13 ? 2 : 1);
      if (endsLikeTitleHalf(text, ls, prevEnd)) {
        const prevStart = lineStartBefore(text, prevEnd, ls);
        if (classifyLine(text, prevStart, prevEnd, to).opens && opening(prevStart)) return out;
      }
    }
    ls = s;
    const le = endOf(ls);
    const { opens, overview } = classifyLine(text, ls, le, to);
    if (opens && opening(ls)) return out;
    if (overview) seenOverview = true;
    ls = nextLine(text, le);
  }
  return out;
}
