import type { Cell, Table, TableRow, TemplateId } from '../model';
import { ACTIVE_2019, ACTIVE_2021, APPEALS_HEADER_WORDS, APPEALS_KEYS, REQUESTS_2019, REQUESTS_2021 } from '../template/tables';
import type { RowSpec, TableSpec } from '../template/types';
import { sourceEnd, sourceStart, type NormText } from '../text/normalize';
import { findLabel, findLabelBy, findNearLabel, labelSearch, type LabelHit, type LabelSearch } from './labels';
import { readCells } from './spans';
import { slotOf, type CellTable } from './cellTable';
import { asWritten, inferTable, type RowTokens } from '../infer/table';
import { relationsFor } from '../template/relations';
import type { RelationSpec } from '../template/types';

/** What the table readers share: the report's text, its normalised form, and the cells found so far. */
export interface TableContext {
  text: string;
  nt: NormText;
  cells: CellTable;
}

/** Normalised region [from, to) of the text where a table is read. */
export interface Region { from: number; to: number }

const src = (ctx: TableContext, ni: number) => sourceStart(ctx.nt, ni, ctx.text.length);

/** The keys of a row's cells (`requests.granted.total`…) and their numbers in the cell table. */
interface RowKeys { keys: string[]; slots: number[] }
const rowKeysOf = (keys: string[]): RowKeys => ({ keys, slots: keys.map(slotOf) });

/** A template row's keys for a column list, made once per row and list: the same in every report, so no key is hashed per cell. */
const ROW_KEYS = new WeakMap<RowSpec, Map<string[], RowKeys>>();
function rowKeys(table: string, row: RowSpec, columns: string[]): RowKeys {
  let byColumns = ROW_KEYS.get(row);
  if (!byColumns) ROW_KEYS.set(row, (byColumns = new Map()));
  let keys = byColumns.get(columns);
  if (!keys) byColumns.set(columns, (keys = rowKeysOf(columns.map(c => `${table}.${row.key}.${c}`))));
  return keys;
}
const APPEALS_CELL_KEYS = rowKeysOf(APPEALS_KEYS.map(k => `appeals.${k}`));

const NO_CELLS: string[] = [];

/** A row as read, for the inference stage (its tokens) and for placing its cells (its keys' slots, the model's row). */
interface ReadRow extends RowTokens { rowKeys: RowKeys; row: TableRow }
const readRow = (rowKeys: RowKeys, tokens: Cell[], at: number, atEnd: boolean, row: TableRow): ReadRow => ({ keys: rowKeys.keys, tokens, at, atEnd, rowKeys, row });

function put(ctx: TableContext, keys: RowKeys, i: number, cell: Cell): number {
  cell.key = keys.keys[i];
  ctx.cells.setAt(keys.slots[i], cell);
  return cell.end;
}

/**
 * Puts each row's inferred cells into the table under the row's keys; returns the end of the last
 * cell and the relations that fail whatever the reading.
 */
function placeRows(ctx: TableContext, read: ReadRow[], relations: RelationSpec[]): { end: number; brokenInEveryReading: string[] } {
  // Most tables: every row read as written — inferTable is not called (nor its rows made).
  const inferred = read.every(asWritten) ? null : inferTable(ctx.text, read, relations);
  let end = 0;
  for (let i = 0; i < read.length; i++) {
    const r = read[i];
    const cells = inferred ? inferred.rows[i].cells : r.tokens;
    r.row.found = r.tokens.length;
    r.row.cells = r.keys;
    r.row.problem = inferred ? inferred.rows[i].problem : undefined;
    for (let c = 0; c < cells.length; c++) end = Math.max(end, put(ctx, r.rowKeys, c, cells[c]));
  }
  return { end, brokenInEveryReading: inferred ? inferred.brokenInEveryReading : [] };
}

/** What reading a table needs of each template row, made once per table: its label search, its cell keys, the next row that may not be left out. */
interface PreparedTable { search: LabelSearch[]; keys: RowKeys[]; nextRequired: number[] }
const preparedTables = new WeakMap<TableSpec, PreparedTable>();
function prepared(spec: TableSpec): PreparedTable {
  let p = preparedTables.get(spec);
  if (!p) {
    p = {
      search: spec.rows.map(labelSearch),
      keys: spec.rows.map(row => rowKeys(spec.id, row, row.columns)),
      // For each row, the index of the next row that may not be left out, or -1 (to tell a missing row from a misplaced label).
      nextRequired: spec.rows.map((_, i) => spec.rows.findIndex((x, j) => j > i && !x.optional)),
    };
    preparedTables.set(spec, p);
  }
  return p;
}

/** Finds each row of `spec` in order, then reads the text between consecutive labels as the row's cells. */
/** A table without relations of its own (one array: the inference stage caches by it). */
const NO_RELATIONS: RelationSpec[] = [];

function readRows(ctx: TableContext, spec: TableSpec, region: Region, relations: RelationSpec[] = NO_RELATIONS): Table {
  const hits: { index: number; hit: LabelHit }[] = [];
  const missing: string[] = [];
  let pos = region.from;
  const { search: searches, keys, nextRequired: required } = prepared(spec);
  // The last search for each row's label (by row index), reused while it is still ahead of `pos`.
  const found: (LabelHit | null | undefined)[] = new Array(spec.rows.length).fill(undefined);
  const search = (i: number): LabelHit | null => {
    const prev = found[i];
    if (prev !== undefined && (prev === null || prev.ns >= pos)) return prev;
    const h = findLabelBy(ctx.nt, searches[i], pos, region.to);
    found[i] = h;
    return h;
  };
  for (let i = 0; i < spec.rows.length; i++) {
    const row = spec.rows[i];
    // A generic label (其他, 总计) only counts once the rows before it have been seen.
    if (row.weak && !hits.some(h => spec.rows[h.index].columns.length)) { missing.push(row.key); continue; }
    let hit = search(i);
    const next = required[i];
    // A label found past the next row's label is not this row's: the row was left out.
    if (hit && next >= 0) { const nh = search(next); if (nh && nh.ns < hit.ns) hit = null; }
    if (!hit && !row.optional) {
      // Not as written: a label with one character wrong, before the next row's.
      const nh = next >= 0 ? search(next) : null;
      hit = findNearLabel(ctx.nt, searches[i], pos, nh ? nh.ns : region.to);
    }
    if (!hit) { if (!row.optional) missing.push(row.key); continue; }
    hits.push({ index: i, hit });
    pos = hit.ne;
  }
  const rows: TableRow[] = [];
  const read: ReadRow[] = [];
  const regionEnd = src(ctx, region.to);
  for (let k = 0; k < hits.length; k++) {
    const { index, hit } = hits[k];
    const row = spec.rows[index];
    const labelStart = src(ctx, hit.ns), labelEnd = sourceEnd(ctx.nt, hit.ne, labelStart);
    const tr: TableRow = { key: row.key, labelStart, labelEnd, found: 0, cells: NO_CELLS, problem: undefined };
    rows.push(tr);
    if (!row.columns.length) continue;
    const spanEnd = k + 1 < hits.length ? src(ctx, hits[k + 1].hit.ns) : regionEnd;
    // The block header (第二十条第（五）项 信息内容 …) before the row decides which columns it has.
    // Only rows with variants look back for it (a backwards search and a slice per row otherwise).
    let rowKeysRead = keys[index];
    if (row.variants) {
      const blockStart = Math.max(region.from, ctx.nt.text.lastIndexOf('第二十条', hit.ns));
      const header = ctx.nt.text.slice(blockStart, hit.ns);
      const variant = row.variants.find(v => header.includes(v.marker));
      if (variant) rowKeysRead = rowKeys(spec.id, row, variant.columns);
    }
    const raw = readCells(ctx.text, labelEnd, spanEnd, rowKeysRead.keys.length);
    read.push(readRow(rowKeysRead, raw, labelEnd, spanEnd >= ctx.text.length, tr));
  }
  const { end: cellsEnd, brokenInEveryReading } = placeRows(ctx, read, relations);
  const first = rows[0], last = rows[rows.length - 1];
  const truncated = missing.length > 0 && region.to >= ctx.nt.text.length && !!last && missing.indexOf(spec.rows.filter(r => !r.optional).slice(-1)[0].key) >= 0;
  return {
    id: spec.id, template: spec.template, rows, missingRows: missing, truncated, brokenInEveryReading,
    start: first ? first.labelStart : src(ctx, region.from), end: last ? Math.max(last.labelEnd, cellsEnd) : src(ctx, region.from),
  };
}

function countMarkers(ctx: TableContext, region: Region, markers: string[]): number {
  const slice = ctx.nt.text.slice(region.from, region.to);
  let n = 0;
  for (const m of markers) if (slice.includes(m)) n++;
  return n;
}

/** Table `active` (section 二): the 2021 or the 2019 rows, chosen by the column headers present. */
export function readActive(ctx: TableContext, region: Region, fallback: TemplateId, forced?: TemplateId): Table {
  if (forced) return readRows(ctx, forced === '2019' ? ACTIVE_2019 : ACTIVE_2021, region);
  const v21 = countMarkers(ctx, region, ACTIVE_2021.markers), v19 = countMarkers(ctx, region, ACTIVE_2019.markers);
  const spec = v19 > v21 ? ACTIVE_2019 : v21 > v19 ? ACTIVE_2021 : fallback === '2019' ? ACTIVE_2019 : ACTIVE_2021;
  return readRows(ctx, spec, region);
}

/** Table `requests` (section 三): 2021 when （六）其他处理 has its three sub-rows, else the 2019 single row. */
export function readRequests(ctx: TableContext, region: Region, forced?: TemplateId): Table {
  if (forced) return readRequestRows(ctx, forced === '2019' ? REQUESTS_2019 : REQUESTS_2021, region);
  const other = REQUESTS_2021.rows.find(r => r.key === 'other')!;
  const other1 = REQUESTS_2021.rows.find(r => r.key === 'other1')!;
  const total = REQUESTS_2021.rows.find(r => r.key === 'total')!;
  const o = findLabel(ctx.nt, other, region.from, region.to);
  let spec = REQUESTS_2021;
  if (o) {
    const t = findLabel(ctx.nt, total, o.ne, region.to);
    const o1 = findLabel(ctx.nt, other1, o.ne, t ? t.ns : region.to);
    if (!o1) spec = REQUESTS_2019;
  }
  return readRequestRows(ctx, spec, region);
}

/** The relations of table `requests`, one array per format (made once: the inference stage caches by it). */
const REQUEST_RELATIONS = { '2019': relationsFor('2019').filter(r => r.table === 'requests'), '2021': relationsFor('2021').filter(r => r.table === 'requests') };
const requestRelations = (t: TemplateId) => REQUEST_RELATIONS[t];
const APPEALS_RELATIONS = relationsFor('2021').filter(r => r.table === 'appeals');
const readRequestRows = (ctx: TableContext, spec: TableSpec, region: Region) => readRows(ctx, spec, region, requestRelations(spec.template));

const HEADER_RUN = new RegExp(`(?:${APPEALS_HEADER_WORDS.join('|')}|合计)+`, 'y');

/** Table `appeals` (section 四): the header words, then one row of 15 cells. */
export function readAppeals(ctx: TableContext, region: Region): Table | null {
  const text = ctx.nt.text;
  let at = region.from;
  for (;;) {
    const i = text.indexOf('行政复议', at);
    if (i < 0 || i >= region.to) return null;
    HEADER_RUN.lastIndex = i;
    const matched = HEADER_RUN.test(text);
    const runEnd = matched ? HEADER_RUN.lastIndex : i + 4;
    if (matched && text.slice(i, runEnd).includes('结果维持')) {
      const headEnd = Math.min(HEADER_RUN.lastIndex, region.to);
      const a = sourceEnd(ctx.nt, headEnd, 0), b = src(ctx, region.to);
      const raw = readCells(ctx.text, a, b, APPEALS_KEYS.length);
      const row: TableRow = { key: 'appeals', labelStart: src(ctx, i), labelEnd: a, found: 0, cells: NO_CELLS, problem: undefined };
      const { end: cellsEnd, brokenInEveryReading } = placeRows(ctx, [readRow(APPEALS_CELL_KEYS, raw, a, b >= ctx.text.length, row)], APPEALS_RELATIONS);
      const truncated = raw.length < APPEALS_KEYS.length && region.to >= text.length;
      const end = Math.max(a, cellsEnd);
      return { id: 'appeals', template: null, rows: [row], missingRows: [], truncated, brokenInEveryReading, start: row.labelStart, end };
    }
    // Past the whole run: a page repeating 行政复议 ten thousand times is read once, not once per word.
    at = Math.max(runEnd, i + 4);
  }
}
