import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type InlayHint, InlayHintKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, foldingRegions, inlayHints, type OffsetSymbol, type ReportDocument } from '../../core/src';
import { zh } from './l10n';

const KIND = { report: SymbolKind.File, section: SymbolKind.Namespace, table: SymbolKind.Struct } as const;

/**
 * A symbol with a selection that is never empty (a table's is its first line, as far as the table
 * goes) and lies inside its range (the range reaching as far as the selection, when the symbol
 * itself has no extent).
 */
function toSymbol(doc: TextDocument, s: OffsetSymbol): DocumentSymbol {
  let selEnd = s.selEnd;
  if (selEnd <= s.selStart) {
    const at = doc.positionAt(s.selStart);
    const lineEnd = doc.offsetAt({ line: at.line, character: Number.MAX_SAFE_INTEGER });
    selEnd = s.end > s.selStart ? Math.min(s.end, lineEnd) : lineEnd;
    if (selEnd <= s.selStart) selEnd = Math.min(s.selStart + 1, doc.offsetAt({ line: doc.lineCount, character: 0 }));
  }
  const end = Math.max(s.start, s.end, selEnd);
  const range = { start: doc.positionAt(Math.min(s.start, s.selStart)), end: doc.positionAt(end) };
  const sel = { start: doc.positionAt(s.selStart), end: doc.positionAt(selEnd) };
  return { name: s.name || '—', detail: s.detail, kind: KIND[s.kind], range, selectionRange: sel, children: s.children.map(c => toSymbol(doc, c)) };
}

/** report → sections → tables. */
export function onDocumentSymbol(doc: TextDocument, model: ReportDocument): DocumentSymbol[] {
  return documentSymbols(model, zh ? 'zh' : 'en').map(s => toSymbol(doc, s));
}

/** Each report's opening, and each section from its heading line to the line before the next heading (core: `foldingRegions`). */
export function onFoldingRanges(doc: TextDocument, model: ReportDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const r of foldingRegions(model)) {
    const a = doc.positionAt(r.start).line, b = doc.positionAt(Math.max(r.start, r.end - 1)).line;
    if (b > a) out.push({ startLine: a, endLine: b, kind: FoldingRangeKind.Region });
  }
  return out;
}

/** The computed value beside wrong totals (or every total). */
export function onInlayHints(doc: TextDocument, model: ReportDocument, range: { start: { line: number; character: number }; end: { line: number; character: number } }, all: boolean): InlayHint[] {
  return inlayHints(model, doc.offsetAt(range.start), doc.offsetAt(range.end), all).map(h => ({
    position: doc.positionAt(h.offset), label: h.label, kind: InlayHintKind.Parameter, paddingLeft: true,
  }));
}
