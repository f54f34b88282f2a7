// Second extension-host run, with code-server started as `--locale zh-cn` (plus a stub language
// pack, see test/vscode/lib/code-server.mjs, without which VS Code falls back to English): the
// language server must then write its messages in Chinese.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CJK, ENGLISH_WORD, brokenSeed002, cellError, openReport, revertAndClose, waitForDiagnostics, writeTemp } from './helpers';

export function defineLocaleTests(): void {
  describe('Nianbao in VS Code, locale zh-cn', () => {
    it('messages are Chinese when VS Code runs with locale zh-cn', async () => {
      assert.equal(vscode.env.language, 'zh-cn', 'this run\'s display language (code-server --locale zh-cn)');
      const { broken, cell } = brokenSeed002();
      const uri = writeTemp('locale-zh-002.txt', broken);
      await openReport(uri);
      const ds = await waitForDiagnostics(uri, d => !!cellError(d, cell), 'the broken-total error');
      const msg = cellError(ds, cell)!.message;
      console.log(`[nianbao-test]     message (${vscode.env.language}): ${msg}`);
      assert.match(msg, CJK, `a Chinese message: "${msg}"`);
      assert.doesNotMatch(msg, ENGLISH_WORD, `no English words in the zh-cn message: "${msg}"`);
      await revertAndClose(uri);
    });
  });
}
