import type { Cell, CellKind, Finding, Provenance, Range, Report, Severity } from './model';
import type { ReportDocument } from './parse/document';
import { LineIndex } from './text/lineIndex';

/** The JSON shapes of `nianbao check --format json` (version 1). */
/**
 * A cell in JSON. `provenance` says how its value was read: as written, placed by the layout (a
 * collapsed run), solved by the table's relations, or unknown; `candidates` lists what an unknown
 * cell could hold, when the readings were few.
 */
export interface CellJson { text: string; kind: Exclude<CellKind, 'unknown'>; value: string | null; range: Range; provenance: Provenance; candidates?: string[] }
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
      cells[c.key] = { text: c.text, kind: c.kind === 'unknown' ? 'invalid' : c.kind, value: c.value, range: range(base, c.start, c.end), provenance: c.provenance ?? 'written' };
      if (c.candidates) cells[c.key].candidates = c.candidates;
    }
    reports.push({
      range: range(base, report.start, report.end), title: report.title, year: report.year, template: report.template,
      sections: report.sections.map(s => ({ number: s.number, title: s.title, range: range(base, s.headingStart, s.headingEnd) })),
      cells,
    });
  }
  return { reports, diagnostics: diagnosticsJson(doc, lang, lines) };
}

/** The members after a cell's range: its provenance (and candidates, when it has them). */
function provenanceJson(c: Cell): string {
  const p = `,"provenance":"${c.provenance ?? 'written'}"`;
  return c.candidates ? `${p},"candidates":${JSON.stringify(c.candidates)}` : p;
}

/** `"key":` for each cell key, made once: the same few hundred keys in every report. */
const KEY_JSON = new Map<string, string>();
const keyJson = (k: string) => { let s = KEY_JSON.get(k); if (s === undefined) KEY_JSON.set(k, (s = `${JSON.stringify(k)}:`)); return s; };
/** Whether `s` is digits, `.` and `-` only (most cell texts and every value): nothing to escape. */
function plain(s: string): boolean {
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if ((c < 0x30 || c > 0x39) && c !== 0x2e && c !== 0x2d) return false; }
  return true;
}

/**
 * Where JSON is written, piece by piece: `ascii` gets text known to be all ASCII (the keys, figures,
 * ranges and punctuation that make up most of it), `text` anything else (titles, messages). A sink
 * writing UTF-8 bytes can copy the ASCII runs as they are and transcode only the rest.
 */
export interface JsonSink { ascii(s: string): void; text(s: string): void }

/** The pieces joined into one string. */
class StringSink implements JsonSink {
  out = '';
  ascii(s: string): void { this.out += s; }
  text(s: string): void { this.out += s; }
}

/**
 * The same JSON as `JSON.stringify(documentJson(doc, lang))`, without `{` `}` — `"reports":[…],"diagnostics":[…]` —
 * written straight to text: no objects per cell and range, positions found walking forward through the text.
 * What the CLI writes for each file (a 10 KB report has some 200 cells, each with a range).
 */
export function documentJsonMembers(doc: ReportDocument, lang: Lang): string {
  const sink = new StringSink();
  writeDocumentJsonMembers(doc, lang, sink);
  return sink.out;
}

/** `documentJsonMembers` into a sink. */
export function writeDocumentJsonMembers(doc: ReportDocument, lang: Lang, sink: JsonSink): void {
  new MembersWriter(sink, new LineIndex(doc.text), lang).document(doc);
}

/**
 * The JSON writer, one small method per part (V8 compiles and, when it must, recompiles each on its
 * own). Pieces known to be ASCII go to `sink.ascii`, titles, messages and odd cell texts to
 * `sink.text`; the sink gathers them as it needs.
 */
class MembersWriter {
  constructor(private readonly sink: JsonSink, private readonly lines: LineIndex, private readonly lang: Lang) {}

  document(doc: ReportDocument): void {
    const placed = doc.reports();
    this.sink.ascii('"reports":[');
    for (let r = 0; r < placed.length; r++) this.report(placed[r].base, placed[r].report, r > 0);
    this.sink.ascii('],"diagnostics":[');
    let first = true;
    for (const { base, findings } of placed) for (const f of findings) { this.finding(base, f, first); first = false; }
    this.sink.ascii(']');
  }

  private range(base: number, s: number, e: number): string {
    const lines = this.lines, a = base + s, b = base + Math.max(s, e);
    const la = lines.lineOf(a), ca = lines.characterAt(la, a), lb = lines.lineOf(b), cb = lines.characterAt(lb, b);
    return `{"start":{"line":${la},"character":${ca}},"end":{"line":${lb},"character":${cb}}}`;
  }

  /** A cell's text or value: most are figures (ASCII, nothing to escape). */
  private value(t: string): void {
    if (plain(t)) this.sink.ascii(`"${t}"`);
    else this.sink.text(JSON.stringify(t));
  }

  private report(base: number, report: Report, comma: boolean): void {
    const sink = this.sink;
    sink.ascii(`${comma ? ',' : ''}{"range":${this.range(base, report.start, report.end)},"title":`);
    sink.text(report.title === null ? 'null' : JSON.stringify(report.title));
    sink.ascii(`,"year":${report.year},"template":${report.template === null ? 'null' : `"${report.template}"`},"sections":[`);
    report.sections.forEach((s, i) => {
      sink.ascii(`${i ? ',' : ''}{"number":${s.number},"title":`);
      sink.text(JSON.stringify(s.title));
      sink.ascii(`,"range":${this.range(base, s.headingStart, s.headingEnd)}}`);
    });
    sink.ascii('],"cells":{');
    this.cells(base, report);
    sink.ascii('}}');
  }

  private cells(base: number, report: Report): void {
    const sink = this.sink;
    let first = true;
    for (const c of report.cells.values()) {
      const kind = c.kind === 'unknown' ? 'invalid' : c.kind;
      // Most cells: figures (or nothing) on one line, written as one piece.
      if (plain(c.text) && (c.value === null || plain(c.value))) {
        sink.ascii(`${first ? '' : ','}${keyJson(c.key)}{"text":"${c.text}","kind":"${kind}","value":${c.value === null ? 'null' : `"${c.value}"`},"range":${this.range(base, c.start, c.end)}${provenanceJson(c)}}`);
      } else {
        sink.ascii(`${first ? '' : ','}${keyJson(c.key)}{"text":`);
        this.value(c.text);
        sink.ascii(`,"kind":"${kind}","value":`);
        if (c.value === null) sink.ascii('null'); else this.value(c.value);
        sink.ascii(`,"range":${this.range(base, c.start, c.end)}${provenanceJson(c)}}`);
      }
      first = false;
    }
  }

  private finding(base: number, f: Finding, first: boolean): void {
    const sink = this.sink;
    sink.ascii(`${first ? '' : ','}{"code":"${f.code}","severity":"${f.severity}","message":`);
    sink.text(JSON.stringify(pick(f.message, this.lang)));
    sink.ascii(`,"range":${this.range(base, f.start, f.end)},"cells":${JSON.stringify(f.cells)},"expected":`);
    if (f.expected === undefined) sink.ascii('null'); else this.value(f.expected);
    if (f.formula) { sink.ascii(',"formula":'); sink.text(JSON.stringify(pick(f.formula, this.lang))); }
    sink.ascii('}');
  }
}
