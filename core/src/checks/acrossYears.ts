import type { Finding, Report } from '../model';
import { normalizeText } from '../text/normalize';
import { cellName } from '../template/names';
import { REQUEST_COLUMNS } from '../template/tables';
import { lastYearKey, yearKey } from './pairing';
import { applyDirectives, findDirectives } from './directives';

/**
 * This year against last year, across files (issue 18): the same body's report of the year before
 * — bodies matched by the title's body name (normalised), years by the title — must hand over its
 * carried-over requests (`requests.carried.*` = last year's `requests.carryover.*`), and a narrative
 * section copied from last year's (内容雷同, which the 2021 notice forbids) is pointed out.
 */
export interface YearReport {
  /** The file (or document URI) the report is in. */
  file: string;
  /** Offset of the report in its file's text (its own offsets are relative to it). */
  base: number;
  report: Report;
  text: string;
}

/** A finding on one report that relates to a place in another file; both in offsets of their files. */
export interface AcrossFinding {
  file: string;
  finding: Finding;
  other: { file: string; start: number; end: number };
}

/** Sections compared with last year's, and the similarity from which one counts as copied. */
const COMPARED = [1, 5];
/** Share of character pairs in common (Dice coefficient over bigrams of the normalised text), from which a section counts as copied. */
export const COPY_THRESHOLD = 0.9;
/** Shorter sections (一句话的“无”) say too little to be called copied. */
const MIN_LENGTH = 200;


/**
 * Each report against the same body's report of the year before among `items` (pairing.ts says
 * which pair up; of two reports with the same key, the later in `items` is taken). `targets`: only
 * the reports of these files are checked (the others are only compared with), as the language
 * server asks for one document's findings.
 */
export function acrossYears(items: YearReport[], targets?: ReadonlySet<string>): AcrossFinding[] {
  const byBodyYear = new Map<string, YearReport>();
  for (const it of items) {
    const k = yearKey(it.report);
    if (k) byBodyYear.set(k, it);
  }
  const out: AcrossFinding[] = [];
  for (const it of items) {
    if (targets && !targets.has(it.file)) continue;
    const k = lastYearKey(it.report);
    const last = k ? byBodyYear.get(k) : undefined;
    if (!last || last === it) continue;
    out.push(...compared(it, last));
  }
  return out;
}

/**
 * The findings of one pair, under this year's report's inline disable comments (as its own findings
 * are), kept per pair of report objects (which an edit elsewhere leaves as they are) relative to the
 * two reports' starts: a server re-checking a document after each edit compares each pair once.
 */
const pairs = new WeakMap<Report, WeakMap<Report, AcrossFinding[]>>();
function compared(it: YearReport, last: YearReport): AcrossFinding[] {
  let byLast = pairs.get(it.report);
  if (!byLast) pairs.set(it.report, (byLast = new WeakMap()));
  let rel = byLast.get(last.report);
  if (!rel) {
    const at = (r: YearReport): YearReport => ({ ...r, file: '', base: 0 });
    const all = [...carriedOver(at(it), at(last)), ...copied(at(it), at(last))];
    const kept = all.length ? new Set(applyDirectives(all.map(f => f.finding), findDirectives(it.text, false), {}, false)) : null;
    byLast.set(last.report, (rel = kept ? all.filter(f => kept.has(f.finding)) : all));
  }
  return rel.map(f => ({
    file: it.file,
    finding: { ...f.finding, start: f.finding.start + it.base, end: f.finding.end + it.base },
    other: { file: last.file, start: f.other.start + last.base, end: f.other.end + last.base },
  }));
}

/** This year's 上年结转 against last year's 结转下年度继续办理, column by column (one finding per row at most). */
function carriedOver(it: YearReport, last: YearReport): AcrossFinding[] {
  const differ: string[] = [];
  for (const col of REQUEST_COLUMNS) {
    const now = it.report.cells.get(`requests.carried.${col}`), before = last.report.cells.get(`requests.carryover.${col}`);
    // A column either report leaves unknown is not compared; the others still are.
    if (!now || !before || now.kind === 'unknown' || before.kind === 'unknown') continue;
    const a = now.kind === 'number' ? now.value : '0', b = before.kind === 'number' ? before.value : '0';
    if (a !== b) differ.push(col);
  }
  if (!differ.length) return [];
  const key = `requests.carried.${differ.includes('total') ? 'total' : differ[0]}`;
  const col = key.slice(key.lastIndexOf('.') + 1);
  const now = it.report.cells.get(key)!, before = last.report.cells.get(`requests.carryover.${col}`)!;
  const name = cellName(key), lastName = cellName(`requests.carryover.${col}`);
  const shown = (c: typeof now) => (c.kind === 'number' ? c.value! : '（空）');
  return [{
    file: it.file,
    finding: {
      code: 'year-continuity', severity: 'warning', start: it.base + now.start, end: it.base + now.end, cells: differ.map(c => `requests.carried.${c}`),
      message: {
        zh: `与上年报告不衔接：${name.zh} 为 ${shown(now)}，${last.report.year}年报告的${lastName.zh}为 ${shown(before)}`,
        en: `Does not continue last year's report: ${name.en} is ${shown(now)}, the ${last.report.year} report's ${lastName.en} is ${shown(before)}`,
      },
      expected: before.kind === 'number' ? before.value! : undefined,
    },
    other: { file: last.file, start: last.base + before.start, end: last.base + before.end },
  }];
}

/** Narrative sections nearly identical to last year's. */
function copied(it: YearReport, last: YearReport): AcrossFinding[] {
  const out: AcrossFinding[] = [];
  for (const n of COMPARED) {
    const a = it.report.sections.find(s => s.number === n), b = last.report.sections.find(s => s.number === n);
    if (!a || !b) continue;
    const ta = normalizeText(it.text, a.headingEnd, a.end), tb = normalizeText(last.text, b.headingEnd, b.end);
    if (ta.length < MIN_LENGTH || tb.length < MIN_LENGTH) continue;
    const similarity = dice(ta, tb);
    if (similarity < COPY_THRESHOLD) continue;
    const pct = Math.round(similarity * 100);
    out.push({
      file: it.file,
      finding: {
        code: 'copied-text', severity: 'warning', start: it.base + a.headingStart, end: it.base + a.headingEnd, cells: [],
        message: {
          zh: `内容雷同：${a.title.trim()}与${last.report.year}年报告的同一部分 ${pct}% 相同`,
          en: `Copied text: ${a.title.trim()} is ${pct}% the same as in the ${last.report.year} report`,
        },
      },
      other: { file: last.file, start: last.base + b.headingStart, end: last.base + b.headingEnd },
    });
  }
  return out;
}

/** Dice coefficient of the two texts' character bigrams (multisets): 1 for the same text. */
export function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < a.length; i++) { const g = a.slice(i, i + 2); counts.set(g, (counts.get(g) ?? 0) + 1); }
  let common = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const g = b.slice(i, i + 2), c = counts.get(g);
    if (c) { common++; counts.set(g, c - 1); }
  }
  return (2 * common) / (a.length - 1 + b.length - 1);
}
