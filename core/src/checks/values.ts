import { isInteger, isNegative } from '../decimal';
import type { Finding, Report } from '../model';
import { cellName, rowName } from '../template/names';
import { valueKindOf } from '../template/names';
import { bodyOf, isTownship } from './body';

/** Text where a figure belongs, negative counts, decimals in counts (REPORT-FORMAT §5, 5). */
export function invalidNumberFindings(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const c of report.cells.values()) {
    if (c.kind !== 'invalid' && c.kind !== 'number') continue;
    // A figure is only judged further when it has a sign or a fraction.
    if (c.kind === 'number' && c.value!.charCodeAt(0) !== 0x2d && c.value!.indexOf('.') < 0) continue;
    const kind = valueKindOf(c.key);
    if (c.kind === 'number' && (kind === 'signed' || !c.value!.startsWith('-')) && (kind !== 'count' || !c.value!.includes('.'))) continue;
    const name = cellName(c.key);
    const at = { start: c.start, end: c.end, cells: [c.key] };
    if (c.kind === 'invalid') {
      out.push({ code: 'invalid-number', severity: 'error', ...at,
        message: { zh: `${name.zh}：“${c.text}”不是数字`, en: `${name.en}: "${c.text}" is not a number` } });
    } else {
      if (kind !== 'signed' && isNegative(c.value!)) {
        out.push({ code: 'invalid-number', severity: 'error', ...at,
          message: { zh: `${name.zh}：数量不能为负数（${c.text}）`, en: `${name.en}: a count cannot be negative (${c.text})` } });
      } else if (kind === 'count' && !isInteger(c.value!)) {
        out.push({ code: 'invalid-number', severity: 'error', ...at,
          message: { zh: `${name.zh}：件数应为整数（${c.text}）`, en: `${name.en}: a count must be a whole number (${c.text})` } });
      }
    }
  }
  return out;
}

/** Blank cells (not zero, not `/`): one warning per row, on its first blank cell. */
export function blankCellFindings(report: Report): Finding[] {
  const byRow = new Map<string, string[]>();
  for (const c of report.cells.values()) {
    if (c.kind !== 'blank') continue;
    const second = c.key.indexOf('.', c.key.indexOf('.') + 1);
    const row = second < 0 ? c.key : c.key.slice(0, second); // table.row
    const l = byRow.get(row) ?? [];
    l.push(c.key);
    byRow.set(row, l);
  }
  const out: Finding[] = [];
  for (const [row, keys] of byRow) {
    const first = report.cells.get(keys[0])!;
    const r = rowName(row.split('.')[1]);
    out.push({
      code: 'blank-cell', severity: 'warning', start: first.start, end: first.end, cells: keys,
      message: keys.length === 1
        ? { zh: `${cellName(keys[0]).zh} 为空：没有就填 0，不适用就填 /`, en: `${cellName(keys[0]).en} is blank: write 0 for none, / for not applicable` }
        : { zh: `${r.zh}：${keys.length} 个单元格为空（没有就填 0，不适用就填 /）`, en: `${r.en}: ${keys.length} cells are blank (write 0 for none, / for not applicable)` },
    });
  }
  return out;
}

/** A report on 2021 or later in the 2019 trial format (REPORT-FORMAT §5, 10). */
export function templateFindings(report: Report): Finding[] {
  if (report.year === null || report.year < 2021) return [];
  const old = report.tables.filter(t => t.template === '2019').slice(0, 1);
  return old.map(t => ({
    code: 'outdated-template' as const, severity: 'warning' as const, start: t.start, end: t.start, cells: [],
    message: {
      zh: `${report.year}年的报告仍在使用2019年试行格式（国办公开办函〔2019〕60号），应改用2021年格式（国办公开办函〔2021〕30号）`,
      en: `A ${report.year} report still uses the 2019 trial format; the 2021 format applies to reports on 2021 and later`,
    },
  }));
}

/**
 * REPORT-FORMAT §5, relation 6: a township or street office (乡/镇/街道) has no power to make 规章,
 * so its report's 规章 row should be 0 (or blank, or `/`). A warning on the first figure that is not.
 */
export function townshipRulesFindings(report: Report): Finding[] {
  if (!isTownship(bodyOf(report.title))) return [];
  const rules = report.tables.find(t => t.id === 'active')?.rows.find(r => r.key === 'rules');
  for (const key of rules ? rules.cells : []) {
    const c = report.cells.get(key);
    if (!c || c.kind !== 'number' || !/[1-9]/.test(c.value!)) continue;
    return [{
      code: 'township-rules', severity: 'warning', start: c.start, end: c.end, cells: [key],
      message: {
        zh: `乡镇、街道没有规章制定权，规章一行应为 0：${cellName(key).zh} 为 ${c.value}`,
        en: `A township or street office makes no rules (规章): ${cellName(key).en} is ${c.value}, it should be 0`,
      },
    }];
  }
  return [];
}
