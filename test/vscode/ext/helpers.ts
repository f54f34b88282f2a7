// Helpers for the extension-host suite. No fixed sleeps anywhere: every wait is on an editor event
// (diagnostics changed, document opened) with a deadline, and a timeout says what it was waiting for.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'nianbao.nianbao';
export const LANGUAGE_ID = 'nianbao';
/** Limit for any one wait. Diagnostics normally arrive in well under a second; 20 s keeps a broken
 * server's run (every test timing out) inside the harness's limit (NIANBAO_VSCODE_TIMEOUT_MS). */
export const WAIT_MS = 20_000;

export function workspaceRoot(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the tests need a workspace folder (test/vscode/workspace copy)');
  return f.uri.fsPath;
}

export function wsPath(...parts: string[]): string {
  return path.join(workspaceRoot(), ...parts);
}

/** Writes a file under <workspace>/tmp/ and returns its URI. */
export function writeTemp(name: string, text: string): vscode.Uri {
  const file = wsPath('tmp', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, 'utf8');
  return vscode.Uri.file(file);
}

export function readSeed(rel: string): string {
  return fs.readFileSync(wsPath(rel), 'utf8');
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  if (!ds.length) return '(none)';
  return ds.map(d => `${vscode.DiagnosticSeverity[d.severity]} ${codeOf(d) ?? '-'} ${rangeStr(d.range)} ${d.message}`).join('\n    ');
}

export function rangeStr(r: vscode.Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function errors(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
}

function timeoutError(what: string, detail: () => string): Error {
  return new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}; ${detail()}`);
}

/**
 * Resolves with the diagnostics of `uri` once `pred` holds for them: checked now, and again on
 * every onDidChangeDiagnostics event that names `uri`.
 */
export function waitForDiagnostics(uri: vscode.Uri, pred: (ds: vscode.Diagnostic[]) => boolean, what: string, ms = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const check = () => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (pred(ds)) { done(); resolve(ds); return true; }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics(e => { if (e.uris.some(u => u.toString() === key)) check(); });
    const timer = setTimeout(() => {
      done();
      reject(timeoutError(what, () => `diagnostics of ${path.basename(uri.fsPath)} now:\n    ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`));
    }, ms);
    const done = () => { clearTimeout(timer); sub.dispose(); };
    check();
  });
}

/** Waits until the open document for `uri` has language `languageId` (the client switches .txt reports). */
export function waitForLanguage(uri: vscode.Uri, languageId: string, ms = WAIT_MS): Promise<vscode.TextDocument> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const current = () => vscode.workspace.textDocuments.find(d => d.uri.toString() === key && !d.isClosed);
    const check = () => {
      const d = current();
      if (d && d.languageId === languageId) { done(); resolve(d); }
    };
    const sub = vscode.workspace.onDidOpenTextDocument(d => { if (d.uri.toString() === key) check(); });
    const timer = setTimeout(() => {
      done();
      reject(timeoutError(`${path.basename(uri.fsPath)} to get language '${languageId}'`, () => `its language is '${current()?.languageId ?? '(not open)'}'`));
    }, ms);
    const done = () => { clearTimeout(timer); sub.dispose(); };
    check();
  });
}

/** Opens a report file in an editor and waits for the extension to switch it to `nianbao`. */
export async function openReport(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return waitForLanguage(uri, LANGUAGE_ID);
}

export function currentDoc(uri: vscode.Uri): vscode.TextDocument {
  const d = vscode.workspace.textDocuments.find(x => x.uri.toString() === uri.toString() && !x.isClosed);
  if (!d) throw new Error(`${uri.fsPath} is not open`);
  return d;
}

export interface Cell {
  /** 0-based line of the total cell */
  line: number;
  range: vscode.Range;
  value: string;
}

/**
 * The 总计 (total) cell of the （一）予以公开 row in section 三's table: the 7th number after the
 * line holding the row label (simplified or traditional: 予以公开 / 予以公開), one number per line
 * in the seeds' layout.
 */
export function grantedTotalCell(text: string): Cell {
  const lines = text.split('\n');
  const labelLine = lines.findIndex(l => /^\s*[（(]一[)）]\s*予以公[开開]/.test(l));
  if (labelLine < 0) throw new Error('no （一）予以公开 row in the report');
  let seen = 0;
  for (let i = labelLine + 1; i < lines.length; i++) {
    const m = /^(\s*)(\d+)\s*$/.exec(lines[i].replace(/\r$/, ''));
    if (!m) continue;
    if (++seen === 7) {
      const start = m[1].length;
      return { line: i, range: new vscode.Range(i, start, i, start + m[2].length), value: m[2] };
    }
  }
  throw new Error('the （一）予以公开 row has fewer than 7 numbers');
}

/** `text` with the cell's digits replaced by `value` (only those characters change). */
export function withCell(text: string, cell: Cell, value: string): string {
  const lines = text.split('\n');
  const l = lines[cell.line];
  lines[cell.line] = l.slice(0, cell.range.start.character) + value + l.slice(cell.range.end.character);
  return lines.join('\n');
}

export const SEED_002 = 'seed-002.txt';

/** Seed 002 with 予以公开·总计 changed from 7 to 9, as in issue 3's "done means". */
export function brokenSeed002(): { original: string; broken: string; cell: Cell } {
  const original = readSeed(SEED_002);
  const cell = grantedTotalCell(original);
  if (cell.value !== '7') throw new Error(`seed 002: expected 予以公开·总计 = 7, found ${cell.value}`);
  const broken = withCell(original, cell, '9');
  return { original, broken, cell: { ...cell, value: '9' } };
}

export function isSumError(d: vscode.Diagnostic): boolean {
  const c = codeOf(d);
  return d.severity === vscode.DiagnosticSeverity.Error && (c === 'row-sum' || c === 'column-sum');
}

/** The diagnostic that names `cell`: a row-sum or column-sum error on its line whose range covers it. */
export function cellError(ds: readonly vscode.Diagnostic[], cell: Cell): vscode.Diagnostic | undefined {
  return ds.find(d => isSumError(d) && d.range.start.line === cell.line && d.range.contains(cell.range));
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
}

export async function withTimeout<T>(p: Thenable<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms); });
  try {
    return await Promise.race([Promise.resolve(p), t]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reverts and closes the editor of `uri`, if open (no save prompt for the broken copies). */
export async function revertAndClose(uri: vscode.Uri): Promise<void> {
  const d = vscode.workspace.textDocuments.find(x => x.uri.toString() === uri.toString() && !x.isClosed);
  if (!d) return;
  await vscode.window.showTextDocument(d, { preview: false });
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

export const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/** An English word of 3+ letters outside the cell labels (which are Chinese in any locale). */
export const ENGLISH_WORD = /[A-Za-z]{3,}/;

/** Opens a copy of seed 002 with a broken total as `name` and returns its URI and the error message on that cell. */
export async function brokenTotalMessage(name: string): Promise<{ uri: vscode.Uri; msg: string }> {
  const { broken, cell } = brokenSeed002();
  const uri = writeTemp(name, broken);
  await openReport(uri);
  const ds = await waitForDiagnostics(uri, d => !!cellError(d, cell), 'the broken-total error');
  const msg = cellError(ds, cell)!.message;
  console.log(`[nianbao-test]     message (${vscode.env.language}): ${msg}`);
  return { uri, msg };
}
