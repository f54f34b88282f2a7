import type { CellKind, Range, Severity } from './model';
import type { ReportDocument } from './parse/document';
import { LineIndex } from './text/lineIndex';

/** The JSON shapes of `nianbao check --format json` (version 1). */
export interface CellJson { text: string; kind: Exclude<CellKind, 'unknown'>; value: string | null; range: Range }
export interface ReportJson {
  range: Range; title: string | null; year: number | null; template: string | null;
  sections: { number: number; title: string; range: Range }[];
  cells: Record<string, CellJson>;
}
export interface DiagnosticJson { code: string; severity: Severity; message: string; range: Range; cells: string[]; expected: string | null; formula?: string }

export type Lang = 'zh-CN' | 'en';

/** A document's reports and findings in JSON, ranges as LSP positions over `text`. */
export function documentJson(doc: ReportDocument, lang: Lang, lines = new LineIndex(doc.text)): { reports: ReportJson[]; diagnostics: DiagnosticJson[] } {
  const range = (base: number, s: number, e: number): Range => ({ start: lines.positionAt(base + s), end: lines.positionAt(base + Math.max(s, e)) });
  const pick = (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);
  const reports: ReportJson[] = [];
  const diagnostics: DiagnosticJson[] = [];
  for (const { base, report, findings } of doc.reports()) {
    const cells: Record<string, CellJson> = {};
    for (const c of report.cells.values()) {
      cells[c.key] = { text: c.text, kind: c.kind === 'unknown' ? 'invalid' : c.kind, value: c.value, range: range(base, c.start, c.end) };
    }
    reports.push({
      range: range(base, report.start, report.end), title: report.title, year: report.year, template: report.template,
      sections: report.sections.map(s => ({ number: s.number, title: s.title, range: range(base, s.headingStart, s.headingEnd) })),
      cells,
    });
    for (const f of findings) {
      diagnostics.push({
        code: f.code, severity: f.severity, message: pick(f.message), range: range(base, f.start, f.end), cells: f.cells,
        expected: f.expected ?? null, ...(f.formula ? { formula: pick(f.formula) } : {}),
      });
    }
  }
  return { reports, diagnostics };
}
