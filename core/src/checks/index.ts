import type { Finding, Report } from '../model';
import { arithmeticFindings } from './arithmetic';
import { rowFindings, sectionFindings, tableFindings } from './structure';
import { blankCellFindings, invalidNumberFindings, templateFindings } from './values';

/** Every check on one report, in document order. Pure. */
export function checkReport(report: Report): Finding[] {
  const all = [
    ...sectionFindings(report), ...tableFindings(report), ...rowFindings(report),
    ...arithmeticFindings(report), ...invalidNumberFindings(report), ...blankCellFindings(report), ...templateFindings(report),
  ];
  return all.sort((a, b) => a.start - b.start || a.end - b.end);
}
