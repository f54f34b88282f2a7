import {
  createConnection, createServerPipeTransport, createServerSocketTransport, IPCMessageReader, IPCMessageWriter, ProposedFeatures, StreamMessageWriter,
  TextDocumentSyncKind, DiagnosticSeverity, CodeActionKind, DocumentDiagnosticReportKind, ShowMessageNotification, MessageType, ResponseError, ErrorCodes,
  DidChangeWatchedFilesNotification, FileChangeType,
  type InitializeParams, type InitializeResult, type Connection, type Diagnostic, type MessageReader, type MessageWriter,
} from 'vscode-languageserver/node';
import { BrokenFrame, StrictStreamReader } from './framing';
import { gate, REFUSED, type Refused } from './gate';
import { EditorText } from './editorText';
import { OpenDocument } from './state';
import { DEFAULTS, documentOptions, SettingsStore, settingsFor, severityOf } from './settings';
import { clearConfigCache } from '../../config/projectConfig';
import { setLocale, t, zh } from './l10n';
import { toDiagnostics } from './diagnostics';
import { onHover } from './hover';
import { APPLY_FIX, FIX_ALL_KIND, fixCommandEdit, onCodeAction, resolveFixAll, workspaceEdit, type FixCommand } from './codeActions';
import { clientFeatures, NOTHING, type ClientFeatures } from './capabilities';
import { fixAllData, fixCommand } from './validate';
import * as v from 'valibot';
import { onDocumentSymbol, onFoldingRanges, onInlayHints } from './outline';
import { checkWorkspace } from './workspaceCheck';
import { YearIndex } from './yearIndex';
import { AcrossFiles } from './acrossFiles';
import { isReportPath, toPath } from './reportFiles';
import { REPORT_EXTENSIONS } from '../../core/src';
import { fixAllEdits, type Severity } from '../../core/src';
import { jsonEncoder } from './encoder';

/**
 * Over IPC when VS Code starts us, otherwise over stdio (`nianbao lsp --stdio`, any editor), or a
 * socket or pipe named on the command line. Every message passes the lifecycle and shape checks of
 * gate.ts before it is dispatched.
 */
function connect(): Connection {
  const arg = (name: string) => { const k = process.argv.findIndex(a => a === name || a.startsWith(name + '='));
    return k < 0 ? undefined : process.argv[k].includes('=') ? process.argv[k].slice(name.length + 1) : process.argv[k + 1]; };
  const socket = arg('--socket'), pipe = arg('--pipe');
  let reader: MessageReader, writer: MessageWriter;
  if (typeof process.send === 'function' || process.argv.includes('--node-ipc')) [reader, writer] = [new IPCMessageReader(process), new IPCMessageWriter(process)];
  else if (socket) [reader, writer] = createServerSocketTransport(Number(socket));
  else if (pipe) [reader, writer] = createServerPipeTransport(pipe);
  else {
    // A broken frame leaves the stream unreadable: exit (status 1) so the client sees it and can
    // restart us, instead of staying alive and deaf. Bad JSON inside a good frame is only dropped.
    reader = new StrictStreamReader(process.stdin, frameLimit);
    reader.onError(e => {
      if (e instanceof BrokenFrame) { process.stderr.write(`nianbao: unreadable message stream (${e.message}); exiting\n`); process.exit(1); }
    });
    writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: jsonEncoder });
    // The client went away: exit, 0 if it had asked us to shut down (LSP), 1 otherwise.
    process.stdin.on('end', () => process.exit(shutdownRequested ? 0 : 1));
  }
  return createConnection(ProposedFeatures.all, gate(reader, writer), writer);
}
let shutdownRequested = false;

/**
 * The largest frame read: one that carries a document of the size limit, JSON-escaped at six bytes
 * a byte at worst (`\u0001`), with room for the rest of the message. Never under what the default
 * limit needs, so a lower setting skips large documents without making their didOpen fatal.
 */
const frameLimit = () => 6 * Math.max(settings.current.maxFileSize, DEFAULTS.maxFileSize) + 1024 * 1024;

const connection = connect();
// A promise nobody awaited that failed (a request the client did not answer, say) is logged, never allowed to end the server.
process.on('unhandledRejection', e => { connection.console.error(`nianbao: ${(e as Error)?.stack ?? e}`); });
export const CHECK_WORKSPACE = 'nianbao.server.checkWorkspace';
export const FIX_ALL_TOTALS = 'nianbao.server.fixAllTotals';
const COMMANDS = [CHECK_WORKSPACE, FIX_ALL_TOTALS, APPLY_FIX];
const docs = new Map<string, OpenDocument>();
/** What the client can take (capabilities.ts), known from `initialize` on. */
let client: ClientFeatures = NOTHING;
let folders: string[] = [];
const settings = new SettingsStore(connection, () => client.configuration);
/** Last year's reports in the workspace (yearIndex.ts), and the across-year diagnostics of open documents (acrossFiles.ts). */
const index = new YearIndex(() => folders, () => settings.current.maxFileSize);
const across = new AcrossFiles(index, docs, uri => documentOptions(docSettings(uri)), () => settings.current.maxFileSize, () => client.utf8, () => {
  // The workspace has been read: every open document may now have last year's report in a closed file.
  if (!client.pullDiagnostics) for (const uri of docs.keys()) schedule(uri);
  else if (client.diagnosticRefresh) void connection.languages.diagnostics.refresh();
});

connection.onShutdown(() => { shutdownRequested = true; });

connection.onInitialize((params: InitializeParams): InitializeResult => {
  setLocale(params.locale);
  client = clientFeatures(params);
  settings.take(params.initializationOptions);
  folders = (params.workspaceFolders ?? []).map(f => f.uri);
  if (!folders.length && params.rootUri) folders = [params.rootUri];
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll], resolveProvider: client.resolveEdit },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      inlayHintProvider: true,
      // Internal ids: the client registers the user-facing `nianbao.*` commands itself, and a
      // language client also registers every id listed here — the same id twice stops it starting.
      executeCommandProvider: { commands: COMMANDS },
      positionEncoding: client.utf8 ? 'utf-8' : 'utf-16',
      // Pulled by the clients that pull; pushed to the others.
      // A document's diagnostics depend on last year's report of its body, in another file (acrossFiles.ts).
      ...(client.pullDiagnostics ? { diagnosticProvider: { identifier: 'nianbao', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'nianbao', version: '0.1.0' },
  };
});

/** A broken project configuration is said once per message (the document is then checked with the editor's settings alone). */
const configProblems = new Set<string>();
/** The settings of one document: its folder's project configuration under the editor's settings. */
const docSettings = (uri: string) => settingsFor(settings.current, uri, message => {
  if (configProblems.has(message)) return;
  configProblems.add(message);
  connection.console.warn(message);
  void connection.window.showWarningMessage(`Nianbao: ${message}`);
});

/** A configuration file changed: read them again and check every open document. */
function configurationChanged(): void {
  clearConfigCache();
  configProblems.clear();
  readAgain();
  if (!client.pullDiagnostics) for (const uri of docs.keys()) schedule(uri);
  else if (client.diagnosticRefresh) void connection.languages.diagnostics.refresh();
}
const isConfigFile = (uri: string) => /(?:^|\/)(?:\.nianbaorc(?:\.json)?|package\.json)$/.test(uri);
/** Settings or configuration changed: every file is read again (its options, the size limit or the ignore patterns may differ). */
function readAgain(): void {
  settingsGeneration++;
  index.reset();
  across.reset();
}
connection.onDidChangeWatchedFiles(p => {
  if (p.changes.some(c => isConfigFile(c.uri))) { configurationChanged(); return; }
  // A report file changed on disk: the open documents compared with it (or looking for its body's report) are checked again.
  for (const c of p.changes) {
    if (!c.uri.startsWith('file:') || !isReportPath(c.uri) || docs.has(c.uri)) continue;
    const file = toPath(c.uri);
    across.dropFile(file);
    void index.update(file, c.type === FileChangeType.Deleted).then(keys => related(c.uri, keys));
  }
});

/** Checks wait for the client's settings once, so the first diagnostics already honour them. */
let settingsReady: Promise<unknown> = Promise.resolve();
connection.onInitialized(() => {
  settingsReady = settings.refresh();
  // Report files changed outside the editor (last year's report saved, say), for a client that can watch them.
  if (client.watchFiles) {
    const exts = [...REPORT_EXTENSIONS].map(e => e.slice(1)).join(',');
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/*.{${exts}}` }] })
      .catch(e => connection.console.warn(`nianbao: could not watch report files: ${(e as Error)?.message ?? e}`));
  }
});
connection.onDidChangeConfiguration(p => {
  settings.take(p.settings);
  void settings.refresh().then(() => {
    readAgain();
    if (!client.pullDiagnostics) for (const uri of docs.keys()) schedule(uri);
    else if (client.diagnosticRefresh) void connection.languages.diagnostics.refresh();
  });
});

/*
 * Checks run as soon as the event loop is free after an edit; edits that arrive while one is
 * pending fold into it (there is never more than one check queued), and a check publishes the
 * diagnostics of the version it read.
 */
const pending = new Set<string>();
let scheduled = false;
let changedThisTurn = false;
function schedule(uri: string): void {
  if (client.pullDiagnostics) return; // the client asks when it wants them
  pending.add(uri);
  changedThisTurn = true;
  if (!scheduled) { scheduled = true; setImmediate(settle); }
}
/** vscode-jsonrpc hands over one queued message per event-loop turn: check once a turn has brought no new change. */
function settle(): void {
  if (changedThisTurn) { changedThisTurn = false; setImmediate(settle); return; }
  void settingsReady.then(runPending);
}
function runPending(): void {
  scheduled = false;
  for (const uri of [...pending]) {
    pending.delete(uri);
    const d = docs.get(uri);
    if (d) void publish(d);
  }
}

/**
 * An open document's diagnostics: a note when it is too large to check, none when it holds no
 * report; its own findings, then those against last year's report of its body in another file
 * (read first, asynchronously; the rest is computed at once from the text as it is then). `stamp`:
 * what the across-year part was computed from. A fault is logged, never allowed to take the server down.
 */
async function diagnosticsOf(d: OpenDocument): Promise<{ items: Diagnostic[]; stamp: string } | null> {
  try {
    if (d.tooLarge) {
      return { stamp: '', items: [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information,
        source: 'nianbao', message: t('Not checked: the document is larger than {0} bytes (setting nianbao.maxFileSize).', String(settings.current.maxFileSize)),
      }] };
    }
    // Markdown, HTML and plain-text files are checked only when they hold a report.
    if (!d.holdsReport()) return { stamp: '', items: [] };
    await across.prepare(d);
    if (docs.get(d.uri) !== d) return null; // closed meanwhile
    const own = docSettings(d.doc.uri);
    const partners = across.partners(d);
    const items = toDiagnostics(d.doc, d.current(), own);
    const more = across.diagnostics(d, partners, own);
    // A version checked for the first time: those compared with it are checked again (once per version, so never back and forth).
    if (propagated.get(d.uri) !== d.version) { propagated.set(d.uri, d.version); related(d.uri); }
    return { stamp: across.stamp(partners), items: more.length ? [...items, ...more] : items };
  } catch (e) {
    connection.console.error(`nianbao: checking ${d.uri} failed: ${(e as Error)?.stack ?? e}`);
    return { stamp: '', items: [] };
  }
}

async function publish(d: OpenDocument): Promise<void> {
  const r = await diagnosticsOf(d);
  // The version the diagnostics were computed from (the check reads the text as it is once last year's files are read).
  if (r && docs.get(d.uri) === d) void connection.sendDiagnostics({ uri: d.uri, version: d.version, diagnostics: r.items });
}

/**
 * Another file changed (edited, opened, closed, or changed on disk; `keys`: the keys it had): the
 * open documents compared with it, or looking for its body's report, are checked again — pushed
 * again, or the client asked to pull again. Coalesced to once per turn of the event loop.
 */
const touched = new Map<string, Set<string>>();
/** The version of each open document whose change was last passed on to the documents compared with it. */
const propagated = new Map<string, number>();
function related(uri: string, keys: Iterable<string> = []): void {
  let s = touched.get(uri);
  if (!s) { touched.set(uri, (s = new Set())); if (touched.size === 1) setImmediate(relatedNow); }
  for (const k of keys) s.add(k);
}
function relatedNow(): void {
  const deps = new Set<string>();
  for (const [uri, keys] of touched) {
    try { for (const x of across.dependents(uri, keys)) deps.add(x); } catch (e) { connection.console.error(`nianbao: ${(e as Error)?.stack ?? e}`); }
  }
  touched.clear();
  if (!deps.size) return;
  if (!client.pullDiagnostics) for (const uri of deps) schedule(uri);
  else if (client.diagnosticRefresh) void connection.languages.diagnostics.refresh();
}

/**
 * Pulled diagnostics: those of the version asked about, or `unchanged` when the client already has
 * them (same version, same settings: the result id says which).
 */
let settingsGeneration = 0;
connection.languages.diagnostics.on(async p => {
  await settingsReady;
  const d = docs.get(p.textDocument.uri);
  if (!d) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  // The same computation as a push; the result id says which text, settings and other files it is of.
  const r = await diagnosticsOf(d);
  if (!r) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const resultId = `${d.version}/${settingsGeneration}/${r.stamp}`;
  if (p.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: r.items };
});
/** Files whose diagnostics the workspace check pushed: a client that pulls gets them cleared when it opens one (else it would show both). */
const pushedByWorkspaceCheck = new Set<string>();

connection.onDidOpenTextDocument(p => {
  const td = new EditorText(p.textDocument.uri, p.textDocument.languageId, p.textDocument.version, p.textDocument.text);
  td.utf8 = client.utf8;
  docs.set(td.uri, new OpenDocument(td, () => settings.current.maxFileSize, () => documentOptions(docSettings(td.uri))));
  if (client.pullDiagnostics && pushedByWorkspaceCheck.delete(td.uri)) void connection.sendDiagnostics({ uri: td.uri, diagnostics: [] });
  schedule(td.uri);
});
connection.onDidChangeTextDocument(p => {
  const d = docs.get(p.textDocument.uri);
  if (!d) return; // never opened: nothing to update
  d.applyChanges(p.contentChanges, p.textDocument.version);
  schedule(d.uri);
});
connection.onDidCloseTextDocument(p => forget(p.textDocument.uri));
function forget(uri: string): void {
  // Those compared with it read it from disk now (the editor's unsaved text is gone).
  related(uri);
  relatedNow();
  docs.delete(uri);
  across.forget(uri);
  propagated.delete(uri);
  pending.delete(uri);
  if (!client.pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
}

/**
 * A notification whose parameters had the wrong shape (gate.ts). A change that cannot be applied
 * leaves the server's text unlike the editor's, and the protocol has no way to ask for the text
 * again: the document is closed here (its diagnostics cleared, its later changes ignored) until the
 * editor opens it again.
 */
connection.onNotification(REFUSED, (r: Refused) => {
  if (r.method === 'textDocument/didChange' && r.uri !== null && docs.has(r.uri)) {
    forget(r.uri);
    connection.console.error(`nianbao: ${r.method} of ${r.uri} refused (${r.reason}); the document is no longer checked until it is opened again`);
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: zh
      ? `年报检查：无法读取对 ${r.uri} 的一次修改（didChange），已停止检查该文件；重新打开即可恢复。`
      : `Nianbao: an edit (didChange) of ${r.uri} could not be read; the file is no longer checked until it is opened again.` });
    return;
  }
  connection.console.error(`nianbao: ${r.method}${r.uri ? ` of ${r.uri}` : ''} refused (${r.reason})`);
});

/** A request on a document that is open, small enough and holds a report: the handler gets its text and model. */
function withDoc<T>(uri: string, empty: T, f: (d: OpenDocument) => T): T {
  const d = docs.get(uri);
  if (!d || d.tooLarge || !d.holdsReport()) return empty;
  try { return f(d); } catch (e) { connection.console.error(String(e && (e as Error).stack || e)); return empty; }
}

connection.onHover(p => withDoc(p.textDocument.uri, null, d => onHover(d.doc, d.current(), p.position, client.markdownHover)));
connection.onCodeAction(p => withDoc(p.textDocument.uri, [], d => onCodeAction(d.doc, d.current(), p, client)));
connection.onCodeActionResolve(a => v.is(fixAllData, a.data) ? withDoc(a.data.uri, a, d => resolveFixAll(d.doc, d.current(), a, client)) : a);
connection.onDocumentSymbol(p => withDoc(p.textDocument.uri, [], d => onDocumentSymbol(d.doc, d.current())));
connection.onFoldingRanges(p => withDoc(p.textDocument.uri, [], d => onFoldingRanges(d.doc, d.current())));
connection.languages.inlayHint.on(p => withDoc(p.textDocument.uri, [], d =>
  settings.current.inlayHints.enabled ? onInlayHints(d.doc, d.current(), p.range, settings.current.inlayHints.allTotals) : []));

/** Year, template and title of the report at an offset, for the client's language status item. */
connection.onRequest('nianbao/reportInfo', (p: { uri: string; offset: number }) => withDoc(p.uri, null, d => {
  const model = d.current();
  const placed = model.reportAt(p.offset);
  if (!placed) return null;
  const r = placed.report;
  const count = (sev: Severity) => placed.findings.filter(f => severityOf(docSettings(p.uri), f) === sev).length;
  return { year: r.year, template: r.template, title: r.title, errors: count('error'), warnings: count('warning') };
}));

connection.onExecuteCommand(async p => {
  if (p.command === CHECK_WORKSPACE) {
    await settingsReady; // a check asked for right after start-up reads files with the user's settings too
    const args = (p.arguments ?? []).filter((a): a is string => typeof a === 'string');
    return checkWorkspace(connection, args.length ? args : folders, settings.current, uri => docs.has(uri), client.utf8, pushedByWorkspaceCheck, across);
  }
  if (p.command === FIX_ALL_TOTALS) {
    const uri = p.arguments?.[0];
    const d = typeof uri === 'string' ? docs.get(uri) : undefined;
    if (!d || !client.applyEdit) return { applied: false }; // never an applyEdit to a client that cannot apply one
    const edits = fixAllEdits(d.current());
    if (!edits.length) return { applied: true, edits: 0 };
    const r = await connection.workspace.applyEdit(workspaceEdit(d.doc, edits, client));
    return { applied: r.applied, edits: edits.length };
  }
  if (p.command === APPLY_FIX) {
    const c = p.arguments?.[0];
    if (!v.is(fixCommand, c)) return new ResponseError(ErrorCodes.InvalidParams, `${APPLY_FIX}: the arguments are not a fix`);
    const d = docs.get(c.uri);
    const edit = d && client.applyEdit ? withDoc(c.uri, null, x => fixCommandEdit(x.doc, x.current(), c as FixCommand, client)) : null;
    if (!edit) return { applied: false };
    return { applied: (await connection.workspace.applyEdit(edit)).applied };
  }
  return new ResponseError(ErrorCodes.InvalidParams, `unknown command ${p.command}; this server has ${COMMANDS.join(', ')}`);
});

connection.listen();
