import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { TestClient } from '../support/lspClient';
import { seed } from '../support/fixtures';
import { RawServer } from './rawServer';

/*
 * Issue 15: one malformed didChange froze the server for good (100% CPU, no answer to anything).
 * Every incoming parameter is now checked for its shape at the boundary: a change that cannot be
 * applied closes the document on the server's side, with a logged message, and the server goes on
 * answering; a request with malformed parameters gets InvalidParams.
 */

const at = (line: number, character: number) => ({ line, character });
const within = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);

describe('malformed parameters over stdio', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(async () => { client = new TestClient(); await client.initialize(); });
  afterEach(async () => { await client.close(); });

  const badChanges: [string, unknown][] = [
    ['a text that is a number', [{ range: { start: at(0, 0), end: at(0, 0) }, text: 12345 }]],
    ['a fractional line', [{ range: { start: at(1.5, 0), end: at(1.5, 0) }, text: 'x' }]],
    ['a negative line', [{ range: { start: at(-1, 0), end: at(0, 0) }, text: 'x' }]],
    ['a character that is a string', [{ range: { start: at(0, '3' as unknown as number), end: at(0, 4) }, text: 'x' }]],
    ['a range without its end', [{ range: { start: at(0, 0) }, text: 'x' }]],
    ['a range that is null with a text', [{ range: 7, text: 'x' }]],
    ['changes that are not a list', { text: 'x' }],
    ['a second, valid change after a bad one', [{ range: { start: at(0, 0), end: at(0, 0) }, text: 'ok' }, { range: { start: at(0, 0.25), end: at(0, 1) }, text: 'x' }]],
  ];

  for (const [name, contentChanges] of badChanges) {
    it(`refuses a didChange with ${name}: the document is closed with a message, the server goes on answering`, async () => {
      const uri = 'file:///bad/change.nianbao';
      const opened = client.diagnostics(uri, d => d.length > 0 || true);
      await client.open(uri, seed('002'));
      await opened;
      assert.equal((await client.request('textDocument/documentSymbol', { textDocument: { uri } })).length, 1);
      const cleared = client.diagnostics(uri, (d, p) => d.length === 0 && p.version === undefined);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges });
      // Answers at once, and the document is no longer held: its symbols are gone, its diagnostics cleared.
      assert.deepEqual(await within(client.request('textDocument/documentSymbol', { textDocument: { uri } }), 3000, 'documentSymbol'), []);
      await cleared;
      assert.ok(client.messages.some(m => m.message.includes(uri) && /didChange/.test(m.message)), `a message names the document: ${JSON.stringify(client.messages)}`);
      // Later changes to it are ignored; opening it again checks it again.
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: seed('001') }] });
      const again = client.diagnostics(uri, (_, p) => p.version === 5);
      await client.open(uri, seed('002'), 'nianbao', 5);
      await again;
      assert.equal((await client.request('textDocument/documentSymbol', { textDocument: { uri } })).length, 1);
    });
  }

  it('refuses a didChange with a fractional version', async () => {
    const uri = 'file:///bad/version.nianbao';
    const opened = client.diagnostics(uri);
    await client.open(uri, seed('002'));
    await opened;
    const cleared = client.diagnostics(uri, (d, p) => d.length === 0 && p.version === undefined);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2.5 }, contentChanges: [{ text: seed('001') }] });
    await cleared;
  });

  it('does not open a document whose didOpen is malformed, and says so', async () => {
    const uri = 'file:///bad/open.nianbao';
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: 42 } });
    assert.deepEqual(await within(client.request('textDocument/documentSymbol', { textDocument: { uri } }), 3000, 'documentSymbol'), []);
    assert.ok(client.messages.some(m => m.message.includes('didOpen')), JSON.stringify(client.messages));
  });

  for (const [method, params] of [
    ['textDocument/hover', { textDocument: { uri: 'file:///x' }, position: at(1.5, 0) }],
    ['textDocument/hover', { textDocument: { uri: 'file:///x' }, position: at(0, -1) }],
    ['textDocument/codeAction', { textDocument: { uri: 'file:///x' }, range: { start: at(0, 0), end: at(0, 0) }, context: { diagnostics: 'none' } }],
    ['textDocument/inlayHint', { textDocument: { uri: 'file:///x' }, range: { start: at(0, 0), end: at(NaN, 0) } }],
    ['textDocument/documentSymbol', { textDocument: { uri: 42 } }],
    ['nianbao/reportInfo', { uri: 'file:///x', offset: -3 }],
    ['workspace/executeCommand', { command: 7 }],
  ] as const) {
    it(`answers ${method} with malformed parameters (${JSON.stringify(params).slice(0, 60)}) by InvalidParams`, async () => {
      await assert.rejects(within(client.request(method, params), 3000, method), (e: any) => e.code === -32602 && typeof e.message === 'string');
    });
  }
});

describe('the update loop terminates on any change', function () {
  this.timeout(30000);
  it('the model’s update ends even on a text whose length is not a number (what froze the server)', () => {
    // In a child process: an endless loop would otherwise hang the test runner itself.
    const code = `
      const { ReportDocument } = require('./core/src');
      const { seed } = require('./test/support/fixtures');
      const text = seed('002').repeat(3);
      const broken = { length: NaN, slice: (a, b) => text.slice(a, b) };
      let out;
      try { ReportDocument.parse(text).update(broken, 10, 10, NaN); out = 'returned'; } catch (e) { out = 'threw'; }
      process.stdout.write(out);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: path.join(__dirname, '..', '..'), timeout: 20000, encoding: 'utf8' });
    assert.equal(r.signal, null, `still looping after 20 s (killed by ${r.signal})`);
    assert.match(r.stdout, /^(returned|threw)$/, r.stderr);
  });
  it('a storm of malformed frames among good ones: every request answered, the good document right', async () => {
    const s = new RawServer();
    try {
      await s.initialize();
      const uri = 'file:///raw/storm.nianbao';
      s.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'nianbao', version: 1, text: seed('002') } } });
      const shapes = [12345, null, { a: 1 }, [], true, 1.5, -1, 2 ** 40, 'x'];
      let id = 100;
      for (const v of shapes) {
        s.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///raw/other.nianbao', version: 2 }, contentChanges: [{ range: { start: { line: v, character: 0 }, end: { line: 0, character: v } }, text: v }] } });
        s.send({ jsonrpc: '2.0', id: ++id, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
      }
      for (let k = 101; k <= id; k++) {
        const r = await s.reply(k, 3000);
        assert.ok(r && Array.isArray(r.result) && r.result.length === 1, `request ${k}: ${JSON.stringify(r)?.slice(0, 200)}`);
      }
    } finally { s.kill(); }
  });
});
