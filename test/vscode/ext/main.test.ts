// The extension in VS Code's real extension host (code-server's Node extension host, started by
// @vscode/test-electron's runTests through test/vscode/code-shim.sh). Run in the default (English)
// locale; the Chinese-messages test is in locale.test.ts (a second run with --locale zh-cn).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NianbaoApi } from '../../../client/src/extension';
import {
  EXTENSION_ID, LANGUAGE_ID, SEED_002, ENGLISH_WORD,
  brokenSeed002, cellError, codeOf, currentDoc, describeDiagnostics, errors, hoverText, openReport, rangeStr,
  revertAndClose, waitForDiagnostics, waitForLanguage, withTimeout, writeTemp, wsPath, isSumError, brokenTotalMessage,
} from './helpers';

export function defineMainTests(): void {
  describe('Nianbao in VS Code (extension host)', () => {
    it('activates on a seed .txt report and switches it to the nianbao language', async () => {
      const uri = vscode.Uri.file(wsPath('activation', 'seed-000.txt'));
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.languageId, 'plaintext', 'a .txt file opens as plaintext before the extension looks at it');
      await vscode.window.showTextDocument(doc, { preview: false });
      const switched = await waitForLanguage(uri, LANGUAGE_ID);
      assert.equal(switched.languageId, LANGUAGE_ID);
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `extension ${EXTENSION_ID} is loaded`);
      // The switch happens inside activate(), which returns at once and starts the language client
      // just after (the next tests wait for its diagnostics). Wait for activate() to finish (it has
      // begun already; activate() returns the same promise) and fail if it throws.
      const api = await withTimeout(ext.activate(), 'the extension to finish activating') as NianbaoApi;
      assert.ok(ext.isActive, 'the extension is active');
      // How long loading the client bundle and running activate() took, measured by the extension
      // itself in this real extension host: recorded for docs/performance.md (issue 5: ≤ 50 ms).
      assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activationMs ${api.activationMs}`);
      fs.mkdirSync(path.join(ext.extensionPath, 'test-results'), { recursive: true });
      fs.writeFileSync(path.join(ext.extensionPath, 'test-results', `vscode-activation-${vscode.env.language}.json`),
        JSON.stringify({ activationMs: +api.activationMs.toFixed(2), loadMs: +api.loadMs.toFixed(2), activateMs: +api.activateMs.toFixed(2), sinceLoadMs: +api.sinceLoadMs.toFixed(2), vscode: vscode.version, at: new Date().toISOString() }) + '\n');
      console.log(`[nianbao-test]     activation: ${api.activationMs.toFixed(1)} ms (client bundle load ${api.loadMs.toFixed(1)} ms + activate() ${api.activateMs.toFixed(1)} ms; ${api.sinceLoadMs.toFixed(0)} ms from load to activate()'s return with VS Code's work in between)`);
      await revertAndClose(uri);
    });

    it('a broken total gives an error diagnostic (row-sum or column-sum) on that cell', async () => {
      const { broken, cell } = brokenSeed002();
      const uri = writeTemp('diag-002.txt', broken);
      await openReport(uri);
      const ds = await waitForDiagnostics(uri, d => !!cellError(d, cell),
        `a row-sum/column-sum Error covering 予以公开·总计 at ${rangeStr(cell.range)}`);
      const d = cellError(ds, cell)!;
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.ok(['row-sum', 'column-sum'].includes(codeOf(d)!), `code ${codeOf(d)}`);
      console.log(`[nianbao-test]     diagnostic: ${codeOf(d)} ${rangeStr(d.range)} ${d.message}`);
      await revertAndClose(uri);
    });

    it('hover on the broken cell shows the computed total 7', async () => {
      const { broken, cell } = brokenSeed002();
      const uri = writeTemp('hover-002.txt', broken);
      await openReport(uri);
      await waitForDiagnostics(uri, d => !!cellError(d, cell), 'the broken-total error (server has read the file)');
      const pos = new vscode.Position(cell.line, cell.range.start.character);
      const hovers = await withTimeout(vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos), 'hover');
      const text = hoverText(hovers ?? []);
      console.log(`[nianbao-test]     hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
      assert.ok(text.length > 0, 'a hover at the cell');
      assert.match(text, /=\s*7(?![\d.])/, `the hover shows the computed total "= 7"; it says:\n${text}`);
      await revertAndClose(uri);
    });

    it('the preferred quick fix, applied with workspace.applyEdit, restores the file and clears the errors', async () => {
      const { original, broken, cell } = brokenSeed002();
      const uri = writeTemp('quickfix-002.txt', broken);
      await openReport(uri);
      await waitForDiagnostics(uri, d => !!cellError(d, cell), 'the broken-total error');
      const actions = await withTimeout(vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', uri, cell.range, undefined, 50), 'code actions');
      const fixes = (actions ?? []).filter(a => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && a.isPreferred);
      assert.ok(fixes.length > 0, `a preferred quickfix at the cell; got: ${(actions ?? []).map(a => `${a.title} [${a.kind?.value}${a.isPreferred ? ', preferred' : ''}]`).join('; ') || '(none)'}`);
      const fix = fixes[0];
      assert.ok(fix.edit, `the quick fix "${fix.title}" carries a WorkspaceEdit`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit succeeded');
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      assert.equal(currentDoc(uri).getText(), original, 'the document text equals the original seed byte for byte');
      await waitForDiagnostics(uri, d => errors(uri).length === 0 && d.every(x => !isSumError(x)), 'the errors to clear after the fix');
      await revertAndClose(uri);
    });

    it('"Disable for this line" writes the inline comment (the error clears); "Turn off in settings" sets nianbao.severity to off in the workspace', async () => {
      const { broken, cell } = brokenSeed002();
      const uri = writeTemp('disable-002.txt', broken);
      await openReport(uri);
      await waitForDiagnostics(uri, d => !!cellError(d, cell), 'the broken-total error');
      const actions = await withTimeout(vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', uri, cell.range, undefined, 50), 'code actions');
      const titles = (actions ?? []).map(a => a.title).join('; ');
      const code = codeOf(cellError(errors(uri), cell)!)!;
      const line = (actions ?? []).find(a => a.title.includes(code) && /本行|this line/.test(a.title));
      const settings = (actions ?? []).find(a => a.command?.command === 'nianbao.disableRuleInSettings');
      assert.ok(line?.edit && settings, titles);
      assert.ok(await vscode.workspace.applyEdit(line.edit));
      assert.match(currentDoc(uri).lineAt(cell.range.start.line).text, new RegExp(`<!-- nianbao-disable-line ${code} -->`));
      await waitForDiagnostics(uri, d => !d.some(x => codeOf(x) === code), 'the disabled error to clear');
      await revertAndClose(uri);
      const config = () => vscode.workspace.getConfiguration('nianbao');
      const before = config().inspect<Record<string, string>>('severity')?.workspaceValue;
      try {
        assert.equal(await vscode.commands.executeCommand(settings.command!.command, ...(settings.command!.arguments ?? [])), true);
        assert.equal(config().inspect<Record<string, string>>('severity')?.workspaceValue?.[code], 'off');
      } finally {
        await config().update('severity', before, vscode.ConfigurationTarget.Workspace);
      }
    });

    it('without editor.codeActionsOnSave, saving leaves a broken total alone', async () => {
      const { broken, cell } = brokenSeed002();
      const uri = writeTemp('nosave-fix-002.txt', broken);
      const doc = await openReport(uri);
      await waitForDiagnostics(uri, d => !!cellError(d, cell), 'the broken-total error');
      // make the document dirty with an edit away from the table, so that save really runs
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(doc.lineCount, 0), '\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await currentDoc(uri).save(), 'saved');
      assert.equal(currentDoc(uri).getText(), broken + '\n', 'no fix-all without the setting');
      await revertAndClose(uri);
    });

    it('fix-all on save (editor.codeActionsOnSave: source.fixAll.nianbao) fixes the total', async () => {
      const { original, broken, cell } = brokenSeed002();
      const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID });
      await editorConfig.update('codeActionsOnSave', { 'source.fixAll.nianbao': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
      const uri = writeTemp('save-fix-002.txt', broken);
      try {
        const enabled = vscode.workspace.getConfiguration('editor', { languageId: LANGUAGE_ID }).get<Record<string, unknown>>('codeActionsOnSave');
        assert.deepEqual(enabled, { 'source.fixAll.nianbao': 'explicit' }, 'the setting is in effect for [nianbao]');
        const doc = await openReport(uri);
        await waitForDiagnostics(uri, d => !!cellError(d, cell), 'the broken-total error');
        // dirty the document with an edit at its end, away from the table, then save
        const edit = new vscode.WorkspaceEdit();
        edit.insert(uri, new vscode.Position(doc.lineCount, 0), '\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.ok(await withTimeout(currentDoc(uri).save(), 'save'), 'saved');
        assert.equal(currentDoc(uri).getText(), original + '\n', 'the total is fixed by the save, and nothing else changed');
        assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), original + '\n', 'the fixed text is what was written to disk');
        await waitForDiagnostics(uri, d => d.every(x => !isSumError(x)), 'the sum errors to clear after the fix-all');
      } finally {
        await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
        await revertAndClose(uri);
      }
    });

    it('document symbols list the six sections', async () => {
      const uri = vscode.Uri.file(wsPath(SEED_002));
      await openReport(uri);
      const symbols = await withTimeout(vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
        'vscode.executeDocumentSymbolProvider', uri), 'document symbols');
      assert.ok(symbols && symbols.length > 0, 'some document symbols');
      const roots = symbols as vscode.DocumentSymbol[];
      const sections = roots.length === 1 && Array.isArray(roots[0].children) ? roots[0].children : roots;
      const names = sections.map(s => s.name);
      console.log(`[nianbao-test]     symbols: ${roots.length === 1 ? `${roots[0].name} > ` : ''}${names.join(' | ')}`);
      assert.equal(sections.length, 6, `six sections (a report symbol with 6 children, or 6 section symbols); got ${names.length}: ${names.join(' | ')}`);
      sections.forEach((s, i) => assert.ok(s.name.trim().length > 0, `section ${i + 1} has a name`));
      await revertAndClose(uri);
    });

    it('nianbao.checkWorkspace fills the Problems panel for a folder of unopened reports', async () => {
      const broken = ['broken-000.txt', 'broken-002.txt', 'broken-003.txt'].map(n => vscode.Uri.file(wsPath('reports', n)));
      const clean = vscode.Uri.file(wsPath('reports', 'clean-001.txt'));
      for (const u of [...broken, clean]) {
        assert.ok(!vscode.workspace.textDocuments.some(d => d.uri.toString() === u.toString()), `${path.basename(u.fsPath)} is not open`);
        assert.equal(vscode.languages.getDiagnostics(u).length, 0, `no diagnostics for ${path.basename(u.fsPath)} before the command`);
      }
      const waits = broken.map(u => waitForDiagnostics(u, d => d.some(isSumError), `row-sum/column-sum errors for the unopened ${path.basename(u.fsPath)}`));
      const result = await withTimeout(vscode.commands.executeCommand('nianbao.checkWorkspace'), 'nianbao.checkWorkspace', 60_000);
      console.log(`[nianbao-test]     checkWorkspace returned ${JSON.stringify(result)}`);
      await Promise.all(waits);
      const all = vscode.languages.getDiagnostics();
      const inReports = all.filter(([u, ds]) => u.fsPath.startsWith(wsPath('reports')) && ds.length > 0);
      console.log(`[nianbao-test]     Problems panel: ${inReports.map(([u, ds]) => `${path.basename(u.fsPath)}: ${ds.length}`).join(', ')}`);
      for (const u of broken) {
        assert.ok(inReports.some(([x]) => x.toString() === u.toString()), `getDiagnostics() has an entry for ${path.basename(u.fsPath)}`);
      }
      assert.equal(errors(clean).length, 0, `no errors in the clean report: ${describeDiagnostics(vscode.languages.getDiagnostics(clean))}`);
    });

    it('messages follow the client locale: English when VS Code runs in English', async () => {
      assert.ok(vscode.env.language.startsWith('en'), `this run's display language is English (it is ${vscode.env.language})`);
      const { uri, msg } = await brokenTotalMessage('locale-en-002.txt');
      // cell labels (予以公开, 总计…) stay Chinese in any locale; the sentence around them must be English
      const sentence = msg.replace(/[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef·]+/g, ' ');
      assert.match(sentence, ENGLISH_WORD, `an English sentence around the labels: "${msg}"`);
      await revertAndClose(uri);
    });

    it('honours the project configuration and inline disable comments as the CLI and the server do (test/fixtures/conventions)', async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
      const dir = path.join(ext.extensionPath, 'test', 'fixtures', 'conventions');
      const expected: string[] = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')).findings;
      const uri = vscode.Uri.file(path.join(dir, 'report.md'));
      // A Markdown report stays `markdown` (the client checks Markdown, HTML and plain text as well as `nianbao`).
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      const severity = (d: vscode.Diagnostic) => ({ [vscode.DiagnosticSeverity.Error]: 'error', [vscode.DiagnosticSeverity.Warning]: 'warning', [vscode.DiagnosticSeverity.Information]: 'information', [vscode.DiagnosticSeverity.Hint]: 'hint' })[d.severity];
      const found = (ds: readonly vscode.Diagnostic[]) => ds.map(d => `${codeOf(d)}@${d.range.start.line + 1}:${severity(d)}`).sort();
      const ds = await waitForDiagnostics(uri, d => found(d).length >= expected.length, `the ${expected.length} findings of expected.json`);
      assert.deepEqual(found(ds), [...expected].sort(), describeDiagnostics(ds));
      await revertAndClose(uri);
    });
  });
}
