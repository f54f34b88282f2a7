import * as vscode from 'vscode';
import { cellAt, tableViewBody, tableViewPage, type PlacedReport, type ReportDocument } from '../../../core/src';
import { isReportDocument, shownFindings, viewLang, type LiveModels } from './models';

/** Messages from the page (client/media/tableView.js). */
type FromPage = { type: 'reveal'; key: string } | { type: 'ready' };

/** Redraws wait this long after the last edit or diagnostics change (so a burst of keystrokes is one redraw). */
const DEBOUNCE_MS = 40;

/**
 * The table view: one webview beside the editor drawing the three tables of the report under the
 * cursor (core's `tableViewBody`), following edits, diagnostics and the cursor; a click or Enter on
 * a cell reveals and selects it in the text. The page is set once; later bodies are posted to it.
 */
export class TableViewPanel implements vscode.Disposable {
  static readonly viewType = 'nianbao.tableView';
  private readonly panel: vscode.WebviewPanel;
  private readonly subs: vscode.Disposable[] = [];
  private target: vscode.Uri | undefined;
  private offset = 0;
  private base = -1;
  private timer: NodeJS.Timeout | undefined;
  /** The last body posted, and when (for tests and the redraw latency). */
  lastBody = '';
  lastDrawnAt = 0;
  /** The key last posted as the cell under the cursor. */
  lastCursor: string | null = null;
  /** Set when the page's script has run (it says so when it starts). */
  pageReady = false;
  private readonly drawn = new vscode.EventEmitter<string>();
  readonly onDidDraw = this.drawn.event;
  private readonly cursorMoved = new vscode.EventEmitter<string | null>();
  readonly onDidMoveCursor = this.cursorMoved.event;

  constructor(private readonly context: vscode.ExtensionContext, private readonly models: LiveModels, editor: vscode.TextEditor, offset: number | undefined, onDispose: () => void) {
    const media = vscode.Uri.joinPath(context.extensionUri, 'client', 'media');
    this.panel = vscode.window.createWebviewPanel(TableViewPanel.viewType, viewLang() === 'zh' ? '年报表格' : 'Report Tables',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [media], enableFindWidget: true });
    this.panel.iconPath = vscode.Uri.joinPath(media, 'table.svg');
    this.follow(editor, offset);
    this.panel.webview.html = this.page(media);
    this.subs.push(
      this.panel.onDidDispose(() => { this.dispose(); onDispose(); }),
      this.panel.webview.onDidReceiveMessage((m: FromPage) => this.receive(m)),
      vscode.workspace.onDidChangeTextDocument(e => { if (this.isTarget(e.document.uri)) this.schedule(); }),
      vscode.languages.onDidChangeDiagnostics(e => { if (e.uris.some(u => this.isTarget(u))) this.schedule(); }),
      vscode.window.onDidChangeActiveTextEditor(ed => { if (ed && isReportDocument(ed.document)) { this.follow(ed); this.draw(); } }),
      vscode.window.onDidChangeTextEditorSelection(e => this.onSelection(e)),
      vscode.workspace.onDidChangeConfiguration(e => { if (e.affectsConfiguration('nianbao')) this.draw(); }),
    );
  }

  /** Shows the view for an editor (and its cursor), redrawn now. */
  show(editor: vscode.TextEditor, offset?: number): void {
    this.follow(editor, offset);
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    this.draw();
  }

  private follow(editor: vscode.TextEditor, offset?: number): void {
    this.target = editor.document.uri;
    this.offset = offset ?? editor.document.offsetAt(editor.selection.active);
  }

  private isTarget(uri: vscode.Uri): boolean { return !!this.target && uri.toString() === this.target.toString(); }

  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find(d => this.isTarget(d.uri) && !d.isClosed);
  }

  private model(): { doc: vscode.TextDocument; model: ReportDocument; placed: PlacedReport | undefined } | null {
    const doc = this.document();
    const model = doc && this.models.get(doc);
    if (!doc || !model) return null;
    return { doc, model, placed: model.reportAt(this.offset) };
  }

  private page(media: vscode.Uri): string {
    const w = this.panel.webview;
    return tableViewPage({
      nonce: nonce(), cspSource: w.cspSource, lang: viewLang(), body: this.body(),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(media, 'tableView.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(media, 'tableView.css')).toString(),
    });
  }

  private body(): string {
    const m = this.model();
    const placed = m?.placed;
    this.base = placed?.base ?? -1;
    const body = tableViewBody(placed?.report ?? null, placed ? shownFindings(placed.findings) : [], viewLang());
    this.lastBody = body;
    this.lastDrawnAt = Date.now();
    return body;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.draw(), DEBOUNCE_MS);
  }

  /** Posts the current body and the cell under the cursor to the page. */
  draw(): void {
    clearTimeout(this.timer);
    const body = this.body();
    this.lastCursor = this.cursorKey();
    void this.panel.webview.postMessage({ type: 'body', html: body, cursor: this.lastCursor });
    this.drawn.fire(body);
  }

  private cursorKey(): string | null {
    const m = this.model();
    if (!m?.placed) return null;
    return cellAt(m.model, this.offset).cell?.key ?? null;
  }

  private onSelection(e: vscode.TextEditorSelectionChangeEvent): void {
    if (!this.isTarget(e.textEditor.document.uri)) return;
    this.offset = e.textEditor.document.offsetAt(e.selections[0].active);
    const placed = this.model()?.placed;
    // Another report of a compilation: redraw; the same one: move the highlight only.
    if ((placed?.base ?? -1) !== this.base) this.draw();
    else {
      this.lastCursor = this.cursorKey();
      void this.panel.webview.postMessage({ type: 'cursor', key: this.lastCursor });
      this.cursorMoved.fire(this.lastCursor);
    }
  }

  /** A message from the page: `reveal` selects the cell's text in its editor. */
  async receive(m: FromPage): Promise<vscode.Range | undefined> {
    if (m.type === 'ready') { this.pageReady = true; this.draw(); return undefined; }
    if (m.type !== 'reveal') return undefined;
    const cur = this.model();
    const cell = cur?.placed?.report.cells.get(m.key);
    if (!cur || !cur.placed || !cell) return undefined;
    const range = new vscode.Range(cur.doc.positionAt(cur.placed.base + cell.start), cur.doc.positionAt(cur.placed.base + Math.max(cell.end, cell.start)));
    const visible = vscode.window.visibleTextEditors.find(ed => ed.document === cur.doc);
    const editor = await vscode.window.showTextDocument(cur.doc, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: true, selection: range });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return range;
  }

  get visible(): boolean { return this.panel.visible; }

  dispose(): void {
    clearTimeout(this.timer);
    this.subs.forEach(s => s.dispose());
    this.subs.length = 0;
    this.drawn.dispose();
    this.cursorMoved.dispose();
  }

  close(): void { this.panel.dispose(); }
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}
