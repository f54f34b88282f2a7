import { strict as assert } from 'node:assert';
import { documentJson, documentJsonMembers, ReportDocument, writeDocumentJsonMembers } from '../../core/src';
import { Utf8Sink } from '../../cli/src/utf8Sink';
import { REAL, SEEDS, real, seed } from '../support/fixtures';

/** The CLI writes each file's JSON straight from the model: it must be exactly JSON.stringify over the model's objects. */
const written = (text: string, lang: 'en' | 'zh-CN') => `{${documentJsonMembers(ReportDocument.parse(text), lang)}}`;
const expected = (text: string, lang: 'en' | 'zh-CN') => JSON.stringify(documentJson(ReportDocument.parse(text), lang));
/** The CLI's bytes: ASCII runs copied a byte per character, the rest transcoded. */
const sink = new Utf8Sink();
const writtenBytes = (text: string, lang: 'en' | 'zh-CN') => { sink.ascii('{'); writeDocumentJsonMembers(ReportDocument.parse(text), lang, sink); sink.ascii('}'); return Buffer.from(sink.take()); };

describe('JSON written straight from the model', () => {
  const sets = { seeds: SEEDS.map(f => [f, seed(f.slice(0, 3))]), real: REAL.map(f => [f, real(f)]) };
  for (const [dir, files] of Object.entries(sets)) {
    it(`equals JSON.stringify for every report in test/fixtures/${dir}, in both languages`, () => {
      assert.ok(files.length >= 5);
      for (const [f, text] of files) {
        for (const lang of ['en', 'zh-CN'] as const) {
          assert.equal(written(text, lang), expected(text, lang), `${f} (${lang})`);
          assert.ok(writtenBytes(text, lang).equals(Buffer.from(expected(text, lang), 'utf8')), `${f} (${lang}) as UTF-8`);
        }
      }
    });
  }

  it('escapes what JSON.stringify escapes: quotes, backslashes, control characters, lone surrogates', () => {
    const text = seed(SEEDS[0].slice(0, 3));
    const cell = ReportDocument.parse(text).reports()[0].report.cells.get('requests.granted.natural')!;
    const hostile = text.slice(0, cell.start) + 'a"b\\c\u0001\ud800' + text.slice(cell.end);
    const out = written(hostile, 'en');
    assert.equal(out, expected(hostile, 'en'));
    assert.ok(writtenBytes(hostile, 'en').equals(Buffer.from(expected(hostile, 'en'), 'utf8')), 'as UTF-8');
    // Non-ASCII where the writer expects figures: a cell of full-width digits, a title with an emoji.
    const odd = text.slice(0, cell.start) + '１２é' + text.slice(cell.end);
    assert.ok(writtenBytes('😀' + odd, 'zh-CN').equals(Buffer.from(expected('😀' + odd, 'zh-CN'), 'utf8')), 'non-ASCII cells and titles as UTF-8');
    assert.ok(out.includes('"text":"a\\"b\\\\c\\u0001\\ud800"'), 'the invalid cell text is escaped');
  });
});
