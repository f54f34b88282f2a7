import { ACTIVE_2021, REQUEST_COLUMNS, REQUESTS_2021 } from './tables';
import { SECTIONS } from './sections';

const NUM = ['', '一', '二', '三', '四', '五', '六'];
const COLUMN_HEADERS: Record<string, string> = { issued: '本年制发件数', repealed: '本年废止件数', inForce: '现行有效件数', decisions: '本年处理决定数量', amount: '本年收费金额（单位：万元）' };
const BLOCKS: [string, string[]][] = [['第二十条第（一）项', ['rules', 'normative']], ['第二十条第（五）项', ['licensing']], ['第二十条第（六）项', ['penalty', 'enforcement']], ['第二十条第（八）项', ['fees']]];

/** An empty report in the 2021 format, as Markdown pipe tables, generated from the template data (every figure 0). */
export function skeleton2021(year: number, body = '（机关名称）'): string {
  const out: string[] = [`${body}${year}年政府信息公开工作年度报告`, ''];
  for (const s of SECTIONS) {
    out.push(`${NUM[s.number]}、${s.title.zh}`, '');
    if (s.table === 'active') {
      for (const [head, rows] of BLOCKS) {
        const specs = rows.map(r => ACTIVE_2021.rows.find(x => x.key === r)!);
        out.push(`| ${head} | ${specs[0].columns.map(() => '').join(' | ')} |`);
        out.push(`| 信息内容 | ${specs[0].columns.map(c => COLUMN_HEADERS[c]).join(' | ')} |`);
        for (const r of specs) out.push(`| ${r.labels[0]} | ${r.columns.map(() => '0').join(' | ')} |`);
        out.push('');
      }
    } else if (s.table === 'requests') {
      out.push('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '');
      out.push('| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |');
      out.push(`|${' --- |'.repeat(REQUEST_COLUMNS.length + 1)}`);
      for (const r of REQUESTS_2021.rows) {
        const label = `${r.ordinal ?? ''}${r.labels[0].replace(/\[、,\]\?/g, '、')}`.replace(/^\((.)\)/, '（$1）');
        out.push(r.columns.length ? `| ${label} | ${r.columns.map(() => '0').join(' | ')} |` : `| ${label} |${' |'.repeat(REQUEST_COLUMNS.length)}`);
      }
      out.push('');
    } else if (s.table === 'appeals') {
      out.push('| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |');
      out.push('| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |');
      out.push(`| ${Array(3).fill('结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计').join(' | ')} |`);
      out.push(`| ${Array(15).fill('0').join(' | ')} |`, '');
    } else {
      out.push('（正文）', '');
    }
  }
  return out.join('\n');
}
