// The language server on a large HTML page (issue 15): peak RSS and the time from a keystroke to its
// diagnostics. `node bench/server-html.mjs [MB]` (default 10): the Word page of test/fixtures/html
// with its body repeated to that size, opened in dist/server.js over stdio, then 20 keystrokes, each
// waited for. Prints the server's RSS (VmRSS, VmHWM) idle, after opening and after typing.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const mb = Number(process.argv[2] ?? 10);
const page = readFileSync(path.join(ROOT, 'test', 'fixtures', 'html', 'word-spans.html'), 'utf8');
const a = page.indexOf('<div class=WordSection1'), b = page.lastIndexOf('</div>') + 6;
const body = page.slice(a, b);
const copies = Math.max(1, Math.round((mb * 1e6 - page.length) / Buffer.byteLength(body + '\r\n')));
const text = page.slice(0, a) + Array.from({ length: copies }, () => body).join('\r\n') + page.slice(b);

const server = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
const waiting = new Map();
conn.onNotification('textDocument/publishDiagnostics', p => { const w = waiting.get(p.version); if (w) { waiting.delete(p.version); w(p); } });
conn.onRequest('workspace/configuration', p => p.items.map(() => ({})));
conn.onRequest(() => null);
conn.listen();
const rss = () => { const s = readFileSync(`/proc/${server.pid}/status`, 'utf8'); const kb = k => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)[1]) / 1024; return { rss: kb('VmRSS'), hwm: kb('VmHWM') }; };
const published = v => new Promise(r => waiting.set(v, r));

await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
conn.sendNotification('initialized', {});
await new Promise(r => setTimeout(r, 300));
const idle = rss();
const uri = 'file:///bench/big.html';
let t = performance.now();
let got = published(1);
conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'html', version: 1, text } });
const first = await got;
const openMs = performance.now() - t;
const opened = rss();
// Keystrokes in the middle of the page's text (a letter typed into a paragraph and deleted again).
const at = text.indexOf('<p', Math.floor(text.length / 2));
const line = text.slice(0, at).split('\n').length - 1, character = at - (text.lastIndexOf('\n', at - 1) + 1);
const times = [];
for (let v = 2; v <= 21; v++) {
  const typing = v % 2 === 0;
  const range = typing ? { start: { line, character }, end: { line, character } } : { start: { line, character }, end: { line, character: character + 1 } };
  got = published(v);
  t = performance.now();
  conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text: typing ? 'x' : '' }] });
  await got;
  times.push(performance.now() - t);
}
const typed = rss();
times.sort((x, y) => x - y);
const f = x => x.toFixed(0);
console.log(`page ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB (${copies} copies of the body), ${first.diagnostics.length} diagnostics`);
console.log(`open → diagnostics ${f(openMs)} ms; keystroke → diagnostics median ${f(times[10])} ms, worst ${f(times[19])} ms (20 keystrokes)`);
console.log(`server RSS: idle ${f(idle.rss)} MB, after opening ${f(opened.rss)} MB, after typing ${f(typed.rss)} MB, peak (VmHWM) ${f(typed.hwm)} MB`);
await conn.sendRequest('shutdown'); conn.sendNotification('exit');
setTimeout(() => process.exit(0), 200);
