import { strict as assert } from 'node:assert';
import { TestClient } from '../support/lspClient';
import { grantedTotalAs9 } from '../support/fixtures';

const CJK = /[\u4e00-\u9fff]/;

/** Seed 002 with 予以公开·总计 changed from 7 to 9. */
const broken = () => grantedTotalAs9().bad;

describe('setting nianbao.messageLanguage (language server)', function () {
  this.timeout(30000);
  let client: TestClient;
  beforeEach(async () => { client = new TestClient(); });
  afterEach(async () => { await client.close(); });

  it('en in a Chinese editor gives English messages, zh-CN in an English one Chinese, auto follows the editor again', async () => {
    client.settings = { messageLanguage: 'en' };
    await client.initialize('zh-cn');
    const uri = 'file:///lang/report.txt';
    const first = await (async () => { const p = client.diagnostics(uri, d => d.length > 0); await client.open(uri, broken()); return p; })();
    const msg = (p: { diagnostics: { code?: unknown; message: unknown }[] }) => String(p.diagnostics.find(d => d.code === 'row-sum' || d.code === 'column-sum')!.message);
    // The message (before the formula, which holds the cell's Chinese label) reads in English.
    assert.match(msg(first).split('\n')[0], /should be 7/);
    assert.doesNotMatch(msg(first).split('\n')[0].replace(/（[^）]*）|\([^)]*\)/g, ''), /应为/);

    client.settings = { messageLanguage: 'auto' };
    const again = client.diagnostics(uri, d => d.some(x => CJK.test(String(x.message).split('\n')[0]) && /应为|表中/.test(String(x.message))));
    await client.notify('workspace/didChangeConfiguration', { settings: {} });
    assert.match(msg(await again), /7/);
  });

  it('zh-CN in an English editor gives Chinese messages', async () => {
    client.settings = { messageLanguage: 'zh-CN' };
    await client.initialize('en');
    const uri = 'file:///lang/report-zh.txt';
    const p = client.diagnostics(uri, d => d.length > 0);
    await client.open(uri, broken());
    const m = String((await p).diagnostics.find(d => d.code === 'row-sum' || d.code === 'column-sum')!.message);
    assert.match(m, /应为 7/);
  });
});
