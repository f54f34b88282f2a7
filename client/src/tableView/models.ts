import * as vscode from 'vscode';
import { ReportDocument, type Finding, type Message, type TextSource } from '../../../core/src';

/** The language of what the extension itself shows (table view, code lenses): setting nianbao.messageLanguage, else VS Code's. */
export function viewLang(): 'zh' | 'en' {
  const set = vscode.workspace.getConfiguration('nianbao').get<string>('messageLanguage', 'auto');
  if (set === 'zh-CN') return 'zh';
  if (set === 'en') return 'en';
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
export const pick = (m: Message): string => m[viewLang()];

/** Findings the user has not turned off (setting nianbao.severity). */
export function shownFindings(findings: readonly Finding[]): Finding[] {
  const sev = vscode.workspace.getConfiguration('nianbao').get<Record<string, string>>('severity', {});
  return findings.filter(f => sev[f.code] !== 'off');
}

/** A document's text read in slices (the model reads only the part of it around an edit). */
function source(doc: vscode.TextDocument): TextSource {
  const length = doc.offsetAt(new vscode.Position(doc.lineCount, 0));
  return { length, slice: (s, e) => doc.getText(new vscode.Range(doc.positionAt(s), doc.positionAt(e))) };
}

interface Entry { version: number; model: ReportDocument; template: string; dirty: { start: number; oldEnd: number; curEnd: number } | null }

/**
 * The core's model of each open report, kept in the extension host for the table view, its code
 * lenses and Format Table: parsed once, then brought up to date by the core's incremental update
 * over one dirty region that a burst of edits folds into — when it is next asked for.
 */
export class LiveModels implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subs: vscode.Disposable[];

  constructor() {
    this.subs = [
      vscode.workspace.onDidChangeTextDocument(e => this.fold(e)),
      vscode.workspace.onDidCloseTextDocument(d => this.entries.delete(d.uri.toString())),
    ];
  }

  private fold(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(e.document.uri.toString());
    if (!entry) return;
    for (const c of e.contentChanges) {
      const start = c.rangeOffset, end = c.rangeOffset + c.rangeLength;
      if (!entry.dirty) entry.dirty = { start, oldEnd: end, curEnd: end };
      const d = entry.dirty;
      if (start < d.start) d.start = start;
      if (end > d.curEnd) { d.oldEnd += end - d.curEnd; d.curEnd = end; }
      d.curEnd += c.text.length - c.rangeLength;
    }
    entry.version = e.document.version;
  }

  /** The model of the document's current text; null when it is larger than nianbao.maxFileSize (MB, of UTF-8). */
  get(doc: vscode.TextDocument): ReportDocument | null {
    const config = vscode.workspace.getConfiguration('nianbao');
    const source_ = source(doc);
    // The limit counts UTF-8 bytes, as the server does: at most 3 per UTF-16 unit, so the text is only encoded when it could be over.
    const limit = config.get<number>('maxFileSize', 20) * 1024 * 1024;
    if (source_.length > limit || (source_.length * 3 > limit && Buffer.byteLength(doc.getText(), 'utf8') > limit)) return null;
    const template = config.get<string>('template', 'auto');
    const key = doc.uri.toString();
    let entry = this.entries.get(key);
    if (entry && (entry.template !== template || entry.version !== doc.version)) entry = undefined;
    if (!entry) {
      const options = template === '2021' || template === '2019' ? { template: template as '2021' | '2019' } : {};
      entry = { version: doc.version, model: ReportDocument.parse(doc.getText(), options), template, dirty: null };
      this.entries.set(key, entry);
    } else if (entry.dirty) {
      const d = entry.dirty;
      entry.model = entry.model.update(source_, d.start, d.oldEnd, d.curEnd - d.start);
      entry.dirty = null;
    }
    return entry.model;
  }

  dispose(): void { this.subs.forEach(s => s.dispose()); this.entries.clear(); }
}

/** Whether a document is one the extension checks and holds a report (a `nianbao` file, or another text file that reads as one). */
export function isReportDocument(doc: vscode.TextDocument): boolean {
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
  if (doc.languageId === 'nianbao') return true;
  if (!['plaintext', 'markdown', 'html'].includes(doc.languageId)) return false;
  return /政府信息公[开開]|勾稽关系|勾稽關係/.test(doc.getText(new vscode.Range(0, 0, 400, 0)));
}
