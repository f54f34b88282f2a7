import type { Finding, Report } from '../model';
import { checkReport, isReport } from '../checks';
import { applyDirectives, findDirectives, maskDirectives, type DirectiveOptions } from '../checks/directives';
import { HTML_HEAD, looksLikeHtml, renderHtml } from '../text/html';
import { parseReport, parseReportWithText, type ParseOptions } from './report';
import { scanBoundaries } from './segment';
import { upperBound } from '../search';

/** One report of a document, parsed and checked, with offsets relative to its start. */
export interface ReportChunk {
  /** The chunk's text: the document's text from the report's start to the next report's. */
  text: string;
  report: Report;
  findings: Finding[];
}

const encoder = new TextEncoder(), decoder = new TextDecoder();
/**
 * A flat copy (through the platform's native UTF-8 codec), so that a report re-read after an edit,
 * and every string sliced from it, does not pin that version's whole document in memory.
 * Lone surrogates would not survive the round trip, so such text is kept as it is.
 */
function flat(s: string): string {
  const copy = decoder.decode(encoder.encode(s));
  return copy === s ? copy : s;
}

/** How a document is read (the tables' format) and checked (unused inline directives). */
export interface DocumentOptions extends ParseOptions, DirectiveOptions {}

/**
 * One report's text parsed and checked, under its inline directives: the reader sees the text with
 * the directives blanked (offsets unchanged), the findings they cover are dropped.
 */
export function analyseChunk(text: string, copy = false, options: DocumentOptions = {}): ReportChunk {
  const own = copy ? flat(text) : text;
  const scan = findDirectives(own, false);
  // Directives are blanked before reading (same offsets): they never change how the tables read.
  const masked = maskDirectives(own, scan);
  const { report, nt } = parseReportWithText(masked, options);
  return { text: own, report, findings: applyDirectives(checkReport(report, masked, nt), scan, options, isReport(report, masked)) };
}

/**
 * An HTML page is read as one report-sequence through its rendering (which shows no comment), then
 * mapped back to page offsets, where its directive comments apply.
 */
function analyseHtml(text: string, options: DocumentOptions): ReportChunk[] {
  const r = renderHtml(text);
  const report = parseReport(r.text, options);
  const chunk: ReportChunk = { text: r.text, report, findings: checkReport(report) };
  const at = (o: number) => (o >= r.map.length ? text.length : r.map[o]);
  // A range never ends before it starts (the layout of a spanned place points back to the cell spanning it).
  const end = (s: number, e: number) => (e <= s ? at(s) : Math.max(at(s), r.ends[e - 1]));
  const rep = chunk.report;
  for (const c of rep.cells.values()) { const s = c.start; c.start = at(s); c.end = end(s, c.end); }
  for (const s of rep.sections) { const hs = s.headingStart; s.headingStart = at(hs); s.headingEnd = end(hs, s.headingEnd); s.start = at(s.start); s.end = at(s.end); }
  for (const t of rep.tables) {
    t.start = at(t.start); t.end = at(t.end);
    for (const row of t.rows) { const ls = row.labelStart; row.labelStart = at(ls); row.labelEnd = end(ls, row.labelEnd); }
  }
  const ts = rep.titleStart; rep.titleStart = at(ts); rep.titleEnd = end(ts, rep.titleEnd);
  rep.start = 0; rep.end = text.length;
  for (const f of chunk.findings) {
    const s = f.start; f.start = at(s); f.end = end(s, f.end);
    // A blank in a place a spanning cell covers has no cell of its own to write into.
    if (f.fix && isSpanned(r.spanned, f.fix.start)) f.fix = undefined;
    if (f.fix) {
      const fs = f.fix.start; f.fix.start = at(fs); f.fix.end = end(fs, f.fix.end);
      // A figure inside an `&…;` run that is not a character reference: writing there could make one.
      // Nor where the figure's source spans markup (a figure run together across cells of a broken page).
      if (/&[^;\s<>]{0,10}$/.test(text.slice(Math.max(0, f.fix.start - 11), f.fix.start)) || /[<>]/.test(text.slice(f.fix.start, f.fix.end))) f.fix = undefined;
    }
  }
  chunk.findings = applyDirectives(chunk.findings, findDirectives(text, true), options, isReport(rep));
  return [{ ...chunk, text }];
}

function isSpanned(spanned: Int32Array, o: number): boolean {
  const i = upperBound(spanned, o) - 1;
  return i >= 0 && spanned[i] === o;
}

export interface PlacedReport { base: number; length: number; text: string; report: Report; findings: Finding[] }

/**
 * Read access to a text that need not be one string — an editor's pieces, say. A string is one.
 * `update` reads only the part of the new text around an edit, so a long document is never copied
 * whole for a keystroke.
 */
export interface TextSource { readonly length: number; slice(start: number, end: number): string }

/**
 * A parsed document: its reports, each parsed and checked on its own text. `update` re-reads only
 * the reports an edit touches (and the one before, when the edit reaches the first two lines of a
 * report, where its opening boundary is decided), reusing the rest; its result equals `parse` of
 * the new text.
 */
export class ReportDocument {
  private constructor(private whole: string | null, readonly chunks: ReportChunk[], readonly starts: number[], readonly html: boolean, readonly options: DocumentOptions) {}

  /** The document's text (joined from the reports' texts the first time it is asked for after an update). */
  get text(): string {
    if (this.whole === null) this.whole = this.chunks.map(c => c.text).join('');
    return this.whole;
  }

  static parse(text: string, options: DocumentOptions = {}): ReportDocument {
    if (looksLikeHtml(text)) return new ReportDocument(text, analyseHtml(text, options), [0], true, options);
    const bounds = scanBoundaries(text, 0, text.length);
    const chunks = bounds.map((b, i) => analyseChunk(text.slice(b, i + 1 < bounds.length ? bounds[i + 1] : text.length), false, options));
    return new ReportDocument(text, chunks, bounds, false, options);
  }

  /**
   * The document after an edit: [start, oldEnd) of this document's text was replaced, giving `text`
   * whose [start, start + newLength) is new. Reads `text` only from the report the edit starts in to a
   * report start after the edit that is found again (the whole of it only when none is).
   */
  update(text: TextSource, start: number, oldEnd: number, newLength: number): ReportDocument {
    const delta = newLength - (oldEnd - start);
    if (this.html || becameHtml(text, start, newLength, delta)) return ReportDocument.parse(text.slice(0, text.length), this.options);
    const starts = this.starts;
    // The report holding the edit start — and the one before it when the edit touches the first two
    // lines of this one, where its opening boundary is decided (a title may take two lines).
    let i = Math.max(0, upperBound(starts, start) - 1);
    if (i > 0 && start - starts[i] <= secondLineEnd(this.chunks[i].text)) i--;
    // Re-scan from that report's start through the report after the edit (a window of the new text),
    // until a boundary beyond the edit turns up where an old one was: from there on nothing changed.
    // A line's decision reads the line after it, so a resume point must have two whole lines after
    // it inside the window; failing that (a one-line report next), the window takes in twice as many
    // reports, up to the rest of the text.
    // The window doubles until it is the rest of the text, which always gives an answer: at most
    // log2(reports) + 1 rounds, whatever the text says.
    const next = upperBound(starts, oldEnd);
    let fresh: NonNullable<ReturnType<ReportDocument['rescan']>> | null = null;
    for (let more = 1; !fresh; more *= 2) {
      const k = next + more, rest = k >= starts.length;
      fresh = this.rescan(text, i, next, delta, rest ? text.length : starts[k] + delta, rest);
    }
    const { bounds, chunks, resume } = fresh;
    const all = [...this.chunks.slice(0, i), ...chunks, ...(resume >= 0 ? this.chunks.slice(resume) : [])];
    const newStarts = [...starts.slice(0, i), ...bounds, ...(resume >= 0 ? starts.slice(resume).map(s => s + delta) : [])];
    return new ReportDocument(null, all, newStarts, false, this.options);
  }

  /**
   * Re-reads the reports of text[starts[i], windowEnd) after an edit that ended before old report
   * `next` (and moved the rest by `delta`); resumes at the first old report start, from `next` on,
   * that turns up again. Null when the window ends before one does.
   */
  private rescan(text: TextSource, i: number, next: number, delta: number, windowEnd: number, whole: boolean): { bounds: number[]; chunks: ReportChunk[]; resume: number } | null {
    const starts = this.starts, from = starts[i];
    const win = text.slice(from, windowEnd);
    let resume = -1;
    const bounds = scanBoundaries(win, 0, win.length, b => {
      // The old report that started here (shifted by the edit), if one did.
      const k = upperBound(starts, b + from - delta - 1);
      if (k < next || k >= starts.length || starts[k] !== b + from - delta || !(whole || twoLinesFrom(win, b))) return false;
      resume = k;
      return true;
    });
    if (resume < 0 && !whole) return null;
    if (resume >= 0) bounds.pop();
    const end = resume >= 0 ? starts[resume] + delta - from : win.length;
    const chunks = bounds.map((b, k) => analyseChunk(win.slice(b, k + 1 < bounds.length ? bounds[k + 1] : end), true, this.options));
    return { bounds: bounds.map(b => b + from), chunks, resume };
  }

  /** The reports with the document offset their own offsets are relative to. */
  reports(): PlacedReport[] {
    return this.chunks.map((_, i) => this.placed(i));
  }

  /** Index of the report containing offset `o`. */
  chunkAt(o: number): number { return Math.max(0, upperBound(this.starts, o) - 1); }

  /** The report containing offset `o`, placed (without building every report's placement as `reports()` does). */
  reportAt(o: number): PlacedReport | undefined {
    const i = this.chunkAt(o);
    return i < this.chunks.length ? this.placed(i) : undefined;
  }

  private placed(i: number): PlacedReport {
    const c = this.chunks[i];
    return { base: this.starts[i], length: c.text.length, text: c.text, report: c.report, findings: c.findings };
  }
}

/**
 * Whether a text that was not HTML is after an edit: only a tag the edit wrote (or completed) can
 * have appeared, unless text moved left into the head that `looksLikeHtml` reads (a deletion).
 */
function becameHtml(text: TextSource, start: number, newLength: number, delta: number): boolean {
  const head = () => looksLikeHtml(text.slice(0, Math.min(text.length, HTML_HEAD)));
  if (delta < 0) return head();
  // Every tag the test looks for is at most 7 characters (`<table `): read the edit with 8 on each side.
  return looksLikeHtml(text.slice(Math.max(0, start - 8), Math.min(text.length, start + newLength + 8))) && head();
}

/** Whether the line starting at `b` and the one after it both end inside `text`. */
function twoLinesFrom(text: string, b: number): boolean {
  return secondLineEnd(text, b) < text.length;
}

/** Offset of the end of the second line starting at `from` (the text's length when there is none). */
function secondLineEnd(text: string, from = 0): number {
  let n = 0;
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) { if (c === 13 && text.charCodeAt(k + 1) === 10) k++; if (++n === 2) return k; }
  }
  return text.length;
}
