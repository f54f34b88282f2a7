import type { Message } from '../model';
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

/**
 * The kinds of body whose reports differ (REPORT-FORMAT §1, §5): a people's government's own report
 * is due by 31 March, a department's by 31 January (条例 article 49), and a township or street
 * office makes no 规章. The placeholder names the body so that the checks read its kind from the
 * title as they would a real one.
 */
export type BodyType = 'government' | 'department' | 'township';
export const BODY_TYPES: readonly { type: BodyType; label: Message; placeholder: string }[] = [
  { type: 'government', label: { zh: '县级以上人民政府', en: "People's government (county level and above)" }, placeholder: '××市人民政府' },
  { type: 'department', label: { zh: '政府部门', en: 'Government department' }, placeholder: '××市××局' },
  { type: 'township', label: { zh: '乡镇（街道）', en: 'Township (street office)' }, placeholder: '××县××镇人民政府' },
];

/**
 * The year a report being written now is most likely about: the year just ended until 31 March
 * (the last deadline for the year before), the current year after that. In local time.
 */
export function defaultReportYear(now: Date): number {
  return now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
}

/** The first year of reports under the Regulations (2008) to the year after `now`. */
export const reportYearBounds = (now: Date): [number, number] => [2008, now.getFullYear() + 1];

/** A report year typed by the user (`2024`, ` 2024年 `), or null when it is none in the bounds. */
export function parseReportYear(s: string, now: Date): number | null {
  const m = /^\s*(\d{4})\s*(?:年度?)?\s*$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const [lo, hi] = reportYearBounds(now);
  return y >= lo && y <= hi ? y : null;
}
