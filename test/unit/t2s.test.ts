import { strict as assert } from 'node:assert';
import { T2S_PAIRS } from '../../core/src/text/t2sTable';
import { simplifiedCode } from '../../core/src/text/t2s';
import { normalize } from '../../core/src/text/normalize';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { t2sModule, t2sPairs } = require('../../scripts/gen-t2s.js') as { t2sModule(): string; t2sPairs(): [string, string][] };
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seed } from '../support/fixtures';

describe('traditional → simplified table', () => {
  it('is what OpenCC makes of its dictionary today (regenerate with node scripts/gen-t2s.js)', () => {
    const file = readFileSync(path.join(__dirname, '..', '..', 'core', 'src', 'text', 't2sTable.ts'), 'utf8');
    assert.equal(file, t2sModule());
    const pairs = t2sPairs();
    assert.equal(T2S_PAIRS.length, 2 * pairs.length);
    for (const [t, s] of pairs) assert.equal(simplifiedCode(t.charCodeAt(0)), s.charCodeAt(0), t);
  });

  it('folds the traditional labels of seed 002 (pinyin glosses and all) to the simplified ones', () => {
    const lines = seed('002').split(/\r?\n/);
    // Lines 94, 98 and 104 of the published report, as it was mirrored.
    assert.equal(lines[93], '三、收到和處理政府信息公開申請(qǐng)情況');
    assert.equal(normalize(lines[93]).text, '三、收到和处理政府信息公开申请情况');
    assert.equal(normalize(lines[97]).text, '申请人情况');
    assert.equal(normalize(lines[103]).text, '总计');
    assert.equal(simplifiedCode('乾'.charCodeAt(0)), '干'.charCodeAt(0), 'one-to-one changes outside the labels too');
    assert.equal(simplifiedCode('公'.charCodeAt(0)), '公'.charCodeAt(0), 'characters without a simplified form stay');
  });
});
