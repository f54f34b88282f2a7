import { strict as assert } from 'node:assert';
import { applyEdits, TestClient } from '../support/lspClient';
import { seed } from '../support/fixtures';
import { applyEdits as applyOffsetEdits, ReportDocument, upgradeTo2021At } from '../../core/src';

/** 升级为 2021 格式 over stdio, on seed 004 (a 2023 report with its tables in the 2019 format). */
describe('code action 升级为 2021 格式', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(async () => { client = new TestClient(); });
  afterEach(async () => { await client.close(); });

  const text = seed('004');
  const upgraded = () => { const r = upgradeTo2021At(ReportDocument.parse(text), 0); assert.ok('edits' in r); return applyOffsetEdits(text, r.edits); };
  const outdated = (d: { code?: unknown }[]) => d.find(x => x.code === 'outdated-template');

  async function openSeed(uri: string) {
    const pub = client.diagnostics(uri, d => !!outdated(d));
    await client.open(uri, text);
    return outdated((await pub).diagnostics)! as any;
  }

  it('offered on the outdated-template diagnostic (zh title), a versioned edit that rewrites the tables as the core does; the warning then clears', async () => {
    await client.initialize('zh-cn');
    const uri = 'file:///upgrade/004.txt';
    const diag = await openSeed(uri);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag], only: ['quickfix'] } });
    const up = actions.find((a: any) => a.title === '升级为 2021 格式');
    assert.ok(up, JSON.stringify(actions.map((a: any) => a.title)));
    assert.equal(up.kind, 'quickfix');
    assert.deepEqual(up.diagnostics, [diag]);
    const change = up.edit.documentChanges[0];
    assert.equal(change.textDocument.version, 1);
    assert.equal(applyEdits(text, change.edits), upgraded());
    const after = client.diagnostics(uri, (d, p) => p.version === 2);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: change.edits.map((e: any) => ({ range: e.range, text: e.newText })) });
    const codes = (await after).diagnostics.map(d => d.code);
    assert.ok(!codes.includes('outdated-template'), String(codes));
    assert.deepEqual(codes, ['blank-cell', 'blank-cell', 'blank-cell']);
    // Nothing to upgrade any more.
    const again = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [], only: ['quickfix'] } });
    assert.ok(!again.some((a: any) => /2021/.test(a.title)));
  });

  it('in English: “Upgrade to the 2021 format”; not offered on a line away from the diagnostic', async () => {
    await client.initialize('en');
    const uri = 'file:///upgrade/004-en.txt';
    const diag = await openSeed(uri);
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    assert.ok(actions.some((a: any) => a.title === 'Upgrade to the 2021 format'));
    const line0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const elsewhere = await client.request('textDocument/codeAction', { textDocument: { uri }, range: line0, context: { diagnostics: [] } });
    assert.ok(!elsewhere.some((a: any) => a.title === 'Upgrade to the 2021 format'));
  });

  it('a client without code action literals but with applyEdit: a plain Command the server carries out with `changes`', async () => {
    await client.initialize('zh-cn', null, { capabilities: { workspace: { applyEdit: true } } });
    const uri = 'file:///upgrade/004-commands.txt';
    const diag = await openSeed(uri);
    const offered = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    const up = offered.find((c: any) => c.title === '升级为 2021 格式');
    assert.ok(up && typeof up.command === 'string' && !('edit' in up), JSON.stringify(offered).slice(0, 300));
    assert.deepEqual(await client.request('workspace/executeCommand', { command: up.command, arguments: up.arguments }), { applied: true });
    const sent = client.applyEditRequests[0] as any;
    assert.equal(applyEdits(text, sent.edit.changes[uri]), upgraded());
  });

  it('a client that can take neither literals nor applyEdit is offered nothing', async () => {
    await client.initialize('zh-cn', null, { capabilities: {} });
    const uri = 'file:///upgrade/004-none.txt';
    const diag = await openSeed(uri);
    const offered = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
    assert.ok(!offered.some((c: any) => c.title === '升级为 2021 格式'));
  });
});
