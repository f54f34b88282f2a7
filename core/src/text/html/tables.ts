import { PieceList, type Pieces } from './pieces';

/** Browsers read at most this many columns for one cell, and at most this many rows. */
export const MAX_COLSPAN = 1000, MAX_ROWSPAN = 65534;

/**
 * `colspan` / `rowspan` as a browser reads them (the rules for non-negative integers: white space,
 * an optional `+`, digits; anything else is the default). A rowspan of 0 reaches the end of its row
 * group.
 */
export function readSpan(value: string | undefined, rows: boolean): number {
  const m = value === undefined ? null : /^[\t\n\f\r ]*\+?([0-9]+)/.exec(value);
  if (!m) return 1;
  const n = m[1].length > 6 ? Infinity : Number(m[1]);
  if (rows) return n === 0 ? MAX_ROWSPAN : Math.min(n, MAX_ROWSPAN);
  return n === 0 ? 1 : Math.min(n, MAX_COLSPAN);
}

/** A cell: its content (the cell is the list of its pieces), its spans, where it ends. */
export class TableCell extends PieceList {
  /** `end`: the source offset where the cell's content ends (its end tag, or the tag that closed it): where a figure is written into it. */
  constructor(readonly colspan: number, readonly rowspan: number, public end: number) { super(); }
}

interface Row { readonly cells: TableCell[]; readonly group: number }

/** One place of a rendered row: a cell's own (with its content), or one a cell spanning from a row above or from the left stands in. */
interface Place { cell: TableCell; own: boolean }

/** A table being read: its rows and cells as written, laid out as a grid when it closes. */
export class Table {
  readonly rows: Row[] = [];
  row: Row | null = null;
  cell: TableCell | null = null;
  /** The row group (`<thead>`, `<tbody>`, `<tfoot>`): rowspans end with it. */
  group = 0;
  cells = 0;

  /** `outer`: where the table's rendering goes (and text in the table outside its cells, as a browser moves it before the table). */
  constructor(readonly outer: PieceList, readonly start: number) {}

  openRow(): void { this.closeRow(); this.row = { cells: [], group: this.group }; this.rows.push(this.row); }
  closeRow(): void { this.row = null; }
  openCell(colspan: number, rowspan: number, at: number): void {
    if (!this.row) this.openRow();
    this.cell = new TableCell(colspan, rowspan, at);
    this.row!.cells.push(this.cell);
    this.cells++;
  }
  closeCell(at: number): void { if (this.cell) { this.cell.end = at; this.cell = null; } }
  newGroup(): void { this.closeRow(); this.group++; }

  /**
   * The table as lines: one per row, its places separated by ` | `. The row spans and column spans
   * are laid out as a grid, so that each row has one place per column: a cell spanning columns is
   * one place when it holds text (a label, a figure) and one blank place per column when empty; a
   * column that a cell from a row above covers is no place under a label, a blank under a figure
   * or an empty cell. Blank places before a row's label are the label's columns, not cells. A
   * grid that would be much larger than the table's cells (a hostile span) is not laid out: each
   * cell is then one place.
   */
  render(pieces: Pieces): PieceList {
    const out = new PieceList();
    pieces.layout(out, '\n', this.start);
    const grid = this.grid(4 * this.cells + 16);
    const place = (cell: TableCell, own: boolean, last: boolean) => {
      if (own) pieces.splice(out, cell);
      pieces.layout(out, last ? '\n' : ' | ', cell.end, !own);
    };
    if (grid) {
      for (const places of grid) {
        const kept = dropLabelBlanks(places);
        for (let i = 0; i < kept.length; i++) place(kept[i].cell, kept[i].own, i + 1 === kept.length);
      }
    } else {
      for (const row of this.rows) for (let i = 0; i < row.cells.length; i++) place(row.cells[i], true, i + 1 === row.cells.length);
    }
    return out;
  }

  /** Each row's places, walking the grid; null when it would visit more than `budget` positions. */
  private grid(budget: number): Place[][] | null {
    const out: Place[][] = [];
    // covering[c]: the cell from a row above that covers column c, with the rows it still covers.
    let covering: ({ cell: TableCell; left: number; col: number } | undefined)[] = [];
    let active: { cell: TableCell; left: number; col: number }[] = [];
    let group = -1, visited = 0;
    for (const row of this.rows) {
      if (row.group !== group) { covering = []; active = []; group = row.group; }
      const places: Place[] = [];
      let col = 0, k = 0;
      while (k < row.cells.length || col < covering.length) {
        const cover = covering[col];
        if (cover) {
          // Its places again, none under a label.
          if (col === cover.col && !cover.cell.label) for (let j = ownPlaces(cover.cell); j > 0; j--) places.push({ cell: cover.cell, own: false });
          col++;
          if (++visited > budget) return null;
          continue;
        }
        if (k >= row.cells.length) { col++; if (++visited > budget) return null; continue; }
        const cell = row.cells[k++];
        visited += cell.colspan;
        if (visited > budget) return null;
        const n = ownPlaces(cell);
        places.push({ cell, own: true });
        for (let j = 1; j < n; j++) places.push({ cell, own: false });
        if (cell.rowspan > 1) {
          const entry = { cell, left: cell.rowspan, col };
          for (let j = 0; j < cell.colspan; j++) covering[col + j] = entry;
          active.push(entry);
        }
        col += cell.colspan;
      }
      out.push(places);
      // One row fewer for every spanning cell; the columns of those that end are free again.
      let kept = 0;
      for (const e of active) {
        if (--e.left > 0) { active[kept++] = e; continue; }
        for (let j = 0; j < e.cell.colspan; j++) if (covering[e.col + j] === e) covering[e.col + j] = undefined;
      }
      active.length = kept;
      while (covering.length && !covering[covering.length - 1]) covering.length--;
    }
    return out;
  }
}

/** An empty cell is a blank place per column it spans; one with text is one place. */
const ownPlaces = (cell: TableCell) => (cell.text ? 1 : cell.colspan);

/** The row's places without the blank ones before its last label (the label's own columns). */
function dropLabelBlanks(places: Place[]): Place[] {
  let last = -1;
  for (let i = places.length - 1; i >= 0; i--) if (places[i].own && places[i].cell.label) { last = i; break; }
  if (last <= 0) return places;
  return places.filter((p, i) => i >= last || (p.own && p.cell.text));
}
