import type { Cell, Message, Report, Table } from '../model';
import type { PlacedReport, ReportDocument } from '../parse/document';
import { parseReport, type ParseOptions } from '../parse/report';
import { templateFindings } from '../checks/values';
import { ACTIVE_2021, REQUESTS_2021 } from '../template/tables';
import { ACTIVE_2019_TO_2021, REQUEST_ROWS_KEPT, REQUEST_ROW_SPLIT } from '../template/upgrade';
import { tableGrid, tableLines, type GridRow, type TableContent } from '../template/writeTable';
import { cellText, tableRegion, UNREWRITABLE } from './formatTable';
import { applyEdits, type OffsetEdit } from './fixes';

/**
 * How a table is laid out in its file, to write its 2021 form the same way: a pipe table (cells of a
 * row on one line between `|`), or one cell per line — each line `prefix` + cell + `suffix`
 * (`\t` before cells from Word, ` |` after cells of a web page copied as text), with an empty line
 * after each (`gap`) or not.
 */
export type TableLayout = { kind: 'pipe' } | { kind: 'lines'; prefix: string; suffix: string; gap: boolean };

export type UpgradeResult = { edits: OffsetEdit[] } | { reason: Message };

const REASONS = {
  none: { zh: '报告中没有 2019 年试行格式的表格。', en: 'The report has no table in the 2019 trial format.' },
  html: { zh: 'HTML 文件中的表格不能改写。', en: 'A table in an HTML file cannot be rewritten.' },
  layout: { zh: '表格的排版（数字连写或多个数字挤在一行）无法按原样式改写。', en: 'The table\'s layout (figures glued together or several on one line) cannot be written back in the same style.' },
  ...UNREWRITABLE,
  reread: { zh: '改写后的表格不能按 2021 年格式读出原有的数字，因此不予改写。', en: 'The rewritten tables would not read as the 2021 format with their numbers, so they are left as they are.' },
} satisfies Record<string, Message>;

/** The cells of a table written in their own place (not glued, not placed or solved): what tells its layout. */
function writtenCells(report: Report, table: Table): Cell[] {
  const out: Cell[] = [];
  for (const r of table.rows) for (const k of r.cells) {
    const c = report.cells.get(k);
    if (c && c.kind === 'number' && !c.glued && (c.provenance === undefined || c.provenance === 'written')) out.push(c);
  }
  return out;
}

const mostCommon = (xs: string[]): string => {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0][0];
};

/**
 * The table's layout, from the lines its figures stand on: nine in ten alone on their line (but for
 * spaces and pipes) is one cell per line, nine in ten on a line with pipes and other cells a pipe
 * table; anything else (glued runs, figures separated by spaces) is null.
 */
export function tableLayout(report: Report, text: string, table: Table): TableLayout | null {
  const cells = writtenCells(report, table);
  if (!cells.length) return null;
  const alone: { prefix: string; suffix: string; gap: boolean }[] = [];
  let piped = 0;
  for (const c of cells) {
    const ls = text.lastIndexOf('\n', c.start - 1) + 1;
    let le = text.indexOf('\n', c.start);
    if (le < 0) le = text.length;
    const line = text.slice(ls, le).replace(/\r$/, '');
    const before = line.slice(0, c.start - ls), after = line.slice(c.start - ls + c.text.length);
    if (/^[\t \u3000\u00a0]*$/.test(before) && /^[\s|\u3000\u00a0\u2002]*$/.test(after)) {
      const next = text.slice(le + 1, text.indexOf('\n', le + 1) < 0 ? text.length : text.indexOf('\n', le + 1));
      alone.push({ prefix: before, suffix: after.includes('|') ? ' |' : '', gap: next.trim() === '' });
    } else if (line.includes('|')) piped++;
  }
  if (alone.length >= cells.length * 0.9) {
    return { kind: 'lines', prefix: mostCommon(alone.map(a => a.prefix)), suffix: mostCommon(alone.map(a => a.suffix)), gap: alone.filter(a => a.gap).length * 2 > alone.length };
  }
  return piped >= cells.length * 0.9 ? { kind: 'pipe' } : null;
}

/** The 2021 form of a 2019 table's content: every 2021 row, each cell the number that has its place (template/upgrade.ts) or blank. */
function upgradedContent(report: Report, table: Table): TableContent {
  const rows = new Map<string, string[]>();
  const values = new Map<string, string>();
  const has = (key: string) => table.rows.some(r => r.cells.includes(key));
  if (table.id === 'active') {
    for (const r of ACTIVE_2021.rows) rows.set(r.key, r.columns);
    for (const row of table.rows) for (const key of row.cells) {
      const local = key.slice('active.'.length);
      // A 2021 block inside the 2019 table keeps its cells; a 2019 cell goes where the mapping says.
      const to = local in ACTIVE_2019_TO_2021 ? ACTIVE_2019_TO_2021[local] : ACTIVE_2021.rows.some(r => r.columns.some(c => `${r.key}.${c}` === local)) ? local : null;
      if (to) values.set(`active.${to}`, cellText(report, key));
    }
  } else {
    for (const r of REQUESTS_2021.rows) if (r.columns.length) rows.set(r.key, r.columns);
    for (const row of REQUEST_ROWS_KEPT) for (const c of rows.get(row) ?? []) {
      const key = `requests.${row}.${c}`;
      if (has(key)) values.set(key, cellText(report, key));
    }
    for (const c of rows.get(REQUEST_ROW_SPLIT.into)!) {
      const key = `requests.${REQUEST_ROW_SPLIT.from}.${c}`;
      if (!has(key)) continue;
      const v = cellText(report, key), cell = report.cells.get(key)!;
      values.set(`requests.${REQUEST_ROW_SPLIT.into}.${c}`, v);
      if (cell.kind === 'number' && !/[1-9]/.test(cell.value!)) for (const r of REQUEST_ROW_SPLIT.zeroWith) values.set(`requests.${r}.${c}`, v);
    }
  }
  return { rows, cell: key => values.get(key) ?? '' };
}

/** Rows of printed cells as lines, one cell per line (a row with a blank cell on one line between pipes, the only way a blank reads back). */
function linesOf(blocks: GridRow[][], layout: Extract<TableLayout, { kind: 'lines' }>): string[] {
  const out: string[] = [];
  const put = (s: string) => out.push(layout.prefix + s + layout.suffix);
  for (const block of blocks) for (const row of block) {
    const [label, ...cells] = row.label ? row.cells : ['', ...row.cells];
    if (!row.data) { for (const c of row.cells) if (c) put(c); continue; }
    if (cells.some(c => c === '')) { out.push(`${layout.prefix}${label} | ${cells.join(' | ')} |`); continue; }
    if (label) put(label);
    for (const c of cells) put(c);
  }
  return out;
}

/**
 * “升级为 2021 格式”: the 2019-format tables of a report (`active`, `requests`; `appeals` is the same
 * in both formats) rewritten in the 2021 layout, in the file's own layout style (pipe table, or one
 * cell per line with its own prefix, suffix and empty lines), each an edit of the table's own text
 * — its heading words through its last cell — so all text outside the tables stays as it is. Every
 * number that has a 2021 place (template/upgrade.ts) is written there as it was; the other 2021
 * cells are left blank for the user. No edit when a cell could not be read for certain, a row has
 * the wrong number of cells, the layout cannot be written back (glued figures), or the result would
 * not read as the 2021 format with those numbers. Offsets are the report's own.
 */
export function upgradeTo2021(report: Report, text: string, options: ParseOptions = {}): UpgradeResult {
  const r = upgradeEdits(report, text);
  return 'reason' in r || readsAs2021(report, text, r.edits, options) ? r : { reason: REASONS.reread };
}

/** The edits of `upgradeTo2021` before the result is read back. */
export function upgradeEdits(report: Report, text: string): UpgradeResult {
  const old = report.tables.filter(t => t.template === '2019' && t.id !== 'appeals' && t.rows.length);
  if (!old.length) return { reason: REASONS.none };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: OffsetEdit[] = [];
  for (const table of old) {
    if (table.rows.some(r => r.problem === 'count' || r.problem === 'truncated' || r.problem === 'glued')) return { reason: REASONS.malformed };
    if (table.rows.some(r => r.cells.some(k => report.cells.get(k)?.kind === 'unknown'))) return { reason: REASONS.unknown };
    // A table written only in collapsed runs or glued digits takes the layout of the report's other tables.
    const layout = tableLayout(report, text, table) ?? report.tables.map(t => (writtenCells(report, t).length ? tableLayout(report, text, t) : null)).find(l => l) ?? null;
    if (!layout) return { reason: REASONS.layout };
    const content = upgradedContent(report, table);
    const lines = layout.kind === 'pipe' ? tableLines(table.id, '2021', content) : linesOf(tableGrid(table.id, '2021', content), layout);
    const { start, end } = tableRegion(report, text, table);
    const before = start > 0 && text[start - 1] !== '\n' ? eol : '';
    const after = end < text.length && text[end] !== '\n' && text[end] !== '\r' ? eol : '';
    const joint = layout.kind === 'lines' && layout.gap ? eol + eol : eol;
    edits.push({ start, end, newText: before + lines.join(joint) + after });
  }
  return { edits: edits.sort((a, b) => a.start - b.start) };
}

/** Whether the upgraded text reads its rewritten tables as the 2021 format, without outdated-template, with every kept number in its 2021 cell. */
function readsAs2021(report: Report, text: string, edits: OffsetEdit[], options: ParseOptions): boolean {
  const after = parseReport(applyEdits(text, edits), options);
  if (after.tables.some(t => t.template === '2019') || templateFindings(after).length) return false;
  for (const table of report.tables.filter(t => t.template === '2019')) {
    const content = upgradedContent(report, table);
    for (const [row, columns] of content.rows) for (const c of columns) {
      const key = `${table.id}.${row}.${c}`, want = content.cell(key), got = after.cells.get(key);
      if (!got) return false;
      if (want === '' ? got.kind !== 'blank' : cellText(after, key) !== want) return false;
    }
  }
  return true;
}

/** The upgrade of the report at document offset `offset`, in document offsets. */
export function upgradeTo2021At(doc: ReportDocument, offset: number): UpgradeResult {
  if (doc.html) return { reason: REASONS.html };
  const placed: PlacedReport | undefined = doc.reportAt(offset);
  if (!placed) return { reason: REASONS.none };
  const r = upgradeTo2021(placed.report, placed.text, doc.options);
  return 'edits' in r ? { edits: r.edits.map(e => ({ ...e, start: e.start + placed.base, end: e.end + placed.base })) } : r;
}
