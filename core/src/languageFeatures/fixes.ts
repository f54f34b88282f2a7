import type { Finding } from '../model';
import type { PlacedReport } from '../parse/document';
import { analyseChunk, ReportDocument } from '../parse/document';
import { writtenLike } from '../text/figureStyle';

/** A text edit in document offsets. */
export interface OffsetEdit { start: number; end: number; newText: string }

export interface PlacedFinding { finding: Finding; base: number; report: number }

export function allFindings(doc: ReportDocument): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  doc.reports().forEach((p, i) => { for (const f of p.findings) out.push({ finding: f, base: p.base, report: i }); });
  return out;
}

/** `text` with non-overlapping `edits` applied (in any order), in one pass. */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = '', at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) { out += text.slice(at, e.start) + e.newText; at = e.end; }
  return out + text.slice(at);
}

/** The edit that writes `value` over [start, end) of the document, in the style of the figure there (full-width, separators, sign, character references). */
function valueEdit(doc: ReportDocument, start: number, end: number, value: string): OffsetEdit {
  return { start, end, newText: writtenLike(doc.text.slice(start, end), value) };
}

/** The edit of one finding's fix, in document offsets. */
export function fixEdit(doc: ReportDocument, p: PlacedFinding): OffsetEdit | null {
  const fx = p.finding.fix;
  return fx ? valueEdit(doc, p.base + fx.start, p.base + fx.end, fx.newText) : null;
}

/** Edits in text order, the first of any that overlap kept. */
function nonOverlapping<T extends { start: number; end: number }>(edits: T[]): T[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return sorted.filter((e, i) => i === 0 || e.start >= sorted[i - 1].end);
}

/** Fixes of a report's findings, one per cell, not overlapping, in text order. */
function fixesOf(findings: Finding[]): NonNullable<Finding['fix']>[] {
  const byStart = new Map<number, NonNullable<Finding['fix']>>();
  for (const f of findings) if (f.fix && !byStart.has(f.fix.start)) byStart.set(f.fix.start, f.fix);
  return nonOverlapping([...byStart.values()]);
}

/**
 * The cell values that make a report's relations hold. Fixes are computed one relation at a time,
 * so after applying them a total that depended on a fixed cell may still be off: re-check the fixed
 * text and repeat (a few rounds at most) until nothing changes — fix-all is then idempotent.
 */
function settle(doc: ReportDocument, p: PlacedReport): Map<string, string> {
  const values = new Map<string, string>();
  let text = p.text;
  let findings = p.findings;
  for (let round = 0; round < 4; round++) {
    const fixes = fixesOf(findings);
    if (!fixes.length) break;
    for (const f of fixes) values.set(f.key, f.newText);
    text = applyEdits(text, fixes);
    // An HTML page is re-read through its rendering (one chunk: the whole page).
    findings = doc.html ? ReportDocument.parse(text, doc.options).chunks[0].findings : analyseChunk(text, false, doc.options).findings;
  }
  return values;
}

/**
 * Edits that correct every total (arithmetic finding with a fix) of one report, or of all reports
 * (`report` undefined). One edit per cell, never overlapping, sorted; only the figures change.
 */
export function fixAllEdits(doc: ReportDocument, report?: number): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  doc.reports().forEach((p, i) => {
    if (report !== undefined && i !== report) return;
    for (const [key, value] of settle(doc, p)) {
      const c = p.report.cells.get(key);
      if (!c) continue;
      const e = valueEdit(doc, p.base + c.start, p.base + c.end, value);
      if (e.newText !== doc.text.slice(e.start, e.end)) edits.push(e);
    }
  });
  return nonOverlapping(edits);
}
