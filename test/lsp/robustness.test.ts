import { strict as assert } from 'node:assert';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { applyEdits, TestClient } from '../support/lspClient';
import { RawServer, rssOf, sleep } from './rawServer';
import { seed } from '../support/fixtures';
import { ReportDocument } from '../../core/src';

/*
 * Server robustness over stdio (issue 6): malformed JSON-RPC, unknown methods, changes past the end
 * of a document or for documents never opened, an edit storm (memory flat, last version right),
 * cancelled requests, and versioned edits that cannot be applied to a later version.
 *
 * What is right for malformed input: a message that is framed correctly but is not JSON-RPC
 * (invalid JSON, an array, a response to nothing) is dropped and the server goes on answering;
 * a broken frame (bad or missing Content-Length) leaves the stream unreadable, so the server must
 * either find its feet again or exit promptly — so the client sees it and restarts it — and never
 * sit alive and deaf.
 */

type Pos = { line: number; character: number };
type Range = { start: Pos; end: Pos };
type Change = { range?: Range; text: string };

const LINE_BREAK = /\r\n|\r|\n/g;

/** Line start offsets, with `\r\n`, `\r` and `\n` ending a line (as the LSP counts them). */
function lineStarts(text: string): number[] {
  const s = [0];
  for (const m of text.matchAll(LINE_BREAK)) s.push(m.index! + m[0].length);
  return s;
}

/** LSP semantics for a position past the end: past the last line → end of text; past a line's end → its end. */
function offsetAt(text: string, p: Pos): number {
  const s = lineStarts(text);
  if (p.line < 0) return 0;
  if (p.line >= s.length) return text.length;
  const start = s[p.line];
  let end = p.line + 1 < s.length ? s[p.line + 1] : text.length;
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return Math.min(start + Math.max(0, p.character), end);
}

/** The text after `changes`, each range clamped to the document and, when reversed, normalised. */
function applyChanges(text: string, changes: Change[]): string {
  for (const ch of changes) {
    if (!ch.range) { text = ch.text; continue; }
    let a = offsetAt(text, ch.range.start), b = offsetAt(text, ch.range.end);
    if (b < a) [a, b] = [b, a];
    text = text.slice(0, a) + ch.text + text.slice(b);
  }
  return text;
}

function positionAt(text: string, offset: number): Pos {
  const s = lineStarts(text);
  let line = 0;
  while (line + 1 < s.length && s[line + 1] <= offset) line++;
  return { line, character: offset - s[line] };
}

/** What a diagnostic says, without the URI-bearing parts. */
const essence = (ds: Diagnostic[]) => ds.map(d => ({ code: d.code, severity: d.severity, message: typeof d.message === 'string' ? d.message : d.message.value, range: d.range }))
  .sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character || String(x.code).localeCompare(String(y.code)) || x.message.localeCompare(y.message));

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A report with one wrong total (new requests · natural persons + 1), so that every check has something to say. */
function brokenSeed(prefix = '002'): { text: string; cell: { start: number; end: number } } {
  const text = seed(prefix);
  const c = ReportDocument.parse(text).reports()[0].report.cells.get('requests.new.natural')!;
  const bumped = String(Number(c.value) + 1);
  return { text: text.slice(0, c.start) + bumped + text.slice(c.end), cell: { start: c.start, end: c.start + bumped.length } };
}

/** The diagnostics the server gives `text` when it is opened fresh, under another URI. */
async function freshDiagnostics(client: TestClient, text: string, tag: string): Promise<Diagnostic[]> {
  const uri = `file:///fresh/${tag}.nianbao`;
  const p = client.diagnostics(uri, (_, q) => q.version === 1);
  await client.open(uri, text);
  const d = (await p).diagnostics;
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  return d;
}

/* ------------------------------------------------------------------------------------------ */

describe('server robustness over stdio', function () {
  this.timeout(120000);

  describe('malformed JSON-RPC', () => {
    it('drops messages that are framed but not JSON-RPC, and goes on answering', async () => {
      const s = new RawServer();
      try {
        await s.initialize();
        const uri = 'file:///raw/a.nianbao';
        s.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'nianbao', version: 1, text: seed('001') } } });
        for (const bad of [
          '{"jsonrpc":"2.0","id":1,"method":', // invalid JSON
          '\u0000\u0001\u00ff', // not text
          '[1,2,3]', // not a message
          '"just a string"',
          '{"jsonrpc":"2.0"}', // neither request, notification nor response
          '{"jsonrpc":"2.0","id":77,"result":{}}', // a response to nothing
          '{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover","params":{}}', // an id that is no id
          // didChange without changes or version (of another document: one that is refused is closed, validation.test.ts)
          '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///raw/b.nianbao"}}}',
          '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":null}',
          '{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":null}',
          '{"jsonrpc":"2.0","id":3,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":42}}}',
        ]) s.send(bad);
        s.send({ jsonrpc: '2.0', id: 10, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
        const r = await s.reply(10);
        assert.ok(r, `no answer after the malformed messages (exit ${s.proc.exitCode}); stderr: ${s.stderr.slice(-800)}`);
        assert.ok(Array.isArray(r.result) && r.result.length === 1, `documentSymbol still answers with the report: ${JSON.stringify(r).slice(0, 300)}`);
        // Requests among the junk were answered (with a result or an error), not left hanging.
        assert.ok(await s.reply(2, 1000), 'the hover with null params got a reply');
        assert.ok(await s.reply(3, 1000), 'the documentSymbol with a numeric URI got a reply');
        assert.equal(s.proc.exitCode, null, 'still running');
      } finally { s.kill(); }
    });

    for (const [name, junk] of [
      ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n{}'],
      ['a header without Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'],
      ['a line that is no header at all', 'hello, server\r\n\r\n'],
    ] as const) {
      it(`after ${name}, recovers or exits promptly — never alive and deaf`, async () => {
        const s = new RawServer();
        try {
          await s.initialize();
          s.write(junk);
          s.send({ jsonrpc: '2.0', id: 41, method: 'shutdown' });
          await sleep(300);
          s.send({ jsonrpc: '2.0', id: 42, method: 'shutdown' });
          const answered = await Promise.race([s.reply(41, 5000).then(a => a ?? s.reply(42, 100)), s.exited.then(() => 'exited')]);
          if (answered === 'exited') {
            const { code, signal } = await s.exited;
            assert.equal(signal, null, `killed by ${signal}`);
            assert.ok(!/TypeError|ReferenceError|RangeError/.test(s.stderr), `exited with a crash: ${s.stderr.slice(-500)}`);
            assert.ok(code !== null, 'exited with a code');
          } else {
            assert.ok(answered, `the server neither answered within 5 s nor exited (alive: ${s.proc.exitCode === null}); stderr: ${s.stderr.slice(-300)}`);
          }
        } finally { s.kill(); }
      });
    }

    it('exits when the client goes away (stdin closed), and exits 0 after shutdown + exit', async () => {
      const a = new RawServer();
      await a.initialize();
      a.proc.stdin!.end();
      const gone = await Promise.race([a.exited, sleep(5000).then(() => null)]);
      a.kill();
      assert.ok(gone, 'still running 5 s after its stdin closed');
      const b = new RawServer();
      await b.initialize();
      b.send({ jsonrpc: '2.0', id: 1, method: 'shutdown' });
      assert.ok(await b.reply(1));
      b.send({ jsonrpc: '2.0', method: 'exit' });
      const r = await Promise.race([b.exited, sleep(5000).then(() => null)]);
      b.kill();
      assert.deepEqual(r, { code: 0, signal: null });
    });
  });

  describe('with a client', () => {
    let client: TestClient;
    let commands: string[] = [];
    beforeEach(async () => { client = new TestClient(); commands = (await client.initialize()).capabilities.executeCommandProvider?.commands ?? []; });
    afterEach(async () => { await client.close(); });

    it('answers unknown methods with MethodNotFound, ignores unknown notifications, and keeps working', async () => {
      for (const method of ['nianbao/noSuchThing', 'textDocument/noSuchFeature', 'workspace/xyz', '$/noSuchRequest']) {
        await assert.rejects(client.request(method, { textDocument: { uri: 'file:///x' } }),
          (e: unknown) => e instanceof ResponseError && e.code === -32601, `${method} → MethodNotFound (-32601)`);
      }
      await client.notify('nianbao/noSuchNotification', { a: 1 });
      await client.notify('$/noSuchNotification', {});
      await client.notify('textDocument/noSuchNotification', null);
      const uri = 'file:///u/a.nianbao';
      const { text } = brokenSeed();
      const p = client.diagnostics(uri, (d, q) => q.version === 1);
      await client.open(uri, text);
      assert.equal((await p).diagnostics.filter(d => d.severity === 1).length, 1, 'the one wrong figure');
      assert.equal(client.proc.exitCode, null);
    });

    it('clamps didChange ranges past the end of a line or of the document; diagnostics match the text', async () => {
      const uri = 'file:///past/end.nianbao';
      const { text } = brokenSeed();
      const open = client.diagnostics(uri, (_, q) => q.version === 1);
      await client.open(uri, text);
      await open;
      const lines = text.split('\n').length;
      const changes: Change[] = [
        { range: { start: { line: lines + 500, character: 0 }, end: { line: lines + 900, character: 40 } }, text: '\n附：past the end' }, // beyond the last line: appended
        { range: { start: { line: 3, character: 5000 }, end: { line: 3, character: 9000 } }, text: '（注）' }, // beyond a line's end: at its end
        { range: { start: { line: 0, character: 2 }, end: { line: 0, character: 100000 } }, text: '' }, // to past the line's end: the line's rest
        { range: { start: { line: lines + 10, character: 0 }, end: { line: lines + 10, character: 0 } }, text: '\r\n' },
      ];
      const expected = applyChanges(text, changes);
      const p = client.diagnostics(uri, (_, q) => q.version === 2);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: changes });
      const got = (await p).diagnostics;
      assert.deepEqual(essence(got), essence(await freshDiagnostics(client, expected, 'past-end')), 'the diagnostics of the clamped text');
      // And the server's text is the clamped text: a fix-all computed now applies to it cleanly.
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.nianbao'] } });
      assert.equal(actions.length, 1, 'fix-all offered for the wrong figure');
      const action = actions[0].edit ? actions[0] : await client.request('codeAction/resolve', actions[0]);
      const fixed = applyEdits(expected, action.edit.documentChanges[0].edits);
      assert.equal(ReportDocument.parse(fixed).reports()[0].findings.filter(f => f.severity === 'error').length, 0, 'the fix-all edit, applied to the clamped text, fixes it');
    });

    it('takes a reversed range (end before start) as its normalised range, in the middle of a compilation', async () => {
      const uri = 'file:///past/reversed.nianbao';
      // Eight reports of the same length; the sixth has one wrong figure (a digit typed over a digit).
      const one = seed('002').replace(/\n*$/, '\n');
      const c = [...ReportDocument.parse(one).reports()[0].report.cells.values()].find(x => x.key.startsWith('requests.') && x.kind === 'number' && x.end - x.start === 1)!;
      const wrong = one.slice(0, c.start) + String((Number(c.value) + 1) % 10) + one.slice(c.end);
      const R = one.length;
      const text = [one, one, one, one, one, wrong, one, one].join('');
      const open = client.diagnostics(uri, (_, q) => q.version === 1);
      await client.open(uri, text);
      assert.ok((await open).diagnostics.some(d => d.severity === 1), 'the wrong figure in report 6');
      // Delete exactly one report's length, from inside report 3 to inside report 4 — the range written backwards.
      const from = 2 * R + 300, to = from + R;
      const changes: Change[] = [{ range: { start: positionAt(text, to), end: positionAt(text, from) }, text: '' }];
      const expected = applyChanges(text, changes);
      assert.equal(expected, text.slice(0, from) + text.slice(to));
      const p = client.diagnostics(uri, (_, q) => q.version === 2);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: changes });
      const got = (await p).diagnostics;
      assert.deepEqual(essence(got), essence(await freshDiagnostics(client, expected, 'reversed')), 'the diagnostics of the text the server now holds (the normalised edit)');
      // The same edit written forwards, for comparison, on a fresh copy.
      const fwd = 'file:///past/forward.nianbao';
      const o2 = client.diagnostics(fwd, (_, q) => q.version === 1);
      await client.open(fwd, text);
      await o2;
      const p2 = client.diagnostics(fwd, (_, q) => q.version === 2);
      await client.notify('textDocument/didChange', { textDocument: { uri: fwd, version: 2 }, contentChanges: [{ range: { start: positionAt(text, from), end: positionAt(text, to) }, text: '' }] });
      assert.deepEqual(essence((await p2).diagnostics), essence(got), 'a reversed range means the same as the range written forwards');
    });

    it('ignores changes to documents never opened (and after they are closed)', async () => {
      const ghost = 'file:///ghost/never-opened.nianbao';
      const real = 'file:///ghost/open.nianbao';
      const { text } = brokenSeed();
      const open = client.diagnostics(real, (_, q) => q.version === 1);
      await client.open(real, text);
      await open;
      await client.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '总计 5' }] });
      await client.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 3 }, contentChanges: [{ text: text }] });
      await client.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 4 }, contentChanges: [{ range: { start: { line: 99, character: 9 }, end: { line: 1, character: 0 } }, text: 'x' }] });
      // Requests on the ghost get their empty answer; requests on the open document still work.
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: ghost } }), []);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: ghost }, position: { line: 0, character: 0 } }), null);
      assert.equal((await client.request('textDocument/documentSymbol', { textDocument: { uri: real } })).length, 1);
      await sleep(300);
      assert.deepEqual(client.published.filter(p => p.uri === ghost), [], 'nothing published for a document never opened');
      // Opened afterwards, it is its own text that is checked — none of the ignored changes.
      const later = 'file:///ghost/never-opened.nianbao';
      const p = client.diagnostics(later, (_, q) => q.version === 7);
      await client.open(later, seed('002'), 'nianbao', 7);
      assert.deepEqual(essence((await p).diagnostics), essence(await freshDiagnostics(client, seed('002'), 'ghost')));
      // Closed, then changed: the change is ignored; nothing is published after the clearing.
      const cleared = client.diagnostics(later, (d, q) => q.version === undefined && d.length === 0);
      await client.notify('textDocument/didClose', { textDocument: { uri: later } });
      await cleared;
      const n = client.published.filter(x => x.uri === later).length;
      await client.notify('textDocument/didChange', { textDocument: { uri: later, version: 8 }, contentChanges: [{ text: 'x' }] });
      await client.request('textDocument/documentSymbol', { textDocument: { uri: real } });
      await sleep(300);
      assert.equal(client.published.filter(x => x.uri === later).length, n, 'no diagnostics for a closed document');
    });

    it('cancelled requests ($/cancelRequest) do not break later requests', async () => {
      const uri = 'file:///cancel/big.nianbao';
      const one = seed('002').replace(/\n*$/, '\n');
      const text = one.repeat(40);
      const open = client.diagnostics(uri, (_, q) => q.version === 1);
      await client.open(uri, text);
      await open;
      const settled: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i++) {
        const cts = new CancellationTokenSource();
        const method = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction', 'textDocument/inlayHint'][i % 4];
        const params = method === 'textDocument/codeAction'
          ? { textDocument: { uri }, range: { start: { line: 100, character: 0 }, end: { line: 100, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.nianbao'] } }
          : method === 'textDocument/inlayHint' ? { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20000, character: 0 } } } : { textDocument: { uri } };
        settled.push(client.conn.sendRequest(method, params, cts.token).then(() => 'result', (e: unknown) => e));
        if (i % 2 === 0) cts.cancel(); else setTimeout(() => cts.cancel(), i);
      }
      // Cancels for requests that do not exist, or with ids of the wrong type.
      await client.notify('$/cancelRequest', { id: 987654 });
      await client.notify('$/cancelRequest', { id: 'no-such-id' });
      await client.notify('$/cancelRequest', { id: null });
      await client.notify('$/cancelRequest', {});
      for (const r of await Promise.all(settled)) {
        if (r === 'result') continue;
        assert.ok(r instanceof ResponseError && r.code === -32800, `a cancelled request is answered or RequestCancelled (-32800), got ${String(r)}`);
      }
      // Later requests, and checks after an edit, are right.
      const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols.length, 40, 'forty reports');
      const c = ReportDocument.parse(one).reports()[0].report.cells.get('requests.granted.natural')!;
      const at = positionAt(text, 7 * one.length + c.start);
      const p = client.diagnostics(uri, (d, q) => q.version === 2 && d.some(x => x.severity === 1));
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + c.text.length } }, text: String(Number(c.value) + 3) }] });
      const errors = (await p).diagnostics.filter(d => d.severity === 1);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].range.start.line, at.line, 'on the edited cell');
      const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: at });
      assert.ok(hover && /予以公开|granted/.test(JSON.stringify(hover)), `hover on the edited cell: ${JSON.stringify(hover).slice(0, 200)}`);
    });

    it('code actions are versioned edits: computed for version N, they name version N (never applicable to N+1)', async () => {
      const uri = 'file:///versions/a.nianbao';
      const { text, cell } = brokenSeed();
      const open = client.diagnostics(uri, (_, q) => q.version === 1);
      await client.open(uri, text, 'nianbao', 1);
      const diag = (await open).diagnostics.find(d => d.severity === 1)!;
      assert.ok(diag, 'the wrong figure is reported');
      const actionsAt = (range: Range, diagnostics: Diagnostic[], only?: string[]) => client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
      const versionsOf = (actions: any[]) => actions.filter(a => a.edit).map(a => { assert.ok(!a.edit.changes, 'no unversioned `changes`'); return a.edit.documentChanges.map((c: any) => c.textDocument.version); }).flat();

      const v1 = await actionsAt(diag.range, [diag]);
      assert.ok(v1.some((a: any) => a.edit), 'a quick fix');
      assert.deepEqual([...new Set(versionsOf(v1))], [1]);
      const all1 = await actionsAt(diag.range, [], ['source.fixAll.nianbao']);
      assert.deepEqual(versionsOf(all1), [1]);

      // Version 2: a line inserted above the cell. The edit computed for version 1 must not be applied to it…
      const p2 = client.diagnostics(uri, (_, q) => q.version === 2);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '（草稿）\n' }] });
      // …and one requested now, even before the diagnostics of version 2 arrive, is computed on version 2.
      const shifted = { start: { line: diag.range.start.line + 1, character: diag.range.start.character }, end: { line: diag.range.end.line + 1, character: diag.range.end.character } };
      const v2 = await actionsAt(shifted, []);
      assert.deepEqual([...new Set(versionsOf(v2))], [2], 'actions after the change carry version 2');
      const text2 = '（草稿）\n' + text;
      const fix = v2.find((a: any) => a.edit && a.isPreferred) ?? v2.find((a: any) => a.edit);
      const fixed = applyEdits(text2, fix.edit.documentChanges[0].edits);
      const changed = fixed.length - text2.length;
      const at = '（草稿）\n'.length + cell.start;
      assert.equal(fixed.slice(0, at), text2.slice(0, at), 'nothing before the cell changes');
      assert.equal(fixed.slice(at + (cell.end - cell.start) + changed), text2.slice(at + (cell.end - cell.start)), 'nothing after the cell changes');
      assert.ok(/^\d+$/.test(fixed.slice(at, cell.end - cell.start + at + changed)), 'only the figure');
      await p2;

      // The fix-all command sends the client a versioned workspace edit, for the current version.
      const applied: any[] = [];
      client.conn.onRequest('workspace/applyEdit', (p: any) => { applied.push(p); return { applied: false, failureReason: 'test' }; });
      const command = commands.find(c => /fixAllTotals$/.test(c));
      assert.ok(command, `the server offers a fix-all command: ${commands.join(', ')}`);
      const r = await client.request('workspace/executeCommand', { command, arguments: [uri] });
      assert.equal(applied.length, 1);
      assert.equal(applied[0].edit.documentChanges[0].textDocument.version, 2);
      assert.equal(r.applied, false, 'the client said no');
    });

    it('a fix-all offered on version N and resolved (codeAction/resolve) after N+1 carries no edit for N+1', async () => {
      const uri = 'file:///versions/lazy.nianbao';
      // Two wrong figures in one report, so that "fix all totals in this report" is offered.
      const text0 = seed('002');
      const cells = ReportDocument.parse(text0).reports()[0].report.cells;
      const bump = ['requests.new.natural', 'requests.carried.business'].map(k => cells.get(k)!).sort((a, b) => b.start - a.start);
      let text = text0;
      for (const c of bump) text = text.slice(0, c.start) + String(Number(c.value) + 1) + text.slice(c.end);
      const open = client.diagnostics(uri, (_, q) => q.version === 1);
      await client.open(uri, text, 'nianbao', 1);
      const errors = (await open).diagnostics.filter(d => d.severity === 1);
      assert.ok(errors.length >= 2, `two errors: ${errors.map(d => d.message).join(' | ')}`);
      const range = { start: errors[0].range.start, end: errors[errors.length - 1].range.end };
      const offered = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: errors } });
      const lazy = offered.filter((a: any) => !a.edit && !a.command);
      const eager = offered.filter((a: any) => a.edit);
      assert.ok(eager.length + lazy.length >= 2, `quick fixes offered: ${offered.map((a: any) => a.title).join(' | ')}`);
      for (const a of eager) assert.deepEqual(a.edit.documentChanges.map((c: any) => c.textDocument.version), [1]);
      // Resolved while still on version 1: an edit for version 1.
      for (const a of lazy) {
        const r = await client.request('codeAction/resolve', a);
        assert.ok(r.edit, `${a.title}: resolved to an edit`);
        assert.deepEqual(r.edit.documentChanges.map((c: any) => c.textDocument.version), [1]);
      }
      // Version 2: the same actions resolved now must not produce an edit that a client would apply to version 2.
      const p2 = client.diagnostics(uri, (_, q) => q.version === 2);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '（草稿）\n' }] });
      await p2;
      for (const a of lazy) {
        const r = await client.request('codeAction/resolve', a);
        const versions = r.edit ? r.edit.documentChanges.map((c: any) => c.textDocument.version) : [];
        assert.ok(!versions.includes(2) && !r.edit?.changes, `${a.title}, offered on version 1, resolved on version 2: ${JSON.stringify(r.edit)?.slice(0, 200)}`);
      }
    });

    /**
     * 1,000 edits a second for NIANBAO_STORM_SECONDS (default 3; the figure is 30) on a
     * 20-report compilation. `heavy`: the figures typed are anything, so the document has hundreds
     * of findings to publish; otherwise a few errors come and go.
     */
    async function storm(this: Mocha.Context, heavy: boolean) {
      const seconds = Number(process.env.NIANBAO_STORM_SECONDS ?? 3);
      this.timeout(60000 + seconds * 5000);
      const uri = `file:///storm/${heavy ? 'heavy' : 'light'}.nianbao`;
      const one = seed('002').replace(/\n*$/, '\n');
      const reports = 20;
      let text = one.repeat(reports);
      const perLines = one.split('\n').length - 1;
      const starts = lineStarts(text);
      const at = (offset: number): Pos => {
        let lo = 0, hi = starts.length - 1;
        while (lo < hi) { const m = (lo + hi + 1) >> 1; if (starts[m] <= offset) lo = m; else hi = m - 1; }
        return { line: lo, character: offset - starts[lo] };
      };
      // Single-character figures: typing over them keeps every position stable. A few per report are
      // typed over, with their own figure or one more, so a handful of errors come and go.
      const cells = [...ReportDocument.parse(one).reports()[0].report.cells.values()]
        .filter(c => c.kind === 'number' && c.end - c.start === 1 && (heavy || c.key.startsWith('requests.'))).slice(0, heavy ? undefined : 12);
      const open = client.diagnostics(uri, (_, q) => q.version === 1);
      await client.open(uri, text);
      await open;
      const pid = client.proc.pid!;
      await sleep(500);
      const baseline = rssOf(pid);
      const samples: number[] = [];
      let version = 1, sent = 0;
      let seedState = 12345;
      const rnd = (n: number) => { seedState = (seedState * 1103515245 + 12345) & 0x7fffffff; return seedState % n; };
      const started = Date.now();
      const sampler = setInterval(() => {
        const r = rssOf(pid);
        if (r) samples.push(r);
        // Keep the test's own memory small: only the recent publications matter.
        if (client.published.length > 200) client.published.splice(0, client.published.length - 50);
      }, 100);
      let stormEnd = 0;
      try {
        // 1,000 edits a second, sent every few milliseconds. Each edit types over a figure, or types a
        // character at the start of a line and deletes it again in the same change (as a user does).
        while (Date.now() - started < seconds * 1000) {
          const due = Math.min(seconds * 1000, Date.now() - started) - sent;
          for (let k = 0; k < due; k++) {
            let changes: Change[];
            if (rnd(5) === 0) {
              const pos = { line: rnd(perLines) + rnd(reports) * perLines, character: 0 };
              changes = [{ range: { start: pos, end: pos }, text: '字' }, { range: { start: pos, end: { line: pos.line, character: 1 } }, text: '' }];
            } else {
              const c = cells[rnd(cells.length)];
              const off = rnd(reports) * one.length + c.start;
              const p = at(off), digit = String(heavy ? rnd(10) : (Number(c.value) + rnd(2)) % 10);
              changes = [{ range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: digit }];
              text = text.slice(0, off) + digit + text.slice(off + 1);
            }
            version++; sent++;
            void client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
          }
          await sleep(5);
        }
        stormEnd = Date.now();
        let got: PublishDiagnosticsParams | null = null;
        // The last version may have been published already, during the storm's last pause (checked and
        // then waited for in the same turn of the event loop: nothing can arrive in between).
        const early = client.published.find(p => p.uri === uri && p.version === version);
        try { got = early ?? await client.diagnostics(uri, (_, q) => q.version === version, 10000); } catch { got = null; }
        const lag = (Date.now() - stormEnd) / 1000;
        clearInterval(sampler);
        const after = rssOf(pid);
        const rate = sent / ((stormEnd - started) / 1000);
        const peak = Math.max(...samples, after ?? 0);
        const reached = Math.max(0, ...client.published.filter(p => p.uri === uri).map(p => p.version ?? 0));
        console.log(`      edit storm: ${sent} edits in ${seconds} s (${rate.toFixed(0)}/s); server RSS ${baseline ? mb(baseline) : '?'} before, peak ${mb(peak)}, ${after ? mb(after) : '?'} after; `
          + (got ? `last version published ${lag.toFixed(1)} s after the storm` : `last version NOT published within 10 s (published up to version ${reached} of ${version})`));
        assert.ok(sent >= seconds * 950, `only ${sent} edits sent`);
        if (baseline && samples.length > 6) {
          // Flat: the second half of the storm holds no more than the first half (plus slack for the GC's
          // rhythm). Compared by their medians: one major collection put off past the middle is a spike
          // of the second half's maximum, not a trend; a leak raises the whole second half.
          const half = Math.floor(samples.length / 2);
          const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
          const first = median(samples.slice(0, half)), second = median(samples.slice(half));
          assert.ok(second - first < 64 * 1024 * 1024, `RSS grew from ${mb(first)} (first half) to ${mb(second)} (second half)`);
          assert.ok(peak - baseline < 256 * 1024 * 1024, `RSS peaked at ${mb(peak)}, ${mb(peak - baseline)} over the ${mb(baseline)} before the storm`);
        }
        assert.ok(got, `10 s after the storm the server has published only up to version ${reached} of ${version}: it checks every edit instead of folding a burst into one check, so it falls ever further behind`);
        assert.deepEqual(essence(got.diagnostics), essence(await freshDiagnostics(client, text, 'storm')), 'the last version’s diagnostics are those of its text');
      } finally { clearInterval(sampler); }
    }

    it('stays flat in memory under 1,000 edits per second, and publishes the last version, right, soon after', async function () {
      await storm.call(this, false);
    });

    it('keeps up under 1,000 edits per second in a document with hundreds of findings (a burst is folded into one check)', async function () {
      await storm.call(this, true);
    });

    it('checks 100 keystrokes that reach it together once, and publishes the last version, right', async () => {
      const uri = 'file:///burst/typing.nianbao';
      const text = seed('002');
      const open = client.diagnostics(uri, (_, q) => q.version === 1);
      await client.open(uri, text);
      await open;
      // Typed into the overview paragraph (line 8) while the server was busy: one write to its stdin.
      const frames: Buffer[] = [];
      let now = text, version = 1;
      for (let i = 0; i < 100; i++) {
        version++;
        const p = { line: 7, character: i };
        const change = { range: { start: p, end: p }, text: '年度报告信息公开政务'[i % 10] };
        now = applyChanges(now, [change]);
        frames.push(RawServer.frame({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [change] } }));
      }
      client.proc.stdin!.write(Buffer.concat(frames));
      const last = await client.diagnostics(uri, (_, q) => q.version === version);
      await sleep(300);
      const checks = client.published.filter(p => p.uri === uri && (p.version ?? 0) > 1).map(p => p.version);
      assert.ok(checks.length <= 2, `${checks.length} checks (versions ${checks.join(', ')}) for 100 queued keystrokes: at most one may be queued behind a running one`);
      assert.deepEqual(essence(last.diagnostics), essence(await freshDiagnostics(client, now, 'typing')), 'the last version’s diagnostics are those of its text');
    });

    it('says it skipped a document over nianbao.maxFileSize, and checks it once it is back under', async () => {
      client.settings = { maxFileSize: 0.02 }; // MB: 20972 bytes, more than seed 002, less than five of it
      await client.notify('workspace/didChangeConfiguration', { settings: {} });
      await sleep(200);
      const uri = 'file:///size/big.nianbao';
      const text = seed('002').repeat(5);
      const p = client.diagnostics(uri, (_, q) => q.version === 1);
      await client.open(uri, text);
      const skipped = (await p).diagnostics;
      assert.equal(skipped.length, 1);
      assert.match(String(skipped[0].message), /20972|maxFileSize/);
      const small = seed('002');
      const q = client.diagnostics(uri, (_, x) => x.version === 2);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: small }] });
      assert.deepEqual(essence((await q).diagnostics), essence(await freshDiagnostics(client, small, 'size')));
    });
  });
});

