import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, TestClient } from '../support/lspClient';
import { fixturePath, grantedTotalAs9 } from '../support/fixtures';

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

  /** Opens the broken seed as `languageId` and asks for the code actions at its error. */
  async function actionsAtError(uri: string, languageId: string) {
    const { bad } = broken();
    const first = client.diagnostics(uri, d => d.length > 0);
    await client.open(uri, bad, languageId);
    const err = (await first).diagnostics[0];
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: err.range, context: { diagnostics: [err] } });
    return { bad, err, actions };
  }

  for (const [languageId, ext, directive] of [['nianbao', 'txt', '9 <!-- nianbao-disable-line row-sum -->'], ['markdown', 'md', '9 <!-- nianbao-disable-line row-sum -->']]) {
    it(`quick fixes write the directive (${languageId}): applied, the error is gone and nothing else is reported`, async () => {
      await client.initialize('zh-cn');
      const uri = `file:///test/disable-002.${ext}`;
      const { bad, err, actions } = await actionsAtError(uri, languageId);
      const titles = actions.map((a: any) => a.title);
      const line = actions.find((a: any) => a.title === '关闭此规则（本行）：row-sum');
      const file = actions.find((a: any) => a.title === '关闭此规则（本文件）：row-sum');
      assert.ok(line && file, titles.join(' | '));
      assert.equal(line.kind, 'quickfix');
      assert.deepEqual(line.diagnostics, [err]);
      for (const [a, version] of [[line, 2], [file, 3]]) {
        const edits = a.edit.documentChanges[0].edits;
        const fixed = applyEdits(bad, edits);
        const p = client.diagnostics(uri, (_, q) => q.version === version);
        await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: fixed }] });
        assert.deepEqual((await p).diagnostics, [], `${a.title}: ${JSON.stringify(edits)}`);
      }
      assert.ok(applyEdits(bad, line.edit.documentChanges[0].edits).split('\n')[err.range.start.line].endsWith(directive));
      // No settings command to a client that has not said it has one.
      assert.ok(!titles.some((x: string) => x.startsWith('在设置中')), titles.join(' | '));
    });
  }

  it('"Turn off in settings" to a client that has the command; plain Commands, carried out with workspace/applyEdit, to one without literals', async () => {
    await client.initialize('en', null, { initializationOptions: { ruleSettingsCommand: true } });
    const { actions } = await actionsAtError('file:///test/settings-002.txt', 'nianbao');
    const off = actions.find((a: any) => a.title === 'Turn off row-sum in settings');
    assert.deepEqual(off?.command, { title: 'Turn off row-sum in settings', command: 'nianbao.disableRuleInSettings', arguments: ['row-sum'] });
    await client.close();

    client = new TestClient();
    await client.initialize('en', null, { capabilities: { workspace: { applyEdit: true } } });
    const uri = 'file:///test/commands-002.txt';
    const { bad, actions: commands } = await actionsAtError(uri, 'nianbao');
    const line = commands.find((c: any) => c.title === 'Disable row-sum for this line');
    assert.equal(line.command, 'nianbao.server.applyFix');
    assert.deepEqual(await client.request('workspace/executeCommand', { command: line.command, arguments: line.arguments }), { applied: true });
    const sent = client.applyEditRequests[0] as any;
    const fixed = applyEdits(bad, sent.edit.changes[uri]);
    assert.equal(fixed.length, bad.length + ' <!-- nianbao-disable-line row-sum -->'.length);
  });

  it('an HTML page: the comments go where the page shows nothing new, and clear the error', async () => {
    await client.initialize('en');
    const page = readFileSync(fixturePath('real2', 'putian-208.html'), 'utf8');
    const { bad } = grantedTotalAs9(page);
    const uri = 'file:///test/disable-208.html';
    const first = client.diagnostics(uri, d => d.length > 0);
    await client.open(uri, bad, 'html');
    const err = (await first).diagnostics.find(d => d.code === 'row-sum')!;
    const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: err.range, context: { diagnostics: [err] } });
    let version = 1;
    for (const title of ['Disable row-sum for this line', 'Disable row-sum for this file']) {
      const a = actions.find((x: any) => x.title === title);
      assert.ok(a, actions.map((x: any) => x.title).join(' | '));
      const [edit] = a.edit.documentChanges[0].edits;
      assert.match(edit.newText, /^<!-- nianbao-disable(?:-line)? row-sum -->$/);
      version++;
      const p = client.diagnostics(uri, (_, q) => q.version === version);
      await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: applyEdits(bad, [edit]) }] });
      assert.deepEqual((await p).diagnostics.map(d => d.code), [], title);
    }
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
