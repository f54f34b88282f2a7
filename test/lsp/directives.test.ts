import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../support/lspClient';
import { grantedTotalAs9 } from '../support/fixtures';

/** Seed 002 with 予以公开·总计 written as 9 (row-sum), and the line it is on. */
const broken = () => grantedTotalAs9();
const codes = (d: { code?: string | number; range: { start: { line: number } } }[]) => d.map(x => `${x.code}@${x.range.start.line}`);

describe('language server: inline disable comments', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(async () => { client = new TestClient(); });
  afterEach(async () => { await client.close(); });

  it('a directive typed above the wrong total clears its error; a typo in it is an error on the code', async () => {
    await client.initialize('en');
    const { bad, line } = broken();
    const uri = 'file:///test/directives-002.md';
    const first = client.diagnostics(uri, d => d.length > 0);
    await client.open(uri, bad);
    assert.deepEqual(codes((await first).diagnostics), [`row-sum@${line}`]);

    const at = { line, character: 0 };
    const cleared = client.diagnostics(uri, (_, p) => p.version === 2);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: '<!-- nianbao-disable-next-line row-sum -->\n' }] });
    assert.deepEqual(codes((await cleared).diagnostics), []);

    // `row-sum` → `rowsum`: the directive names no rule, the error is back, and the code is flagged.
    const typo = client.diagnostics(uri, (_, p) => p.version === 3);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line, character: 34 }, end: { line, character: 35 } }, text: '' }] });
    const d = (await typo).diagnostics;
    assert.deepEqual(codes(d), [`invalid-directive@${line}`, `row-sum@${line + 1}`]);
    assert.deepEqual(d[0].range, { start: { line, character: 31 }, end: { line, character: 37 } });
    assert.equal(d[0].severity, 1);
  });
});

/** Seed 002 (no finding) with a directive above its first line that suppresses nothing, on line 0. */
const unusedAbove = () => `<!-- nianbao-disable-next-line row-sum -->\n${grantedTotalAs9().text}`;
const unused = (d: { code?: string | number; severity?: number; range: { start: { line: number } } }[]) => d.filter(x => x.code === 'unused-directive').map(x => `${x.severity}@${x.range.start.line}`);

describe('language server: nianbao.reportUnusedDisableDirectives', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(async () => { client = new TestClient(); });
  afterEach(async () => { await client.close(); });

  it('off by default; warn and error from workspace/configuration, the open document re-read when it changes', async () => {
    await client.initialize('en');
    const uri = 'file:///test/unused-directive.md';
    const first = client.diagnostics(uri, (_, p) => p.version === 1);
    await client.open(uri, unusedAbove());
    assert.deepEqual(unused((await first).diagnostics), [], 'off: not reported');

    client.settings = { reportUnusedDisableDirectives: 'warn' };
    const warned = client.diagnostics(uri, d => unused(d).length > 0);
    await client.notify('workspace/didChangeConfiguration', { settings: {} });
    const w = (await warned).diagnostics.filter(x => x.code === 'unused-directive');
    assert.deepEqual(unused(w), ['2@0']);
    assert.deepEqual(w[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 42 } });
    assert.match(String(w[0].message), /^Unused nianbao-disable-next-line directive \(no problems were reported from row-sum\)$/);

    client.settings = { reportUnusedDisableDirectives: 'error' };
    const errored = client.diagnostics(uri, d => unused(d)[0] === '1@0');
    await client.notify('workspace/didChangeConfiguration', { settings: {} });
    await errored;

    client.settings = { reportUnusedDisableDirectives: 'off' };
    const gone = client.diagnostics(uri, d => unused(d).length === 0);
    await client.notify('workspace/didChangeConfiguration', { settings: {} });
    await gone;
  });

  it('without workspace/configuration: from initializationOptions, then from the didChangeConfiguration payload', async () => {
    await client.initialize('en', null, { capabilities: {}, initializationOptions: { nianbao: { reportUnusedDisableDirectives: 'error' } } });
    const uri = 'file:///test/unused-init.md';
    const first = client.diagnostics(uri, (_, p) => p.version === 1);
    await client.open(uri, unusedAbove());
    assert.deepEqual(unused((await first).diagnostics), ['1@0']);
    const warned = client.diagnostics(uri, d => unused(d)[0] === '2@0');
    await client.notify('workspace/didChangeConfiguration', { settings: { nianbao: { reportUnusedDisableDirectives: 'warn' } } });
    await warned;
  });

  it('.nianbaorc.json sets it for its folder, the editor\'s warn or error wins; the workspace check honours both', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-lsp-unused-'));
    writeFileSync(path.join(dir, '.nianbaorc.json'), JSON.stringify({ reportUnusedDisableDirectives: 'warn' }));
    writeFileSync(path.join(dir, 'closed.md'), unusedAbove());
    const uri = pathToFileURL(path.join(dir, 'open.md')).toString();
    const closed = pathToFileURL(path.join(dir, 'closed.md')).toString();
    await client.initialize('en', pathToFileURL(dir).toString());
    const first = client.diagnostics(uri, (_, p) => p.version === 1);
    await client.open(uri, unusedAbove());
    assert.deepEqual(unused((await first).diagnostics), ['2@0'], 'warn, from the project configuration');
    const checked = client.diagnostics(closed);
    await client.request('workspace/executeCommand', { command: 'nianbao.server.checkWorkspace', arguments: [] });
    assert.deepEqual(unused((await checked).diagnostics), ['2@0'], 'the workspace check reads the closed file the same way');

    client.settings = { reportUnusedDisableDirectives: 'error' };
    const errored = client.diagnostics(uri, d => unused(d)[0] === '1@0');
    await client.notify('workspace/didChangeConfiguration', { settings: {} });
    await errored;
    const again = client.diagnostics(closed);
    await client.request('workspace/executeCommand', { command: 'nianbao.server.checkWorkspace', arguments: [] });
    assert.deepEqual(unused((await again).diagnostics), ['1@0'], 'the editor\'s error wins in the workspace check too');
  });
});
