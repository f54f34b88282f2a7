import { strict as assert } from 'node:assert';
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
