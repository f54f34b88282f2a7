import type { Finding } from '../model';
import type { ReportDocument } from '../parse/document';

/** A text edit in document offsets. */
export interface OffsetEdit { start: number; end: number; newText: string }

export interface PlacedFinding { finding: Finding; base: number; report: number }

export function allFindings(doc: ReportDocument): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  doc.reports().forEach((p, i) => { for (const f of p.findings) out.push({ finding: f, base: p.base, report: i }); });
  return out;
}

/** The edit of one finding's fix, in document offsets. */
export function fixEdit(p: PlacedFinding): OffsetEdit | null {
  const fx = p.finding.fix;
  return fx ? { start: p.base + fx.start, end: p.base + fx.end, newText: fx.newText } : null;
}

/**
 * Edits that correct every total (arithmetic finding with a fix) of one report, or of all reports
 * (`report` undefined). One edit per cell, never overlapping, sorted; only the figures change.
 */
export function fixAllEdits(doc: ReportDocument, report?: number): OffsetEdit[] {
  const byStart = new Map<number, OffsetEdit>();
  for (const p of allFindings(doc)) {
    if (report !== undefined && p.report !== report) continue;
    const e = fixEdit(p);
    if (!e) continue;
    const prev = byStart.get(e.start);
    if (!prev) byStart.set(e.start, e);
  }
  const edits = [...byStart.values()].sort((a, b) => a.start - b.start);
  return edits.filter((e, i) => i === 0 || e.start >= edits[i - 1].end);
}
