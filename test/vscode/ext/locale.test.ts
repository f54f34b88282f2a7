// Second extension-host run, with code-server started as `--locale zh-cn` (plus a stub language
// pack, see test/vscode/lib/code-server.mjs, without which VS Code falls back to English): the
// language server must then write its messages in Chinese.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CJK, ENGLISH_WORD, brokenTotalMessage, revertAndClose } from './helpers';

export function defineLocaleTests(): void {
  describe('Nianbao in VS Code, locale zh-cn', () => {
    it('messages are Chinese when VS Code runs with locale zh-cn', async () => {
      assert.equal(vscode.env.language, 'zh-cn', 'this run\'s display language (code-server --locale zh-cn)');
      const { uri, msg } = await brokenTotalMessage('locale-zh-002.txt');
      assert.match(msg, CJK, `a Chinese message: "${msg}"`);
      assert.doesNotMatch(msg, ENGLISH_WORD, `no English words in the zh-cn message: "${msg}"`);
      await revertAndClose(uri);
    });
  });
}
