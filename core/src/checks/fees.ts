import { equal } from '../decimal';
import type { Finding, Report } from '../model';
import { PROCESSING_FEE } from '../template/phrases';
import { windowOf, type NormText } from '../text/normalize';
import Decimal from 'decimal.js';

/** The narrative sections a report states its 信息处理费 in: 一 (依申请公开) and 六, before any table. */
const FEE_SECTIONS = [1, 6];

/** A 信息处理费 amount a clause of the narrative states as charged, in 万元, with where it stands. */
export interface ChargedFee { wan: string; written: string; clause: string; start: number; end: number }

/**
 * Every clause of sections 一 and 六 stating a 信息处理费 charged with exactly one amount (a clause
 * with two amounts, that denies or waives the fee, gives a rate or speaks of what may be charged states none for certain).
 * `nt`: the report's text normalised.
 */
export function chargedProcessingFees(report: Report, nt: NormText): ChargedFee[] {
  const out: ChargedFee[] = [];
  for (const s of report.sections) {
    if (!FEE_SECTIONS.includes(s.number)) continue;
    let to = s.end;
    for (const t of report.tables) if (t.rows.length && t.start >= s.headingEnd && t.start < to) to = t.start;
    if (to <= s.headingEnd) continue;
    const w = windowOf(nt, s.headingEnd, to);
    // Every clause that counts names the fee (PROCESSING_FEE.name): a section that never does has none.
    if (!w.text.includes('处理费')) continue;
    PROCESSING_FEE.clause.lastIndex = 0;
    for (let m = PROCESSING_FEE.clause.exec(w.text); m; m = PROCESSING_FEE.clause.exec(w.text)) {
      const clause = m[0];
      if (!PROCESSING_FEE.name.test(clause) || !PROCESSING_FEE.charged.test(clause) || PROCESSING_FEE.denied.test(clause)) continue;
      if (PROCESSING_FEE.rate.test(clause) || PROCESSING_FEE.conditional.test(clause)) continue;
      const amounts = [...clause.matchAll(PROCESSING_FEE.amount)];
      if (amounts.length !== 1) continue;
      const a = amounts[0];
      const figure = a[1], wan = a[2] === '元' ? new Decimal(figure).dividedBy(10000).toFixed() : figure;
      const ns = m.index + a.index!, ne = ns + figure.length;
      out.push({ wan, written: a[0], clause, start: w.map[ns], end: w.map[ne - 1] + 1 });
    }
  }
  return out;
}

/**
 * REPORT-FORMAT §5, relation 9: the 行政事业性收费 row (第二十条第（八）项, 本年收费金额 in 万元) is
 * the body's administrative fees, not the 信息处理费 charged to applicants. A warning when the row's
 * amount, not 0, is the very amount the narrative says was charged as 信息处理费 (in 万元, or the 元
 * figure written into the 万元 cell): the fee was most likely entered in the wrong row. A report that
 * charged no 信息处理费 while its table shows fees is the normal case and gets nothing.
 */
export function processingFeeFindings(report: Report, nt: NormText): Finding[] {
  const cell = report.cells.get('active.fees.amount');
  if (!cell || cell.kind !== 'number' || !/[1-9]/.test(cell.value!)) return [];
  const fee = chargedProcessingFees(report, nt).find(f => equal(f.wan, cell.value!) || equal(f.written.replace(/万?元$/, ''), cell.value!));
  if (!fee) return [];
  return [{
    code: 'fee-confusion', severity: 'warning', start: cell.start, end: cell.end, cells: ['active.fees.amount'],
    message: {
      zh: `行政事业性收费 · 本年收费金额为 ${cell.value} 万元，与正文所说收取的信息处理费相同（“${fee.clause}”）：信息处理费不是第二十条第（八）项的行政事业性收费，请核对是否填错了行`,
      en: `Administrative fees (行政事业性收费) · amount is ${cell.value} (10,000 yuan), the same as the information-processing fee the text says was charged ("${fee.clause}"): that fee is not an administrative fee of article 20 (8); check that it was not entered in this row`,
    },
  }];
}
