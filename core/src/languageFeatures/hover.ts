import { evaluateAll, hasCell, requiredValue, type Evaluated } from '../checks/relations';
import { formulaOf } from '../checks/formula';
import type { Cell, Message } from '../model';
import type { PlacedReport, ReportDocument } from '../parse/document';
import { cellName, rowName } from '../template/names';
import { REQUEST_COLUMN_NAMES } from '../template/relations';
import { cellAt } from './cellAt';
import { narrativeQuotes } from '../checks/narrative';
import { sum } from '../decimal';

export interface HoverResult { start: number; end: number; lines: Message[] }

const kindWords: Record<string, Message> = {
  blank: { zh: '空（未填写，不等于 0）', en: 'blank (not written; not zero)' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
  invalid: { zh: '不是数字', en: 'not a number' },
  unknown: { zh: '无法从原文确定', en: 'cannot be read for certain' },
};

/** How the reader came by a cell's value, when it was not simply written there. */
function provenanceLine(cell: Cell): Message | null {
  switch (cell.provenance) {
    case 'solved': return { zh: '由表内勾稽关系推定（原文数字连写或空白格被省略）', en: "Solved from the table's own relations (the text runs figures together or leaves blank cells out)" };
    case 'layout': return { zh: '按版式推定（原文合并了相同的连续单元格或省略了空白格）', en: 'Placed by the layout (the text merged identical neighbouring cells or left blank cells out)' };
    case 'unknown': return cell.candidates
      ? { zh: `可能为：${cell.candidates.map(candidateWord('zh')).join('、')}（表内关系无法确定）`, en: `Could be: ${cell.candidates.map(candidateWord('en')).join(', ')} (the table's relations do not decide)` }
      : null;
    default: return null;
  }
}

const candidateWord = (lang: 'zh' | 'en') => (c: string) => (c === 'blank' ? (lang === 'zh' ? '空' : 'blank') : c === 'not-applicable' ? '/' : c);

/**
 * Hover on a cell: its key in words, its value, and for every relation it belongs to the computed
 * value and the formula (`总计 = 8 + 1 + 0 = 9，表中为 8`). Hover on a row label: the row's computed sum.
 */
export function hover(doc: ReportDocument, offset: number): HoverResult | null {
  const { placed, cell } = cellAt(doc, offset);
  const report = placed.report;
  if (cell) {
    const name = cellName(cell.key);
    const lines: Message[] = [{ zh: `**${name.zh}**`, en: `**${name.en}**` }];
    if (cell.kind === 'number') lines.push({ zh: `值：${cell.value}${cell.unit ? ' ' + cell.unit : ''}`, en: `Value: ${cell.value}${cell.unit ? ' ' + cell.unit : ''}` });
    else lines.push(kindWords[cell.kind]);
    const how = provenanceLine(cell);
    if (how) lines.push(how);
    for (const e of evaluateAll(report).filter(x => hasCell(x, cell.key))) lines.push(relationLine(e, cell.key));
    return { start: placed.base + cell.start, end: placed.base + cell.end, lines };
  }
  const rel = offset - placed.base;
  for (const t of report.tables) for (const r of t.rows) {
    if (rel < r.labelStart || rel > r.labelEnd || t.id !== 'requests') continue;
    const parts = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg'].map(c => report.cells.get(`requests.${r.key}.${c}`));
    if (parts.some(p => !p)) continue;
    const nums = parts.map(p => (p!.kind === 'number' ? p!.value! : '0'));
    const total = report.cells.get(`requests.${r.key}.total`);
    const n = rowName(r.key);
    return {
      start: placed.base + r.labelStart, end: placed.base + r.labelEnd,
      lines: [{ zh: `**${n.zh}**`, en: `**${n.en}**` },
        { zh: `各类申请人之和 = ${nums.join(' + ')} = ${sum(nums)}，总计栏为 ${total?.value ?? '（空）'}`, en: `Sum of applicants = ${nums.join(' + ')} = ${sum(nums)}; the total column says ${total?.value ?? '(blank)'}` }],
    };
  }
  return columnHover(placed, offset) ?? quoteHover(placed, offset);
}

/** Hover on a number the narrative quotes (共收到…申请N件): what the tables say of it. */
function quoteHover({ base, text, report }: PlacedReport, offset: number): HoverResult | null {
  const rel = offset - base;
  const q = narrativeQuotes(report, text).find(x => rel >= x.start && rel <= x.end);
  if (!q) return null;
  const names = q.phrase.readings.map(keys => keys.map(k => cellName(k)));
  const lines: Message[] = [{ zh: `**正文：${q.sentence}**`, en: `**Text: ${q.sentence}**` }];
  q.phrase.readings.forEach((_, i) => {
    const said = q.sums[i];
    const mark = said === null ? '?' : said === q.quoted ? '✓' : '✗';
    lines.push({
      zh: `${mark} 表中 ${names[i].map(n => n.zh).join(' + ')} = ${said ?? '（无法确定）'}`,
      en: `${mark} table: ${names[i].map(n => n.en).join(' + ')} = ${said ?? '(not known)'}`,
    });
  });
  return { start: base + q.start, end: base + q.end, lines };
}

/** Hover on a column header of the requests table (自然人 … 总计): the column's computed sum. */
function columnHover({ base, text, report }: PlacedReport, offset: number): HoverResult | null {
  const table = report.tables.find(t => t.id === 'requests');
  const rel = offset - base;
  if (!table || rel >= table.start) return null;
  const section = report.sections.find(s => s.number === 3);
  if (section && rel < section.headingEnd) return null;
  const from = Math.max(0, rel - 6), to = Math.min(text.length, rel + 6);
  for (const [col, name] of Object.entries(REQUEST_COLUMN_NAMES)) {
    for (let i = text.indexOf(name.zh, from); i >= 0 && i < to; i = text.indexOf(name.zh, i + 1)) {
      if (rel < i || rel > i + name.zh.length) continue;
      const e = evaluateAll(report).find(x => x.spec.id === `column-sum:${col}`);
      if (!e) return null;
      const f = formulaOf(e);
      return { start: base + i, end: base + i + name.zh.length, lines: [{ zh: `**${name.zh}** 列`, en: `**${name.en}** column` }, { zh: `${e.ok ? '✓' : '✗'} ${f.zh}`, en: `${e.ok ? '✓' : '✗'} ${f.en}` }] };
    }
  }
  return null;
}

/** More addends than this and a relation's line says only its sums (the full formula is in the CLI's JSON). */
const LONGEST_FORMULA = 8;

function relationLine(e: Evaluated, key: string): Message {
  const f = e.spec.code !== 'balance' && e.spec.right.length > LONGEST_FORMULA
    ? { zh: `${e.spec.names.zh}：各项之和 ${e.right}，表中为 ${e.left}`, en: `${e.spec.names.en}: the parts add up to ${e.right}, the table says ${e.left}` }
    : formulaOf(e);
  const mark = e.ok ? '✓' : '✗';
  if (e.ok) return { zh: `${mark} ${f.zh}`, en: `${mark} ${f.en}` };
  const need = requiredValue(e, key);
  return { zh: `${mark} ${f.zh}（按此关系本格应为 ${need}）`, en: `${mark} ${f.en} (by this relation this cell should be ${need})` };
}

