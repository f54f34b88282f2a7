import type { Message, Report, Table, TableId } from '../model';
import type { PlacedReport, ReportDocument } from '../parse/document';
import { tableLines, type TableContent } from '../template/writeTable';
import { parseReport, type ParseOptions } from '../parse/report';
import type { OffsetEdit } from './fixes';

/** Where a table's heading words begin, searched between its section heading and its first row (spaces and traditional forms allowed). */
const HEADER: Record<TableId, RegExp | null> = {
  active: /第\s*二\s*十\s*[条條]|信\s*息\s*[内內]\s*容/,
  requests: /申\s*[请請]\s*人\s*情\s*[况況]|自\s*然\s*人/,
  appeals: null,
};
const SECTION_OF: Record<TableId, number> = { active: 2, requests: 3, appeals: 4 };

export type FormatResult = { edit: OffsetEdit } | { reason: Message };

/** Why a table cannot be rewritten from its cells (Format Table and the 2021 upgrade alike). */
export const UNREWRITABLE = {
  unknown: { zh: '表中有单元格无法从原文唯一确定，改写前请先核对这些单元格。', en: 'Some cells of the table cannot be read for certain: check them before rewriting the table.' },
  malformed: { zh: '表中有行的单元格数量不对，无法改写。', en: 'A row of the table has the wrong number of cells: the table cannot be rewritten.' },
} satisfies Record<string, Message>;

const REASONS = {
  html: { zh: 'HTML 文件中的表格不能改写为文本表格。', en: 'A table in an HTML file cannot be rewritten as a text table.' },
  ...UNREWRITABLE,
  reread: { zh: '改写后的表格会被读成不同的数值，因此不予改写。', en: 'The rewritten table would read differently, so it is left as it is.' },
  none: { zh: '光标处没有表格。', en: 'There is no table at the cursor.' },
} satisfies Record<string, Message>;

/** Start of the table's heading words (its column headings, block headings), or its first row when there are none. */
function regionStart(report: Report, text: string, table: Table): number {
  const re = HEADER[table.id];
  const section = report.sections.find(s => s.number === SECTION_OF[table.id]);
  const from = section && section.headingEnd <= table.start ? section.headingEnd : table.start;
  const m = re?.exec(text.slice(from, table.start));
  let start = m ? from + m.index : table.start;
  // The pipes and spaces that open its line go with it.
  while (start > from && /[ \t|\u3000\u00a0]/.test(text[start - 1])) start--;
  return start;
}

/** The end of the table's last cell as written (its unit too), and the pipes and spaces after it on its line. */
function regionEnd(report: Report, text: string, table: Table): number {
  let e = table.end;
  for (const r of table.rows) for (const k of r.cells) { const c = report.cells.get(k); if (c && c.kind !== 'blank') e = Math.max(e, c.start + c.text.length); }
  while (e < text.length && /[ \t|\u3000\u00a0]/.test(text[e])) e++;
  return e;
}

/** What a table holds, row by row, as the text to write: figures as written, a glued figure by its value. */
function contentOf(report: Report, table: Table): TableContent {
  const rows = new Map<string, string[]>();
  for (const r of table.rows) if (r.cells.length) rows.set(r.key, r.cells.map(k => k.slice(k.lastIndexOf('.') + 1)));
  return {
    rows,
    cell: key => cellText(report, key),
  };
}

/** The text to write for a cell when its table is rewritten: as written, a glued figure by its value; `''` for a blank or absent cell. */
export function cellText(report: Report, key: string): string {
  const c = report.cells.get(key);
  if (!c || c.kind === 'blank') return '';
  return c.glued || c.provenance === 'layout' || c.provenance === 'solved' ? `${c.value}${c.unit ?? ''}` : c.text;
}

/**
 * A report's table rewritten as an aligned pipe table in the national format, from whatever layout
 * it was in (one cell per line, tabs, runs of glued figures once they are read): an edit of the
 * table's own text — its heading words through its last cell — that writes every cell's figure as
 * it was (a glued figure as the value it was read as) and leaves all text outside the table as it
 * is. No edit when a cell could not be read for certain or a row has the wrong number of cells.
 * Offsets are the report's own (add `PlacedReport.base` for the document).
 */
export function formatTable(report: Report, text: string, id: TableId, options: ParseOptions = {}): FormatResult {
  const table = report.tables.find(t => t.id === id);
  if (!table || !table.rows.length) return { reason: REASONS.none };
  if (table.rows.some(r => r.problem === 'count' || r.problem === 'truncated' || r.problem === 'glued')) return { reason: REASONS.malformed };
  if (table.rows.some(r => r.cells.some(k => report.cells.get(k)?.kind === 'unknown'))) return { reason: REASONS.unknown };
  const start = regionStart(report, text, table), end = regionEnd(report, text, table);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = tableLines(id, table.template ?? (report.template === '2019' ? '2019' : '2021'), contentOf(report, table));
  const before = start > 0 && text[start - 1] !== '\n' ? eol : '';
  const after = end < text.length && text[end] !== '\n' && text[end] !== '\r' ? eol : '';
  const edit = { start, end, newText: before + lines.join(eol) + after };
  return readsTheSame(report, text, table, edit, options) ? { edit } : { reason: REASONS.reread };
}

/** Whether the text after `edit` reads every cell of the table as the same kind and value, and no cell more. */
function readsTheSame(report: Report, text: string, table: Table, edit: OffsetEdit, options: ParseOptions): boolean {
  const after = parseReport(text.slice(0, edit.start) + edit.newText + text.slice(edit.end), options);
  const keys = (r: Report) => [...r.cells.keys()].filter(k => k.startsWith(`${table.id}.`));
  const before = keys(report);
  if (keys(after).length !== before.length) return false;
  return before.every(k => { const a = report.cells.get(k)!, b = after.cells.get(k); return !!b && a.kind === b.kind && a.value === b.value; });
}

/** The table of the report at document offset `offset` that holds it (from its heading words to its last cell), formatted; document offsets. */
export function formatTableAt(doc: ReportDocument, offset: number): FormatResult & { table?: TableId } {
  if (doc.html) return { reason: REASONS.html };
  const placed: PlacedReport | undefined = doc.reportAt(offset);
  if (!placed) return { reason: REASONS.none };
  const rel = offset - placed.base;
  for (const t of placed.report.tables) {
    if (rel < regionStart(placed.report, placed.text, t) || rel > regionEnd(placed.report, placed.text, t)) continue;
    const r = formatTable(placed.report, placed.text, t.id, doc.options);
    return 'edit' in r ? { edit: { ...r.edit, start: r.edit.start + placed.base, end: r.edit.end + placed.base }, table: t.id } : { ...r, table: t.id };
  }
  return { reason: REASONS.none };
}

/** The region (report offsets) a table's format rewrites: for code lenses and code actions on a table. */
export function tableRegion(report: Report, text: string, table: Table): { start: number; end: number } {
  return { start: regionStart(report, text, table), end: regionEnd(report, text, table) };
}
