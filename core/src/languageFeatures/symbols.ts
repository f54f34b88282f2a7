import type { ReportDocument } from '../parse/document';
import { tableName } from '../template/names';

export interface OffsetSymbol { name: string; detail?: string; kind: 'report' | 'section' | 'table'; start: number; end: number; selStart: number; selEnd: number; children: OffsetSymbol[] }

const NUM = ['', '一', '二', '三', '四', '五', '六'];

/**
 * report → sections → tables, for the outline, breadcrumbs and sticky scroll. A table's range and its
 * selection start at the heading of its section — the line that names it (`二、主动公开政府信息情况`).
 * VS Code's sticky scroll (its default outline model) pins a symbol's selection line, and merges a
 * child whose selection starts on its parent's line: over a table's rows the sticky header is the
 * title and the heading that names the table, never the table's first row (`规章`, or `一、本年新收…`,
 * which reads like a section heading).
 */
export function documentSymbols(doc: ReportDocument, lang: 'zh' | 'en'): OffsetSymbol[] {
  return doc.reports().map(({ base, report }, i) => {
    const sections = report.sections.map((s): OffsetSymbol => ({
      name: s.title.trim() || `${NUM[s.number]}`, kind: 'section', start: base + s.start, end: base + s.end,
      selStart: base + s.headingStart, selEnd: base + s.headingEnd,
      children: report.tables.filter(t => t.start >= s.start && t.start < s.end).map(t => ({
        name: tableName(t.id)[lang], detail: t.template ?? undefined, kind: 'table' as const,
        start: base + Math.min(s.headingStart, t.start), end: base + Math.max(t.end, t.start),
        selStart: base + Math.min(s.headingStart, t.start), selEnd: base + Math.min(s.headingEnd, Math.max(t.end, t.start)), children: [],
      })),
    }));
    const title = report.title ?? (lang === 'zh' ? `年报 ${i + 1}` : `Report ${i + 1}`);
    return {
      name: title, detail: [report.year, report.template].filter(Boolean).join(' · '), kind: 'report',
      start: base + report.start, end: base + report.end,
      selStart: base + (report.title ? report.titleStart : report.start), selEnd: base + (report.title ? report.titleEnd : report.start),
      children: sections,
    };
  });
}

/**
 * What folds, in offsets [start, end): each report's opening — what comes before its title (a web
 * page's header lines), then the title and preamble up to its first section heading — and each
 * section from its heading to the next heading (a section's table folds with it, from the heading
 * that names it). No fold holds a title or a heading but on its first line, so Fold All leaves every
 * report's title and six section headings in view.
 */
export function foldingRegions(doc: ReportDocument): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const { base, report } of doc.reports()) {
    const first = report.sections.length ? report.sections[0].headingStart : report.end;
    const title = report.title && report.titleStart < first ? Math.max(report.start, report.titleStart) : report.start;
    if (title > report.start) out.push({ start: base + report.start, end: base + title });
    if (first > title) out.push({ start: base + title, end: base + first });
    for (const s of report.sections) out.push({ start: base + s.headingStart, end: base + Math.max(s.end, s.headingEnd) });
  }
  return out;
}
