import type { Cell, Provenance, TableRow } from '../model';
import type { RelationSpec } from '../template/types';
import { collapseSignature, digitPerCell, oneDigitPerCell, readingsOf, sayOf, valuesOf, type Reading, type RowLayout } from './readings';
import { lowestTier, relationHolds, solve, type SolveRelation, type SolveRow } from './solve';
import { fullCell } from '../parse/cellShape';

/**
 * The inference stage of reading a table: from the tokens found after each row label to the
 * row's cells, each with its provenance. A row with one reading is read (as written, or placed by
 * the layout); the rows with several are solved together by the table's own relations; a cell the
 * readings still disagree on stays unknown, with the values it could take.
 */
export interface RowTokens {
  /** The row's cell keys, in column order. */
  keys: string[];
  /** The figures and places found after the row's label. */
  tokens: Cell[];
  /** Where a blank cell goes when the row has no tokens at all (the label's end). */
  at: number;
  /** The row runs into the end of the document. */
  atEnd: boolean;
}

/** A row with exactly one place per cell: read as written, nothing to infer. */
export const asWritten = (r: RowTokens): boolean => r.tokens.length === r.keys.length;

export interface InferredRow { cells: Cell[]; problem: TableRow['problem'] }

const blank = (at: number): Cell => ({ key: '', text: '', kind: 'blank', value: null, start: at, end: at, provenance: undefined });

function unknownCells(text: string, row: RowTokens, candidates?: (string[] | undefined)[]): Cell[] {
  const t = row.tokens;
  const start = t.length ? t[0].start : row.at, end = t.length ? t[t.length - 1].start + t[t.length - 1].text.length : row.at;
  const written = text.slice(start, end);
  return row.keys.map((_, i) => fullCell(written, 'unknown', null, start, end, undefined, undefined, 'unknown', candidates?.[i]));
}

/**
 * A reading's cell with its provenance (a cell as written keeps none: that is the default). Set in
 * place: the cells of the reading chosen are the row's own from here on.
 */
function withProvenance(c: Cell, provenance: Provenance): Cell {
  if (provenance !== 'written') c.provenance = provenance;
  return c;
}

/** The cells of a reading, all with the provenance (set in place, as `withProvenance`). */
function allWithProvenance(cells: Cell[], provenance: Provenance): Cell[] {
  if (provenance !== 'written') for (let i = 0; i < cells.length; i++) cells[i].provenance = provenance;
  return cells;
}

/** What cell `col` of a reading says (without making the reading's cells when it can). */
const sayAt = (r: Reading, col: number): string => (r.say ? r.say(col) : sayOf(r.cells[col]));

export interface InferredTable {
  rows: InferredRow[];
  /** Ids of the relations that fail whatever the reading (see `Table.brokenInEveryReading`). */
  brokenInEveryReading: string[];
}

/** A row relation: the relation, and its cells as columns of the row. */
interface RowRelation { rel: RelationSpec; cols: number[] }
/** The relations whose cells all lie in a row with these keys: the same few key lists in every report, so made once each. */
const ROW_RELATIONS = new WeakMap<RelationSpec[], WeakMap<string[], RowRelation[]>>();
function rowRelations(keys: string[], relations: RelationSpec[]): RowRelation[] {
  let byKeys = ROW_RELATIONS.get(relations);
  if (!byKeys) ROW_RELATIONS.set(relations, (byKeys = new WeakMap()));
  let out = byKeys.get(keys);
  if (!out) {
    out = [];
    for (const rel of relations) {
      const cols = rel.keys.map(k => keys.indexOf(k));
      if (cols.every(c => c >= 0)) out.push({ rel, cols });
    }
    byKeys.set(keys, out);
  }
  return out;
}

/**
 * The table's relations over [row, column] places, for the rows found: the same few row lists in
 * every report (their key lists are the template's own arrays), so made once per list — found by
 * the identity of the rows' key lists, no signature string hashed per table.
 */
/** What a table without relations of its own (active) gets. */
const NO_TABLE_RELATIONS: { rels: SolveRelation[]; relIds: string[] } = { rels: [], relIds: [] };

interface MadeRelations { keys: string[][]; rels: SolveRelation[]; relIds: string[] }
const TABLE_RELATIONS = new WeakMap<RelationSpec[], WeakMap<string[], MadeRelations[]>>();
const sameKeys = (made: MadeRelations, rows: RowTokens[]) => made.keys.length === rows.length && rows.every((r, i) => r.keys === made.keys[i]);
function tableRelations(rows: RowTokens[], relations: RelationSpec[]): { rels: SolveRelation[]; relIds: string[] } {
  if (!relations.length) return NO_TABLE_RELATIONS;
  let byFirst = TABLE_RELATIONS.get(relations);
  if (!byFirst) TABLE_RELATIONS.set(relations, (byFirst = new WeakMap()));
  const first = rows[0].keys;
  let list = byFirst.get(first);
  if (!list) byFirst.set(first, (list = []));
  let made = list.find(m => sameKeys(m, rows));
  if (!made) {
    const position = new Map<string, [number, number]>();
    rows.forEach((r, i) => r.keys.forEach((k, c) => position.set(k, [i, c])));
    made = { keys: rows.map(r => r.keys), rels: [], relIds: [] };
    for (const spec of relations) {
      const cells = spec.keys.map(k => position.get(k));
      if (cells.some(c => !c)) continue;
      made.rels.push({ left: cells.slice(0, spec.left.length) as [number, number][], right: cells.slice(spec.left.length) as [number, number][] });
      made.relIds.push(spec.id);
    }
    // Key lists made afresh for each table (not the template's) would pile up here: a few are kept.
    if (list.length >= 64) list.length = 0;
    list.push(made);
  }
  return made;
}

/** The solver's rows: each row's readings as values, with their tiers (an unreadable row: one reading of nothing summable). */
function solveRowsOf(rows: RowTokens[], readings: (Reading[] | null)[]): SolveRow[] {
  return rows.map((r, i) => {
    const rs = readings[i];
    if (!rs) return { options: [new Array<number>(r.keys.length).fill(NaN)], tiers: [0] };
    return { options: rs.map(valuesOf), tiers: rs.map(x => x.tier) };
  });
}

/** Whether a reading satisfies a row relation (or cannot be judged on it). */
function readingHolds(reading: Reading, rel: RelationSpec, cols: number[]): boolean {
  let left = 0, right = 0;
  const values = valuesOf(reading), nLeft = rel.left.length;
  for (let j = 0; j < cols.length; j++) { const v = values[cols[j]]; if (j < nLeft) left += v; else right += v; }
  return Number.isNaN(left) || Number.isNaN(right) || left === right;
}

/** The layout of a table, its collapse signature made only when a row asks for it (a getter on the prototype: no accessor made per table). */
class TableLayout implements RowLayout {
  private signature: boolean | undefined;
  constructor(private readonly text: string, private readonly rows: RowTokens[]) {}
  get collapsed(): boolean {
    return (this.signature ??= collapseSignature(this.text, this.rows.map(r => ({ tokens: r.tokens, n: r.keys.length, at: r.at }))));
  }
}

export function inferTable(text: string, rows: RowTokens[], relations: RelationSpec[]): InferredTable {
  // Most tables: every row has one place per cell, read as written — nothing to infer.
  if (rows.every(asWritten)) return { brokenInEveryReading: [], rows: rows.map(r => ({ cells: r.tokens, problem: undefined })) };
  // The layout matters only to rows that do not have one place per cell (most tables have none).
  const layout = new TableLayout(text, rows);
  const readings: (Reading[] | null)[] = new Array(rows.length);
  let several = false;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i], n = r.keys.length;
    let rs: Reading[] | null;
    // Most rows: as many places as cells, read as written.
    if (asWritten(r)) rs = [{ cells: r.tokens, tier: 0 }];
    else if (r.atEnd && r.tokens.length < n) rs = null;
    else if (r.tokens.length === 0) rs = [{ cells: r.keys.map(() => blank(r.at)), tier: 0 }];
    // Most glued rows: one digit per cell, the one reading readingsOf would give (no relation to ask).
    else if (oneDigitPerCell(text, r.tokens, n)) rs = [digitPerCell(r.tokens, n)];
    else {
      // Readings that restore dropped blanks are many: made only when those assuming less do not do.
      const fewer = readingsOf(text, r.tokens, n, layout, r.at, false);
      const own = rowRelations(r.keys, relations);
      const enough = fewer.length > 0 && fewer.some(x => own.every(({ rel, cols }) => readingHolds(x, rel, cols)));
      rs = enough ? fewer : readingsOf(text, r.tokens, n, layout, r.at, true);
      if (!rs.length) rs = null;
    }
    readings[i] = rs;
    if (rs && rs.length > 1) several = true;
  }
  const problemOf = (i: number): TableRow['problem'] => {
    const r = rows[i];
    if (r.atEnd && r.tokens.length < r.keys.length) return 'truncated';
    const digitsOnly = r.tokens.every(t => t.kind === 'number' && /^\d+$/.test(t.text));
    return digitsOnly && r.tokens.length < r.keys.length && r.tokens.some(t => t.text.length > 1) ? 'glued' : 'count';
  };
  // Most tables: one reading per row, nothing to solve.
  if (!several) {
    return { brokenInEveryReading: [], rows: rows.map((r, i) => {
      const rs = readings[i];
      if (!rs) return { cells: unknownCells(text, r), problem: problemOf(i) };
      return { cells: allWithProvenance(rs[0].cells, rs[0].tier === 0 ? 'written' : 'layout'), problem: undefined };
    }) };
  }
  // Several readings somewhere: the table's relations choose.
  const { rels, relIds } = tableRelations(rows, relations);
  // No relation among the rows found (table active has none): no solver — each row keeps the
  // readings that assume least, as the solver would, and no values are made.
  const solveRows = rels.length ? solveRowsOf(rows, readings) : null;
  const result = solveRows ? solve(solveRows, rels) : null;
  const trustSolutions = !!result && result.solutions.length > 0 && !result.incomplete;
  // Broken whatever the reading: within a row, by none of its readings; across rows, by none of the solutions (when they are all known).
  const brokenInEveryReading = result ? relIds.filter((_, k) => result.unsatisfiable.includes(k) || (trustSolutions && result.solutions.every(s => !relationHolds(rels[k], s, solveRows!)))) : [];
  return { brokenInEveryReading, rows: rows.map((r, i) => {
    const rs = readings[i];
    if (!rs) return { cells: unknownCells(text, r), problem: problemOf(i) };
    // One reading (most rows): every solution takes it, as in a table with nothing to solve.
    if (rs.length === 1) return { cells: allWithProvenance(rs[0].cells, rs[0].tier === 0 ? 'written' : 'layout'), problem: undefined };
    const chosen = trustSolutions ? [...new Set(result!.solutions.map(s => s[i]))] : result ? result.kept[i] : lowestTier(rs.map(x => x.tier));
    // Solved when the relations chose among readings; placed by the layout when the row's readings
    // that assume least were one (a lone `0` for a collapsed all-zero row).
    const minTier = Math.min(...rs.map(x => x.tier));
    const leastAssuming = rs.filter(x => x.tier === minTier).length;
    const p: Provenance = rs.length === 1 && rs[0].tier === 0 ? 'written' : leastAssuming === 1 && chosen.every(o => rs[o].tier === minTier) ? 'layout' : 'solved';
    const first = rs[chosen[0]].cells;
    if (chosen.length === 1) return { cells: allWithProvenance(first, p), problem: undefined };
    let unknown = false;
    const cands: (string[] | undefined)[] = [];
    const cells = first.map((c, col) => {
      const says = new Set(chosen.map(o => sayAt(rs[o], col)));
      if (says.size === 1) { cands.push(undefined); return withProvenance(c, p); }
      unknown = true;
      cands.push([...says]);
      return null;
    });
    if (!unknown) return { cells: cells as Cell[], problem: undefined };
    const unknowns = unknownCells(text, r, cands);
    return { cells: cells.map((c, col) => c ?? unknowns[col]), problem: 'ambiguous' };
  }) };
}
