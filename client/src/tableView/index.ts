import * as vscode from 'vscode';
import { formatTableAt, tableRegion, type Message } from '../../../core/src';
import { LiveModels, isReportDocument, pick } from './models';
import { TableViewPanel } from './panel';

export { BODY_TYPES, defaultReportYear, parseReportYear, reportYearBounds, skeleton2021 } from '../../../core/src';

/**
 * The table view, its code lenses and Format Table: a bundle of its own (dist/tableView.js, the
 * core is most of it), loaded just after activation so activation does not wait for it.
 */
export interface TableViewFeatures {
  /** Opens (or moves) the view on the report at `offset` of `uri` (default: the active editor and its cursor). */
  show(uri?: vscode.Uri | string, offset?: number): TableViewPanel | undefined;
  format(uri?: vscode.Uri | string, offset?: number): Promise<{ applied: boolean; reason?: string }>;
  /** The open view, if any (for the extension's tests). */
  readonly panel: TableViewPanel | undefined;
}

const WORDS = {
  show: { zh: '$(table) 显示表格', en: '$(table) Show Table View' },
  format: { zh: '格式化表格', en: 'Format Table' },
  noReport: { zh: '当前编辑器中没有年报。', en: 'The active editor holds no report.' },
} satisfies Record<string, Message>;

const SECTION_TABLES = new Set([2, 3, 4]);

export function activateTableView(context: vscode.ExtensionContext): TableViewFeatures {
  const models = new LiveModels();
  let panel: TableViewPanel | undefined;
  const selector = ['nianbao', 'plaintext', 'markdown', 'html'].flatMap(language => [{ scheme: 'file', language }, { scheme: 'untitled', language }]);

  const lenses: vscode.CodeLensProvider = {
    provideCodeLenses(doc) {
      if (!isReportDocument(doc)) return [];
      const model = models.get(doc);
      if (!model) return [];
      const out: vscode.CodeLens[] = [];
      for (const p of model.reports()) for (const s of p.report.sections) {
        if (!SECTION_TABLES.has(s.number)) continue;
        const at = p.base + s.headingStart;
        const range = new vscode.Range(doc.positionAt(at), doc.positionAt(p.base + s.headingEnd));
        out.push(new vscode.CodeLens(range, { title: pick(WORDS.show), command: 'nianbao.showTableView', arguments: [doc.uri, at] }));
        const table = p.report.tables.find(t => t.start >= s.start && t.start < s.end);
        if (table && !model.html) out.push(new vscode.CodeLens(range, { title: pick(WORDS.format), command: 'nianbao.formatTable', arguments: [doc.uri, p.base + table.start] }));
      }
      return out;
    },
  };

  const actions: vscode.CodeActionProvider = {
    provideCodeActions(doc, range) {
      if (!isReportDocument(doc)) return [];
      const model = models.get(doc);
      if (!model || model.html) return [];
      const offset = doc.offsetAt(range.start);
      const p = model.reportAt(offset);
      if (!p) return [];
      const inTable = p.report.tables.some(t => { const r = tableRegion(p.report, p.text, t); return offset - p.base >= r.start && offset - p.base <= r.end; });
      if (!inTable) return [];
      const a = new vscode.CodeAction(pick(WORDS.format), vscode.CodeActionKind.RefactorRewrite.append('nianbao.formatTable'));
      a.command = { title: a.title, command: 'nianbao.formatTable', arguments: [doc.uri, offset] };
      return [a];
    },
  };

  const editorFor = (uri?: vscode.Uri | string): vscode.TextEditor | undefined => {
    const key = uri?.toString();
    return key ? vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === key) : vscode.window.activeTextEditor;
  };

  const features: TableViewFeatures = {
    show(uri, offset) {
      const editor = editorFor(uri);
      if (!editor || !isReportDocument(editor.document)) { void vscode.window.showInformationMessage(pick(WORDS.noReport)); return undefined; }
      if (panel) panel.show(editor, offset);
      else panel = new TableViewPanel(context, models, editor, offset, () => { panel = undefined; });
      return panel;
    },
    async format(uri, offset) {
      const editor = editorFor(uri);
      const doc = editor?.document ?? (uri ? vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString()) : undefined);
      if (!doc) return { applied: false, reason: pick(WORDS.noReport) };
      const model = models.get(doc);
      const at = offset ?? (editor ? doc.offsetAt(editor.selection.active) : 0);
      const r = model ? formatTableAt(model, at) : null;
      if (!r || !('edit' in r)) {
        const reason = r ? pick(r.reason) : pick(WORDS.noReport);
        void vscode.window.showInformationMessage(reason);
        return { applied: false, reason };
      }
      const edit = new vscode.WorkspaceEdit();
      edit.replace(doc.uri, new vscode.Range(doc.positionAt(r.edit.start), doc.positionAt(r.edit.end)), r.edit.newText);
      return { applied: await vscode.workspace.applyEdit(edit) };
    },
    get panel() { return panel; },
  };

  context.subscriptions.push(
    models,
    vscode.languages.registerCodeLensProvider(selector, lenses),
    vscode.languages.registerCodeActionsProvider(selector, actions, { providedCodeActionKinds: [vscode.CodeActionKind.RefactorRewrite] }),
    vscode.window.registerWebviewPanelSerializer?.(TableViewPanel.viewType, {
      // A view restored after a reload follows the active report editor again (or closes if there is none).
      async deserializeWebviewPanel(webviewPanel) {
        webviewPanel.dispose();
        const ed = vscode.window.activeTextEditor;
        if (ed && isReportDocument(ed.document)) features.show(ed.document.uri);
      },
    }) ?? new vscode.Disposable(() => undefined),
    { dispose: () => panel?.close() },
  );
  return features;
}
