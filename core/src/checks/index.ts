import type { Finding, Report } from '../model';
import { arithmeticFindings } from './arithmetic';
import { rowFindings, sectionFindings, tableFindings } from './structure';
import { blankCellFindings, invalidNumberFindings, templateFindings, townshipRulesFindings } from './values';
import { narrativeFindings } from './narrative';
import { dateFindings } from './dates';
import { processingFeeFindings } from './fees';
import { normalize, type NormText } from '../text/normalize';

/**
 * Every check on one report, in document order; with the report's text, the narrative and date
 * checks too (`nt`: that text normalised, as parseReport did it, else normalised here). Pure.
 */
export function checkReport(report: Report, text?: string, nt?: NormText): Finding[] {
  // No text at all is an empty file, as the CLI says of a file of 0 bytes: one message for both.
  if (!isReport(report, text)) return [notAReport(report.start, report.start, report.end === report.start ? 'empty' : 'none')];
  const all = [
    ...sectionFindings(report), ...tableFindings(report), ...rowFindings(report),
    ...arithmeticFindings(report), ...invalidNumberFindings(report), ...blankCellFindings(report), ...templateFindings(report), ...townshipRulesFindings(report),
    ...(text === undefined ? [] : textFindings(report, text, nt ?? normalize(text))),
  ];
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The checks of the narrative against the tables and the dates. */
function textFindings(report: Report, text: string, nt: NormText): Finding[] {
  return [...narrativeFindings(report, text, nt), ...dateFindings(report, text, nt), ...processingFeeFindings(report, nt)];
}

/**
 * Whether a text is a report at all: it has a report title, numbered section headings (two or
 * more), or a table with figures in three rows or more. A README or a rule page that only mentions
 * 政府信息公开, 总体情况 or 总计 is none of these, and gets no findings but this one.
 */
export function isReport(report: Report, text?: string): boolean {
  if (report.title) return true;
  // Numbered headings that begin their lines (a README quoting `一、概述` mid-sentence has none).
  const startsLine = (at: number) => text === undefined || /(?:^|[\r\n])[ \t\u3000#*>-]*$/.test(text.slice(Math.max(0, at - 12), at));
  if (report.sections.filter(s => s.writtenNumber !== null && startsLine(s.headingStart)).length >= 2) return true;
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
