import type { Finding, Report } from '../model';
import { windowOf, type NormText, type NormWindow } from '../text/normalize';
import { bodyOf, isTownship } from './body';

/**
 * Dates and deadlines (REPORT-FORMAT §5, relation 8), as information:
 * - the statistics period the text states (`统计期限自2023年1月1日起至2023年12月31日止`) is the
 *   title's calendar year;
 * - the publication date — an archive's `发布时间:` field, else the date at the end of the report —
 *   meets 条例 article 49: 31 January of the next year for a department, 31 March for a
 *   government's own report (a 乡/镇/街道 report is not judged: the article does not name them).
 */
const PERIOD = /统计(?:期限|时限|期间|时间)?(?:为|是)?(?:自|从)?(20\d\d)年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|-|—)(?:(20\d\d)年)?(\d{1,2})月(\d{1,2})日/g;
const PUBLISHED = /发布(?:时间|日期)[:：]\s*(20\d\d)-(\d{1,2})-(\d{1,2})/;
const DATE = /(20\d\d)年(\d{1,2})月(\d{1,2})日/g;

/** `nt`: `text` normalised. */
export function dateFindings(report: Report, text: string, nt: NormText): Finding[] {
  const year = report.year;
  if (!year) return [];
  const out: Finding[] = [];
  // The statistics period: the first one the text states (searched around its first 统计 only).
  // Only 日 folds to 日 (text/normalize.ts): a window without one holds no period.
  const k = text.indexOf('统计'), kEnd = Math.min(text.length, k + 160);
  const pt = k >= 0 && holds(text, '日', k, kEnd) ? windowOf(nt, k, kEnd) : null;
  const at = (w: NormWindow, ns: number, ne: number) => ({ start: w.map[ns], end: w.map[ne - 1] + 1 });
  PERIOD.lastIndex = 0;
  const p = pt ? PERIOD.exec(pt.text) : null;
  if (p && pt) {
    const [, y1, m1, d1, y2, m2, d2] = p;
    const endYear = y2 ?? y1;
    if (+y1 !== year || +endYear !== year || +m1 !== 1 || +d1 !== 1 || +m2 !== 12 || +d2 !== 31) {
      out.push({
        code: 'report-date', severity: 'information', cells: [], ...at(pt, p.index, p.index + p[0].length),
        message: {
          zh: `统计期限为${y1}年${m1}月${d1}日至${endYear}年${m2}月${d2}日，不是报告年度${year}年的全年（1月1日至12月31日）`,
          en: `The statistics period is ${y1}-${m1}-${d1} to ${endYear}-${m2}-${d2}, not the whole of the report's year ${year}`,
        },
      });
    }
  }
  const deadline = deadlineOf(report.title ?? '');
  if (!deadline) return out;
  const published = publicationDate(text, nt);
  if (!published) return out;
  const { y, m, d, place } = published;
  const late = y > year + 1 || (y === year + 1 && (m > deadline.month || (m === deadline.month && d > deadline.day)));
  if (late) {
    out.push({
      code: 'report-date', severity: 'information', cells: [], ...place,
      message: {
        zh: `报告于${y}年${m}月${d}日发布，晚于《条例》第四十九条规定的${year + 1}年${deadline.month}月${deadline.day}日（${deadline.who.zh}）`,
        en: `Published on ${y}-${m}-${d}, after the ${year + 1}-${deadline.month}-${deadline.day} that article 49 of the Regulations sets (${deadline.who.en})`,
      },
    });
  }
  return out;
}

/**
 * The deadline of article 49 for the body the title names: 31 March for a government's own report
 * (`…人民政府`, or a place: `三明市`, `…开发区`), 31 January for a department (`…局`, `…办公室`…);
 * none for a township or a body the title does not make plain.
 */
function deadlineOf(title: string): { month: number; day: number; who: { zh: string; en: string } } | null {
  const body = bodyOf(title);
  if (!body || isTownship(body)) return null;
  if (/(?:人民政府|[省市县区州盟旗])$/.test(body)) return { month: 3, day: 31, who: { zh: '本级政府的年度报告', en: "a government's own report" } };
  if (/(?:局|委员会|委|办公室|办|厅|中心|院|署|所|站|队|馆|处)$/.test(body)) return { month: 1, day: 31, who: { zh: '政府部门的年度报告', en: "a department's report" } };
  return null;
}

type Place = { start: number; end: number };

/** Whether `text[from, to)` holds `ch`. */
const holds = (text: string, ch: string, from: number, to: number) => { const i = text.indexOf(ch, from); return i >= 0 && i < to; };

/**
 * The publication date and where it stands: an archive's `发布时间:` field, else the last date in
 * the normalised text of the report's last 400 source characters (its signature). Neither is read
 * when it cannot match: no 发布 in the first 2,000 characters, no 日 in the tail.
 */
function publicationDate(src: string, nt: NormText): { y: number; m: number; d: number; place: Place } | null {
  // Only the first 2,000 characters are searched (not the whole report when it has no 发布).
  const head = src.slice(0, 2000);
  const f = head.includes('发布') ? PUBLISHED.exec(head) : null;
  if (f) return { y: +f[1], m: +f[2], d: +f[3], place: { start: f.index, end: f.index + f[0].length } };
  const tailFrom = Math.max(0, src.length - 400);
  if (!holds(src, '日', tailFrom, src.length)) return null;
  const tail = windowOf(nt, tailFrom, src.length);
  DATE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = DATE.exec(tail.text); m; m = DATE.exec(tail.text)) last = m;
  return last ? { y: +last[1], m: +last[2], d: +last[3], place: { start: tail.map[last.index], end: tail.map[last.index + last[0].length - 1] + 1 } } : null;
}
