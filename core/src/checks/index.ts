import type { Finding, Report } from '../model';
import { arithmeticFindings } from './arithmetic';
import { rowFindings, sectionFindings, tableFindings } from './structure';
import { blankCellFindings, invalidNumberFindings, templateFindings } from './values';

/** Every check on one report, in document order. Pure. */
export function checkReport(report: Report): Finding[] {
  if (!isReport(report)) return [notAReport(report.start, report.start, 'none')];
  const all = [
    ...sectionFindings(report), ...tableFindings(report), ...rowFindings(report),
    ...arithmeticFindings(report), ...invalidNumberFindings(report), ...blankCellFindings(report), ...templateFindings(report),
  ];
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Whether a text is a report at all: it has a report title, numbered section headings (two or
 * more), or a table with figures in three rows or more. A README or a rule page that only mentions
 * 政府信息公开, 总体情况 or 总计 is none of these, and gets no findings but this one.
 */
export function isReport(report: Report): boolean {
  if (report.title) return true;
  if (report.sections.filter(s => s.writtenNumber !== null).length >= 2) return true;
  const hasFigures = (keys: string[]) => keys.some(k => report.cells.get(k)?.kind === 'number');
  return report.tables.some(t => t.rows.filter(r => hasFigures(r.cells)).length >= 3);
}

const WHY = {
  none: { zh: '没有找到年报：既没有年报标题、编号的部分标题，也没有统计表', en: 'No report found: no report title, no numbered section headings and no statistics table' },
  empty: { zh: '文件为空', en: 'The file is empty' },
  binary: { zh: '不是文本文件（二进制内容），未检查', en: 'Not a text file (binary content); not checked' },
};

/** The file holds no report (empty, binary, or other text): one warning, not a list of missing sections. */
export function notAReport(start: number, end: number, why: keyof typeof WHY): Finding {
  return { code: 'not-a-report', severity: 'warning', start, end, cells: [], message: WHY[why] };
}
