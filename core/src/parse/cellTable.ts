import type { Cell } from '../model';

/**
 * Every cell key ever stored (they are the template's: `requests.granted.total`…), numbered once
 * for the whole process. A report's table then holds its cells in an array indexed by that number.
 */
const SLOTS = new Map<string, number>();
/** The number of `key` (given it now when it has none). */
export function slotOf(key: string): number {
  let s = SLOTS.get(key);
  if (s === undefined) SLOTS.set(key, (s = SLOTS.size));
  return s;
}

/**
 * The cells of one report by key, in the order they were first stored (document order) — a `Map`'s
 * read interface over two arrays. A report has some 190 cells: a `Map` grows its hash table six
 * times on the way there, where this allocates its two arrays and finds a key's number in one shared
 * table (code that reads the same keys in every report, the relations, keeps their numbers).
 */
export class CellTable implements ReadonlyMap<string, Cell> {
  /** Cells by slot (holes where the report has no such cell), as long as the slots known so far. */
  private readonly bySlot: (Cell | undefined)[] = new Array(SLOTS.size);
  /** Cells in insertion order. */
  private readonly order: Cell[] = [];

  get size(): number { return this.order.length; }

  get(key: string): Cell | undefined {
    const s = SLOTS.get(key);
    return s === undefined ? undefined : this.bySlot[s];
  }

  /** The cell whose key has number `slot` (see `slotOf`): what code that looks up the same keys in every report uses. */
  atSlot(slot: number): Cell | undefined { return this.bySlot[slot]; }

  has(key: string): boolean { return this.get(key) !== undefined; }

  /** Stores `cell` under `key` (its `key` must be `key`); a key stored again keeps its place, as in a `Map`. */
  set(key: string, cell: Cell): this { return this.setAt(slotOf(key), cell); }

  /** `set` by the key's number (see `slotOf`): what the table readers use, with numbers kept per row. */
  setAt(s: number, cell: Cell): this {
    // A key numbered after this table was made: its slot is past the end.
    while (this.bySlot.length <= s) this.bySlot.push(undefined);
    const old = this.bySlot[s];
    if (old === undefined) this.order.push(cell);
    else this.order[this.order.indexOf(old)] = cell;
    this.bySlot[s] = cell;
    return this;
  }

  values(): IterableIterator<Cell> { return this.order.values(); }
  keys(): IterableIterator<string> { return this.order.map(c => c.key).values(); }
  entries(): IterableIterator<[string, Cell]> { return this.order.map((c): [string, Cell] => [c.key, c]).values(); }
  [Symbol.iterator](): IterableIterator<[string, Cell]> { return this.entries(); }
  forEach(f: (cell: Cell, key: string, table: ReadonlyMap<string, Cell>) => void): void {
    for (const c of this.order) f(c, c.key, this);
  }
}
