import { strict as assert } from 'node:assert';
import { fork } from 'node:child_process';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { SERVER } from '../support/lspClient';
import { seed } from '../support/fixtures';
import { RawServer } from './rawServer';

/*
 * Issue 17: the lifecycle as the specification has it. Before `initialize` a request gets
 * ServerNotInitialized (-32002) and a notification is dropped; `initialize` is answered once; after
 * `shutdown` a request gets InvalidRequest (-32600); `exit` ends the process with 0 after
 * `shutdown`, 1 otherwise. An unknown command is an error.
 */

const rpc = (id: number | undefined, method: string, params?: unknown) => ({ jsonrpc: '2.0', ...(id === undefined ? {} : { id }), method, ...(params === undefined ? {} : { params }) });
const uri = 'file:///life/a.nianbao';

describe('lifecycle over stdio', function () {
  this.timeout(30000);
  let s: RawServer;
  beforeEach(() => { s = new RawServer(); });
  afterEach(() => s.kill());

  it('before initialize: requests get -32002, notifications are dropped', async () => {
    s.send(rpc(1, 'textDocument/documentSymbol', { textDocument: { uri } }));
    s.send(rpc(undefined, 'textDocument/didOpen', { textDocument: { uri, languageId: 'nianbao', version: 1, text: seed('002') } }));
    s.send(rpc(2, 'shutdown'));
    const r1 = await s.reply(1), r2 = await s.reply(2);
    assert.equal(r1?.error?.code, -32002, JSON.stringify(r1));
    assert.equal(r2?.error?.code, -32002, JSON.stringify(r2));
    await s.initialize();
    s.send(rpc(3, 'textDocument/documentSymbol', { textDocument: { uri } }));
    assert.deepEqual((await s.reply(3))?.result, [], 'the didOpen sent before initialize was dropped');
    assert.ok(!s.replies.some(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri), 'nothing published for it');
  });

  it('a second initialize is refused, and the server goes on', async () => {
    await s.initialize();
    s.send(rpc(7, 'initialize', { processId: null, rootUri: null, capabilities: {} }));
    const r = await s.reply(7);
    assert.ok(r?.error && !r.result, JSON.stringify(r));
    assert.equal(r.error.code, -32600);
    s.send(rpc(8, 'textDocument/documentSymbol', { textDocument: { uri } }));
    assert.deepEqual((await s.reply(8))?.result, []);
  });

  it('after shutdown: requests get -32600; exit then ends the process with 0', async () => {
    await s.initialize();
    s.send(rpc(1, 'shutdown'));
    assert.equal((await s.reply(1))?.result, null);
    s.send(rpc(2, 'textDocument/documentSymbol', { textDocument: { uri } }));
    s.send(rpc(3, 'shutdown'));
    assert.equal((await s.reply(2))?.error?.code, -32600);
    assert.equal((await s.reply(3))?.error?.code, -32600);
    s.send(rpc(undefined, 'exit'));
    assert.deepEqual(await s.exited, { code: 0, signal: null });
  });

  it('exit without shutdown ends the process with 1', async () => {
    await s.initialize();
    s.send(rpc(undefined, 'exit'));
    assert.deepEqual(await s.exited, { code: 1, signal: null });
  });

  it('exit before initialize ends the process with 1', async () => {
    s.send(rpc(undefined, 'exit'));
    assert.deepEqual(await s.exited, { code: 1, signal: null });
  });

  it('an unknown workspace/executeCommand command is an error, not null', async () => {
    await s.initialize();
    s.send(rpc(4, 'workspace/executeCommand', { command: 'nianbao.no.such.command', arguments: [] }));
    const r = await s.reply(4);
    assert.ok(r?.error, JSON.stringify(r));
    assert.equal(r.error.code, -32602);
    assert.match(r.error.message, /nianbao\.no\.such\.command/);
  });
});

describe('lifecycle over IPC (as VS Code starts the server)', function () {
  this.timeout(30000);
  it('the same checks: -32002 before initialize, InvalidParams for a malformed request, answers after initialize', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.listen();
    try {
      await assert.rejects(conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), (e: any) => e.code === -32002);
      const init: any = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(init.capabilities.positionEncoding, 'utf-16');
      await conn.sendNotification('initialized', {});
      await assert.rejects(conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0.5, character: 0 } }), (e: any) => e.code === -32602);
      assert.deepEqual(await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), []);
      await conn.sendRequest('shutdown');
      const exited = new Promise(r => child.once('exit', code => r(code)));
      await conn.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally { conn.dispose(); if (child.exitCode === null) child.kill(); }
  });
});
