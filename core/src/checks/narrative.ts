import type { Finding, Report } from '../model';
import { PHRASES, type PhraseSpec } from '../template/phrases';
import { normalize, windowOf, type NormText } from '../text/normalize';
import { sum } from '../decimal';

/**
 * The text against the tables (REPORT-FORMAT §5, relation 7): the numbers section 一 quotes —
 * 共收到政府信息公开申请N件, 结转下年度N件, 行政复议N件 … (template/phrases.ts) — against the cells
 * they speak of. A warning only when the number fits none of the phrase's readings, and never when
 * a cell it needs is not known.
 */
export function narrativeFindings(report: Report, text: string, nt: NormText): Finding[] {
  const out: Finding[] = [];
  for (const q of narrativeQuotes(report, text, nt)) {
    if (q.sums.some(s => s === null) || q.sums.some(s => s === q.quoted)) continue;
    out.push(mismatch(q.phrase, q.sums as string[], q.start, q.end, q.sentence));
  }
  return out;
}

/** A number the narrative quotes (or a "none" it states), where it stands, and what the tables say of it. */
export interface NarrativeQuote {
  phrase: PhraseSpec;
  /** The number quoted ('0' for a phrase that states none). */
  quoted: string;
  /** Per reading of the phrase, the tables' sum (null when a cell it needs is not known). */
  sums: (string | null)[];
  /** The quoted number's source offsets (the whole phrase when it quotes none). */
  start: number;
  end: number;
  sentence: string;
}

/** Every phrase of template/phrases.ts in section 一 before its first table, with the tables' sums. `nt`: `text` normalised. */
export function narrativeQuotes(report: Report, text: string, nt: NormText = normalize(text)): NarrativeQuote[] {
  const overview = report.sections.find(s => s.number === 1);
  if (!overview) return [];
  const from = overview.headingEnd;
  const next = report.sections.find(s => s.number > 1 && s.start > from);
  const to = Math.min(next ? next.start : overview.end, firstTableStart(report, from));
  if (to <= from) return [];
  const out: NarrativeQuote[] = [];
  const seen = new Set<string>();
  // Only the text around the phrases' verbs is searched: a window on each side of every one.
  for (const [a, b] of keywordWindows(text, from, to)) {
    const w = windowOf(nt, a, b);
    for (const phrase of PHRASES) {
      if (!w.text.includes(phrase.holds)) continue;
      phrase.pattern.lastIndex = 0;
      for (let m = phrase.pattern.exec(w.text); m; m = phrase.pattern.exec(w.text)) {
        if (phrase.partial && phrase.partial.test(m[1] ?? '')) continue;
        const ns = phrase.zero ? m.index : m.index + m[0].lastIndexOf(m[2]);
        const ne = phrase.zero ? m.index + m[0].length : ns + m[2].length;
        const start = w.map[ns], end = w.map[ne - 1] + 1;
        if (seen.has(`${phrase.id}:${start}`)) continue;
        seen.add(`${phrase.id}:${start}`);
        out.push({
          phrase, quoted: phrase.zero ? '0' : m[2], sums: phrase.readings.map(keys => tableSum(report, keys)),
          start, end, sentence: w.text.slice(m.index, m.index + m[0].length),
        });
      }
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The verbs every phrase holds one of, and how far around one a phrase may reach (in source characters). */
const KEYWORDS = /收到|受理|接收|结转|复议|诉讼/g;
const REACH = 120;

/** Merged windows of text[from, to) around the keywords. */
function keywordWindows(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  const slice = text.slice(from, to);
  KEYWORDS.lastIndex = 0;
  for (let m = KEYWORDS.exec(slice); m; m = KEYWORDS.exec(slice)) {
    const a = Math.max(from, from + m.index - REACH), b = Math.min(to, from + m.index + REACH);
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b); else out.push([a, b]);
  }
  return out;
}

/** Where the first table's rows start after `from` (a sentence inside a table is the table's). */
function firstTableStart(report: Report, from: number): number {
  let at = Infinity;
  for (const t of report.tables) if (t.rows.length && t.start > from) at = Math.min(at, t.start);
  return at;
}

/** The sum of cells `keys`, or null when one is missing or not known (blank and `/` count as 0). */
function tableSum(report: Report, keys: string[]): string | null {
  const values: string[] = [];
  for (const k of keys) {
    const c = report.cells.get(k);
    if (!c || c.kind === 'unknown' || c.kind === 'invalid') return null;
    values.push(c.kind === 'number' ? c.value! : '0');
  }
  return sum(values);
}

function mismatch(phrase: PhraseSpec, sums: string[], start: number, end: number, sentence: string): Finding {
  const cells = [...new Set(phrase.readings.flat())];
  const tableSays = sums.length > 1 ? `${sums[0]}（含上年结转 ${sums[1]}）` : sums[0];
  const tableSaysEn = sums.length > 1 ? `${sums[0]} (${sums[1]} with those carried over)` : sums[0];
  return {
    code: 'text-table-mismatch', severity: 'warning', start, end, cells,
    message: {
      zh: `正文与表格不符：正文说“${sentence}”，表中${phrase.subject.zh}为 ${phrase.id === 'lawsuits' ? sums[0] : tableSays}`,
      en: `The text does not match the table: it says "${sentence}", the table's ${phrase.subject.en} are ${phrase.id === 'lawsuits' ? sums[0] : tableSaysEn}`,
    },
    expected: phrase.zero ? undefined : sums[0],
  };
}
