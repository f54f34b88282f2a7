import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hover, type ReportDocument } from '../../core/src';
import { pick } from './l10n';

/** The hover's Markdown (`**name**`, a key in backticks) as plain text, for a client that asks for it. */
const plain = (markdown: string) => markdown.replace(/\*\*|`/g, '');

export function onHover(doc: TextDocument, model: ReportDocument, position: { line: number; character: number }, markdown = true): Hover | null {
  const h = hover(model, doc.offsetAt(position));
  if (!h) return null;
  const value = h.lines.map(pick).join('\n\n');
  return {
    contents: markdown ? { kind: MarkupKind.Markdown, value } : { kind: MarkupKind.PlainText, value: plain(value) },
    range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) },
  };
}
