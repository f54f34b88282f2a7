import { strict as assert } from 'node:assert';
import { RawServer, rssOf, sleep } from './rawServer';

/*
 * Issue 15: a huge or doubtful Content-Length left the server alive and deaf, its memory growing.
 * A frame larger than the limit, or a header that is not valid, now ends the stream as any broken
 * frame does: exit status 1, at once, the bytes that follow never buffered.
 */

const body = '{"jsonrpc":"2.0","id":5,"method":"shutdown"}';

describe('frames over stdio', function () {
  this.timeout(30000);

  for (const [name, header] of [
    ['a Content-Length of 2147483647', 'Content-Length: 2147483647\r\n\r\n'],
    ['a Content-Length of 1e15', 'Content-Length: 1e15\r\n\r\n'],
    ['a Content-Length of 200 MB (over the limit)', `Content-Length: ${200 * 1024 * 1024}\r\n\r\n`],
    ['a second Content-Length header', `Content-Length: ${body.length}\r\nContent-Length: ${body.length}\r\n\r\n`],
    ['headers ending in \\n\\n', `Content-Length: ${body.length}\n\n`],
    ['a header line ending in a bare \\n', `Content-Type: application/vscode-jsonrpc; charset=utf-8\nContent-Length: ${body.length}\r\n\r\n`],
    ['a Content-Length with a sign', `Content-Length: +${body.length}\r\n\r\n`],
    ['a charset that is not UTF-8', `Content-Length: ${body.length}\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n`],
  ] as const) {
    it(`ends the stream (exit 1) after ${name}, without buffering what follows`, async () => {
      const s = new RawServer();
      try {
        await s.initialize();
        const before = rssOf(s.proc.pid!);
        s.write(header + body);
        // What follows the header: 32 MB the server must not keep.
        const mb = Buffer.alloc(1024 * 1024, 0x41);
        for (let i = 0; i < 32 && s.proc.exitCode === null; i++) { s.write(mb); await sleep(5); }
        const exit = await Promise.race([s.exited, sleep(5000).then(() => null)]);
        assert.ok(exit, `still running 5 s after the broken frame (RSS ${rssOf(s.proc.pid!)} bytes, ${before} before)`);
        assert.deepEqual(exit, { code: 1, signal: null });
        assert.match(s.stderr, /unreadable message stream/);
        assert.equal(await s.reply(5, 10), null, 'the frame was not read as a request');
      } finally { s.kill(); }
    });
  }

  it('reads good frames split anywhere, several in one write, and a body that is not JSON is skipped', async () => {
    const s = new RawServer();
    try {
      await s.initialize();
      const frames = Buffer.concat([
        RawServer.frame({ jsonrpc: '2.0', id: 1, method: 'textDocument/documentSymbol', params: { textDocument: { uri: 'file:///none' } } }),
        RawServer.frame('{not json'),
        Buffer.from('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n'),
        RawServer.frame({ jsonrpc: '2.0', id: 2, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///none' }, position: { line: 0, character: 0 } } }),
      ]);
      for (let k = 0; k < frames.length; k += 7) { s.write(frames.subarray(k, k + 7)); await sleep(1); }
      assert.deepEqual((await s.reply(1))?.result, []);
      assert.equal((await s.reply(2))?.result, null);
      assert.equal(s.proc.exitCode, null);
    } finally { s.kill(); }
  });
});
