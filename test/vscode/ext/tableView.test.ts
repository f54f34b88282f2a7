// The table view and Format Table in the real extension host: the command opens the view, its HTML
// holds the seed's values, its page script runs under the Content-Security-Policy, it follows an
// edit, a click message reveals the cell, the cursor highlights its cell; Format Table changes no figure.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../../client/src/extension';
import type { TableViewPanel } from '../../../client/src/tableView/panel';
import { ReportDocument, formatTable } from '../../../core/src';
import { EXTENSION_ID, SEED_002, brokenSeed002, cellError, grantedTotalCell, openReport, readSeed, revertAndClose, waitForDiagnostics, withTimeout, writeTemp, WAIT_MS } from './helpers';

/** The figure in the table view's cell of `key` (its text before any expected-value note). */
function shownValue(body: string, key: string): string | undefined {
  const m = new RegExp(`<td[^>]* data-key="${key.replace(/\./g, '\\.')}"[^>]*>([^<]*)`).exec(body);
  return m?.[1];
}
const cellClasses = (body: string, key: string) => new RegExp(`<td[^>]* class="([^"]*)" data-key="${key.replace(/\./g, '\\.')}"`).exec(body)?.[1].split(' ') ?? [];

/** Resolves once `pred` holds for the view: now, or after one of its redraws. */
function waitForView(panel: TableViewPanel, pred: (body: string) => boolean, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (pred(panel.lastBody)) { resolve(panel.lastBody); return; }
    const sub = panel.onDidDraw(b => { if (pred(b)) { done(); resolve(b); } });
    const timer = setTimeout(() => { done(); reject(new Error(`timed out after ${WAIT_MS / 1000} s waiting for the table view: ${what}`)); }, WAIT_MS);
    const done = () => { clearTimeout(timer); sub.dispose(); };
  });
}

async function features() {
  const api = await vscode.extensions.getExtension(EXTENSION_ID)!.activate() as NianbaoApi;
  return api.tableView();
}

const cellsOf = (text: string) => {
  const p = ReportDocument.parse(text).reports()[0];
  return [...p.report.cells.values()].map(c => `${c.key} ${c.kind} ${c.value}`);
};

export function defineTableViewTests(): void {
  describe('Nianbao table view (extension host)', () => {
    it('Show Table View opens a webview beside the editor whose grids hold the seed\'s values, and its script runs', async () => {
      const uri = writeTemp('view-002.txt', readSeed(SEED_002));
      const doc = await openReport(uri);
      const cell = grantedTotalCell(doc.getText());
      const editor = vscode.window.activeTextEditor!;
      editor.selection = new vscode.Selection(cell.range.start, cell.range.start);
      assert.equal(await withTimeout(vscode.commands.executeCommand<boolean>('nianbao.showTableView'), 'the command'), true);
      const f = await features();
      const panel = f.panel!;
      assert.ok(panel, 'a view is open');
      const body = await waitForView(panel, b => b.includes('data-key="requests.granted.total"'), 'the seed drawn');
      assert.equal(shownValue(body, 'requests.granted.total'), '7');
      assert.equal(shownValue(body, 'requests.new.total'), ReportDocument.parse(doc.getText()).reports()[0].report.cells.get('requests.new.total')!.value);
      // The page's one script (loaded by its nonce under the CSP) tells the extension it has started.
      if (!panel.pageReady) await waitForView(panel, () => panel.pageReady, 'the page script to start');
      assert.ok(panel.pageReady);
      // The tab model reaches the extension host after the panel: wait for the tab if it is not there yet.
      const viewTab = () => vscode.window.tabGroups.all.flatMap(g => g.tabs).find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('nianbao.tableView'));
      if (!viewTab()) await withTimeout(new Promise<void>(resolve => { const s = vscode.window.tabGroups.onDidChangeTabs(() => { if (viewTab()) { s.dispose(); resolve(); } }); }), 'the table view tab');
      const tab = viewTab();
      assert.ok(tab, `a webview tab of type nianbao.tableView; tabs: ${vscode.window.tabGroups.all.flatMap(g => g.tabs).map(t => `${t.label} [${t.input?.constructor?.name} ${(t.input as { viewType?: string })?.viewType ?? ''}] col ${t.group.viewColumn}`).join('; ')}`);
      assert.notEqual(tab.group.viewColumn, vscode.window.tabGroups.all.find(g => g.tabs.some(t => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()))?.viewColumn, 'beside the editor');
      console.log(`[nianbao-test]     table view: ${(body.match(/<td/g) ?? []).length} cells drawn`);
    });

    it('follows an edit: the broken total turns red with its expected value, redrawn on its own (debounced)', async () => {
      const f = await features();
      const panel = f.panel!;
      const uri = vscode.window.activeTextEditor!.document.uri;
      const doc = vscode.window.activeTextEditor!.document;
      const cell = grantedTotalCell(doc.getText());
      let changedAt = 0;
      const sub = vscode.workspace.onDidChangeTextDocument(e => { if (e.document.uri.toString() === uri.toString() && !changedAt) changedAt = Date.now(); });
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, cell.range, '9');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const body = await waitForView(panel, b => cellClasses(b, 'requests.granted.total').includes('wrong'), 'the wrong cell');
      await waitForDiagnostics(uri, ds => !!cellError(ds, { ...cell, value: '9' }), 'the error');
      assert.equal(shownValue(body, 'requests.granted.total'), '9');
      assert.match(body, /should be 7|应为 7/);
      sub.dispose();
      console.log(`[nianbao-test]     redrawn ${panel.lastDrawnAt - changedAt} ms after the document changed (debounce ${40} ms)`);
    });

    it('a click message reveals and selects the cell in the text; moving the cursor highlights its cell', async () => {
      const panel = (await features()).panel!;
      const doc = vscode.window.visibleTextEditors.find(e => e.document.uri.fsPath.endsWith('view-002.txt'))!.document;
      const cell = grantedTotalCell(doc.getText());
      const range = await panel.receive({ type: 'reveal', key: 'requests.granted.total' });
      assert.ok(range, 'the cell was found');
      assert.deepEqual([range.start.line, range.start.character, range.end.line, range.end.character], [cell.range.start.line, cell.range.start.character, cell.range.end.line, cell.range.end.character]);
      const editor = vscode.window.visibleTextEditors.find(e => e.document === doc)!;
      assert.ok(editor.selection.isEqual(new vscode.Selection(range.start, range.end)), `selection ${editor.selection.start.line}:${editor.selection.start.character}`);
      // The cursor onto the 自然人 cell of the same row: the view's highlight follows.
      const natural = ReportDocument.parse(doc.getText()).reports()[0].report.cells.get('requests.granted.natural')!;
      const moved = new Promise<string | null>(resolve => { const s = panel.onDidMoveCursor(k => { s.dispose(); resolve(k); }); });
      editor.selection = new vscode.Selection(doc.positionAt(natural.start), doc.positionAt(natural.start));
      assert.equal(await withTimeout(moved, 'the highlight to move'), 'requests.granted.natural');
    });

    it('follows the report under the cursor in a compilation', async () => {
      const first = readSeed('activation/seed-000.txt'), second = readSeed(SEED_002);
      const uri = writeTemp('compilation.txt', first + '\n' + second);
      const doc = await openReport(uri);
      const reports = ReportDocument.parse(doc.getText()).reports();
      assert.equal(reports.length, 2, 'two reports in the file');
      const editor = vscode.window.activeTextEditor!;
      editor.selection = new vscode.Selection(doc.positionAt(reports[0].base + 10), doc.positionAt(reports[0].base + 10));
      const panel = (await features()).show(uri)!;
      // The view's heading names the report (its title, year and format): seed 000 is on 2023, seed 002 on 2022.
      const heading = (b: string) => /<h1>([^<]*)<\/h1>/.exec(b)?.[1] ?? '';
      assert.deepEqual(reports.map(r => r.report.year), [2023, 2022]);
      await waitForView(panel, b => heading(b).includes('2023'), 'the first report');
      const moved = waitForView(panel, b => heading(b).includes('2022'), 'the second report');
      const at = doc.positionAt(reports[1].base + reports[1].report.tables[0].start);
      editor.selection = new vscode.Selection(at, at);
      const body = await moved;
      assert.equal(shownValue(body, 'requests.granted.total'), reports[1].report.cells.get('requests.granted.total')!.value);
      await revertAndClose(uri);
    });

    it('Format Table rewrites a one-cell-per-line table as an aligned pipe table and changes no figure', async () => {
      const { broken } = brokenSeed002();
      const uri = writeTemp('format-002.txt', broken);
      const doc = await openReport(uri);
      await waitForDiagnostics(uri, ds => ds.length > 0, 'the file checked');
      const before = doc.getText();
      const at = ReportDocument.parse(before).reports()[0].report.tables.find(t => t.id === 'requests')!.start + 2;
      const r = await withTimeout(vscode.commands.executeCommand<{ applied: boolean; reason?: string }>('nianbao.formatTable', uri, at), 'format');
      assert.ok(r.applied, r.reason);
      const after = doc.getText();
      assert.notEqual(after, before);
      assert.ok(before.split('\n').length - after.split('\n').length > 150, `${before.split('\n').length} → ${after.split('\n').length} lines`);
      assert.deepEqual(cellsOf(after), cellsOf(before), 'every cell reads the same');
      assert.match(after, /^\| （一）予以公开 +\| +7 \| +0 \| +0 \| +0 \| +0 \| +0 \| +9 \|$/m);
      // The code action on the table offers the same.
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at)));
      assert.ok(actions.some(a => a.command?.command === 'nianbao.formatTable'), actions.map(a => a.title).join('; '));
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      assert.equal(lenses.filter(l => l.command?.command === 'nianbao.showTableView').length, 3, 'a lens on each table heading');
      await revertAndClose(uri);
      await revertAndClose(vscode.Uri.file(uri.fsPath.replace('format-002', 'view-002')));
      (await features()).panel?.close();
    });

    it('Insert Empty Report writes the skeleton with its tables in the aligned form Format Table writes', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await withTimeout(vscode.commands.executeCommand('nianbao.insertSkeleton', 2024, 'department'), 'the skeleton command');
      const doc = vscode.window.activeTextEditor!.document;
      assert.equal(doc.languageId, 'nianbao');
      const text = doc.getText();
      assert.equal(text.split('\n')[0], '××市××局2024年政府信息公开工作年度报告', 'the year and body type given');
      const lines = text.split('\n').filter(l => l.startsWith('| （') || l.startsWith('| 一、'));
      assert.ok(lines.length >= 8, text.slice(0, 200));
      const p = ReportDocument.parse(text).reports()[0];
      for (const id of ['active', 'requests', 'appeals'] as const) {
        const r = formatTable(p.report, p.text, id);
        assert.ok('edit' in r && text.slice(r.edit.start, r.edit.end) === r.edit.newText, `${id} already formatted`);
      }
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  });
}
