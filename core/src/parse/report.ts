import type { Cell, Report, ReportTemplate, Section, Table, TemplateId } from '../model';
import { normalize, type NormText } from '../text/normalize';
import { findSections } from './sections';
import { readActive, readAppeals, readRequests, type Region, type TableContext } from './tables';
import { REQUESTS_2021 } from '../template/tables';
import { findLabel } from './labels';
import { isTitleText, TITLE_FIRST_HALF } from './segment';
import { upperBound } from '../search';
import { CellTable } from './cellTable';

const YEAR = /(20\d{2})年/;

/** End (normalised index) of the line starting at `from`, looking no further than `limit`. */
function lineEndAt(nt: NormText, from: number, limit: number): number {
  let i = from + 1;
  while (i < limit && !nt.lineStart[i]) i++;
  return i;
}

/** Normalised characters `findTitle` reads (and `yearOf` within them). */
const TITLE_WINDOW = 4000;

/**
 * The report's title: the first short line near the top (its first 4000 characters) that names the
 * annual report, or such a line broken in two (`…政府信息公开工作` / `年度报告`). An archive's `标题:` field counts.
 */
function findTitle(text: string, nt: NormText): { title: string; start: number; end: number; year: number | null } | null {
  const limit = Math.min(nt.text.length, TITLE_WINDOW);
  for (let from = 0, to = 0; from < limit; from = to) {
    to = lineEndAt(nt, from, limit);
    // A title is at most 60 characters (after an optional `标题:`): longer lines are not read at all.
    const skip = to - from >= 3 && nt.text.startsWith('标题:', from) ? 3 : 0;
    if (to - from - skip > 60) continue;
    const line = nt.text.slice(from + skip, to);
    let lastEnd = to;
    if (!isTitleText(line)) {
      if (!TITLE_FIRST_HALF.test(line) || to >= limit) continue;
      const nextEnd = lineEndAt(nt, to, limit);
      const next = nt.text.slice(to, nextEnd);
      if (!(/^(?:年度)?报告/.test(next) && next.length <= 10)) continue;
      lastEnd = nextEnd;
    }
    const start = nt.map[from + skip];
    const end = nt.map[lastEnd - 1] + 1;
    const title = joinLines(text.slice(start, end));
    const ym = YEAR.exec(nt.text.slice(from, lastEnd));
    return { title, start, end, year: ym ? Number(ym[1]) : null };
  }
  return null;
}

/** A title broken over lines, joined: each line break and the white space around it removed (in one pass: no backtracking over long runs of spaces). */
function joinLines(s: string): string {
  const parts = s.split(/[\r\n]+/);
  return parts.map((p, i) => (i > 0 ? p.trimStart() : p)).map((p, i, all) => (i < all.length - 1 ? p.trimEnd() : p)).join('');
}

function firstIndex(text: string, needle: string, from: number, to: number): number {
  const i = text.indexOf(needle, from);
  return i >= 0 && i < to ? i : -1;
}

/** Normalised index of the heading of section `n` (first one), or -1. */
function sectionAt(sections: Section[], nt: NormText, n: number, end: 'start' | 'end'): number {
  const s = sections.find(x => x.number === n);
  if (!s) return -1;
  const off = end === 'start' ? s.headingStart : s.headingEnd;
  // The first normalised index at or after the source offset.
  return upperBound(nt.map, off - 1);
}

/** Where each table is read: between its section heading (or its own anchor) and the next table's. */
function regions(nt: NormText, sections: Section[]): { active: Region | null; requests: Region | null; appeals: Region } {
  const T = nt.text, N = T.length;
  const pick = (...xs: number[]) => { const ok = xs.filter(x => x >= 0); return ok.length ? Math.min(...ok) : -1; };
  const s2 = sectionAt(sections, nt, 2, 'end');
  // The table starts at its first block header (第二十条第（一）项): narrative between the heading and
  // the table (`…发布规章和规范性文件8件`) would otherwise be read as its rows.
  const firstBlock = firstIndex(T, '第二十条第', Math.max(0, s2), N);
  const s3start = sectionAt(sections, nt, 3, 'start');
  const activeFrom = s2 >= 0 ? (firstBlock >= 0 && (s3start < 0 || firstBlock < s3start) ? firstBlock : s2) : firstBlock;
  const newRow = findLabel(nt, REQUESTS_2021.rows[0], Math.max(0, activeFrom), N);
  const s3 = sectionAt(sections, nt, 3, 'end');
  const note = firstIndex(T, '本列数据的勾稽关系', Math.max(0, activeFrom), N);
  const requestsFrom = s3 >= 0 && (!newRow || s3 <= newRow.ns) ? s3 : pick(note, newRow ? newRow.ns : -1);
  const after = Math.max(0, requestsFrom, activeFrom);
  const s4 = sectionAt(sections, nt, 4, 'start');
  const s5 = sectionAt(sections, nt, 5, 'start'), s6 = sectionAt(sections, nt, 6, 'start');
  const appealsFrom = s4 > after ? s4 : (() => { const h = firstIndex(T, '行政复议行政诉讼', after, N); return h >= 0 ? h : N; })();
  const laterEnds = [s5, s6].filter(x => x > appealsFrom);
  const appealsTo = laterEnds.length ? Math.min(...laterEnds) : N;
  const activeTo = pick(requestsFrom, appealsFrom < N ? appealsFrom : -1, N);
  return {
    active: activeFrom >= 0 ? { from: activeFrom, to: requestsFrom > activeFrom ? requestsFrom : activeTo } : null,
    requests: requestsFrom >= 0 ? { from: requestsFrom, to: appealsFrom > requestsFrom ? appealsFrom : N } : null,
    appeals: { from: appealsFrom < N ? appealsFrom : after, to: appealsTo },
  };
}

function templateOf(tables: Table[]): ReportTemplate {
  const ts = new Set(tables.filter(t => t.id !== 'appeals' && t.rows.length).map(t => t.template).filter((t): t is TemplateId => !!t));
  return ts.size === 0 ? null : ts.size > 1 ? 'mixed' : [...ts][0];
}

/**
 * Parses one report. `text` is the report's own text (a chunk of the document); offsets in the
 * result are relative to it. Pure: the same text always gives the same report.
 */
export interface ParseOptions {
  /** Read the tables as this format whatever their headers say (the user's override); default: detect. */
  template?: TemplateId;
}

export function parseReport(text: string, options: ParseOptions = {}): Report {
  return parseReportWithText(text, options).report;
}

/**
 * `parseReport`, with the report's text normalised (`nt`), for checks that read it: valid until
 * the next `normalize` (its arrays are reused).
 */
export function parseReportWithText(text: string, options: ParseOptions = {}): { report: Report; nt: NormText } {
  const nt = normalize(text);
  const sections = findSections(nt, text, text.length);
  const title = findTitle(text, nt);
  const ctx: TableContext = { text, nt, cells: new CellTable() };
  const r = regions(nt, sections);
  const tables: Table[] = [];
  const year = title?.year ?? yearOf(nt);
  if (r.active) { const t = readActive(ctx, r.active, year !== null && year < 2021 ? '2019' : '2021', options.template); if (t.rows.length) tables.push(t); }
  if (r.requests) { const t = readRequests(ctx, r.requests, options.template); if (t.rows.length) tables.push(t); }
  const ap = readAppeals(ctx, r.appeals);
  if (ap) tables.push(ap);
  const report: Report = {
    start: 0, end: text.length,
    title: title?.title ?? null, titleStart: title?.start ?? 0, titleEnd: title?.end ?? 0,
    year, template: templateOf(tables), sections, tables, cells: ctx.cells,
  };
  return { report, nt };
}

/**
 * The title and year `parseReport` gives a report's text, reading only its start: enough source
 * text for the normalised characters `findTitle` reads, and a few more (a pinyin gloss is decided
 * by what follows its parenthesis).
 */
export function titleOf(text: string): { title: string | null; year: number | null } {
  for (let n = 2 * TITLE_WINDOW; ; n *= 2) {
    const to = Math.min(text.length, n);
    const nt = normalize(text, 0, to);
    if (to < text.length && nt.text.length <= TITLE_WINDOW + 16) continue;
    const title = findTitle(text, nt);
    return { title: title?.title ?? null, year: title?.year ?? yearOf(nt) };
  }
}

/** Without a title, the first `20xx年` of the report. */
function yearOf(nt: NormText): number | null {
  const m = YEAR.exec(nt.text.slice(0, 3000));
  return m ? Number(m[1]) : null;
}

