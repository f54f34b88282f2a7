import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../support/lspClient';
import { grantedTotalAs9 } from '../support/fixtures';

/** Seed 002 with 予以公开·总计 changed from 7 to 9: one row-sum error. */
const broken = () => grantedTotalAs9().bad;
const rowSum = (ds: { code?: unknown; severity?: number }[]) => ds.filter(d => d.code === 'row-sum').map(d => d.severity);

describe('language server: the project configuration under the editor\'s settings', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(async () => { client = new TestClient(); });
  afterEach(async () => { await client.close(); });

  it('.nianbaorc.json in the report\'s folder sets a rule\'s severity; nianbao.severity overrides it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-lsp-config-'));
    writeFileSync(path.join(dir, '.nianbaorc.json'), JSON.stringify({ rules: { 'row-sum': 'information' } }));
    const uri = pathToFileURL(path.join(dir, 'report.txt')).toString();
    await client.initialize('zh-cn');
    const first = client.diagnostics(uri, d => d.some(x => x.code === 'row-sum'));
    await client.open(uri, broken());
    assert.deepEqual(rowSum((await first).diagnostics), [3], 'information, from the project configuration');

    const other = new TestClient();
    try {
      // The editor's nianbao.severity (asked of the client by workspace/configuration).
      other.settings = { severity: { 'row-sum': 'warning' } };
      await other.initialize('zh-cn');
      const p = other.diagnostics(uri, d => d.some(x => x.code === 'row-sum'));
      await other.open(uri, broken());
      assert.deepEqual(rowSum((await p).diagnostics), [2], 'warning: the editor setting wins');
    } finally {
      await other.close();
    }
  });
});
