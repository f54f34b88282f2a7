/**
 * What the narrative of section 一 says about the tables, as data (REPORT-FORMAT §5, relation 7):
 * each phrase is a pattern over normalised text (simplified, no white space, full-width commas and
 * semicolons as ASCII) — group 1 the words between the verb and the object (empty when the phrase
 * has none), group 2 the number quoted — and the readings of the tables that make the sentence true. A sentence is reported only when it agrees with none of them: reports
 * count 收到 as 新收 alone or as 新收 + 上年结转, and both are right.
 *
 * A reading is a list of sums; each sum is a list of cell keys. `zero` phrases quote no number:
 * every cell of the reading must be 0.
 */
export interface PhraseSpec {
  id: string;
  /** The pattern (global); group 1 the qualifying words, group 2 the number (absent for `zero` phrases). */
  pattern: RegExp;
  /** Words every match of the pattern holds: a text without them is not searched. */
  holds: string;
  /** Text between the verb and the number that makes the sentence about part of the table only (自然人, 其中…): then it is not checked. */
  partial?: RegExp;
  /** The sums the number may equal. */
  readings: string[][];
  zero?: boolean;
  /** What the sentence speaks of, in words. */
  subject: { zh: string; en: string };
}

/** Qualifiers that narrow a count to some applicants, channels or a part of the year. */
const PART = /自然人|企业|机构|组织提出的[^,]*其中|网络|信函|当面|邮寄|传真|其中|新收|上年|结转|办结|答复|月/;

export const PHRASES: PhraseSpec[] = [
  {
    id: 'received',
    pattern: /(?:共|累计|全年|本年度?)(?:收到|受理|接收)((?:(?!件|。|;|,)[^])*?)(?:政府信息公开申请|依申请公开(?:政府信息|信息)?(?:申请)?)(?:共计?)?(\d+)(?:件|份|条)/g,
    holds: '申请',
    partial: PART,
    readings: [['requests.new.total'], ['requests.new.total', 'requests.carried.total']],
    subject: { zh: '收到的政府信息公开申请', en: 'requests received' },
  },
  {
    id: 'none-received',
    pattern: /(?:未|没有)(?:收到|受理)((?:(?!。|;|,)[^]){0,12}?)(?:政府信息公开申请|依申请公开)/g,
    holds: '申请',
    partial: PART,
    readings: [['requests.new.total']],
    zero: true,
    subject: { zh: '收到的政府信息公开申请', en: 'requests received' },
  },
  {
    id: 'carryover',
    pattern: /结转(?:至|到)?下一?年度(?:继续办理)?()(?:的申请)?(\d+)件/g,
    holds: '结转',
    readings: [['requests.carryover.total']],
    subject: { zh: '结转下年度继续办理的申请', en: 'requests carried over to next year' },
  },
  {
    id: 'reviews',
    pattern: /(?:被申请|收到|发生|涉及)?(?:因政府信息公开(?:工作)?)?(?:被申请)?行政复议(?:申请|案件)?()(?:共)?(\d+)(?:件|起|宗)/g,
    holds: '行政复议',
    readings: [['appeals.review.total']],
    subject: { zh: '行政复议', en: 'administrative reviews' },
  },
  {
    id: 'lawsuits',
    pattern: /(?<!复议、|复议和|复议及)(?:被提起|提起|发生|涉及)?行政诉讼(?:案件)?()(?:共)?(\d+)(?:件|起|宗)/g,
    holds: '行政诉讼',
    readings: [['appeals.suitDirect.total', 'appeals.suitAfterReview.total'], ['appeals.suitDirect.total'], ['appeals.suitAfterReview.total']],
    subject: { zh: '行政诉讼', en: 'lawsuits' },
  },
  {
    id: 'reviews-and-lawsuits-none',
    pattern: /行政复议(?:和|、|及|或)行政诉讼(?:案件)?()(?:均为|各|共)?0(?:件|起)/g,
    holds: '行政诉讼',
    readings: [['appeals.review.total', 'appeals.suitDirect.total', 'appeals.suitAfterReview.total']],
    zero: true,
    subject: { zh: '行政复议和行政诉讼', en: 'reviews and lawsuits' },
  },
];

/**
 * The 信息处理费 (国办函〔2020〕109号) a report says it charged, as data (REPORT-FORMAT §5, relation 9):
 * over normalised text, one clause (between `。`, `;` or `,`) naming the fee, a verb of charging and
 * one amount in 元 or 万元. A clause that denies or waives it (未, 没有, 无, 不, 免, 减), gives a rate
 * or a threshold (每件, 标准, 超过…) or speaks of what may or will be charged (将, 可, 如…) states no
 * amount charged. Group 1 the figure, group 2 its unit.
 */
export const PROCESSING_FEE = {
  name: /信息(?:公开)?处理费/,
  charged: /收取|收缴|实收|缴纳|收费金额|收费总额/,
  denied: /未|没有|无|不|免|减/,
  rate: /每|\/件|\/页|标准|超过|超出|以上|以下|档/,
  conditional: /将|可|如|若|拟/,
  amount: /(\d+(?:\.\d+)?)(万元|元)/g,
  clause: /[^。;,!?]+/g,
};
