import type { TableId, TemplateId } from '../model';
import { pipeTable } from '../text/pipeTable';
import { APPEAL_COLUMNS_ALL, APPEAL_GROUPS, REQUEST_COLUMNS } from './tables';
import {
  ACTIVE_CORNER, APPEALS_COLUMN_HEADINGS, APPEALS_GROUP_HEADINGS, APPEALS_SUIT_HEADING, REQUEST_COLUMN_HEADINGS, REQUEST_CORNER,
  REQUEST_ROW_LABELS, activeBlockOf, requestGroupOf, activeColumnHeading, activeRowLabel, tableSpec,
} from './printed';

/**
 * What to write for one table: for each row present, its column keys in order (a row of the
 * other format's block keeps its own columns); the text of each cell by key.
 */
export interface TableContent {
  /** Row key → column keys (suffixes) of the row's cells; rows not listed are left out (missing in the text). */
  rows: Map<string, string[]>;
  /** The text to write in a cell (`''` for a blank cell). */
  cell(key: string): string;
}

const isFigure = (s: string) => /^[+-]?\d/.test(s);

/**
 * One line of a table as the national format prints it: a heading (block heading, column headings,
 * a group heading such as （三）不予公开 — no cells of its own) or a data row (its label, then its cells;
 * the appeals row of 15 has no label).
 */
export interface GridRow { cells: string[]; data: boolean; label: boolean }

/**
 * One table in the national format as rows of printed cells: table `active` one block per 第二十条
 * item (heading line, column headings, rows), `requests` its column headings then its rows,
 * `appeals` its three heading lines and the row of 15. `tableLines` draws it as a pipe table; other
 * layouts (one cell per line) are drawn from the same rows.
 */
export function tableGrid(id: TableId, template: TemplateId | null, content: TableContent): GridRow[][] {
  if (id === 'appeals') return [appealsGrid(content)];
  if (id === 'requests') return [requestsGrid(template, content)];
  return activeGrid(template, content);
}

/**
 * One table in the national format as aligned pipe-table lines (widths by display width): table
 * `active` one block per 第二十条 item, each aligned on its own and followed by an empty line,
 * `requests` with a delimiter row after its column headings, `appeals` as its three heading lines and the row of 15.
 */
export function tableLines(id: TableId, template: TemplateId | null, content: TableContent): string[] {
  const blocks = tableGrid(id, template, content);
  if (id === 'appeals') return pipeTable(blocks[0].map(r => r.cells), { right: r => r === 3 });
  if (id === 'requests') {
    const rows = blocks[0].map(r => r.cells);
    return pipeTable(rows, { delimiterAfter: 0, right: (r, c) => r > 0 && c > 0 && isFigure(rows[r][c]) });
  }
  const out: string[] = [];
  for (const b of blocks) out.push(...pipeTable(b.map(r => r.cells), { right: (r, c) => r >= 2 && c > 0 }), '');
  out.pop();
  return out;
}

const heading = (cells: string[]): GridRow => ({ cells, data: false, label: true });
const dataRow = (cells: string[], label = true): GridRow => ({ cells, data: true, label });

function activeGrid(template: TemplateId | null, content: TableContent): GridRow[][] {
  const spec = tableSpec('active', template)!;
  const out: GridRow[][] = [];
  let block: GridRow[] = [];
  let head = '';
  const flush = () => { if (block.length) out.push(block); block = []; };
  for (const r of spec.rows) {
    const columns = content.rows.get(r.key);
    if (!columns) continue;
    if (activeBlockOf(r.key) !== head || (block.length && block[1].cells.length !== columns.length + 1)) {
      flush();
      head = activeBlockOf(r.key);
      // The block heading alone on its line: an empty place after it would read as a blank cell of the row above.
      block.push(heading([head]), heading([ACTIVE_CORNER, ...columns.map(c => activeColumnHeading(r.key, c, columns))]));
    }
    block.push(dataRow([activeRowLabel(r.key, template), ...columns.map(c => content.cell(`active.${r.key}.${c}`))]));
  }
  flush();
  return out;
}

function requestsGrid(template: TemplateId | null, content: TableContent): GridRow[] {
  const spec = tableSpec('requests', template)!;
  const rows: GridRow[] = [heading([REQUEST_CORNER, ...REQUEST_COLUMNS.map(c => REQUEST_COLUMN_HEADINGS[c])])];
  for (const r of spec.rows) {
    const label = REQUEST_ROW_LABELS[r.key] ?? r.key;
    // A group heading (（三）不予公开) only above a row of its own that is written.
    if (!r.columns.length) { if (spec.rows.some(x => content.rows.has(x.key) && requestGroupOf(x.key, template) === r.key) || r.key === 'results') rows.push(heading([label, ...REQUEST_COLUMNS.map(() => '')])); continue; }
    const columns = content.rows.get(r.key);
    if (columns) rows.push(dataRow([label, ...columns.map(c => content.cell(`requests.${r.key}.${c}`))]));
  }
  return rows;
}

function appealsGrid(content: TableContent): GridRow[] {
  const n = APPEAL_COLUMNS_ALL.length;
  const blanks = (k: number) => Array<string>(k).fill('');
  return [
    heading([APPEALS_GROUP_HEADINGS.review, ...blanks(n - 1), APPEALS_SUIT_HEADING, ...blanks(2 * n - 1)]),
    heading([...blanks(n), APPEALS_GROUP_HEADINGS.suitDirect, ...blanks(n - 1), APPEALS_GROUP_HEADINGS.suitAfterReview, ...blanks(n - 1)]),
    heading(APPEAL_GROUPS.flatMap(() => APPEAL_COLUMNS_ALL.map(c => APPEALS_COLUMN_HEADINGS[c]))),
    dataRow(APPEAL_GROUPS.flatMap(g => APPEAL_COLUMNS_ALL.map(c => content.cell(`appeals.${g}.${c}`))), false),
  ];
}
