import type { Message } from '../model';
import { REQUEST_COLUMN_NAMES } from './relations';

/** Human names of rows and columns, for messages, hover and symbols. */
const ROWS: Record<string, Message> = {
  new: { zh: '一、本年新收申请', en: '1. new requests' },
  carried: { zh: '二、上年结转申请', en: '2. carried over from last year' },
  granted: { zh: '（一）予以公开', en: '(1) granted' },
  partial: { zh: '（二）部分公开', en: '(2) partly granted' },
  denied1: { zh: '不予公开 1.国家秘密', en: 'denied 1: state secret' },
  denied2: { zh: '不予公开 2.其他法律行政法规禁止公开', en: 'denied 2: barred by other laws' },
  denied3: { zh: '不予公开 3.危及“三安全一稳定”', en: 'denied 3: security and stability' },
  denied4: { zh: '不予公开 4.保护第三方合法权益', en: 'denied 4: third-party rights' },
  denied5: { zh: '不予公开 5.三类内部事务信息', en: 'denied 5: internal affairs' },
  denied6: { zh: '不予公开 6.四类过程性信息', en: 'denied 6: deliberative information' },
  denied7: { zh: '不予公开 7.行政执法案卷', en: 'denied 7: enforcement files' },
  denied8: { zh: '不予公开 8.行政查询事项', en: 'denied 8: administrative enquiries' },
  unable1: { zh: '无法提供 1.本机关不掌握', en: 'unable 1: not held' },
  unable2: { zh: '无法提供 2.需另行制作', en: 'unable 2: would need to be created' },
  unable3: { zh: '无法提供 3.补正后仍不明确', en: 'unable 3: still unclear' },
  rejected1: { zh: '不予处理 1.信访举报投诉类', en: 'not handled 1: petitions and complaints' },
  rejected2: { zh: '不予处理 2.重复申请', en: 'not handled 2: repeated' },
  rejected3: { zh: '不予处理 3.公开出版物', en: 'not handled 3: publications' },
  rejected4: { zh: '不予处理 4.大量反复申请', en: 'not handled 4: abusive volume' },
  rejected5: { zh: '不予处理 5.确认或重新出具', en: 'not handled 5: re-issue requests' },
  other: { zh: '（六）其他处理', en: '(6) otherwise handled' },
  other1: { zh: '其他处理 1.逾期不补正', en: 'other 1: no correction in time' },
  other2: { zh: '其他处理 2.逾期未缴费', en: 'other 2: fee not paid' },
  other3: { zh: '其他处理 3.其他', en: 'other 3: other' },
  total: { zh: '（七）总计', en: '(7) total' },
  carryover: { zh: '四、结转下年度继续办理', en: '4. carried over to next year' },
  rules: { zh: '规章', en: 'rules' },
  normative: { zh: '行政规范性文件', en: 'normative documents' },
  licensing: { zh: '行政许可', en: 'licensing' },
  otherServices: { zh: '其他对外管理服务事项', en: 'other services' },
  penalty: { zh: '行政处罚', en: 'penalties' },
  enforcement: { zh: '行政强制', en: 'enforcement' },
  fees: { zh: '行政事业性收费', en: 'administrative fees' },
  procurement: { zh: '政府集中采购', en: 'central procurement' },
  review: { zh: '行政复议', en: 'administrative review' },
  suitDirect: { zh: '行政诉讼·未经复议直接起诉', en: 'lawsuits without review' },
  suitAfterReview: { zh: '行政诉讼·复议后起诉', en: 'lawsuits after review' },
};

const COLUMNS: Record<string, Message> = {
  ...REQUEST_COLUMN_NAMES,
  issued: { zh: '本年制发件数', en: 'issued' }, repealed: { zh: '本年废止件数', en: 'repealed' }, inForce: { zh: '现行有效件数', en: 'in force' },
  made: { zh: '本年新制作数量', en: 'made' }, published: { zh: '本年新公开数量', en: 'published' },
  decisions: { zh: '处理决定数量', en: 'decisions' }, amount: { zh: '金额', en: 'amount' },
  prev: { zh: '上一年项目数量', en: 'last year' }, delta: { zh: '本年增/减', en: 'change' }, count: { zh: '采购项目数量', en: 'projects' },
  upheld: { zh: '结果维持', en: 'upheld' }, corrected: { zh: '结果纠正', en: 'corrected' }, other: { zh: '其他结果', en: 'other result' },
  pending: { zh: '尚未审结', en: 'pending' },
};

const TABLES: Record<string, Message> = {
  active: { zh: '主动公开情况表', en: 'proactive disclosure table' },
  requests: { zh: '依申请公开情况表', en: 'requests table' },
  appeals: { zh: '行政复议、行政诉讼情况表', en: 'reviews and lawsuits table' },
};

export function rowName(row: string): Message { return ROWS[row] ?? { zh: row, en: row }; }
export function tableName(t: string): Message { return TABLES[t] ?? { zh: t, en: t }; }

/** `部分公开 · 商业企业` for `requests.partial.business`. */
export function cellName(key: string): Message {
  const [table, row, col] = key.split('.');
  const r = rowName(row);
  const c = COLUMNS[col] ?? { zh: col, en: col };
  if (table === 'appeals' && col === 'total' && row === 'review') return { zh: '行政复议 · 总计', en: 'administrative review · total' };
  return { zh: `${r.zh} · ${c.zh}`, en: `${r.en} · ${c.en}` };
}

/** How a cell's value is judged: money may have decimals, 2019 `delta` may be negative, the rest are counts. */
export function valueKindOf(key: string): 'count' | 'money' | 'signed' {
  if (key.endsWith('.amount')) return 'money';
  if (key.endsWith('.delta')) return 'signed';
  return 'count';
}
