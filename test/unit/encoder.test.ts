import { strict as assert } from 'node:assert';
import { jsonEncoder } from '../../server/src/encoder';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ReportDocument } from '../../core/src';
import { toDiagnostics } from '../../server/src/diagnostics';
import { DEFAULTS } from '../../server/src/settings';
import { seed } from '../support/fixtures';

// The stdio encoder writes publications from cached per-diagnostic bytes: it must stay byte-equal
// to JSON.stringify, whatever the message holds and however often a diagnostic is reused.
describe('stdio JSON encoder', () => {
  const decode = (b: Uint8Array) => Buffer.from(b).toString('utf8');
  const diag = (i: number) => ({ range: { start: { line: i, character: 2 }, end: { line: i, character: 5 } }, severity: 1, code: 'row-sum', source: 'nianbao',
    message: `行合计不符 "引号" \\ \n第${i}行 \u2028 😀`, data: { cell: 'requests.new.total', expected: i % 2 ? null : '12.5' } });

  it('writes a publication exactly as JSON.stringify does, also when its diagnostics are reused', async () => {
    const shared = [diag(1), diag(2), diag(3)];
    for (const diagnostics of [shared, [...shared, diag(4)], shared.slice(1), []]) {
      for (const version of [7, undefined]) {
        const m = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///年报/a b.txt', ...(version === undefined ? {} : { version }), diagnostics } };
        assert.equal(decode(await jsonEncoder.encode(m, { charset: 'utf-8' })), JSON.stringify(m));
      }
    }
  });

  it('writes the real diagnostics of a seed, and other messages, unchanged', async () => {
    // Seed 004 (a 2019-format report) read as 2021 has errors, with formulas and related cells.
    const text = seed('004');
    const settings = { ...DEFAULTS, template: '2021' as const };
    const diagnostics = toDiagnostics(TextDocument.create('file:///x', 'nianbao', 1, text), ReportDocument.parse(text, { template: '2021' }), settings);
    assert.equal(diagnostics.length, 3);
    const pub = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///x', version: 3, diagnostics } };
    assert.equal(decode(await jsonEncoder.encode(pub, { charset: 'utf8' })), JSON.stringify(pub));
    const reply = { jsonrpc: '2.0', id: 4, result: { contents: { kind: 'markdown', value: '**总计** = 8 + 1 = 9' } } };
    assert.equal(decode(await jsonEncoder.encode(reply, { charset: 'utf-8' })), JSON.stringify(reply));
  });
});
