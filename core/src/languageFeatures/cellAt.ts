import type { Cell } from '../model';
import type { PlacedReport, ReportDocument } from '../parse/document';

/** The report holding document offset `o`, and the cell whose text is at `o` (if any). */
export function cellAt(doc: ReportDocument, o: number): { placed: PlacedReport; cell: Cell | null } {
  const placed = doc.reportAt(o)!;
  const rel = o - placed.base;
  for (const c of placed.report.cells.values()) {
    if (rel >= c.start && rel <= c.end && (c.end > c.start || rel === c.start)) return { placed, cell: c };
  }
  return { placed, cell: null };
}
