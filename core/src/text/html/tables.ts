import { Ints, PieceList, type Pieces } from './pieces';

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

const TEXT = 1, LABEL = 2;
/** A cell spanning from above: the cell (its index in the table's cells), the rows it still covers, its first column. */
interface Cover { cell: number; left: number; col: number }
interface Rows { cells: Int32Array; rowStart: Int32Array; rowGroup: Int32Array }

/**
 * The cells of every table of a page, numbered, in flat arrays (no object a cell, no array a table
 * but its own list of cell numbers): spans, where its content ends, its content's chain of pieces.
 */
export class Cells {
  readonly colspan = new Ints(1024);
  readonly rowspan = new Ints(1024);
  /** Source offset where the cell's content ends (its end tag, or the tag that closed it): where a figure is written into it. */
  readonly end = new Ints(1024);
  readonly head = new Ints(1024);
  readonly tail = new Ints(1024);
  readonly flags = new Ints(1024);

  add(colspan: number, rowspan: number, at: number): number {
    const i = this.colspan.n;
    this.colspan.push(colspan); this.rowspan.push(rowspan); this.end.push(at);
    this.head.push(-1); this.tail.push(-1); this.flags.push(0);
    return i;
  }

  /** The cell's content, as a list to splice. */
  content(c: number): PieceList {
    const l = new PieceList();
    l.head = this.head.a[c]; l.tail = this.tail.a[c];
    l.text = (this.flags.a[c] & TEXT) !== 0; l.label = (this.flags.a[c] & LABEL) !== 0;
    return l;
  }
}

/** A table being read: its rows and cells as written, laid out as a grid when it closes; the open cell is the list its content goes to. */
export class Table {
  /**
   * Its rows and cells in order, in one array (a table in a table in a table… costs little): a
   * cell's number in `Cells`, or −1 − g where a row of row group g starts (`<thead>`, `<tbody>`,
   * `<tfoot>`: rowspans end with their group).
   */
  private readonly items: number[] = [];
  private inRow = false;
  private group = 0;
  /** The open cell's content, or null. */
  cell: PieceList | null = null;

  /** `outer`: where the table's rendering goes (and text in the table outside its cells, as a browser moves it before the table). */
  constructor(private readonly store: Cells, readonly outer: PieceList, readonly start: number) {}

  openRow(): void { this.items.push(-1 - this.group); this.inRow = true; }
  closeRow(): void { this.inRow = false; }
  /** `contentStart`: where its content starts (after its start tag). */
  openCell(colspan: number, rowspan: number, contentStart: number): void {
    if (!this.inRow) this.openRow();
    this.items.push(this.store.add(colspan, rowspan, contentStart));
    this.cell = new PieceList();
  }
  /**
   * Closes the open cell at `at`, the tag that ends it (< 0: the end of the page). Its end — where
   * a figure is written into it, and where the layout after it stands — is where its last text ends
   * (after an `&nbsp;`, inside the paragraph and runs around it); in a cell without text, the tag
   * that ends it, or at the end of the page where its start tag ends (not after a tag the page
   * leaves unfinished, which would swallow a figure).
   */
  closeCell(at: number): void {
    const c = this.cell;
    if (!c) return;
    const i = this.items[this.items.length - 1], s = this.store;
    if (c.textEnd >= 0) s.end.a[i] = c.textEnd; else if (at >= 0) s.end.a[i] = at;
    s.head.a[i] = c.head; s.tail.a[i] = c.tail;
    s.flags.a[i] = (c.text ? TEXT : 0) | (c.label ? LABEL : 0);
    this.cell = null;
  }
  newGroup(): void { this.closeRow(); this.group++; }

  /**
   * The table as lines: one per row, its places separated by ` | `. The row spans and column spans
   * are laid out as a grid, so that each row has one place per column: a cell spanning columns is
   * one place when it holds text (a label, a figure) and, when empty, one blank per column of the
   * table in its span (`grid`); a column that a cell from a row above covers is no place under a
   * label, a blank under a figure or an empty cell. Blank places before a row's last label are the
   * label's columns, not cells. A
   * grid that would be much larger than the table's cells (a hostile span) is not laid out: each
   * cell is then one place.
   */
  render(pieces: Pieces): PieceList {
    const out = new PieceList();
    pieces.layout(out, '\n', this.start);
    const store = this.store, t = this.rows(), cells = t.cells.length, rows = t.rowStart.length;
    const grid = this.grid(t, 4 * cells + 16);
    // A place: 2·cell for the cell's own, 2·cell + 1 for one it stands in (spanned from above or the left).
    const emit = (places: Int32Array, from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const c = places[i] >> 1, own = (places[i] & 1) === 0;
        if (own) pieces.splice(out, store.content(c));
        pieces.layout(out, i + 1 < to ? ' | ' : '\n', store.end.a[c], !own);
      }
    };
    if (grid) {
      for (let r = 0; r < rows; r++) emit(grid.places.a, r ? grid.rowEnd.a[r - 1] : 0, grid.rowEnd.a[r]);
    } else {
      const own = new Int32Array(cells);
      for (let k = 0; k < cells; k++) own[k] = 2 * t.cells[k];
      for (let r = 0; r < rows; r++) emit(own, t.rowStart[r], r + 1 < rows ? t.rowStart[r + 1] : cells);
    }
    return out;
  }

  /** The cells in order, each row's first (an index into `cells`) and its row group. */
  private rows(): Rows {
    let nCells = 0;
    for (const x of this.items) if (x >= 0) nCells++;
    const cells = new Int32Array(nCells), rowStart = new Int32Array(this.items.length - nCells), rowGroup = new Int32Array(rowStart.length);
    let c = 0, r = 0;
    for (const x of this.items) {
      if (x >= 0) cells[c++] = x;
      else { rowStart[r] = c; rowGroup[r++] = -1 - x; }
    }
    return { cells, rowStart, rowGroup };
  }

  /**
   * Each row's places (ending at `rowEnd[r]`), walking the grid twice: first to find the column
   * each cell starts at, then to lay the places out. An empty cell is one blank for each column
   * some cell of the table starts at within its span (the columns the table's header and rows
   * define: a blank spanning two columns where every figure spans two is one cell); one with text
   * is one place. Null when the walk would visit more than `budget` positions.
   */
  private grid(t: Rows, budget: number): { places: Ints; rowEnd: Ints } | null {
    const colspan = this.store.colspan.a, flags = this.store.flags.a;
    const cells = t.cells.length, rows = t.rowStart.length;
    const colOf = new Int32Array(cells);
    if (!this.walk(t, budget, (k, col) => { colOf[k] = col; }, null)) return null;
    let width = 0;
    for (let k = 0; k < cells; k++) width = Math.max(width, colOf[k] + 1);
    // starts[c]: how many columns before c some cell starts at.
    const starts = new Int32Array(width + 1);
    for (let k = 0; k < cells; k++) starts[colOf[k] + 1] = 1;
    for (let c = 0; c < width; c++) starts[c + 1] += starts[c];
    const ownPlaces = (k: number) => {
      const c = t.cells[k];
      if (flags[c] & TEXT) return 1;
      const from = colOf[k], to = Math.min(width, from + colspan[c]);
      return Math.max(1, starts[to] - starts[from]);
    };
    const places = new Ints(), rowEnd = new Ints(rows + 1);
    this.walk(t, Infinity, (k, _col, cover) => {
      const c = t.cells[k];
      // A cell spanning from above: its places again, none under a label.
      if (cover) { if (!(flags[c] & LABEL)) for (let j = ownPlaces(k); j > 0; j--) places.push(2 * c + 1); return; }
      places.push(2 * c);
      for (let j = ownPlaces(k); j > 1; j--) places.push(2 * c + 1);
    }, rowFirst => { dropLabelBlanks(places, rowFirst, flags); rowEnd.push(places.n); }, () => places.n);
    return { places, rowEnd };
  }

  /**
   * Walks the grid row by row: `visit(k, col, cover)` for each cell t.cells[k] where it starts
   * (`cover` false) and, in each row below that it spans into, at its first column (`cover` true);
   * `rowEnd(first)` after each row, `first` being `mark()` taken at its start. False when it would
   * visit more than `budget` positions (columns of rows, spanned ones included).
   */
  private walk(t: Rows, budget: number, visit: (k: number, col: number, cover: boolean) => void,
    rowEnd: ((first: number) => void) | null, mark: () => number = () => 0): boolean {
    const colspan = this.store.colspan.a, rowspan = this.store.rowspan.a;
    const cells = t.cells.length, rows = t.rowStart.length;
    let covering: (Cover | undefined)[] = [];
    let active: Cover[] = [];
    let group = -1, visited = 0;
    for (let r = 0; r < rows; r++) {
      if (t.rowGroup[r] !== group) { covering = []; active = []; group = t.rowGroup[r]; }
      const first = mark();
      let col = 0, k = t.rowStart[r];
      const last = r + 1 < rows ? t.rowStart[r + 1] : cells;
      while (k < last || col < covering.length) {
        if (++visited > budget) return false;
        const cover = covering[col];
        if (cover) {
          if (col === cover.col) visit(cover.cell, col, true);
          col++;
          continue;
        }
        if (k >= last) { col++; continue; }
        const c = t.cells[k];
        visited += colspan[c] - 1;
        if (visited > budget) return false;
        visit(k, col, false);
        if (rowspan[c] > 1) {
          const entry = { cell: k, left: rowspan[c], col };
          for (let j = 0; j < colspan[c]; j++) covering[col + j] = entry;
          active.push(entry);
        }
        col += colspan[c];
        k++;
      }
      rowEnd?.(first);
      // One row fewer for every spanning cell; the columns of those that end are free again.
      let kept = 0;
      for (const e of active) {
        if (--e.left > 0) { active[kept++] = e; continue; }
        for (let j = 0; j < colspan[t.cells[e.cell]]; j++) if (covering[e.col + j] === e) covering[e.col + j] = undefined;
      }
      active.length = kept;
      while (covering.length && !covering[covering.length - 1]) covering.length--;
    }
    return true;
  }
}

/** Drops, from the row's places `[from, places.n)`, the blank ones before its last label (the label's own columns). */
function dropLabelBlanks(places: Ints, from: number, flags: Int32Array): void {
  const p = places.a;
  let last = -1;
  for (let i = places.n - 1; i >= from; i--) if (!(p[i] & 1) && flags[p[i] >> 1] & LABEL) { last = i; break; }
  if (last <= from) return;
  let w = from;
  for (let i = from; i < places.n; i++) if (i >= last || (!(p[i] & 1) && flags[p[i] >> 1] & TEXT)) p[w++] = p[i];
  places.n = w;
}
