import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestClient } from '../support/lspClient';
import { seed } from '../support/fixtures';
import { sleep } from './rawServer';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
/** The LSP position of a UTF-16 offset. */
const pos = (text: string, offset: number) => { const before = text.slice(0, offset); const line = before.split('\n').length - 1; return { line, character: offset - (before.lastIndexOf('\n') + 1) }; };
const skipped = (d: { message: unknown }[]) => d.length === 1 && /maxFileSize/.test(String(d[0].message));

describe('documents over stdio: size limit and empty text', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(async () => { client = new TestClient(); await client.initialize(); });
  afterEach(async () => { await client.close(); });

  it('compares nianbao.maxFileSize with the document’s UTF-8 bytes, as the setting and its message say', async () => {
    const text = seed('002');
    const bytes = Buffer.byteLength(text, 'utf8');
    assert.ok(bytes > text.length * 1.5, 'a Chinese text: far more bytes than UTF-16 units');
    // A limit between the two: the document is over it in bytes (what the setting counts), under it in UTF-16 units.
    client.settings = { maxFileSize: (bytes - 1) / 2 ** 20 }; // the setting is in MB; the server counts bytes
    await client.notify('workspace/didChangeConfiguration', { settings: {} });
    await sleep(200);
    const uri = 'file:///size/chinese.nianbao';
    const p = client.diagnostics(uri, (_, q) => q.version === 1);
    await client.open(uri, text);
    const over = (await p).diagnostics;
    assert.ok(skipped(over), `skipped: ${JSON.stringify(over).slice(0, 200)}`);
    assert.match(String(over[0].message), new RegExp(String(bytes - 1)));
    // One character fewer (three bytes: 中): exactly at the limit or under it, it is checked.
    const i = text.indexOf('政府');
    const q = client.diagnostics(uri, (_, x) => x.version === 2);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: pos(text, i), end: pos(text, i + 1) }, text: '' }] });
    assert.ok(!skipped((await q).diagnostics), 'at the limit: checked');
    // A multi-byte character typed back in: over again.
    const r = client.diagnostics(uri, (_, x) => x.version === 3);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: pos(text, i), end: pos(text, i) }, text: '𠀀' }] });
    assert.ok(skipped((await r).diagnostics), 'a four-byte character more: over');
  });

  it('says of an empty document what the CLI says of an empty file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-empty-'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const cli = JSON.parse(execFileSync(process.execPath, [CLI, 'check', path.join(dir, 'empty.txt'), '--format', 'json'], { encoding: 'utf8' }).toString());
    const said = cli.files[0].diagnostics.map((d: { code: string; message: string }) => [d.code, d.message]);
    assert.deepEqual(said, [['not-a-report', '文件为空']]);
    const uri = 'file:///empty/a.nianbao';
    const p = client.diagnostics(uri, (_, q) => q.version === 1);
    await client.open(uri, '');
    assert.deepEqual((await p).diagnostics.map(d => [d.code, d.message]), said);
    // Emptied by an edit, too.
    const other = 'file:///empty/b.nianbao';
    const o = client.diagnostics(other, (_, q) => q.version === 1);
    await client.open(other, seed('002'));
    await o;
    const e = client.diagnostics(other, (_, q) => q.version === 2);
    await client.notify('textDocument/didChange', { textDocument: { uri: other, version: 2 }, contentChanges: [{ text: '' }] });
    assert.deepEqual((await e).diagnostics.map(d => [d.code, d.message]), said);
  });
});
