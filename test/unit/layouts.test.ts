import { strict as assert } from 'node:assert';
import { ReportDocument, skeleton2021, fixAllEdits } from '../../core/src';
import { seed } from '../support/fixtures';

const only = (text: string) => { const d = ReportDocument.parse(text); assert.equal(d.reports().length, 1); return d.reports()[0]; };
const errors = (text: string) => only(text).findings.filter(f => f.severity === 'error');

/** Seed 002's requests and appeals values, in the order of the table. */
function values002(): { rows: [string, string[]][]; appeals: string[] } {
  const r = only(seed('002')).report;
  const rows: [string, string[]][] = [];
  for (const t of r.tables.filter(x => x.id === 'requests')) for (const row of t.rows) {
    const cells = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'].map(c => r.cells.get(`requests.${row.key}.${c}`)?.value ?? '');
    rows.push([row.key, cells]);
  }
  const appeals = ['review', 'suitDirect', 'suitAfterReview'].flatMap(g => ['upheld', 'corrected', 'other', 'pending', 'total'].map(c => r.cells.get(`appeals.${g}.${c}`)!.value!));
  return { rows, appeals };
}

describe('layouts: Markdown pipe tables and HTML tables', () => {
  it('the 2021 skeleton (Markdown pipe tables, generated from the template) reads whole and clean', () => {
    const { report, findings } = only(skeleton2021(2024, '某县某局'));
    assert.equal(report.title, '某县某局2024年政府信息公开工作年度报告');
    assert.deepEqual(report.sections.map(s => s.number), [1, 2, 3, 4, 5, 6]);
    assert.equal([...report.cells.keys()].filter(k => k.startsWith('requests.')).length, 175);
    assert.equal([...report.cells.keys()].filter(k => k.startsWith('appeals.')).length, 15);
    assert.equal([...report.cells.keys()].filter(k => k.startsWith('active.')).length, 10);
    assert.deepEqual(findings.filter(f => f.severity === 'error').map(f => f.message.en), []);
  });

  it('a Markdown draft with a wrong cell: located, fixed in place, nothing else touched', () => {
    // The skeleton's rows are aligned (padded): a row is replaced as a whole line, by its label.
    const row = (label: string, cells: string) => (t: string) => t.replace(new RegExp(`^\\| ${label} [^\\n]*$`, 'm'), `| ${label} | ${cells} |`);
    const draft = [row('（一）予以公开', '3 | 0 | 0 | 0 | 0 | 0 | 3'), row('一、本年新收政府信息公开申请数量', '3 | 0 | 0 | 0 | 0 | 0 | 3'), row('（七）总计', '3 | 0 | 0 | 0 | 0 | 0 | 2')]
      .reduce((t, f) => f(t), skeleton2021(2024));
    assert.equal(draft.split('\n').filter(l => / 3 \|/.test(l)).length, 3, 'three rows replaced');
    const errs = errors(draft);
    assert.equal(errs.length, 1);
    assert.equal(errs[0].cells[0], 'requests.total.total');
    assert.equal(errs[0].expected, '3');
    const doc = ReportDocument.parse(draft);
    const edits = fixAllEdits(doc);
    assert.deepEqual(edits.map(e => [draft.slice(e.start, e.end), e.newText]), [['2', '3']]);
  });

  it('an HTML page with rowspan, colspan and &nbsp; blanks reads as the same report, with ranges in the page', () => {
    const { rows, appeals } = values002();
    const label: Record<string, string> = {
      new: '一、本年新收政府信息公开申请数量', carried: '二、上年结转政府信息公开申请数量', results: '三、本年度办理结果', granted: '（一）予以公开',
      partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', denied: '（三）不予公开', denied1: '1.属于国家秘密', denied2: '2.其他法律行政法规禁止公开',
      denied3: '3.危及“三安全一稳定”', denied4: '4.保护第三方合法权益', denied5: '5.属于三类内部事务信息', denied6: '6.属于四类过程性信息', denied7: '7.属于行政执法案卷',
      denied8: '8.属于行政查询事项', unable: '（四）无法提供', unable1: '1.本机关不掌握相关政府信息', unable2: '2.没有现成信息需要另行制作', unable3: '3.补正后申请内容仍不明确',
      rejected: '（五）不予处理', rejected1: '1.信访举报投诉类申请', rejected2: '2.重复申请', rejected3: '3.要求提供公开出版物', rejected4: '4.无正当理由大量反复申请',
      rejected5: '5.要求行政机关确认或重新出具已获取信息', other: '（六）其他处理', other1: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      other2: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', other3: '3.其他', total: '（七）总计', carryover: '四、结转下年度继续办理',
    };
    const tr: string[] = [];
    for (const [key, cells] of rows) {
      // Group headings span their sub-rows (rowspan); the first cell of a group's row is the group label.
      tr.push(cells.every(c => c === '') ? `<tr><td rowspan="3">${label[key]}</td><td colspan="7">&nbsp;</td></tr>`
        : `<tr><td>${label[key]}</td>${cells.map(c => `<td>${c === '0' && key === 'carried' ? '0' : c}</td>`).join('')}</tr>`);
    }
    const html = `<html><head><title>年报</title><style>td{border:1px}</style></head><body>
<h1>大连长兴岛经济技术开发区2022年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>正文。</p>
<p>二、主动公开政府信息情况</p>
<table><tr><td colspan="4">第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政规范性文件</td><td>0</td><td>1</td><td>8</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr><tr><td>行政许可</td><td colspan="3">9272</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr><tr><td>行政处罚</td><td colspan="3">29</td></tr><tr><td>行政强制</td><td colspan="3">0</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr><tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr><tr><td>行政事业性收费</td><td colspan="3">1227.49</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p>
<table><tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${tr.join('\n')}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${Array(2).fill('<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>').join('')}</tr>
<tr>${appeals.map(v => `<td>${v}</td>`).join('')}</tr></table>
<p>五、存在的主要问题及改进情况</p><p>正文。</p><p>六、其他需要报告的事项</p><p>无。</p></body></html>`;
    const { report, findings } = only(html);
    assert.deepEqual(report.sections.map(s => s.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(findings.filter(f => f.severity === 'error').map(f => f.message.en), []);
    assert.equal(report.cells.get('requests.new.total')?.value, '27');
    assert.equal(report.cells.get('active.fees.amount')?.value, '1227.49');
    assert.equal(report.cells.get('appeals.suitDirect.upheld')?.value, '4');
    const c = report.cells.get('requests.granted.total')!;
    assert.equal(html.slice(c.start, c.end), '7', 'ranges point into the page');
    // Break the total in the page: the error is on that cell, and its fix restores the page.
    const bad = html.slice(0, c.start) + '9' + html.slice(c.end);
    const f = errors(bad).find(x => x.cells[0] === 'requests.granted.total')!;
    assert.ok(f, 'located in the HTML');
    assert.equal(bad.slice(0, f.fix!.start) + f.fix!.newText + bad.slice(f.fix!.end), html);
  });
});
