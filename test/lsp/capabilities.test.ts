import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, TestClient } from '../support/lspClient';
import { grantedTotalAs9, real, seed } from '../support/fixtures';
import { sleep } from './rawServer';

/*
 * Issue 17: the server honours what the client says it can do. Each client here declares only what
 * the case needs; a client that declares nothing gets only what it can use.
 */

/** A report (seed 002 unless given) with 予以公开·总计 changed to 9 (one error, with a certain fix back to `value`). */
const broken = grantedTotalAs9;
/** The UTF-16 position of an offset. */
const pos16 = (text: string, o: number) => { const b = text.slice(0, o); const line = b.split('\n').length - 1; return { line, character: o - (b.lastIndexOf('\n') + 1) }; };
/** The same position counted in UTF-8 bytes. */
const pos8 = (text: string, o: number) => { const b = text.slice(0, o); const ls = b.lastIndexOf('\n') + 1; return { line: b.split('\n').length - 1, character: Buffer.byteLength(text.slice(ls, o), 'utf8') }; };
const isErr = (d: Diagnostic) => d.severity === 1;

const literal = { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } } };

describe('client capabilities over stdio', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(() => { client = new TestClient(); });
  afterEach(async () => { await client.close(); });

  async function openBroken(uri: string, text?: string) {
    const b = broken(text);
    const p = client.diagnostics(uri, d => d.some(isErr));
    await client.open(uri, b.bad);
    const err = (await p).diagnostics.find(isErr)!;
    return { ...b, err };
  }

  it('a client that declares nothing: UTF-16, pushed diagnostics, no code action it could not use, no applyEdit, plain-text hover', async () => {
    const init = await client.initialize('zh-cn', null, { capabilities: {} });
    assert.equal(init.capabilities.positionEncoding, 'utf-16');
    assert.equal(init.capabilities.diagnosticProvider, undefined);
    const uri = 'file:///caps/nothing.nianbao';
    const { err } = await openBroken(uri);
    assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri }, range: err.range, context: { diagnostics: [err] } }), []);
    assert.deepEqual(await client.request('workspace/executeCommand', { command: 'nianbao.server.fixAllTotals', arguments: [uri] }), { applied: false });
    await sleep(100);
    assert.equal(client.applyEditRequests.length, 0, 'no workspace/applyEdit');
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: err.range.start });
    assert.equal(hover.contents.kind, 'plaintext');
    assert.ok(!/\*\*|`/.test(hover.contents.value), hover.contents.value);
    assert.ok(err.codeDescription?.href.endsWith('row-sum.md'), 'the rule page is linked from the diagnostic');
  });

  it('without code action literals but with applyEdit: plain Commands, carried out by the server with `changes`', async () => {
    await client.initialize('zh-cn', null, { capabilities: { workspace: { applyEdit: true } } });
    const uri = 'file:///caps/commands.nianbao';
    const { text, bad, err } = await openBroken(uri);
    const offered = await client.request('textDocument/codeAction', { textDocument: { uri }, range: err.range, context: { diagnostics: [err] } });
    assert.ok(offered.length >= 1);
    for (const c of offered) {
      assert.equal(typeof c.command, 'string', `a Command: ${JSON.stringify(c).slice(0, 200)}`);
      assert.ok(!('kind' in c) && !('edit' in c));
    }
    const fix = offered.find((c: any) => /7/.test(c.title))!;
    assert.deepEqual(await client.request('workspace/executeCommand', { command: fix.command, arguments: fix.arguments }), { applied: true });
    const sent = client.applyEditRequests[0] as any;
    assert.ok(sent.edit.changes && !sent.edit.documentChanges, JSON.stringify(sent));
    assert.equal(applyEdits(bad, sent.edit.changes[uri]), text);
    // Offered on version 1, carried out on version 2: nothing applied.
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }] });
    assert.deepEqual(await client.request('workspace/executeCommand', { command: fix.command, arguments: fix.arguments }), { applied: false });
    assert.equal(client.applyEditRequests.length, 1);
  });

  it('literals without codeAction/resolve: fix-all edits computed eagerly; without versioned edits: `changes`', async () => {
    const init = await client.initialize('zh-cn', null, { capabilities: { textDocument: { codeAction: literal } } });
    assert.equal(init.capabilities.codeActionProvider.resolveProvider, false);
    const uri = 'file:///caps/eager.nianbao';
    const one = broken().bad;
    const p = client.diagnostics(uri, d => d.filter(isErr).length >= 2);
    await client.open(uri, one + '\n' + one);
    const errs = (await p).diagnostics.filter(isErr);
    const range = { start: errs[0].range.start, end: errs[errs.length - 1].range.end };
    const offered = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: errs } });
    const fixAll = offered.filter((a: any) => /Fix all|全部/.test(a.title) || a.title.includes('所有'));
    assert.ok(offered.length >= 2 && offered.every((a: any) => a.edit && !a.data), `every action carries its edit: ${JSON.stringify(offered.map((a: any) => [a.title, !!a.edit]))}`);
    for (const a of offered) assert.ok(a.edit.changes?.[uri] && !a.edit.documentChanges, 'unversioned `changes`');
    assert.ok(fixAll.length >= 1 || offered.length >= 3, `a fix-all action: ${offered.map((a: any) => a.title).join(' | ')}`);
    const source = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.nianbao'] } });
    assert.equal(source.length, 1);
    assert.equal(applyEdits(one + '\n' + one, source[0].edit.changes[uri]), broken().text + '\n' + broken().text);
  });

  it('"Show documentation" only to a client that has the command (initializationOptions.ruleDocCommand)', async () => {
    const full = { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } }, textDocument: { codeAction: literal } };
    await client.initialize('zh-cn', null, { capabilities: full });
    const uri = 'file:///caps/doc.nianbao';
    const { err } = await openBroken(uri);
    const without = await client.request('textDocument/codeAction', { textDocument: { uri }, range: err.range, context: { diagnostics: [err] } });
    assert.ok(without.length >= 1 && !without.some((a: any) => a.command?.command === 'nianbao.showRuleDoc'), JSON.stringify(without.map((a: any) => a.title)));
    await client.close();
    client = new TestClient();
    await client.initialize('zh-cn', null, { capabilities: full, initializationOptions: { ruleDocCommand: true } });
    const again = await openBroken(uri);
    const withIt = await client.request('textDocument/codeAction', { textDocument: { uri }, range: again.err.range, context: { diagnostics: [again.err] } });
    const doc = withIt.find((a: any) => a.command?.command === 'nianbao.showRuleDoc');
    assert.ok(doc && String(doc.command.arguments[0]).endsWith('row-sum.md'), JSON.stringify(withIt.map((a: any) => a.title)));
  });

  it('hover in Markdown when the client prefers it, plain text when it asks for plain text first', async () => {
    await client.initialize('zh-cn', null, { capabilities: { textDocument: { hover: { contentFormat: ['plaintext', 'markdown'] } } } });
    const uri = 'file:///caps/hover.nianbao';
    const { err } = await openBroken(uri);
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: err.range.start });
    assert.equal(h.contents.kind, 'plaintext');
    assert.match(h.contents.value, /（一）予以公开/);
    await client.close();
    client = new TestClient();
    await client.initialize('zh-cn', null, { capabilities: { textDocument: { hover: { contentFormat: ['markdown'] } } } });
    const again = await openBroken(uri);
    const m = await client.request('textDocument/hover', { textDocument: { uri }, position: again.err.range.start });
    assert.equal(m.contents.kind, 'markdown');
    assert.match(m.contents.value, /\*\*/);
  });

  it('positionEncoding utf-8 for a client that offers only that: positions of diagnostics, hover and edits in bytes', async () => {
    const init = await client.initialize('zh-cn', null, { capabilities: { general: { positionEncodings: ['utf-8'] }, textDocument: { codeAction: literal } } });
    assert.equal(init.capabilities.positionEncoding, 'utf-8');
    const uri = 'file:///caps/utf8.nianbao';
    // A real report whose table rows are lines of Chinese labels and figures.
    const { bad, err, start, value } = await openBroken(uri, real('pingtan-019.txt'));
    const line = bad.split('\n')[pos8(bad, start).line];
    assert.ok(/[\u4e00-\u9fff]/.test(line.slice(0, pos16(bad, start).character)), `Chinese text before the cell on its line: ${line}`);
    assert.deepEqual(err.range.start, pos8(bad, start), 'the diagnostic starts at the cell, in bytes');
    assert.notDeepEqual(pos8(bad, start), pos16(bad, start));
    const h = await client.request('textDocument/hover', { textDocument: { uri }, position: pos8(bad, start) });
    assert.ok(h && /（一）予以公开/.test(h.contents.value), 'hover at the byte position finds the cell');
    assert.deepEqual(h.range.start, pos8(bad, start));
    const offered = await client.request('textDocument/codeAction', { textDocument: { uri }, range: err.range, context: { diagnostics: [err] } });
    const fix = offered.find((a: any) => a.isPreferred);
    const edit = fix.edit.changes[uri][0];
    assert.deepEqual(edit.range.start, pos8(bad, start));
    assert.equal(edit.newText, value);
    // An edit sent in bytes lands where the bytes say: type the fix at the byte position.
    const cleared = client.diagnostics(uri, (d, p) => p.version === 2 && !d.some(isErr));
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    await cleared;
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }).then(s => s.length), 1);
  });

  it('utf-16 when the client offers it beside utf-8', async () => {
    const init = await client.initialize('zh-cn', null, { capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } } });
    assert.equal(init.capabilities.positionEncoding, 'utf-16');
    const uri = 'file:///caps/utf16.nianbao';
    const { bad, err, start } = await openBroken(uri);
    assert.deepEqual(err.range.start, pos16(bad, start));
  });

  it('settings without workspace/configuration: from initializationOptions, then from didChangeConfiguration', async () => {
    await client.initialize('zh-cn', null, { capabilities: {}, initializationOptions: { nianbao: { severity: { 'row-sum': 'off', 'column-sum': 'off', 'likely-wrong-cell': 'off' } } } });
    const uri = 'file:///caps/settings.nianbao';
    const b = broken();
    const p = client.diagnostics(uri, (_, q) => q.version === 1);
    await client.open(uri, b.bad);
    const quiet = (await p).diagnostics;
    assert.ok(!quiet.some(d => d.code === 'row-sum'), `row-sum is off: ${quiet.map(d => d.code).join(', ')}`);
    const q = client.diagnostics(uri, d => d.some(x => x.code === 'row-sum'));
    await client.notify('workspace/didChangeConfiguration', { settings: { nianbao: { severity: {} } } });
    await q;
    const r = client.diagnostics(uri, d => d.some(x => x.code === 'row-sum' && x.severity === 2));
    await client.notify('workspace/didChangeConfiguration', { settings: { nianbao: { severity: { 'row-sum': 'warning' } } } });
    await r;
  });

  it('pull diagnostics for a client that declares textDocument.diagnostic; none pushed to it', async () => {
    const init = await client.initialize('zh-cn', null, { capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    assert.ok(init.capabilities.diagnosticProvider, 'a diagnostic provider');
    assert.equal(init.capabilities.diagnosticProvider.interFileDependencies, true, 'last year\'s report in another file counts');
    const uri = 'file:///caps/pull.nianbao';
    const b = broken();
    await client.open(uri, b.bad);
    const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    const err = report.items.find(isErr);
    assert.ok(err && err.code === 'row-sum', JSON.stringify(report).slice(0, 300));
    assert.deepEqual(err.range.start, pos16(b.bad, b.start));
    // Asked again with nothing changed: unchanged, by its result id.
    const same = await client.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.deepEqual(same, { kind: 'unchanged', resultId: report.resultId });
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: b.text }] });
    const after = await client.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.equal(after.kind, 'full');
    assert.ok(!after.items.some(isErr), 'the fixed text has no error');
    await sleep(200);
    assert.deepEqual(client.published.filter(p => p.uri === uri), [], 'nothing pushed');
  });

  it('pull diagnostics: what the workspace check pushed for a file is cleared when the client opens it (else it would show both)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-pull-'));
    const file = path.join(dir, 'report.txt');
    const b = broken();
    writeFileSync(file, b.bad);
    const root = pathToFileURL(dir).toString(), uri = pathToFileURL(file).toString();
    await client.initialize('zh-cn', root, { capabilities: { textDocument: { diagnostic: {} }, window: { workDoneProgress: true } } });
    const pushed = client.diagnostics(uri, d => d.some(isErr));
    assert.equal((await client.request('workspace/executeCommand', { command: 'nianbao.server.checkWorkspace', arguments: [] })).files, 1);
    await pushed;
    const cleared = client.diagnostics(uri, d => d.length === 0);
    await client.open(uri, b.bad, 'plaintext');
    await cleared;
    const pulled = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.ok(pulled.items.some(isErr), 'the open file’s diagnostics are pulled');
  });

  it('document symbols all have a non-empty selectionRange inside their range', async () => {
    await client.initialize();
    const uri = 'file:///caps/symbols.nianbao';
    const p = client.diagnostics(uri);
    await client.open(uri, seed('002') + '\n' + seed('001'));
    await p;
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    const cmp = (a: any, b: any) => a.line - b.line || a.character - b.character;
    let n = 0;
    const walk = (s: any) => {
      n++;
      assert.ok(cmp(s.selectionRange.start, s.selectionRange.end) < 0, `${s.name}: empty selection ${JSON.stringify(s.selectionRange)}`);
      assert.ok(cmp(s.range.start, s.selectionRange.start) <= 0 && cmp(s.selectionRange.end, s.range.end) <= 0, `${s.name}: selection inside the range`);
      (s.children ?? []).forEach(walk);
    };
    symbols.forEach(walk);
    assert.ok(n > 10, `${n} symbols`);
  });
});
