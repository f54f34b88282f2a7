import type { TemplateId } from '../model';
import type { RelationSpec } from './types';
import { slotOf } from '../parse/cellTable';
import { APPEAL_GROUPS, REQUEST_COLUMNS, REQUEST_PARTS, REQUESTS_2019, REQUESTS_2021 } from './tables';

/** Column and row names used in formulas and hover text. */
export const REQUEST_COLUMN_NAMES: Record<string, { zh: string; en: string }> = {
  natural: { zh: '自然人', en: 'natural persons' },
  business: { zh: '商业企业', en: 'businesses' },
  research: { zh: '科研机构', en: 'research institutes' },
  nonprofit: { zh: '社会公益组织', en: 'non-profits' },
  legal: { zh: '法律服务机构', en: 'legal services' },
  otherOrg: { zh: '其他', en: 'other organisations' },
  total: { zh: '总计', en: 'total' },
};

const dataRows = (t: TemplateId) =>
  (t === '2021' ? REQUESTS_2021 : REQUESTS_2019).rows.filter(r => r.columns.length && !['new', 'carried', 'total', 'carryover'].includes(r.key)).map(r => r.key);

type Spec = Omit<RelationSpec, 'keys' | 'slots'>;
const withKeys = (r: Spec): RelationSpec => {
  const keys = [...r.left, ...r.right];
  return { ...r, keys, slots: Int32Array.from(keys, slotOf) };
};

function requestRelations(t: TemplateId): RelationSpec[] {
  const rows = (t === '2021' ? REQUESTS_2021 : REQUESTS_2019).rows.filter(r => r.columns.length).map(r => r.key);
  const rels: Spec[] = [];
  for (const row of rows) {
    rels.push({
      id: `row-sum:${row}`, code: 'row-sum', table: 'requests',
      left: [`requests.${row}.total`], right: REQUEST_PARTS.map(c => `requests.${row}.${c}`),
      target: `requests.${row}.total`, names: { zh: '本行总计', en: 'row total' },
    });
  }
  for (const col of REQUEST_COLUMNS) {
    rels.push({
      id: `column-sum:${col}`, code: 'column-sum', table: 'requests',
      left: [`requests.total.${col}`], right: dataRows(t).map(r => `requests.${r}.${col}`),
      target: `requests.total.${col}`, names: { zh: '（七）总计', en: '(7) total' },
    });
  }
  for (const col of REQUEST_COLUMNS) {
    rels.push({
      id: `balance:${col}`, code: 'balance', table: 'requests',
      left: [`requests.new.${col}`, `requests.carried.${col}`],
      right: [`requests.total.${col}`, `requests.carryover.${col}`],
      target: `requests.carryover.${col}`, names: { zh: '第一项加第二项之和等于第三项加第四项之和', en: 'items 1 + 2 = items 3 + 4' },
    });
  }
  return rels.map(withKeys);
}

const APPEALS: RelationSpec[] = APPEAL_GROUPS.map(g => withKeys({
  id: `appeals-sum:${g}`, code: 'appeals-sum', table: 'appeals',
  left: [`appeals.${g}.total`], right: ['upheld', 'corrected', 'other', 'pending'].map(c => `appeals.${g}.${c}`),
  target: `appeals.${g}.total`, names: { zh: '总计', en: 'total' },
}));

const cache = new Map<TemplateId, RelationSpec[]>();
/** The hard relations (REPORT-FORMAT §5, 1–4) of a report whose `requests` table has template `t`. */
export function relationsFor(t: TemplateId): RelationSpec[] {
  let r = cache.get(t);
  if (!r) { r = [...requestRelations(t), ...APPEALS]; cache.set(t, r); }
  return r;
}
