import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions, State } from 'vscode-languageclient/node';
import { skeleton2021 } from '../../core/src/template/skeleton';

let client: LanguageClient | undefined;

/** A plain-text document whose text holds a report: its title or the 勾稽关系 note. */
const HOLDS_REPORT = /政府信息公[开開][\s\S]{0,40}?年度?[报報]|本列数据的勾稽关系|本列數據的勾稽關係/;

function maybeSwitch(doc: vscode.TextDocument): void {
  if (doc.languageId !== 'plaintext' || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled')) return;
  if (!vscode.workspace.getConfiguration('nianbao').get<boolean>('autoDetect', true)) return;
  if (HOLDS_REPORT.test(doc.getText(new vscode.Range(0, 0, 400, 0)))) void vscode.languages.setTextDocumentLanguage(doc, 'nianbao');
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const languages = ['nianbao', 'plaintext', 'markdown', 'html'];
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap(language => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
    synchronize: { configurationSection: 'nianbao' },
    initializationOptions: {},
  };
  client = new LanguageClient('nianbao', 'Nianbao 年报', serverOptions, clientOptions);

  // The client restarts a crashed server (up to 4 times in 3 minutes); tell the user once.
  let warned = false;
  context.subscriptions.push(client.onDidChangeState(e => {
    if (e.oldState === State.Running && e.newState === State.Stopped && !warned) {
      warned = true;
      void vscode.window.showWarningMessage(vscode.l10n.t('The Nianbao checker stopped unexpectedly and is being restarted.'));
    }
  }));

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(maybeSwitch),
    vscode.commands.registerCommand('nianbao.checkWorkspace', async () => {
      const folders = (vscode.workspace.workspaceFolders ?? []).map(f => f.uri.toString());
      const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking reports') },
        () => client!.sendRequest('workspace/executeCommand', { command: 'nianbao.server.checkWorkspace', arguments: folders })) as { files: number; errors: number; warnings: number } | null;
      if (r) void vscode.window.showInformationMessage(vscode.l10n.t('Checked {0} files: {1} errors, {2} warnings', r.files, r.errors, r.warnings));
      return r;
    }),
    vscode.commands.registerCommand('nianbao.fixAllTotals', () =>
      vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.nianbao', apply: 'first' })),
    vscode.commands.registerCommand('nianbao.insertSkeleton', async () => {
      const editor = vscode.window.activeTextEditor;
      const text = skeleton2021(new Date().getFullYear() - 1);
      if (editor) await editor.insertSnippet(new vscode.SnippetString(text.replace(/\$/g, '\\$')));
      else await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'nianbao', content: text }));
    }),
    vscode.commands.registerCommand('nianbao.showRuleDoc', (href: string) => vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.parse(href))),
  );

  const status = vscode.languages.createLanguageStatusItem('nianbao.status', { language: 'nianbao' });
  status.name = 'Nianbao';
  context.subscriptions.push(status);
  const refreshStatus = () => {
    const ed = vscode.window.activeTextEditor;
    if (!ed) return;
    // Year, template and counts of the report under the cursor (a compilation holds hundreds).
    void client?.sendRequest<{ year: number | null; template: string | null; title: string | null; errors: number; warnings: number } | null>('nianbao/reportInfo', { uri: ed.document.uri.toString(), offset: ed.document.offsetAt(ed.selection.active) })
      .then(info => {
        if (!info) { status.text = 'Nianbao'; return; }
        status.text = `${info.year ?? '—'} · ${info.template ?? '—'} · $(error) ${info.errors} $(warning) ${info.warnings}`;
        status.detail = info.title ?? undefined;
        status.severity = info.errors ? vscode.LanguageStatusSeverity.Error : info.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      }, () => undefined);
  };
  context.subscriptions.push(vscode.languages.onDidChangeDiagnostics(refreshStatus), vscode.window.onDidChangeActiveTextEditor(refreshStatus), vscode.window.onDidChangeTextEditorSelection(refreshStatus));

  await client.start();
  vscode.workspace.textDocuments.forEach(maybeSwitch);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
