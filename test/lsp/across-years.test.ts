import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LineIndex, ReportDocument } from '../../core/src';
import { TestClient } from '../support/lspClient';
import { fixturePath } from '../support/fixtures';

/*
 * This year against last year across files, in the server: 莆田市城市管理局's 2024 report
 * (putian-208) and 2025 report (putian-207) from corpus/real2, which continue each other — so a
 * year-continuity finding appears only when one of them is changed.
 */
const real2 = (name: string) => readFileSync(fixturePath('real2', name), 'utf8');
const LAST = real2('putian-208.txt'), NOW = real2('putian-207.txt');
const CARRIED = '二、上年结转政府信息公开申请数量\n';
/** 2025's 上年结转 (a collapsed row of zeros, "0") written as 3: last year carried 0 over. */
const carriedAs3 = (t = NOW) => { const at = t.indexOf(CARRIED + '0') + CARRIED.length; return t.slice(0, at) + '3' + t.slice(at + 1); };
/** The place of a cell in a text, as an LSP range. */
const cellRange = (text: string, key: string) => {
  const c = ReportDocument.parse(text).reports()[0].report.cells.get(key)!;
  const lines = new LineIndex(text);
  return { start: lines.positionAt(c.start), end: lines.positionAt(c.end) };
};
/** The `n`th publication (from 1) for `uri`: the first is made before the workspace is indexed, the second once it is. */
const nth = (client: TestClient, uri: string, n: number) => { let seen = 0; return client.diagnostics(uri, () => ++seen === n); };
const across = (d: Diagnostic[]) => d.filter(x => x.code === 'year-continuity' || x.code === 'copied-text');

async function waitFor(cond: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!cond() && Date.now() < deadline) await new Promise(r => setTimeout(r, 20));
  assert.ok(cond(), what);
}

function workspace(files: Record<string, string>): { dir: string; root: string; uri: (name: string) => string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-across-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return { dir, root: pathToFileURL(dir).toString(), uri: name => pathToFileURL(path.join(dir, name)).toString() };
}

describe('language server: this year against last year across files', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(async () => { client = new TestClient(); });
  afterEach(async () => { await client.close(); });

  it('last year\'s report closed in the workspace: 上年结转 that does not continue it is a warning related to its cell', async () => {
    const ws = workspace({ '2024.txt': LAST });
    await client.initialize('zh-cn', ws.root);
    const uri = ws.uri('2025.txt');
    const p = client.diagnostics(uri, d => across(d).length > 0);
    const text = carriedAs3();
    await client.open(uri, text, 'plaintext');
    const [d, ...more] = across((await p).diagnostics);
    assert.equal(more.length, 0);
    assert.equal(d.code, 'year-continuity');
    assert.equal(d.severity, 2);
    assert.deepEqual(d.range, cellRange(text, 'requests.carried.total'));
    assert.equal(d.message, '与上年报告不衔接：二、上年结转申请 · 总计 为 3，2024年报告的四、结转下年度继续办理 · 总计为 0');
    assert.deepEqual(d.relatedInformation, [{ location: { uri: ws.uri('2024.txt'), range: cellRange(LAST, 'requests.carryover.total') }, message: '上年报告：0' }]);

    // As published, the two reports continue each other: the warning goes when the 3 is put back to 0.
    const fixed = client.diagnostics(uri, (_, q) => q.version === 2);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: NOW }] });
    assert.deepEqual(across((await fixed).diagnostics), []);
  });

  it('both open: an edit of last year\'s document updates this year\'s diagnostics; closed again, the file on disk counts', async () => {
    const ws = workspace({ '2024.txt': LAST });
    await client.initialize('en', ws.root);
    const lastUri = ws.uri('2024.txt'), uri = ws.uri('2025.txt');
    const first = client.diagnostics(uri, d => across(d).length > 0);
    await client.open(uri, carriedAs3(), 'plaintext');
    await first;
    // Last year's report opened and its 结转下年度 made 3 as well (unsaved): the two continue each other.
    await client.open(lastUri, LAST, 'plaintext');
    const at = LAST.indexOf('四、结转下年度继续办理\n0') + '四、结转下年度继续办理\n'.length;
    const pos = new LineIndex(LAST).positionAt(at);
    const agree = client.diagnostics(uri, d => across(d).length === 0);
    await client.notify('textDocument/didChange', { textDocument: { uri: lastUri, version: 2 }, contentChanges: [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '3' }] });
    await agree;
    // Closed without saving: the file on disk (0) counts again.
    const back = client.diagnostics(uri, d => across(d).length === 1);
    await client.notify('textDocument/didClose', { textDocument: { uri: lastUri } });
    const [d] = across((await back).diagnostics);
    assert.match(String(d.message), /^Does not continue last year's report: .* is 3, the 2024 report's .* is 0$/);
    assert.equal(d.relatedInformation![0].message, "Last year's report: 0");
  });

  it('a closed file changed on disk (workspace/didChangeWatchedFiles, registered with a client that can watch)', async () => {
    const ws = workspace({ '2024.txt': LAST });
    let registered: unknown = null;
    client.conn.onRequest('client/registerCapability', (p: unknown) => { registered = p; return null; });
    const caps = {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    };
    await client.initialize('zh-cn', ws.root, { capabilities: caps });
    const uri = ws.uri('2025.txt');
    const first = client.diagnostics(uri, d => across(d).length === 1);
    await client.open(uri, carriedAs3(), 'plaintext');
    await first;
    assert.deepEqual(registered, { registrations: [{ id: (registered as any).registrations[0].id, method: 'workspace/didChangeWatchedFiles',
      registerOptions: { watchers: [{ globPattern: '**/*.{txt,md,html,htm,nianbao}' }] } }] });

    // Last year's file saved with 3 carried over: the warning goes, without an edit of this year's.
    const at = LAST.indexOf('四、结转下年度继续办理\n0') + '四、结转下年度继续办理\n'.length;
    writeFileSync(path.join(ws.dir, '2024.txt'), LAST.slice(0, at) + '3' + LAST.slice(at + 1));
    const gone = client.diagnostics(uri, d => across(d).length === 0);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('2024.txt'), type: 2 }] });
    await gone;
    // Put back: the warning is back; deleted: nothing to compare with.
    writeFileSync(path.join(ws.dir, '2024.txt'), LAST);
    const again = client.diagnostics(uri, d => across(d).length === 1);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('2024.txt'), type: 2 }] });
    await again;
    unlinkSync(path.join(ws.dir, '2024.txt'));
    const deleted = client.diagnostics(uri, d => across(d).length === 0);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('2024.txt'), type: 3 }] });
    await deleted;
  });

  it('copied text: last year\'s report with the new year in its title is 内容雷同, related to last year\'s heading', async () => {
    const ws = workspace({ 'last.txt': LAST });
    await client.initialize('zh-cn', ws.root);
    const copy = LAST.replace(/2024年度政府信息公开工作年度报告/g, '2025年度政府信息公开工作年度报告');
    const uri = ws.uri('copy.txt');
    const p = client.diagnostics(uri, d => across(d).length > 0);
    await client.open(uri, copy, 'plaintext');
    const copied = across((await p).diagnostics).filter(d => d.code === 'copied-text');
    assert.ok(copied.length >= 1);
    assert.equal(copied[0].message, '内容雷同：一、总体情况与2024年报告的同一部分 100% 相同');
    const heading = copied[0].relatedInformation![0];
    assert.equal(heading.location.uri, ws.uri('last.txt'));
    assert.equal(heading.message, '上年报告：一、总体情况');
    assert.deepEqual(heading.location.range.start, copied[0].range.start, 'the same heading at the same place in the copy');
  });

  it('nianbao.severity turns the rule off; a workspace without last year\'s report gets nothing across files', async () => {
    const ws = workspace({ '2024.txt': LAST, 'other.txt': real2('putian-216.txt') });
    client.settings = { severity: { 'year-continuity': 'off' } };
    await client.initialize('zh-cn', ws.root);
    const uri = ws.uri('2025.txt');
    const p = nth(client, uri, 2);
    await client.open(uri, carriedAs3(), 'plaintext');
    assert.deepEqual(across((await p).diagnostics), [], 'off, once the workspace is indexed');
    const alone = new TestClient();
    try {
      const empty = workspace({ 'other.txt': real2('putian-216.txt') });
      await alone.initialize('zh-cn', empty.root);
      const q = nth(alone, empty.uri('2025.txt'), 2);
      await alone.open(empty.uri('2025.txt'), carriedAs3(), 'plaintext');
      assert.deepEqual(across((await q).diagnostics), []);
    } finally { await alone.close(); }
  });

  it('pulled diagnostics are the pushed ones; a change of last year\'s document changes the result id, and the client is asked to pull again', async () => {
    const ws = workspace({ '2024.txt': LAST });
    const uri = ws.uri('2025.txt');
    const push = client.diagnostics(uri, d => across(d).length > 0);
    await client.initialize('zh-cn', ws.root);
    await client.open(uri, carriedAs3(), 'plaintext');
    const pushed = (await push).diagnostics;

    const puller = new TestClient();
    let refreshed = 0;
    puller.conn.onRequest('workspace/diagnostic/refresh', () => { refreshed++; return null; });
    try {
      await puller.initialize('zh-cn', ws.root, { capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {} } } });
      await puller.open(uri, carriedAs3(), 'plaintext');
      const early = await puller.request('textDocument/diagnostic', { textDocument: { uri } });
      assert.deepEqual(across(early.items), [], 'asked before the workspace is indexed: its own diagnostics at once');
      await waitFor(() => refreshed > 0, 'workspace/diagnostic/refresh once the workspace is indexed');
      const first = await puller.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: early.resultId });
      assert.equal(first.kind, 'full');
      assert.deepEqual(first.items, pushed, 'the same diagnostics, pulled or pushed');
      assert.equal(across(first.items).length, 1);

      const lastUri = ws.uri('2024.txt');
      await puller.open(lastUri, LAST, 'plaintext');
      await puller.request('textDocument/diagnostic', { textDocument: { uri: lastUri } });
      const same = await puller.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
      assert.equal(same.kind, 'full', 'now compared with the open document, not the file');
      const before = refreshed;
      const at = LAST.indexOf('四、结转下年度继续办理\n0') + '四、结转下年度继续办理\n'.length;
      const pos = new LineIndex(LAST).positionAt(at);
      await puller.notify('textDocument/didChange', { textDocument: { uri: lastUri, version: 2 }, contentChanges: [{ range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '3' }] });
      await puller.request('textDocument/diagnostic', { textDocument: { uri: lastUri } });
      await waitFor(() => refreshed > before, 'workspace/diagnostic/refresh after the other document changed');
      const after = await puller.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: same.resultId });
      assert.equal(after.kind, 'full');
      assert.deepEqual(across(after.items), []);
    } finally { await puller.close(); }
  });

  it('the workspace check compares closed files the same way; a compilation of both years is compared within itself', async () => {
    const ws = workspace({ '2024.txt': LAST, '2025.txt': carriedAs3() });
    await client.initialize('zh-cn', ws.root);
    const now = client.diagnostics(ws.uri('2025.txt'));
    const last = client.diagnostics(ws.uri('2024.txt'));
    const r = await client.request('workspace/executeCommand', { command: 'nianbao.server.checkWorkspace', arguments: [] });
    assert.equal(r.files, 2);
    const [d, ...more] = across((await now).diagnostics);
    assert.equal(more.length, 0);
    assert.deepEqual(d.range, cellRange(carriedAs3(), 'requests.carried.total'));
    assert.deepEqual(d.relatedInformation![0].location, { uri: ws.uri('2024.txt'), range: cellRange(LAST, 'requests.carryover.total') });
    assert.deepEqual(across((await last).diagnostics), [], 'last year\'s report is not compared with the year after it');

    const both = `${LAST}\n\n${carriedAs3()}`;
    const uri = 'file:///across/compilation.txt';
    const p = client.diagnostics(uri, q => across(q).length > 0);
    await client.open(uri, both, 'plaintext');
    const [c] = across((await p).diagnostics);
    const base = LAST.length + 2;
    const lines = new LineIndex(both);
    const now2025 = ReportDocument.parse(both).reports()[1].report.cells.get('requests.carried.total')!;
    assert.deepEqual(c.range.start, lines.positionAt(base + now2025.start));
    assert.deepEqual(c.relatedInformation![0].location, { uri, range: cellRange(LAST, 'requests.carryover.total') });
  });
});
