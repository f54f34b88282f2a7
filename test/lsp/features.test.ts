import { strict as assert } from 'node:assert';
import { applyEdits, TestClient } from '../support/lspClient';
import { grantedTotalAs9, seed } from '../support/fixtures';
import { ReportDocument } from '../../core/src';

const isErr = (d: { severity?: number }) => d.severity === 1;

/** Seed 002 with 予以公开·总计 changed from 7 to 9: the round trip, over plain stdio. */
const broken = () => grantedTotalAs9();

describe('language server over stdio', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(async () => { client = new TestClient(); });
  afterEach(async () => { await client.close(); });

  it('declares incremental sync and every feature', async () => {
    const init = await client.initialize();
    const caps = init.capabilities;
    assert.equal(caps.textDocumentSync.change, 2);
    for (const c of ['hoverProvider', 'codeActionProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'inlayHintProvider']) assert.ok(caps[c], c);
    assert.ok(caps.codeActionProvider.codeActionKinds.includes('source.fixAll.nianbao'));
    // Never the ids the VS Code client registers itself (the same id twice stops the client).
    assert.deepEqual(caps.executeCommandProvider.commands, ['nianbao.server.checkWorkspace', 'nianbao.server.fixAllTotals', 'nianbao.server.applyFix']);
  });

  it('round trip on seed 002: error on the cell, hover shows 7 and the formula, the preferred fix restores the file byte for byte, errors clear', async () => {
    await client.initialize('zh-cn');
    const { text, bad, line, character } = broken();
    const uri = 'file:///test/report-002.txt';
    const first = client.diagnostics(uri, d => d.some(isErr));
    await client.open(uri, bad);
    const pub = await first;
    assert.equal(pub.version, 1);
    const err = pub.diagnostics.find(d => isErr(d) && d.range.start.line === line)!;
    assert.ok(err, 'an error on the changed cell');
    assert.equal(err.range.start.character, character);
    assert.equal(err.code, 'row-sum');
    assert.match(String(err.message), /^可能填错：（一）予以公开 · 总计，应为 7，表中为 9$/);
    assert.ok(err.codeDescription?.href.endsWith('docs/rules/row-sum.md'));
    // The places that matter, not every addend: the other total of its relations, （七）总计 · 总计.
    assert.deepEqual((err.relatedInformation ?? []).map(r => r.message), ['（七）总计 · 总计 = 27']);

    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.match(hover.contents.value, /本行总计 = 7 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 7，表中为 9/);
    assert.match(hover.contents.value, /应为 7/);

    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: err.range, context: { diagnostics: [err], only: ['quickfix'] } });
    const fix = actions.find((a: any) => a.isPreferred);
    assert.ok(fix, 'a preferred quick fix');
    const edits = fix.edit.documentChanges[0].edits;
    assert.equal(fix.edit.documentChanges[0].textDocument.version, 1, 'a versioned edit');
    assert.equal(applyEdits(bad, edits), text, 'restores the original byte for byte');

    const cleared = client.diagnostics(uri, (d, p) => p.version === 2 && !d.some(isErr));
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: edits.map((e: any) => ({ range: e.range, text: e.newText })) });
    await cleared;
  });

  it('hover on a row label shows the row sum; on a column header, the column sum', async () => {
    await client.initialize();
    const uri = 'file:///test/hover-labels.txt';
    const text = seed('001');
    const p = client.diagnostics(uri);
    await client.open(uri, text);
    await p;
    const lines = text.split('\n');
    const rowLine = lines.findIndex(l => l.includes('一、本年新收政府信息公开申请数量'));
    const h1 = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: rowLine, character: 3 } });
    assert.match(h1.contents.value, /各类申请人之和 = 0 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 0，总计栏为 0/);
    const colLine = lines.findIndex(l => l.trim() === '自然人');
    const h2 = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: colLine, character: 1 } });
    assert.match(h2.contents.value, /自然人\*\* 列/);
    assert.match(h2.contents.value, /（七）总计 = 0 \+ 0/);
  });

  it('the workspace check command publishes diagnostics for report files that are not open', async () => {
    const dir = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'nianbao-ws-'));
    const fs = require('node:fs'), path = require('node:path');
    fs.writeFileSync(path.join(dir, 'a.txt'), broken().bad);
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.txt'), seed('003'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), '购物清单\n');
    const root = require('node:url').pathToFileURL(dir).toString();
    await client.initialize('zh-cn', root);
    const result = await client.request('workspace/executeCommand', { command: 'nianbao.server.checkWorkspace', arguments: [root] });
    assert.deepEqual({ files: result.files, errors: result.errors }, { files: 2, errors: 1 });
    const a = client.published.find(p => p.uri.endsWith('/a.txt'))!;
    assert.equal(a.diagnostics.filter(d => d.severity === 1).length, 1);
    assert.ok(client.published.some(p => p.uri.endsWith('/sub/b.txt')));
    assert.ok(!client.published.some(p => p.uri.endsWith('/notes.txt')));
  });

  it('messages follow the client locale: English for en', async () => {
    await client.initialize('en');
    const { bad } = broken();
    const uri = 'file:///test/en.txt';
    const p = client.diagnostics(uri, d => d.some(isErr));
    await client.open(uri, bad);
    const d = (await p).diagnostics.find(isErr)!;
    assert.match(String(d.message), /^Likely wrong: \(1\) granted · total should be 7, the table says 9$/);
  });

  it('diagnostics disappear when the document closes', async () => {
    await client.initialize();
    const uri = 'file:///test/close.txt';
    const p = client.diagnostics(uri, d => d.some(isErr));
    await client.open(uri, broken().bad);
    await p;
    const cleared = client.diagnostics(uri, d => d.length === 0);
    await client.notify('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  });

  it('document symbols: report → six sections → tables; folding ranges; inlay hint beside the wrong total', async () => {
    await client.initialize();
    const uri = 'file:///test/sym.txt';
    const { bad, line } = broken();
    const p = client.diagnostics(uri);
    await client.open(uri, bad);
    await p;
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].children.length, 6);
    assert.match(symbols[0].name, /2022年政府信息公開工作年度報/);
    assert.deepEqual(symbols[0].children.filter((s: any) => s.children.length).map((s: any) => s.children[0].name), ['主动公开情况表', '依申请公开情况表', '行政复议、行政诉讼情况表']);
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.length >= 6);
    const hints = await client.request('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } } });
    assert.ok(hints.some((h: any) => h.position.line === line && h.label === ' ≠ 7'), JSON.stringify(hints));
  });

  it('"fix all totals in this report" is resolved when chosen, for the version it was offered on', async () => {
    await client.initialize();
    const text = seed('002');
    const cells = ReportDocument.parse(text).reports()[0].report.cells;
    const a = cells.get('requests.granted.total')!, b = cells.get('appeals.suitDirect.total')!;
    const bad = text.slice(0, a.start) + '9' + text.slice(a.end, b.start) + '5' + text.slice(b.end);
    const uri = 'file:///test/resolve.txt';
    const p = client.diagnostics(uri, d => d.filter(isErr).length === 2);
    await client.open(uri, bad);
    const err = (await p).diagnostics.find(isErr)!;
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: err.range, context: { diagnostics: [err], only: ['quickfix'] } });
    const all = actions.find((x: any) => /^(?:Fix all totals in this report \(\d+ cells\)|修正本份年报中的所有合计（\d+ 处）)$/.test(x.title));
    assert.ok(all && !all.edit && all.data, 'offered without its edit');
    const resolved = await client.request('codeAction/resolve', all);
    assert.equal(applyEdits(bad, resolved.edit.documentChanges[0].edits), text);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }] });
    const stale = await client.request('codeAction/resolve', all);
    assert.equal(stale.edit, undefined, 'a stale action gets no edit');
  });

  it('source.fixAll.nianbao fixes every total in one versioned edit and nothing else', async () => {
    await client.initialize();
    const { text, bad } = broken();
    const uri = 'file:///test/fixall.txt';
    const p = client.diagnostics(uri);
    await client.open(uri, bad);
    await p;
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.nianbao'] } });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.nianbao');
    assert.equal(applyEdits(bad, actions[0].edit.documentChanges[0].edits), text);
  });

  it('per-code severity settings, including off', async () => {
    client.settings = { severity: { 'row-sum': 'warning', 'blank-cell': 'off' } };
    await client.initialize();
    const uri = 'file:///test/sev.txt';
    const p = client.diagnostics(uri, d => d.length > 0);
    await client.open(uri, broken().bad);
    const d = (await p).diagnostics;
    assert.equal(d.find(x => x.code === 'row-sum')?.severity, 2);
  });

  it('the template setting overrides detection: seed 004 read as 2021 loses its 2019 rows', async () => {
    client.settings = { template: '2021' };
    await client.initialize();
    const uri = 'file:///test/tpl.txt';
    const p = client.diagnostics(uri);
    await client.open(uri, seed('004'));
    await p;
    const info = await client.request('nianbao/reportInfo', { uri, offset: 0 });
    assert.equal(info.template, '2021');
    assert.equal(info.year, 2023);
    assert.equal(typeof info.errors, 'number');
  });

  it('the workspace check reads files with the template setting too: seed 004 read as 2021 has errors', async () => {
    const fs = require('node:fs'), path = require('node:path');
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'nianbao-tpl-'));
    fs.writeFileSync(path.join(dir, '004.txt'), seed('004'));
    const root = require('node:url').pathToFileURL(dir).toString();
    client.settings = { template: '2021' };
    await client.initialize('zh-cn', root);
    const result = await client.request('workspace/executeCommand', { command: 'nianbao.server.checkWorkspace', arguments: [root] });
    assert.deepEqual({ files: result.files, errors: result.errors }, { files: 1, errors: 3 });
  });

  it('plain text without a report gets no outline, folding or hover either', async () => {
    await client.initialize();
    const uri = 'file:///test/meeting.txt';
    const p = client.diagnostics(uri);
    await client.open(uri, '会议记录\n一、总体情况\n今天讨论了三件事。\n', 'plaintext');
    await p;
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri } }), []);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 2 } }), null);
  });

  it('plain text without a report gets no diagnostics; a Markdown file with a report is checked', async () => {
    await client.initialize();
    const a = 'file:///test/notes.txt', b = 'file:///test/report.md';
    const pa = client.diagnostics(a);
    await client.open(a, '会议记录\n今天讨论了三件事。\n', 'plaintext');
    assert.deepEqual((await pa).diagnostics, []);
    const pb = client.diagnostics(b, d => d.some(isErr));
    await client.open(b, broken().bad, 'markdown');
    assert.ok((await pb).diagnostics.some(d => d.code === 'row-sum'));
  });
});
