import type { Finding, Report } from '../model';
import { arithmeticFindings } from './arithmetic';
import { rowFindings, sectionFindings, tableFindings } from './structure';
import { blankCellFindings, invalidNumberFindings, templateFindings } from './values';

/** Every check on one report, in document order. Pure. */
export function checkReport(report: Report): Finding[] {
  // No text at all is an empty file, as the CLI says of a file of 0 bytes: one message for both.
  if (!report.sections.length && !report.tables.length) return [notAReport(report.start, report.start, report.end === report.start ? 'empty' : 'none')];
  const all = [
    ...sectionFindings(report), ...tableFindings(report), ...rowFindings(report),
    ...arithmeticFindings(report), ...invalidNumberFindings(report), ...blankCellFindings(report), ...templateFindings(report),
  ];
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}

const WHY = {
  none: { zh: '没有找到年报：既没有六个部分的标题，也没有统计表', en: 'No report found: neither the six section headings nor the statistics tables' },
  empty: { zh: '文件为空', en: 'The file is empty' },
  binary: { zh: '不是文本文件（二进制内容），未检查', en: 'Not a text file (binary content); not checked' },
};

/** The file holds no report (empty, binary, or other text): one warning, not a list of missing sections. */
export function notAReport(start: number, end: number, why: keyof typeof WHY): Finding {
  return { code: 'not-a-report', severity: 'warning', start, end, cells: [], message: WHY[why] };
}
