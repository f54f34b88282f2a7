import { ACTIVE_2021, APPEAL_COLUMNS_ALL, REQUESTS_2021 } from './tables';
import { SECTIONS } from './sections';
import { BALANCE_NOTE } from './printed';
import { tableLines, type TableContent } from './writeTable';

const NUM = ['', '一', '二', '三', '四', '五', '六'];

/** Every row of a 2021-format table, every cell 0. */
const zeros = (rows: Map<string, string[]>): TableContent => ({ rows, cell: () => '0' });
const ACTIVE = zeros(new Map(ACTIVE_2021.rows.map(r => [r.key, r.columns])));
const REQUESTS = zeros(new Map(REQUESTS_2021.rows.filter(r => r.columns.length).map(r => [r.key, r.columns])));
const APPEALS = zeros(new Map([['appeals', APPEAL_COLUMNS_ALL]]));

/**
 * An empty report in the 2021 format, generated from the template data (every figure 0), its
 * tables as aligned pipe tables — the form Format Table writes.
 */
export function skeleton2021(year: number, body = '（机关名称）'): string {
  const out: string[] = [`${body}${year}年政府信息公开工作年度报告`, ''];
  for (const s of SECTIONS) {
    out.push(`${NUM[s.number]}、${s.title.zh}`, '');
    if (s.table === 'active') out.push(...tableLines('active', '2021', ACTIVE), '');
    else if (s.table === 'requests') out.push(BALANCE_NOTE, '', ...tableLines('requests', '2021', REQUESTS), '');
    else if (s.table === 'appeals') out.push(...tableLines('appeals', '2021', APPEALS), '');
    else out.push('（正文）', '');
  }
  return out.join('\n');
}
