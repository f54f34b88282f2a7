import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from '../support/lspClient';
import { fixturePath, grantedTotalAs9 } from '../support/fixtures';

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

describe('language server: the shared conventions fixture', function () {
  this.timeout(30000);
  const dir = fixturePath('conventions');
  const expected: string[] = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')).findings;
  const SEVERITY = ['', 'error', 'warning', 'information', 'hint'];
  const found = (ds: { code?: unknown; severity?: number; range: { start: { line: number } } }[]) => ds.map(d => `${d.code}@${d.range.start.line + 1}:${SEVERITY[d.severity!]}`);
  let client: TestClient;
  beforeEach(async () => { client = new TestClient(); });
  afterEach(async () => { await client.close(); });

  it('honours its .nianbaorc.json and inline disable comments as expected.json says, open or checked with the workspace', async () => {
    const file = path.join(dir, 'report.md');
    const uri = pathToFileURL(file).toString();
    await client.initialize('zh-cn', pathToFileURL(dir).toString());
    const checked = client.diagnostics(uri);
    await client.request('workspace/executeCommand', { command: 'nianbao.server.checkWorkspace', arguments: [] });
    assert.deepEqual(found((await checked).diagnostics), expected, 'the workspace check');
    const opened = client.diagnostics(uri, (_, p) => p.version === 1);
    await client.open(uri, readFileSync(file, 'utf8'), 'markdown');
    assert.deepEqual(found((await opened).diagnostics), expected, 'the open document');
  });
});
