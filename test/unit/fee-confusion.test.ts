import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { ReportDocument, type Finding } from '../../core/src';
import { fixturePath, seed } from '../support/fixtures';

/** fee-confusion (REPORT-FORMAT §5, relation 9) on the real corpus and on real reports with one sentence changed. */
const findings = (text: string): Finding[] => ReportDocument.parse(text).reports().flatMap(r => r.findings).filter(f => f.code === 'fee-confusion');
const file = (dir: string, name: string) => readFileSync(fixturePath(dir, name), 'utf8');

describe('fee-confusion: 行政事业性收费 is not the 信息处理费', () => {
  it('no finding anywhere in the corpus (seeds, real, real2, HTML twins included): none confuses them', () => {
    for (const dir of ['seeds', 'real', 'real2']) {
      for (const f of readdirSync(fixturePath(dir)).filter(f => /\.(txt|html)$/.test(f))) assert.deepEqual(findings(file(dir, f)), [], `${dir}/${f}`);
    }
  });

  it('the near misses: reports with 行政事业性收费 in the table whose text says no 信息处理费 was charged, all silent', () => {
    const near = [['seeds', seed('002')], ...['putian-205', 'putian-207', 'putian-208', 'putian-211', 'putian-212', 'putian-214', 'putian-216'].map(f => ['real2', file('real2', `${f}.txt`)])];
    for (const [dir, text] of near) {
      const r = ReportDocument.parse(text).reports()[0];
      const fee = r.report.cells.get('active.fees.amount')!;
      assert.ok(fee.kind === 'number' && /[1-9]/.test(fee.value!), `${dir}: fees ${fee.text}`);
      assert.deepEqual(r.findings.filter(f => f.code === 'fee-confusion'), []);
    }
  });

  // putian-216: 行政事业性收费 60.2642 万元, and section 六 says 2023年度我局未收取信息处理费 — two fees, both right.
  const p216 = file('real2', 'putian-216.txt');
  const said = '2023年度我局未收取信息处理费。';
  const saying = (sentence: string) => { assert.ok(p216.includes(said)); return p216.replace(said, sentence); };

  it('putian-216 as published: fees in the table and no 信息处理费 in the text is the normal case', () => {
    assert.deepEqual(findings(p216), []);
  });

  it('the 信息处理费 the text says was charged (602642元) is the table\'s 60.2642 万元: a warning on the fees cell', () => {
    const text = saying('2023年度我局共收取信息处理费602642元。');
    const f = findings(text);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.deepEqual(f[0].cells, ['active.fees.amount']);
    assert.equal(text.slice(f[0].start, f[0].end), '60.2642');
    assert.match(f[0].message.zh, /^行政事业性收费 · 本年收费金额为 60\.2642 万元，与正文所说收取的信息处理费相同（“2023年度我局共收取信息处理费602642元”）/);
    assert.match(f[0].message.en, /information-processing fee/);
  });

  it('the same amount in 万元 is reported too', () => {
    assert.equal(findings(saying('2023年度我局收取信息处理费60.2642万元。')).length, 1);
  });

  it('a different 信息处理费, two amounts in one clause, a waived or uncharged fee, a rate, a fee that would be charged: no finding', () => {
    assert.deepEqual(findings(saying('2023年度我局收取信息处理费200元。')), []);
    assert.deepEqual(findings(saying('2023年度我局收取信息处理费602642元和200元。')), []);
    assert.deepEqual(findings(saying('2023年度我局免收信息处理费602642元。')), []);
    assert.deepEqual(findings(saying('2023年度我局未收取信息处理费，行政事业性收费602642元。')), []);
    // A rate, a threshold or what may be charged is no amount charged.
    assert.deepEqual(findings(saying('2023年度我局按每件602642元的标准收取信息处理费。')), []);
    assert.deepEqual(findings(saying('申请数量超过合理范围的，我局将收取信息处理费602642元。')), []);
  });

  it('seed 002 (traditional characters, pinyin junk): 收取信息處理費(fèi)1227.49萬元 against its 1227.49 万元', () => {
    const text = seed('002');
    const said002 = '沒有產(chǎn)生信息公開處理費(fèi)。';
    assert.ok(text.includes(said002));
    assert.deepEqual(findings(text), []);
    const f = findings(text.replace(said002, '共收取信息公開處理費(fèi)1227.49萬元。'));
    assert.equal(f.length, 1);
    assert.match(f[0].message.zh, /1227\.49 万元/);
  });
});
