import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { TableViewFeatures } from './tableView';
import { disableRuleInSettings } from './ruleSettings';

/** When this module began to load (set by the bundle's first line; see esbuild.mjs), for the activation time. */
declare const __nianbaoLoadStart: number | undefined;
const loadStart = typeof __nianbaoLoadStart === 'number' ? __nianbaoLoadStart : performance.now();

/** When the bundle had been evaluated (this line runs after every module it imports). */
const loadedAt = performance.now();

/** The language client once started (it starts right after activation, see `activate`). */
let ready: Promise<LanguageClient | undefined> = Promise.resolve(undefined);

/** What the extension exports: how long loading the bundle and running activate() took, measured from inside. */
export interface NianbaoApi {
  activationMs: number; loadMs: number; activateMs: number;
  /** From the bundle's first line to activate()'s return, VS Code's work in between included. */
  sinceLoadMs: number;
  /** The table view and Format Table, once their bundle is loaded (just after activation). */
  tableView(): Promise<TableViewFeatures>;
}

/** The table view's bundle (dist/tableView.js: the core, the table view, Format Table, the skeleton), loaded once, just after activation or at its first use. */
let bundle: typeof import('./tableView') | undefined;
const tableViewBundle = () => (bundle ??= require(path.join(__dirname, 'tableView.js')) as typeof import('./tableView'));
let tableView: Promise<TableViewFeatures> | undefined;
function loadTableView(context: vscode.ExtensionContext): Promise<TableViewFeatures> {
  tableView ??= Promise.resolve().then(() => tableViewBundle().activateTableView(context));
  return tableView;
}

/** A plain-text document whose text holds a report: its title or the 勾稽关系 note. */
const HOLDS_REPORT = /政府信息公[开開][\s\S]{0,40}?年度?[报報]|本列数据的勾稽关系|本列數據的勾稽關係/;

function maybeSwitch(doc: vscode.TextDocument): void {
  if (doc.languageId !== 'plaintext' || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled')) return;
  if (!vscode.workspace.getConfiguration('nianbao').get<boolean>('autoDetect', true)) return;
  if (HOLDS_REPORT.test(doc.getText(new vscode.Range(0, 0, 400, 0)))) void vscode.languages.setTextDocumentLanguage(doc, 'nianbao');
}

/**
 * Registers the commands and the status item, and returns: the language client (most of the code)
 * is loaded and started just after, so activation does not wait for it nor for the server.
 */
export function activate(context: vscode.ExtensionContext): NianbaoApi {
  const activateStart = performance.now();
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(maybeSwitch),
    vscode.commands.registerCommand('nianbao.checkWorkspace', async () => {
      const folders = (vscode.workspace.workspaceFolders ?? []).map(f => f.uri.toString());
      const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking reports') },
        async () => (await ready)?.sendRequest('workspace/executeCommand', { command: 'nianbao.server.checkWorkspace', arguments: folders })) as { files: number; errors: number; warnings: number } | null;
      if (r) void vscode.window.showInformationMessage(vscode.l10n.t('Checked {0} files: {1} errors, {2} warnings', r.files, r.errors, r.warnings));
      return r;
    }),
    vscode.commands.registerCommand('nianbao.fixAllTotals', () =>
      vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.nianbao', apply: 'first' })),
    // Arguments (year, body type) skip the questions; a menu's URI argument is not one.
    vscode.commands.registerCommand('nianbao.insertSkeleton', async (year?: unknown, body?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const choice = await askSkeleton(tableViewBundle(), typeof year === 'number' && Number.isInteger(year) ? year : undefined, typeof body === 'string' ? body : undefined);
      if (!choice) return false;
      const text = tableViewBundle().skeleton2021(choice.year, choice.body);
      if (editor) await editor.insertSnippet(new vscode.SnippetString(text.replace(/\$/g, '\\$')));
      else await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'nianbao', content: text }));
      return true;
    }),
    vscode.commands.registerCommand('nianbao.showTableView', async (uri?: vscode.Uri, offset?: number) => {
      const panel = (await loadTableView(context)).show(uri, typeof offset === 'number' ? offset : undefined);
      return !!panel;
    }),
    vscode.commands.registerCommand('nianbao.formatTable', async (uri?: vscode.Uri, offset?: number) =>
      (await loadTableView(context)).format(uri, typeof offset === 'number' ? offset : undefined)),
    vscode.commands.registerCommand('nianbao.disableRuleInSettings', disableRuleInSettings),
    vscode.commands.registerCommand('nianbao.showRuleDoc', (href: string) => vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.parse(href))),
  );

  const status = vscode.languages.createLanguageStatusItem('nianbao.status', { language: 'nianbao' });
  status.name = 'Nianbao';
  status.command = { title: vscode.l10n.t('Show Table View'), command: 'nianbao.showTableView' };
  context.subscriptions.push(status);
  const refreshStatus = () => {
    const ed = vscode.window.activeTextEditor;
    if (!ed) return;
    // Year, template and counts of the report under the cursor (a compilation holds hundreds).
    const at = { uri: ed.document.uri.toString(), offset: ed.document.offsetAt(ed.selection.active) };
    void ready.then(c => c?.sendRequest<{ year: number | null; template: string | null; title: string | null; errors: number; warnings: number } | null>('nianbao/reportInfo', at))
      .then(info => {
        if (!info) { status.text = 'Nianbao'; return; }
        status.text = vscode.l10n.t('{0} report · {1} format · errors {2} · warnings {3}', info.year ?? '—', info.template ?? '—', info.errors, info.warnings);
        status.detail = info.title ?? undefined;
        status.severity = info.errors ? vscode.LanguageStatusSeverity.Error : info.warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      }, () => undefined);
  };
  context.subscriptions.push(vscode.languages.onDidChangeDiagnostics(refreshStatus), vscode.window.onDidChangeActiveTextEditor(refreshStatus), vscode.window.onDidChangeTextEditorSelection(refreshStatus));

  vscode.workspace.textDocuments.forEach(maybeSwitch);
  ready = startClient(context);
  setImmediate(() => void loadTableView(context));
  // VS Code's own work between loading the module and calling activate() (the extension context) is not ours: not counted.
  const loadMs = loadedAt - loadStart, activateMs = performance.now() - activateStart;
  return { activationMs: loadMs + activateMs, loadMs, activateMs, sinceLoadMs: performance.now() - loadStart, tableView: () => loadTableView(context) };
}

/**
 * The skeleton's year and body: asked for (the year in an input box, by default the year just ended
 * until 31 March; the body type from a list), unless the command was given them. Undefined when cancelled.
 */
async function askSkeleton(core: typeof import('./tableView'), year?: number, body?: string): Promise<{ year: number; body: string } | undefined> {
  const now = new Date();
  if (year === undefined) {
    const [lo, hi] = core.reportYearBounds(now);
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Report year'), prompt: vscode.l10n.t('The year the report is about (the default: the year just ended until 31 March)'),
      value: String(core.defaultReportYear(now)),
      validateInput: v => (core.parseReportYear(v, now) === null ? vscode.l10n.t('Enter a year from {0} to {1}', lo, hi) : null),
    });
    if (typed === undefined) return undefined;
    year = core.parseReportYear(typed, now)!;
  }
  const types = core.BODY_TYPES;
  let type = types.find(b => b.type === body);
  if (!type) {
    const zh = vscode.env.language.toLowerCase().startsWith('zh');
    const picked = await vscode.window.showQuickPick(types.map(b => ({ label: zh ? b.label.zh : b.label.en, description: `${b.placeholder}${year}年…`, b })), { title: vscode.l10n.t('Type of body') });
    if (!picked) return undefined;
    type = picked.b;
  }
  return { year, body: type.placeholder };
}

async function startClient(context: vscode.ExtensionContext): Promise<LanguageClient | undefined> {
  await new Promise(resolve => setImmediate(resolve));
  const lsp = require(path.join(__dirname, 'languageClient.js')) as typeof import('./languageClient');
  const client = lsp.createClient(context);
  try {
    await client.start();
    return client;
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The Nianbao checker could not start: {0}', String(e instanceof Error ? e.message : e)));
    return undefined;
  }
}

export async function deactivate(): Promise<void> {
  await (await ready)?.stop();
}
