import { evaluateAll } from '../checks/relations';
import type { ReportDocument } from '../parse/document';

export interface OffsetHint { offset: number; label: string; wrong: boolean }

/**
 * The computed value beside each total: beside wrong totals only, or beside every total
 * (`all`). Only for reports overlapping [from, to).
 */
export function inlayHints(doc: ReportDocument, from: number, to: number, all: boolean): OffsetHint[] {
  const out: OffsetHint[] = [];
  for (const { base, report } of doc.reports()) {
    if (base + report.end < from || base + report.start > to) continue;
    const seen = new Set<string>();
    for (const e of evaluateAll(report)) {
      if (e.spec.code === 'balance') continue;
      const key = e.spec.left[0];
      if (seen.has(key) || (!all && e.ok)) continue;
      seen.add(key);
      const c = report.cells.get(key)!;
      out.push({ offset: base + c.end, label: e.ok ? ` = ${e.right}` : ` ≠ ${e.right}`, wrong: !e.ok });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}
