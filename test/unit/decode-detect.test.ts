import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeBytes } from '../../core/src';
import { nodeUtf8 } from '../../cli/src/utf8';
import { fixturePath, SEEDS, seed } from '../support/fixtures';

const utf16 = (text: string, order: 'le' | 'be'): Buffer => {
  const b = Buffer.from(text, 'utf16le');
  return order === 'le' ? b : b.swap16();
};
/** The seed with every ASCII character taken out: in UTF-16 only a character like 一 (U+4E00) has a zero byte. */
const dense = (text: string) => text.replace(/[\x00-\x7f]/g, '');

describe('decodeBytes: encodings without a byte-order mark', () => {
  it('the encoding fixtures: GB18030 guessed, the BOMs obeyed, the seeds UTF-8', () => {
    for (const dir of [fixturePath('encodings')]) {
      let seen = 0;
      for (const f of readdirSync(dir)) {
        const d = decodeBytes(readFileSync(path.join(dir, f)), nodeUtf8);
        const want = f.includes('gb18030') ? ['gb18030', true] : f.includes('utf16le') ? ['utf-16le', false] : ['utf-8-bom', false];
        assert.deepEqual([d.encoding, d.guessed], want, `${dir}/${f}`);
        assert.match(d.text, /政府信息公开/);
        seen++;
      }
      assert.equal(seen, 3, dir);
    }
    for (const f of SEEDS) assert.deepEqual([decodeBytes(readFileSync(fixturePath('seeds', f)), nodeUtf8).encoding], ['utf-8'], f);
  });

  it('UTF-16LE and UTF-16BE without a BOM, with ASCII and dense Chinese (hardly a zero byte): every seed, read back exactly', () => {
    for (const f of SEEDS) {
      const text = readFileSync(fixturePath('seeds', f), 'utf8');
      for (const t of [text, dense(text)]) {
        for (const order of ['le', 'be'] as const) {
          const bytes = utf16(t, order);
          if (t !== text) assert.ok(bytes.filter(x => x === 0).length < bytes.length * 0.06, 'dense: at most 6% zero bytes (一 is 00 4E, pinyin ā 01 01), far from the 15% that ASCII in UTF-16 has');
          const d = decodeBytes(bytes, nodeUtf8);
          assert.equal(d.encoding, `utf-16${order}`, `${f} ${order} ${t === text ? 'with ASCII' : 'dense'}`);
          assert.equal(d.guessed, true);
          assert.equal(d.binary, false);
          assert.equal(d.text, t);
        }
      }
    }
  });

  it('a short GBK text whose bytes are also valid UTF-8 (一业要学时实平全前十) is GBK', () => {
    // The GBK bytes of 一业要学时实平全前十; as UTF-8 they read һҵҪѧʱʵƽȫǰʮ.
    const bytes = Buffer.from('d2bbd2b5d2aad1a7cab1cab5c6bdc8abc7b0caae', 'hex');
    assert.equal(nodeUtf8!(bytes), 'һҵҪѧʱʵƽȫǰʮ', 'valid UTF-8 indeed');
    const d = decodeBytes(bytes, nodeUtf8);
    assert.deepEqual([d.text, d.encoding, d.guessed], ['一业要学时实平全前十', 'gb18030', true]);
    // The same in a line of ASCII: still GBK.
    const line = Buffer.concat([Buffer.from('2023: '), bytes, Buffer.from('\n')]);
    assert.equal(decodeBytes(line, nodeUtf8).text, '2023: 一业要学时实平全前十\n');
  });

  it('UTF-8 that is also valid GBK stays UTF-8: Chinese, and text in one other alphabet (Russian, French, Greek, German)', () => {
    for (const s of ['一业要学时实平全前十', seed('001').slice(0, 30), 'Привет, мир', 'été à côté, «déjà»', 'Ελληνικά κείμενο', 'Straße über Größe']) {
      const d = decodeBytes(Buffer.from(s), nodeUtf8);
      assert.deepEqual([d.text, d.encoding, d.guessed], [s, 'utf-8', false], s);
    }
  });

  it('the GB18030 fixture is GBK read right: the same text as its UTF-8 seed', () => {
    const d = decodeBytes(readFileSync(fixturePath('encodings', '000-gb18030.txt')), nodeUtf8);
    assert.equal(d.text.replace(/\r\n/g, '\n'), seed('000').replace(/\r\n/g, '\n'));
  });
});
