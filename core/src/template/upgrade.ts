import { REQUESTS_2019 } from './tables';

/**
 * How the cells of a 2019-format table find their place in the 2021 format (REPORT-FORMAT §2, §3),
 * as data for the “升级为 2021 格式” rewrite. Keys are `row.column` within the table.
 *
 * Table `active`: only the 处理决定数量 of 行政许可, 行政处罚 and 行政强制 keep their meaning (this
 * year's decisions, 本年处理决定数量 in 2021). 本年新制作数量 / 本年新公开数量 / 对外公开总数量 count
 * other things than 本年制发件数 / 本年废止件数 / 现行有效件数 (docs/rules/outdated-template.md), the
 * 上一年项目数量 and 本年增/减 of items have no 2021 column, and 其他对外管理服务事项 and 政府集中采购
 * (第二十条第（九）项) are gone: those numbers have no place, and the 2021 cells are left blank.
 */
export const ACTIVE_2019_TO_2021: Readonly<Record<string, string | null>> = {
  'rules.made': null, 'rules.published': null, 'rules.total': null,
  'normative.made': null, 'normative.published': null, 'normative.total': null,
  'licensing.prev': null, 'licensing.delta': null, 'licensing.decisions': 'licensing.decisions',
  'otherServices.prev': null, 'otherServices.delta': null, 'otherServices.decisions': null,
  'penalty.prev': null, 'penalty.delta': null, 'penalty.decisions': 'penalty.decisions',
  'enforcement.prev': null, 'enforcement.delta': null, 'enforcement.decisions': 'enforcement.decisions',
  'fees.prev': null, 'fees.delta': null,
  'procurement.count': null, 'procurement.amount': null,
};

/**
 * Table `requests`: every 2019 row is a 2021 row with the same key and columns, except （六）其他处理,
 * one row in 2019 that the 2021 format splits into three (1. 逾期不补正, 2. 逾期未缴费, 3. 其他) with
 * no subtotal. Its figures go to 3.其他, the catch-all, so that every total still holds; in a column
 * where the figure is 0, items 1 and 2 are 0 as well (counts are not negative), elsewhere they are
 * left blank for the user to split the figure.
 */
export const REQUEST_ROWS_KEPT: readonly string[] = REQUESTS_2019.rows.filter(r => r.columns.length && r.key !== 'other').map(r => r.key);
export const REQUEST_ROW_SPLIT = { from: 'other', into: 'other3', zeroWith: ['other1', 'other2'] } as const;
