import type { Finding, Report, Table } from '../model';
import { SECTIONS } from '../template/sections';
import { rowName, tableName } from '../template/names';

const NUM = ['', '一', '二', '三', '四', '五', '六'];

/** Missing, misnumbered, duplicated and out-of-order sections. */
export function sectionFindings(report: Report): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<number>();
  let highest = 0;
  for (const s of report.sections) {
    const at = { start: s.headingStart, end: s.headingEnd };
    if (seen.has(s.number)) {
      out.push({ code: 'section-order', severity: 'error', cells: [], ...at,
        message: { zh: `第${NUM[s.number]}部分重复出现：“${s.title}”`, en: `Section ${s.number} appears twice: "${s.title}"` } });
    } else if (s.number < highest) {
      out.push({ code: 'section-order', severity: 'error', cells: [], ...at,
        message: { zh: `第${NUM[s.number]}部分出现在第${NUM[highest]}部分之后`, en: `Section ${s.number} comes after section ${highest}` } });
    } else if (s.writtenNumber !== null && s.writtenNumber !== s.number) {
      out.push({ code: 'section-order', severity: 'error', cells: [], ...at,
        message: { zh: `标题编号有误：“${s.title}”应为第${NUM[s.number]}部分（${NUM[s.number]}、）`, en: `Misnumbered heading: "${s.title}" is section ${s.number}` } });
    }
    seen.add(s.number);
    highest = Math.max(highest, s.number);
  }
  const cutOff = report.tables.some(t => t.truncated);
  for (const spec of SECTIONS) {
    if (seen.has(spec.number)) continue;
    const next = report.sections.find(s => s.number > spec.number);
    const at = next ? next.headingStart : report.end;
    out.push({
      code: 'missing-section', severity: 'error', cells: [], start: at, end: at,
      message: {
        zh: `缺少第${NUM[spec.number]}部分“${spec.title.zh}”${!next && cutOff ? '（文档在表格中途结束，可能不完整）' : ''}`,
        en: `Section ${spec.number} "${spec.title.en}" is missing${!next && cutOff ? ' (the document stops mid-table; it may be cut off)' : ''}`,
      },
    });
  }
  return out;
}

/** Tables absent from sections that are present. */
export function tableFindings(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const spec of SECTIONS) {
    if (!spec.table || report.tables.some(t => t.id === spec.table)) continue;
    const s = report.sections.find(x => x.number === spec.number);
    if (!s) continue;
    const t = tableName(spec.table);
    out.push({ code: 'missing-table', severity: 'error', cells: [], start: s.headingStart, end: s.headingEnd,
      message: { zh: `第${NUM[spec.number]}部分缺少${t.zh}`, en: `Section ${spec.number} has no ${t.en}` } });
  }
  return out;
}

/** Rows left out (one finding per run of consecutive rows) and rows whose cells cannot be read. */
export function rowFindings(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const t of report.tables) {
    out.push(...missingRows(t));
    const uncertain = uncertainCells(report, t);
    if (uncertain) out.push(uncertain);
    for (const r of t.rows) {
      if (!r.problem || r.problem === 'truncated' || r.problem === 'ambiguous') continue;
      const keys = r.cells;
      const c = report.cells.get(keys[0]);
      const name = r.key === 'appeals' ? tableName('appeals') : rowName(r.key);
      const message = r.problem === 'glued'
        ? { zh: `${name.zh}：数字连在一起（“${c?.text ?? ''}”），无法分出 ${keys.length} 个单元格`, en: `${name.en}: the digits run together ("${c?.text ?? ''}") and cannot be split into ${keys.length} cells` }
        : { zh: `${name.zh}：应有 ${keys.length} 个单元格，实有 ${r.found} 个`, en: `${name.en}: ${keys.length} cells expected, ${r.found} found` };
      out.push({ code: 'malformed-row', severity: 'error', cells: keys, start: c ? c.start : r.labelStart, end: c ? c.end : r.labelEnd, message });
    }
  }
  return out;
}

/**
 * The reader's own doubt, once per table: the rows whose figures allow several readings that the
 * table's relations do not tell apart (digits run together, blank cells left out of the text). Their
 * cells stay unknown and the sums over them are not checked; this says so.
 */
function uncertainCells(report: Report, t: Table): Finding | null {
  const rows = t.rows.filter(r => r.problem === 'ambiguous');
  if (!rows.length) return null;
  const keys = rows.flatMap(r => r.cells.filter(k => report.cells.get(k)?.kind === 'unknown'));
  const first = report.cells.get(keys[0]);
  const names = rows.map(r => (r.key === 'appeals' ? tableName('appeals') : rowName(r.key)));
  const tn = tableName(t.id);
  return {
    code: 'uncertain-cells', severity: 'warning', cells: keys,
    start: first ? first.start : rows[0].labelStart, end: first ? first.end : rows[0].labelEnd,
    message: {
      zh: `${tn.zh}有 ${keys.length} 个单元格无法从原文唯一确定（${names.map(n => n.zh).join('、')}：数字连写，或空白格在原文中被省略），含有这些单元格的合计不予核对`,
      en: `${keys.length} ${keys.length === 1 ? "cell" : "cells"} of the ${tn.en} cannot be read for certain (${names.map(n => n.en).join('; ')}: digits run together, or blank cells left out of the text); sums over them are not checked`,
    },
  };
}

function missingRows(t: Table): Finding[] {
  if (!t.missingRows.length) return [];
  const tn = tableName(t.id);
  if (t.truncated) {
    const at = t.end;
    return [{
      code: 'missing-row', severity: 'error', cells: [], start: at, end: at,
      message: { zh: `${tn.zh}不完整：文档在表格中途结束，缺少 ${t.missingRows.length} 行`, en: `The ${tn.en} is incomplete: the document stops mid-table, ${t.missingRows.length} rows are missing` },
    }];
  }
  const out: Finding[] = [];
  for (const key of t.missingRows) {
    const n = rowName(key);
    const at = t.rows.length ? t.rows[0].labelStart : t.start;
    out.push({ code: 'missing-row', severity: 'error', cells: [], start: at, end: at,
      message: { zh: `${tn.zh}缺少“${n.zh}”行`, en: `The ${tn.en} has no row "${n.en}"` } });
  }
  return out;
}
