import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** The built server (`NIANBAO_SERVER` names another build, to compare one with another). */
export const SERVER = process.env.NIANBAO_SERVER ?? path.join(__dirname, '..', '..', 'dist', 'server.js');

/**
 * A real LSP client on the real server, over stdio (as Neovim or any editor would start it):
 * `node dist/server.js`. Collects published diagnostics and waits for them by predicate.
 */
export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly published: PublishDiagnosticsParams[] = [];
  private waiters: { pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';

  constructor(args: string[] = []) {
    this.proc = spawn(process.execPath, [SERVER, '--stdio', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', d => { this.stderr += d; });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.waiters = this.waiters.filter(w => { if (w.pred(p)) { w.resolve(p); return false; } return true; });
    });
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/applyEdit', (p: unknown) => { this.applyEditRequests.push(p); return { applied: true }; });
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => { this.messages.push(p); });
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => { this.messages.push(p); });
    this.conn.listen();
  }

  settings: unknown = null;
  /** `window/logMessage` and `window/showMessage` notifications received. */
  readonly messages: { type: number; message: string }[] = [];
  /** `workspace/applyEdit` requests received. */
  readonly applyEditRequests: unknown[] = [];

  /** `init.capabilities` replaces the full set below (a client that declares only what it has); `init.initializationOptions` is sent as given. */
  async initialize(locale = 'zh-cn', rootUri: string | null = null, init: { capabilities?: object; initializationOptions?: unknown } = {}): Promise<any> {
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri, locale, workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      initializationOptions: init.initializationOptions,
      capabilities: init.capabilities ?? {
        workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } }, resolveSupport: { properties: ['edit'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
        window: { workDoneProgress: true },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  /** The next publication for `uri` that satisfies `pred` (already received ones included when `past`). */
  diagnostics(uri: string, pred: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; stderr: ${this.stderr.slice(-500)}`)), timeoutMs);
      this.waiters.push({ pred: p => p.uri === uri && pred(p.diagnostics, p), resolve: p => { clearTimeout(t); resolve(p); } });
    });
  }

  open(uri: string, text: string, languageId = 'nianbao', version = 1): Promise<void> {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  request<T = any>(method: string, params: unknown): Promise<T> { return this.conn.sendRequest(method, params) as Promise<T>; }
  notify(method: string, params: unknown): Promise<void> { return this.conn.sendNotification(method, params); }

  async close(): Promise<void> {
    try { await Promise.race([this.conn.sendRequest('shutdown'), new Promise(r => setTimeout(r, 3000))]); await this.conn.sendNotification('exit'); } catch { /* already gone */ }
    this.conn.dispose();
    await new Promise<void>(r => { if (this.proc.exitCode !== null) r(); else { const t = setTimeout(() => { this.proc.kill(); r(); }, 3000); this.proc.once('exit', () => { clearTimeout(t); r(); }); } });
  }
}

/** Applies LSP text edits (ranges over `text`) and returns the new text. */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = edits.map(e => ({ a: off(e.range.start), b: off(e.range.end), t: e.newText })).sort((x, y) => y.a - x.a);
  for (const e of sorted) text = text.slice(0, e.a) + e.t + text.slice(e.b);
  return text;
}
