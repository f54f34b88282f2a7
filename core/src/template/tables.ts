import type { RowSpec, TableSpec } from './types';

/** Columns of table `requests` (section 三), left to right. */
export const REQUEST_COLUMNS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
export const REQUEST_PARTS = REQUEST_COLUMNS.slice(0, 6);

const req = (key: string, labels: string[], ordinal?: string, group = false): RowSpec =>
  ({ key, labels, ordinal, columns: group ? [] : REQUEST_COLUMNS, valueKind: 'count', optional: group });

const HEAD = [
  req('new', ['本年新收政府信息公开申请数量'], '一、'),
  req('carried', ['上年结转政府信息公开申请数量'], '二、'),
  req('results', ['本年度办理结果'], '三、', true),
  req('granted', ['予以公开'], '(一)'),
  req('partial', ['部分公开'], '(二)'),
  req('denied', ['不予公开'], '(三)', true),
  req('denied1', ['属于国家秘密'], '1.'),
  req('denied2', ['其他法律行政法规禁止公开'], '2.'),
  req('denied3', ['危及三安全一稳定'], '3.'),
  req('denied4', ['保护第三方合法权益'], '4.'),
  req('denied5', ['属于三类内部事务信息'], '5.'),
  req('denied6', ['属于四类过程性信息'], '6.'),
  req('denied7', ['属于行政执法案卷'], '7.'),
  req('denied8', ['属于行政查询事项'], '8.'),
  req('unable', ['无法提供'], '(四)', true),
  req('unable1', ['本机关不掌握相关政府信息'], '1.'),
  req('unable2', ['没有现成信息需要另行制作'], '2.'),
  req('unable3', ['补正后申请内容仍不明确'], '3.'),
  req('rejected', ['不予处理'], '(五)', true),
  req('rejected1', ['信访举报投诉类申请'], '1.'),
  req('rejected2', ['重复申请'], '2.'),
  req('rejected3', ['要求提供公开出版物'], '3.'),
  req('rejected4', ['无正当理由大量反复申请'], '4.'),
  req('rejected5', ['要求行政机关确认或重新出具已获取信息'], '5.'),
];
const TAIL = [
  { ...req('total', ['总计'], '(七)'), weak: true },
  req('carryover', ['结转下年度继续办理'], '四、'),
];

export const REQUESTS_2021: TableSpec = {
  id: 'requests', template: '2021',
  markers: ['申请人无正当理由逾期不补正'],
  rows: [
    ...HEAD,
    req('other', ['其他处理'], '(六)', true),
    req('other1', ['申请人无正当理由逾期不补正[、,]?行政机关不再处理其政府信息公开申请'], '1.'),
    req('other2', ['申请人逾期未按收费通知要求缴纳费用[、,]?行政机关不再处理其政府信息公开申请'], '2.'),
    { ...req('other3', ['其他'], '3.'), weak: true },
    ...TAIL,
  ],
};

export const REQUESTS_2019: TableSpec = {
  id: 'requests', template: '2019',
  markers: [],
  rows: [...HEAD, req('other', ['其他处理'], '(六)'), ...TAIL],
};

const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];
export const APPEAL_GROUPS = ['review', 'suitDirect', 'suitAfterReview'];
export const APPEAL_COLUMNS_ALL = APPEAL_COLUMNS;
/** The appeals table is one data row of 15 cells after its header words. */
export const APPEALS_HEADER_WORDS = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'];
export const APPEALS_KEYS = APPEAL_GROUPS.flatMap(g => APPEAL_COLUMNS.map(c => `${g}.${c}`));

const act = (key: string, labels: string[], columns: string[], valueKind: RowSpec['valueKind'] = 'count',
  columnKinds?: RowSpec['columnKinds'], variants?: RowSpec['variants']): RowSpec => ({ key, labels, columns, valueKind, columnKinds, variants });

/** A 2019 block inside a 2021 table, or the reverse, is read with its own columns. */
const DECISIONS_2021 = [{ marker: '本年处理决定数量', columns: ['decisions'] }];
const DECISIONS_2019 = [{ marker: '上一年项目数量', columns: ['prev', 'delta', 'decisions'] }];
const FEES_2021 = [{ marker: '本年收费金额', columns: ['amount'] }];
const FEES_2019 = [{ marker: '上一年项目数量', columns: ['prev', 'delta'] }];
const DOCS_2021 = [{ marker: '本年制发件', columns: ['issued', 'repealed', 'inForce'] }];
const DOCS_2019 = [{ marker: '本年新', columns: ['made', 'published', 'total'] }, { marker: '对外公开总', columns: ['made', 'published', 'total'] }];

export const ACTIVE_2021: TableSpec = {
  id: 'active', template: '2021',
  markers: ['本年制发件', '本年废止件', '现行有效件', '本年收费金额'],
  rows: [
    act('rules', ['规章'], ['issued', 'repealed', 'inForce'], 'count', undefined, DOCS_2019),
    act('normative', ['行政规范性文件', '规范性文件'], ['issued', 'repealed', 'inForce'], 'count', undefined, DOCS_2019),
    act('licensing', ['行政许可'], ['decisions'], 'count', { delta: 'signed' }, DECISIONS_2019),
    act('penalty', ['行政处罚'], ['decisions'], 'count', { delta: 'signed' }, DECISIONS_2019),
    act('enforcement', ['行政强制'], ['decisions'], 'count', { delta: 'signed' }, DECISIONS_2019),
    act('fees', ['行政事业性收费'], ['amount'], 'count', { amount: 'money', delta: 'signed' }, FEES_2019),
  ],
};

export const ACTIVE_2019: TableSpec = {
  id: 'active', template: '2019',
  markers: ['本年新制作', '本年新公开', '对外公开总', '上一年项目', '本年增', '采购项目', '政府集中采购', '其他对外管理服务事项', '第二十条第(九)项'],
  rows: [
    act('rules', ['规章'], ['made', 'published', 'total'], 'count', undefined, DOCS_2021),
    act('normative', ['行政规范性文件', '规范性文件'], ['made', 'published', 'total'], 'count', undefined, DOCS_2021),
    act('licensing', ['行政许可'], ['prev', 'delta', 'decisions'], 'count', { delta: 'signed' }, DECISIONS_2021),
    // Dropped by the 2021 format: reports that mix the formats leave it out.
    { ...act('otherServices', ['其他对外管理服务事项'], ['prev', 'delta', 'decisions'], 'count', { delta: 'signed' }), optional: true },
    act('penalty', ['行政处罚'], ['prev', 'delta', 'decisions'], 'count', { delta: 'signed' }, DECISIONS_2021),
    act('enforcement', ['行政强制'], ['prev', 'delta', 'decisions'], 'count', { delta: 'signed' }, DECISIONS_2021),
    act('fees', ['行政事业性收费'], ['prev', 'delta'], 'count', { delta: 'signed', amount: 'money' }, FEES_2021),
    act('procurement', ['政府集中采购'], ['count', 'amount'], 'count', { amount: 'money' }),
  ],
};
