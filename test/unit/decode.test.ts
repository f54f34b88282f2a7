import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { decodeBytes } from '../../core/src';
import { nodeUtf8 } from '../../cli/src/utf8';
import { fixturePath, seed } from '../support/fixtures';

describe('decodeBytes: UTF-8, text or binary', () => {
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

  it("the CLI's UTF-8 decoder gives what a fatal TextDecoder gives: every fixture, and 20,000 random byte strings", () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const reference = (b: Uint8Array): string | null => { try { return fatal.decode(b); } catch { return null; } };
    const samples: Uint8Array[] = [];
    for (const sub of ['seeds', 'real', 'encodings']) for (const f of readdirSync(fixturePath(sub))) samples.push(readFileSync(fixturePath(sub, f)));
    // Random strings from pieces that are valid, invalid and borderline UTF-8: overlong forms, encoded
    // surrogates, the last code point and one past it, truncated sequences, stray continuation bytes,
    // NUL, a BOM in the middle, noncharacters, C1 controls, ASCII and CJK.
    const pieces = [[0x41], [0x00], [0x0a], [0xe4, 0xb8, 0xad], [0xe5, 0xb9, 0xb4], [0xef, 0xbb, 0xbf], [0xf0, 0x9f, 0x98, 0x80], [0xf4, 0x8f, 0xbf, 0xbf],
      [0xf4, 0x90, 0x80, 0x80], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0x80], [0xbf], [0xe4, 0xb8], [0xf0, 0x9f], [0xff], [0xc2, 0xa0], [0xdf, 0xbf],
      // Noncharacters (U+FFFE, U+FFFF, U+FDD0, U+10FFFE) and C1 controls (U+0080, U+0085): valid, and kept as they are.
      [0xef, 0xbf, 0xbe], [0xef, 0xbf, 0xbf], [0xef, 0xb7, 0x90], [0xf4, 0x8f, 0xbf, 0xbe], [0xc2, 0x80], [0xc2, 0x85]];
    let state = 7;
    const rnd = (n: number) => { state = (state * 1103515245 + 12345) & 0x7fffffff; return state % n; };
    for (let i = 0; i < 20000; i++) {
      const bytes: number[] = [];
      for (let k = rnd(12); k > 0; k--) bytes.push(...pieces[rnd(pieces.length)]);
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes.unshift(0x41); // decodeBytes takes a leading BOM apart
      samples.push(Uint8Array.from(bytes));
    }
    assert.ok(nodeUtf8, 'this Node has buffer.isUtf8 and buffer.transcode');
    let valid = 0;
    for (const b of samples) {
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) continue;
      const want = reference(b);
      assert.equal(nodeUtf8(b), want, `bytes ${Buffer.from(b).toString('hex')}`);
      if (want !== null) valid++;
      assert.deepEqual(decodeBytes(b, nodeUtf8), decodeBytes(b), `decodeBytes of ${Buffer.from(b).toString('hex')}`);
    }
    assert.ok(valid > 2000 && valid < samples.length - 2000, `${valid} of ${samples.length} valid: both kinds well represented`);
  });
});
