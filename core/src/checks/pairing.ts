import type { Report } from '../model';
import type { PlacedReport } from '../parse/document';
import { titleOf } from '../parse/report';
import { scanBoundaries } from '../parse/segment';
import { looksLikeHtml } from '../text/html';
import { bodyOf } from './body';
import type { YearReport } from './acrossYears';

/*
 * Which reports are compared across years (issue 18), for every front end alike — the CLI's
 * `--across-years` and the language server's workspace index: a report and the same body's report
 * of the year before, the body read from the title (normalised, bodyOf), the year from the title.
 */

type Titled = Pick<Report, 'title' | 'year'>;
const key = (body: string, year: number) => `${body}\u0000${year}`;
/** A report's keys, worked out once per report object (a report is not changed once read: an edit makes a new one). */
const keys = new WeakMap<Titled, { key: string; last: string } | null>();
function keysOf(report: Titled): { key: string; last: string } | null {
  let k = keys.get(report);
  if (k === undefined) {
    const body = bodyOf(report.title);
    keys.set(report, (k = body && report.year ? { key: key(body, report.year), last: key(body, report.year - 1) } : null));
  }
  return k;
}

/** The key a report is paired by (its body and year), or null when its title names no body or year. */
export const yearKey = (report: Titled): string | null => keysOf(report)?.key ?? null;

/** The key of the report this one is compared with: the same body's, the year before. */
export const lastYearKey = (report: Titled): string | null => keysOf(report)?.last ?? null;

/**
 * The reports of a parsed document that are compared across years, as `acrossYears` takes them.
 * None for an HTML page: its offsets map back through the rendering, and the check reads plain text.
 */
export function yearReportsOf(file: string, doc: { html: boolean; reports(): PlacedReport[] }): YearReport[] {
  if (doc.html) return [];
  return doc.reports().map(p => ({ file, base: p.base, report: p.report, text: p.text }));
}

/**
 * The keys (`yearKey`) of the reports a file's text holds, as `ReportDocument.parse` and
 * `yearReportsOf` would give them, without reading the tables: the report boundaries and each
 * report's first lines only — what an index of a folder's reports needs.
 */
export function yearKeysOfText(text: string): string[] {
  if (looksLikeHtml(text)) return [];
  const bounds = scanBoundaries(text, 0, text.length);
  const out: string[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const k = yearKey(titleOf(text.slice(bounds[i], i + 1 < bounds.length ? bounds[i + 1] : text.length)));
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}
