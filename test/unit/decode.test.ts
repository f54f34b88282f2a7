import { strict as assert } from 'node:assert';
import { decodeBytes } from '../../core/src';
import { seed } from '../support/fixtures';

describe('decodeBytes: text or binary', () => {
  const text = seed('001');
  it('a real report is text; a few stray control characters (form feeds, a vertical tab, U+FFFD) leave it text', () => {
    assert.equal(decodeBytes(Buffer.from(text)).binary, false);
    const stray = text.slice(0, 100) + '\f\v\ufffd\u0001' + text.slice(100);
    const d = decodeBytes(Buffer.from(stray));
    assert.equal(d.binary, false);
    assert.equal(d.text, stray);
  });
  it('more than one character in ten of the first 8 KB NUL or control: binary', () => {
    const head = text.slice(0, 4000);
    const noisy = [...head].map((c, i) => (i % 8 === 0 ? '\u0000' : c)).join('') + text.slice(4000);
    assert.equal(decodeBytes(Buffer.from(noisy)).binary, true);
    // The same noise after the first 8,192 characters is not looked at (the seed three times over is longer).
    const late = text.repeat(3) + '\u0000'.repeat(2000);
    assert.equal(decodeBytes(Buffer.from(late)).binary, false);
  });
});
