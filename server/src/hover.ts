import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hover, type ReportDocument } from '../../core/src';
import { pick } from './l10n';

export function onHover(doc: TextDocument, model: ReportDocument, position: { line: number; character: number }): Hover | null {
  const h = hover(model, doc.offsetAt(position));
  if (!h) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: h.lines.map(pick).join('\n\n') },
    range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) },
  };
}
