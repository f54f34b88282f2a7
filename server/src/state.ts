import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { ReportDocument, type DocumentOptions } from '../../core/src';
import type { EditorText } from './editorText';

/**
 * One open document: the editor's text (kept in pieces by EditorText, updated incrementally) and the
 * parsed model. Edits are folded into one dirty region and the model is brought up to date lazily, at the
 * next check or request — so a burst of keystrokes costs one incremental re-parse.
 */
export class OpenDocument {
  private model: ReportDocument | null = null;
  /** Dirty region in the model's text coordinates: [start, oldEnd) replaced by `newLength` characters. */
  private dirty: { start: number; oldEnd: number; curEnd: number } | null = null;

  /** `options`: how the document is read and checked now (its template, unused directives): a model read otherwise is read again. */
  constructor(public doc: EditorText, private readonly maxSize: () => number, private readonly options: () => DocumentOptions = () => ({})) {}

  /** Over the size limit (`nianbao.maxFileSize`, in UTF-8 bytes, as it is now): not checked. */
  get tooLarge(): boolean { return this.doc.byteLength > this.maxSize(); }

  get uri(): string { return this.doc.uri; }

  /** A `nianbao` document always; another language only when its text holds a report (decided once per version). */
  holdsReport(): boolean {
    if (this.doc.languageId === 'nianbao') return true;
    if (this.holds?.version !== this.doc.version) {
      const head = this.doc.slice(0, 200000);
      this.holds = { version: this.doc.version, value: /政府信息公[开開]|政府資訊公開|勾稽关系|勾稽關係/.test(head) && /总计|總計|总体情况|總體情況/.test(head) };
    }
    return this.holds.value;
  }
  private holds: { version: number; value: boolean } | null = null;
  get version(): number { return this.doc.version; }

  applyChanges(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const e of this.doc.apply(changes, version)) {
      if (!e) { this.model = null; this.dirty = null; continue; }
      if (!this.model) continue;
      // Fold the edit into the dirty region (in the model's text coordinates).
      if (!this.dirty) this.dirty = { start: e.start, oldEnd: e.end, curEnd: e.end };
      const d = this.dirty;
      if (e.start < d.start) d.start = e.start;
      if (e.end > d.curEnd) { d.oldEnd += e.end - d.curEnd; d.curEnd = e.end; }
      d.curEnd += e.length - (e.end - e.start);
    }
  }

  /** The model for the current text (incremental when only part of the text changed). */
  current(): ReportDocument {
    const wanted = this.options();
    if (this.model && !sameOptions(this.model.options, wanted)) this.model = null;
    // A dirty region that does not fit the text (which validated changes never make) is not trusted: the text is read whole.
    if (this.dirty && !fits(this.dirty, this.doc.length)) this.model = null;
    if (!this.model) this.model = ReportDocument.parse(this.doc.getText(), wanted);
    else if (this.dirty) {
      // The model reads only the part of the text around the edits.
      const d = this.dirty;
      this.model = this.model.update(this.doc, d.start, d.oldEnd, d.curEnd - d.start);
    }
    this.dirty = null;
    return this.model;
  }
}

const sameOptions = (a: DocumentOptions, b: DocumentOptions): boolean =>
  a.template === b.template && (a.reportUnusedDisableDirectives ?? 'off') === (b.reportUnusedDisableDirectives ?? 'off');

const fits = (d: { start: number; oldEnd: number; curEnd: number }, length: number): boolean =>
  Number.isSafeInteger(d.start) && Number.isSafeInteger(d.oldEnd) && Number.isSafeInteger(d.curEnd) && d.start >= 0 && d.oldEnd >= d.start && d.curEnd >= d.start && d.curEnd <= length;
