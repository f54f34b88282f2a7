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

const pick = (m: { zh: string; en: string }, lang: Lang) => (lang === 'en' ? m.en : m.zh);
const ranges = (lines: LineIndex) => (base: number, s: number, e: number): Range => ({ start: lines.positionAt(base + s), end: lines.positionAt(base + Math.max(s, e)) });

/** A document's findings in JSON (what the text and SARIF outputs need), ranges as LSP positions over `text`. */
export function diagnosticsJson(doc: ReportDocument, lang: Lang, lines = new LineIndex(doc.text)): DiagnosticJson[] {
  const range = ranges(lines);
  const diagnostics: DiagnosticJson[] = [];
  for (const { base, findings } of doc.reports()) {
    for (const f of findings) {
      diagnostics.push({
        code: f.code, severity: f.severity, message: pick(f.message, lang), range: range(base, f.start, f.end), cells: f.cells,
        expected: f.expected ?? null, ...(f.formula ? { formula: pick(f.formula, lang) } : {}),
      });
    }
  }
  return diagnostics;
}

/** A document's reports and findings in JSON, ranges as LSP positions over `text`. */
export function documentJson(doc: ReportDocument, lang: Lang): { reports: ReportJson[]; diagnostics: DiagnosticJson[] } {
  const lines = new LineIndex(doc.text);
  const range = ranges(lines);
  const reports: ReportJson[] = [];
  for (const { base, report } of doc.reports()) {
    const cells: Record<string, CellJson> = {};
    for (const c of report.cells.values()) {
      cells[c.key] = { text: c.text, kind: c.kind === 'unknown' ? 'invalid' : c.kind, value: c.value, range: range(base, c.start, c.end) };
    }
    reports.push({
      range: range(base, report.start, report.end), title: report.title, year: report.year, template: report.template,
      sections: report.sections.map(s => ({ number: s.number, title: s.title, range: range(base, s.headingStart, s.headingEnd) })),
      cells,
    });
  }
  return { reports, diagnostics: diagnosticsJson(doc, lang, lines) };
}

/** `"key":` for each cell key, made once: the same few hundred keys in every report. */
const KEY_JSON = new Map<string, string>();
const keyJson = (k: string) => { let s = KEY_JSON.get(k); if (s === undefined) KEY_JSON.set(k, (s = `${JSON.stringify(k)}:`)); return s; };
/** Whether `s` is digits, `.` and `-` only (most cell texts and every value): nothing to escape. */
function plain(s: string): boolean {
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if ((c < 0x30 || c > 0x39) && c !== 0x2e && c !== 0x2d) return false; }
  return true;
}
/** A string as JSON. */
const str = (s: string) => (plain(s) ? `"${s}"` : JSON.stringify(s));

/**
 * The same JSON as `JSON.stringify(documentJson(doc, lang))`, without `{` `}` — `"reports":[…],"diagnostics":[…]` —
 * written straight to text: no objects per cell and range, positions found walking forward through the text.
 * What the CLI writes for each file (a 10 KB report has some 200 cells, each with a range).
 */
export function documentJsonMembers(doc: ReportDocument, lang: Lang): string {
  const lines = new LineIndex(doc.text);
  const range = (base: number, s: number, e: number) => {
    const a = base + s, b = base + Math.max(s, e);
    const la = lines.lineOf(a), ca = lines.characterAt(la, a), lb = lines.lineOf(b), cb = lines.characterAt(lb, b);
    return `{"start":{"line":${la},"character":${ca}},"end":{"line":${lb},"character":${cb}}}`;
  };
  const placed = doc.reports();
  let out = '"reports":[';
  for (let r = 0; r < placed.length; r++) {
    const { base, report } = placed[r];
    if (r > 0) out += ',';
    out += `{"range":${range(base, report.start, report.end)},"title":${report.title === null ? 'null' : JSON.stringify(report.title)},"year":${report.year},` +
      `"template":${report.template === null ? 'null' : `"${report.template}"`},"sections":[`;
    report.sections.forEach((s, i) => { out += `${i ? ',' : ''}{"number":${s.number},"title":${JSON.stringify(s.title)},"range":${range(base, s.headingStart, s.headingEnd)}}`; });
    out += '],"cells":{';
    let first = true;
    for (const c of report.cells.values()) {
      out += `${first ? '' : ','}${keyJson(c.key)}{"text":${str(c.text)},"kind":"${c.kind === 'unknown' ? 'invalid' : c.kind}","value":${c.value === null ? 'null' : str(c.value)},"range":${range(base, c.start, c.end)}}`;
      first = false;
    }
    out += '}}';
  }
  out += '],"diagnostics":[';
  let first = true;
  for (const { base, findings } of placed) {
    for (const f of findings) {
      out += `${first ? '' : ','}{"code":"${f.code}","severity":"${f.severity}","message":${JSON.stringify(pick(f.message, lang))},` +
        `"range":${range(base, f.start, f.end)},"cells":${JSON.stringify(f.cells)},"expected":${f.expected === undefined ? 'null' : str(f.expected)}` +
        `${f.formula ? `,"formula":${JSON.stringify(pick(f.formula, lang))}` : ''}}`;
      first = false;
    }
  }
  return out + ']';
}
