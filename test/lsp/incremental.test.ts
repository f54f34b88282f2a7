import { strict as assert } from 'node:assert';
import { TestClient } from '../support/lspClient';
import { seed } from '../support/fixtures';
import { ReportDocument } from '../../core/src';

describe('incremental checking in a 200-report compilation', function () {
  this.timeout(60000);
  it('an edit in one report is re-checked (error appears, then clears) with the version it belongs to', async () => {
    const one = seed('002').replace(/\n*$/, '\n');
    const per = one.split('\n').length - 1;
    const text = one.repeat(200);
    const c = ReportDocument.parse(one).reports()[0].report.cells.get('requests.granted.natural')!;
    const before = one.slice(0, c.start);
    const line0 = before.split('\n').length - 1, ch = c.start - (before.lastIndexOf('\n') + 1);
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = 'file:///test/compilation.txt';
      const open = client.diagnostics(uri);
      await client.open(uri, text);
      assert.ok(!(await open).diagnostics.some(d => d.severity === 1), 'a clean compilation');
      const line = 150 * per + line0;
      const broken = client.diagnostics(uri, (d, p) => p.version === 2 && d.some(x => x.severity === 1 && x.range.start.line >= 150 * per && x.range.start.line < 151 * per));
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line, character: ch }, end: { line, character: ch + 1 } }, text: '8' }] });
      const b = await broken;
      assert.equal(b.diagnostics.filter(d => d.severity === 1).length, 1, 'one located error, not four');
      const fixed = client.diagnostics(uri, (d, p) => p.version === 3 && !d.some(x => x.severity === 1));
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line, character: ch }, end: { line, character: ch + 1 } }, text: '7' }] });
      await fixed;
    } finally { await client.close(); }
  });
});
