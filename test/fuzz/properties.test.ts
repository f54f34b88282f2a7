import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as core from '../../core/src';
import type { Failure, Stats } from './engine.mjs';

/**
 * The small, in-suite version of `npm run fuzz`: the hostile inputs of issue 6 (without the 50 MB
 * file) and a few thousand fast-check cases over the real reports, on the core sources. One test
 * per property, so that a failure names what broke; each lists its minimal repros.
 */
const CASES = Number(process.env.NIANBAO_FUZZ_CASES ?? 3000);
/** The built core, which the memory check's child processes load (`npm test` builds it first). */
const DIST = path.join(__dirname, '..', '..', 'dist', 'core.js');

function show(fs: Failure[]): string {
  return fs.map(f => [
    `[${f.property}] ${f.kind}: ${f.message}`,
    `  from ${f.origin}${f.originalLength ? ` (minimised from ${f.originalLength} characters)` : ''}`,
    f.text !== undefined ? `  text (${f.text.length} characters): ${JSON.stringify(f.text.length <= 600 ? f.text : `${f.text.slice(0, 600)}…`)}` : '',
    f.edits ? `  edits: ${JSON.stringify(f.edits).slice(0, 300)}` : '',
    f.stack ? `  ${f.stack.split('\n').slice(0, 4).join('\n  ')}` : '',
  ].filter(Boolean).join('\n')).join('\n');
}

describe('fuzz: properties of the core on hostile and mutated reports', function () {
  this.timeout(600000);
  let stats: Stats;
  let hostileShapes: string[] = [];
  let failures: Failure[] = [];

  before(async () => {
    const { fuzz } = await import('./engine.mjs');
    hostileShapes = (await import('./scaled.mjs')).SHAPES.map(s => s.name);
    assert.ok(existsSync(DIST), `${DIST} is missing: run node esbuild.mjs`);
    ({ stats, failures } = fuzz(core, { cases: CASES, seed: 20240601, big: false, rss: DIST }));
  });

  const of = (...properties: string[]) => failures.filter(f => properties.includes(f.property));

  it(`runs the hostile inputs and ${CASES} random cases`, () => {
    assert.ok(stats.hostile >= 80, `${stats.hostile} hostile inputs`);
    assert.ok(stats.cases - stats.hostile >= CASES, `${stats.cases - stats.hostile} random cases`);
  });
  it('never throws (parse, JSON, fix-all, incremental update)', () => { const f = of('no-throw'); assert.equal(f.length, 0, show(f)); });
  it('takes bounded time per KB, growing linearly with the input', () => { const f = of('time'); assert.equal(f.length, 0, show(f)); });
  it('takes time and memory linear in the input on the HTML shapes that grew faster (n against 4n)', () => {
    assert.deepEqual(stats.scaled.map(x => x.name).sort(), hostileShapes.sort());
    for (const x of stats.scaled) assert.ok(x.rss4n !== undefined && x.rss4n > 0, `${x.name}: memory measured`);
    const f = of('memory'); assert.equal(f.length, 0, show(f));
  });
  it('puts every range inside the document (never past a line end, never between \\r and \\n)', () => { const f = of('ranges'); assert.equal(f.length, 0, show(f)); });
  it('gives the same result incrementally as a full parse', () => { const f = of('incremental'); assert.equal(f.length, 0, show(f)); });
  it('fix edits change only the figure of their target cell', () => { const f = of('fix-digits'); assert.equal(f.length, 0, show(f)); });
  it('fix-all is idempotent', () => { const f = of('fix-idempotent'); assert.equal(f.length, 0, show(f)); });
  it('fix-all leaves no arithmetic error where every relation had a located fix', () => { const f = of('fix-arithmetic'); assert.equal(f.length, 0, show(f)); });
  it('reads figures exactly (30 digits) and decodes bytes (binary, GBK, UTF-16) as promised', () => { const f = of('arithmetic', 'decode', 'not-silent'); assert.equal(f.length, 0, show(f)); });
});

/**
 * The bugs the fuzzer found, as minimal inputs (each one fails while its bug is there). The texts
 * are the fuzzer's minimised repros, or written by hand after them.
 */
describe('fuzz: minimal repros of what it found', () => {
  let checkCase: typeof import('./properties.mjs').checkCase;
  before(async () => { ({ checkCase } = await import('./properties.mjs')); });
  const violations = (text: string) => checkCase(core, { text }, { timing: false }).violations.map(v => `[${v.property}] ${v.kind}: ${v.message}`);

  const X = '123456789012345678901234567890';
  const table = (newRow: string, total: string) =>
    `本年新收政府信息公开申请数量 ${newRow}\n上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n总计 ${total}\n结转下年度继续办理 0 0 0 0 0 0 0\n`;
  const arithmetic = (text: string) => core.ReportDocument.parse(text).reports()[0].findings.filter(f => ['row-sum', 'column-sum', 'balance', 'appeals-sum'].includes(f.code));

  it('30-digit figures: the value a wrong cell should hold is exact (decimal.js rounds to 20 digits)', () => {
    // 自然人 = X, every other cell 0: 自然人 should be 0 — not X minus X rounded to 20 significant digits.
    const f = arithmetic(table(`${X} 0 0 0 0 0 0`, '0 0 0 0 0 0 0'));
    assert.ok(f.length > 0, 'an arithmetic finding');
    assert.deepEqual(f.map(x => x.expected), f.map(() => '0'), f.map(x => x.message.zh).join('\n'));
  });

  it('30-digit figures: a total off by one in the 30th digit is reported', () => {
    const Y = '123456789012345678901234567891';
    const f = arithmetic(table(`${X} 0 0 0 0 0 ${Y}`, `${X} 0 0 0 0 0 ${X}`));
    assert.ok(f.some(x => x.code === 'row-sum' && x.expected === X), `row total ${Y} ≠ ${X}: ${f.map(x => x.message.zh).join(' | ') || 'no arithmetic finding'}`);
  });

  it('fix-all on an HTML page settles as it does on plain text (idempotent)', () => {
    const plain = '本年新收政府信息公开申请数量2999999上年结转政府信息公开申请数量0000000总计3000000结转下年度继续办理0000000';
    assert.deepEqual(violations(plain), [], 'plain text: fine');
    assert.deepEqual(violations(`<p>${plain}`), [], 'the same as an HTML page');
  });

  it('HTML cut off inside a tag: a fix fills the last cell where its content ends, not inside the unfinished tag', () => {
    // The page ends in `<p ` (a tag the tokenizer drops): writing at the very end would put the figure into it.
    assert.deepEqual(violations('<table><td>本年新收政府信息公开申请数量<td><td><td><td><td><td>1 <td>\r <p '), []);
    assert.deepEqual(violations('收到和处理政府信息公开申<table><td>没有现成信息需要另行制作9<td><td><td><td><td><td ><spa'), []);
  });

  it('fix-all never writes a multi-digit figure into a row read digit by digit (a report cut off mid-row)', () => {
    // The last row, cut off by the end of the excerpt (`总计12 0 0 0 0 0`), is read as 1, 2, 0, 0, 0, 0, 0;
    // fix-all then writes 0 and 11 into it: `10 0 0 0 0 11` no longer splits into seven cells.
    const text = '本年新收政府信息公开申请数量予以公开4000004部分公开属于国家秘密0000000其他法律行政法规禁止公开0000000危及三安全一稳定0000000保护第三方合法权益0000000属于三类内部事务信息0000000属于四类过程性信息0000000属于行政执法案卷0000000属于行政查询事项0000000本机关不掌握相关政府信息0000000没有现成信息需要另行制作00000 0 03.补正后申请内容仍不明确3 0 0 0 0 03信访举报投诉类申请 0 0 0 0 0 0 02.重复申请2 0 0 0 0 023.要求提供公开出版物 0 0 0 0 0 0 0无正当理由大量反复申请 0 0 0 0 0 0 05.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0其他处理2 0 0 0 0 02（总计12 0 0 0 0 0';
    assert.deepEqual(violations(text), []);
  });

  it('no fix into a blank cell that an empty line stands for (the web-page layout of seed 002, its lines shuffled)', () => {
    // 1.本機關不掌握… reads `\n\n\n\n0\n\n0\n0\n0\n7`: two of its empty lines are blank cells. Writing 7 on the
    // first of them, as its row sum asks, leaves six figures and too few empty lines: the row no longer reads.
    const text = "一、本年新收政府信息公開申請(qǐng)數(shù)量\n27\n0\n0\n0\n0\n0\n1\n(一)予以公開\n7\n0\n0\n0\n0\n0\n7\n(二)部分公開(區(qū)分處理的,只計(jì)這一情形,不計(jì)其他情形)\n3\n0\n0\n0\n0\n0\n3\n1.屬于國家秘密\n1\n0\n0\n0\n0\n0\n1\n2.其他法律行政法規(guī)禁止公開\n0\n0\n0\n0\n0\n0\n0\n3.危及“三安全一穩(wěn)定”\n0\n0\n0\n0\n0\n0\n0\n4.保護(hù)第三方合法權(quán)益\n8\n0\n\n0\n\n0\n\n0\n\n0\n\n8\n\n5.屬于三類內(nèi)部事務(wù)信息\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n6.屬于四類過程性信息\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n\n7.屬于行政執(zhí)法案卷\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n8.屬于行政查詢事項(xiàng)\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n0\n\n1.本機(jī)關(guān)不掌握相關(guān)政府信息\n\n\n\n0\n\n0\n0\n0\n7\n\n2.沒有現(xiàn)成信息需要另行制作\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n3.補(bǔ)正后申請(qǐng)內(nèi)容仍不明確\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1.信訪舉報(bào)投訴類申請(qǐng)\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n2.重復(fù)申請(qǐng)\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n3.要求提供公開出版物\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n4.無正當(dāng)理由大量反復(fù)申請(qǐng)\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n5.要求行政機(jī)關(guān)確認(rèn)或重新出具已獲取信息\n\n1.申請(qǐng)人無正當(dāng)理由逾期不補(bǔ)正、行政機(jī)關(guān)不再處理其政府信息公開申請(qǐng)\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n2.申請(qǐng)人逾期未按收費(fèi)通知要求繳納費(fèi)用、行政機(jī)關(guān)不再處理其政府信息公開申請(qǐng)\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n3.其他\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n(七)總計(jì)\n\n27\n\n0\n\n0\n\n0\n\n0\n\n0\n\n27\n";
    const unable = core.ReportDocument.parse(text).reports()[0].findings.find(f => f.code === 'row-sum' && f.cells[0] === 'requests.unable1.natural');
    assert.equal(unable?.expected, '7', 'the row sum still names the value');
    assert.equal(unable?.fix, undefined, 'but offers no edit');
    assert.deepEqual(violations(text), []);
  });
});
