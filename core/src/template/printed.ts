import type { TableId, TemplateId } from '../model';
import { ACTIVE_2019, ACTIVE_2021, REQUESTS_2019, REQUESTS_2021 } from './tables';
import type { TableSpec } from './types';

/**
 * The national format's printed wording of row labels, column headings and blocks, as a clerk reads
 * it (full-width brackets, quotes) — for drawing a table (table view) and writing one (format table,
 * skeleton). The template's `labels` are the normalised forms the parser matches; these are for people.
 */

/** Row labels of table `requests`, each with its group heading (三、本年度办理结果 › （三）不予公开 › 1.…). */
export const REQUEST_ROW_LABELS: Record<string, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried: '二、上年结转政府信息公开申请数量',
  results: '三、本年度办理结果',
  granted: '（一）予以公开',
  partial: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  denied: '（三）不予公开',
  denied1: '1.属于国家秘密',
  denied2: '2.其他法律行政法规禁止公开',
  denied3: '3.危及“三安全一稳定”',
  denied4: '4.保护第三方合法权益',
  denied5: '5.属于三类内部事务信息',
  denied6: '6.属于四类过程性信息',
  denied7: '7.属于行政执法案卷',
  denied8: '8.属于行政查询事项',
  unable: '（四）无法提供',
  unable1: '1.本机关不掌握相关政府信息',
  unable2: '2.没有现成信息需要另行制作',
  unable3: '3.补正后申请内容仍不明确',
  rejected: '（五）不予处理',
  rejected1: '1.信访举报投诉类申请',
  rejected2: '2.重复申请',
  rejected3: '3.要求提供公开出版物',
  rejected4: '4.无正当理由大量反复申请',
  rejected5: '5.要求行政机关确认或重新出具已获取信息',
  other: '（六）其他处理',
  other1: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  other2: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  other3: '3.其他',
  total: '（七）总计',
  carryover: '四、结转下年度继续办理',
};

/** Headings of the requests table's columns; the five organisation columns sit under 法人或其他组织. */
export const REQUEST_COLUMN_HEADINGS: Record<string, string> = {
  natural: '自然人', business: '商业企业', research: '科研机构', nonprofit: '社会公益组织', legal: '法律服务机构', otherOrg: '其他', total: '总计',
};
export const REQUEST_ORG_GROUP = '法人或其他组织';
export const REQUEST_CORNER = '申请人情况';
export const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Row labels of table `active` (2019 wording where it differs: 规范性文件). */
export function activeRowLabel(row: string, template: TemplateId | null): string {
  if (row === 'normative') return template === '2019' ? '规范性文件' : '行政规范性文件';
  return ({ rules: '规章', licensing: '行政许可', otherServices: '其他对外管理服务事项', penalty: '行政处罚', enforcement: '行政强制', fees: '行政事业性收费', procurement: '政府集中采购' } as Record<string, string>)[row] ?? row;
}

/**
 * Column headings of table `active`, by the row's columns: `amount` reads differently for fees and
 * procurement; `decisions` alone is the 2021 column (本年处理决定数量), after 上一年项目数量 the 2019 one.
 */
export function activeColumnHeading(row: string, column: string, columns: readonly string[]): string {
  if (column === 'amount') return row === 'procurement' ? '采购总金额' : '本年收费金额（单位：万元）';
  if (column === 'decisions') return columns.length === 1 ? '本年处理决定数量' : '处理决定数量';
  return ({
    issued: '本年制发件数', repealed: '本年废止件数', inForce: '现行有效件数',
    made: '本年新制作数量', published: '本年新公开数量', total: '对外公开总数量',
    prev: '上一年项目数量', delta: '本年增/减', count: '采购项目数量',
  } as Record<string, string>)[column] ?? column;
}

/** The 第二十条 item each row of table `active` is printed under. */
const ACTIVE_BLOCK_OF: Record<string, string> = {
  rules: '第二十条第（一）项', normative: '第二十条第（一）项',
  licensing: '第二十条第（五）项', otherServices: '第二十条第（五）项',
  penalty: '第二十条第（六）项', enforcement: '第二十条第（六）项',
  fees: '第二十条第（八）项', procurement: '第二十条第（九）项',
};
export const activeBlockOf = (row: string): string => ACTIVE_BLOCK_OF[row] ?? '';
export const ACTIVE_CORNER = '信息内容';

/** Table `appeals`: its three groups (行政诉讼 over the last two) and five columns. */
export const APPEALS_GROUP_HEADINGS: Record<string, string> = { review: '行政复议', suitDirect: '未经复议直接起诉', suitAfterReview: '复议后起诉' };
export const APPEALS_SUIT_HEADING = '行政诉讼';
export const APPEALS_COLUMN_HEADINGS: Record<string, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' };

/** The template of a table id in a format (the appeals table is the same in both). */
export function tableSpec(id: TableId, template: TemplateId | null): TableSpec | null {
  if (id === 'active') return template === '2019' ? ACTIVE_2019 : ACTIVE_2021;
  if (id === 'requests') return template === '2019' ? REQUESTS_2019 : REQUESTS_2021;
  return null;
}

/** The group heading row a requests row sits under (denied1 → denied), if any. */
export function requestGroupOf(row: string, template: TemplateId | null): string | null {
  const spec = template === '2019' ? REQUESTS_2019 : REQUESTS_2021;
  let group: string | null = null;
  for (const r of spec.rows) {
    if (!r.columns.length) { group = r.key === 'results' ? null : r.key; continue; }
    if (r.key === row) return /^\d/.test(REQUEST_ROW_LABELS[r.key] ?? '') ? group : null;
  }
  return null;
}
