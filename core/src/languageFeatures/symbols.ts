import type { ReportDocument } from '../parse/document';
import { tableName } from '../template/names';

export interface OffsetSymbol { name: string; detail?: string; kind: 'report' | 'section' | 'table'; start: number; end: number; selStart: number; selEnd: number; children: OffsetSymbol[] }

const NUM = ['', '一', '二', '三', '四', '五', '六'];

/** report → sections → tables, for the outline, breadcrumbs and folding. */
export function documentSymbols(doc: ReportDocument, lang: 'zh' | 'en'): OffsetSymbol[] {
  return doc.reports().map(({ base, report }, i) => {
    const sections = report.sections.map((s): OffsetSymbol => ({
      name: s.title.trim() || `${NUM[s.number]}`, kind: 'section', start: base + s.start, end: base + s.end,
      selStart: base + s.headingStart, selEnd: base + s.headingEnd,
      children: report.tables.filter(t => t.start >= s.start && t.start < s.end).map(t => ({
        name: tableName(t.id)[lang], detail: t.template ?? undefined, kind: 'table' as const,
        start: base + t.start, end: base + Math.max(t.end, t.start), selStart: base + t.start, selEnd: base + t.start, children: [],
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
