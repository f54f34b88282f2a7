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
 * One table in the national format as aligned pipe-table lines (widths by display width): table
 * `active` one block per 第二十条 item (heading line, column headings, rows), `requests` with its
 * column headings and a delimiter row, `appeals` as its three heading lines and the row of 15.
 */
export function tableLines(id: TableId, template: TemplateId | null, content: TableContent): string[] {
  if (id === 'appeals') return appealsLines(content);
  if (id === 'requests') return requestsLines(template, content);
  return activeLines(template, content);
}

function activeLines(template: TemplateId | null, content: TableContent): string[] {
  const spec = tableSpec('active', template)!;
  const out: string[] = [];
  let block: string[][] = [];
  let head = '';
  const flush = () => { if (block.length) out.push(...pipeTable(block, { right: (r, c) => r >= 2 && c > 0 }), ''); block = []; };
  for (const r of spec.rows) {
    const columns = content.rows.get(r.key);
    if (!columns) continue;
    if (activeBlockOf(r.key) !== head || (block.length && block[1].length !== columns.length + 1)) {
      flush();
      head = activeBlockOf(r.key);
      block.push([head, ...columns.map(() => '')], [ACTIVE_CORNER, ...columns.map(c => activeColumnHeading(r.key, c, columns))]);
    }
    block.push([activeRowLabel(r.key, template), ...columns.map(c => content.cell(`active.${r.key}.${c}`))]);
  }
  flush();
  out.pop();
  return out;
}

function requestsLines(template: TemplateId | null, content: TableContent): string[] {
  const spec = tableSpec('requests', template)!;
  const rows: string[][] = [[REQUEST_CORNER, ...REQUEST_COLUMNS.map(c => REQUEST_COLUMN_HEADINGS[c])]];
  for (const r of spec.rows) {
    const label = REQUEST_ROW_LABELS[r.key] ?? r.key;
    // A group heading (（三）不予公开) only above a row of its own that is written.
    if (!r.columns.length) { if (spec.rows.some(x => content.rows.has(x.key) && requestGroupOf(x.key, template) === r.key) || r.key === 'results') rows.push([label, ...REQUEST_COLUMNS.map(() => '')]); continue; }
    const columns = content.rows.get(r.key);
    if (columns) rows.push([label, ...columns.map(c => content.cell(`requests.${r.key}.${c}`))]);
  }
  return pipeTable(rows, { delimiterAfter: 0, right: (r, c) => r > 0 && c > 0 && isFigure(rows[r][c]) });
}

function appealsLines(content: TableContent): string[] {
  const n = APPEAL_COLUMNS_ALL.length;
  const blanks = (k: number) => Array<string>(k).fill('');
  const rows = [
    [APPEALS_GROUP_HEADINGS.review, ...blanks(n - 1), APPEALS_SUIT_HEADING, ...blanks(2 * n - 1)],
    [...blanks(n), APPEALS_GROUP_HEADINGS.suitDirect, ...blanks(n - 1), APPEALS_GROUP_HEADINGS.suitAfterReview, ...blanks(n - 1)],
    APPEAL_GROUPS.flatMap(() => APPEAL_COLUMNS_ALL.map(c => APPEALS_COLUMN_HEADINGS[c])),
    APPEAL_GROUPS.flatMap(g => APPEAL_COLUMNS_ALL.map(c => content.cell(`appeals.${g}.${c}`))),
  ];
  return pipeTable(rows, { right: r => r === 3 });
}
