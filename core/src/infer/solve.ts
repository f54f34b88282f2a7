/**
 * The table solver: given, for each row of a table, the readings its text allows (ordered in tiers
 * of preference), and the table's relations, choose the readings that make the table consistent.
 *
 * Pure and bounded. It works on numbers only: a reading is the values of the row's cells
 * (`NaN` for a cell that holds no figure that can be summed — a relation holding one is not judged).
 *
 * 1. Row by row: the relations whose cells all lie in one row (a row sum, the appeals groups) keep
 *    the readings of the lowest tier that satisfies them; a row none of whose readings does keeps
 *    its lowest tier whole (the published text is wrong there, whatever the reading).
 * 2. Across rows: a depth-first search over the remaining combinations, pruned by the interval
 *    each side of every relation can still reach (every count is ≥ 0), collecting the combinations
 *    that satisfy every relation — up to `maxSolutions`, visiting at most `maxNodes`.
 * 3. No combination satisfies them all: when the combinations are few, the ones breaking the fewest
 *    relations are kept (what the table really says, published errors included).
 */

/** A reading's cell values, in column order (plain arrays in the reader: cheaper to make than typed ones). */
export type CellValues = ArrayLike<number>;

export interface SolveRow {
  /** The readings of the row: one array of cell values each (all of the row's length). */
  options: CellValues[];
  /** The tier of each reading: 0 as written, higher for readings that assume more of the layout. */
  tiers: number[];
}

/** A relation `sum(left) = sum(right)` over cells given as [row index, column index]. */
export interface SolveRelation { left: [number, number][]; right: [number, number][] }

export interface SolveLimits { maxNodes: number; maxSolutions: number; maxEnumerate: number }
export const DEFAULT_LIMITS: SolveLimits = { maxNodes: 4000, maxSolutions: 32, maxEnumerate: 4096 };

export interface SolveResult {
  /**
   * 'consistent': every solution satisfies every relation; 'fewest-broken': none does, these break
   * the fewest (a row relation none of the row's readings satisfies counts as broken in each); 'gave-up':
   * too many combinations.
   */
  status: 'consistent' | 'fewest-broken' | 'gave-up';
  /** For each row, the indices (into its options) it may take after the row step. */
  kept: number[][];
  /** The solutions found: for each, the option index chosen per row. Empty when the solver gave up, or when no relation joins rows (then `kept` says all). */
  solutions: number[][];
  /** True when the search stopped at a limit before seeing every combination. */
  incomplete: boolean;
  /** Relations broken by the kept solutions (0 when consistent). */
  broken: number;
  /** Indices (into `relations`) of the relations within one row that none of the row's readings satisfies. */
  unsatisfiable: number[];
}

const sideSum = (cells: [number, number][], pick: (r: number) => CellValues): number => {
  let s = 0;
  for (const [r, c] of cells) s += pick(r)[c];
  return s;
};

/** Whether relation `rel` holds (or cannot be judged: a NaN) with rows read as `pick` gives them. */
function holds(rel: SolveRelation, pick: (r: number) => CellValues): boolean {
  const l = sideSum(rel.left, pick), r = sideSum(rel.right, pick);
  return Number.isNaN(l) || Number.isNaN(r) || l === r;
}

/** Whether `rel` holds when each row takes the reading `solution` chooses for it. */
export function relationHolds(rel: SolveRelation, solution: number[], rows: SolveRow[]): boolean {
  return holds(rel, r => rows[r].options[solution[r]]);
}

/** Whether a relation within one row holds when the row reads `opt` (or cannot be judged: a NaN). Hot loop: no closure. */
function holdsInRow(rel: SolveRelation, opt: CellValues): boolean {
  let l = 0, r = 0;
  for (let i = 0; i < rel.left.length; i++) l += opt[rel.left[i][1]];
  for (let i = 0; i < rel.right.length; i++) r += opt[rel.right[i][1]];
  return Number.isNaN(l) || Number.isNaN(r) || l === r;
}

/** The rows a relation's cells lie in (kept with the relation: a table's relations are made once and solved often). */
const ROWS_OF = new WeakMap<SolveRelation, Set<number>>();
function rowsOf(rel: SolveRelation): Set<number> {
  let rows = ROWS_OF.get(rel);
  if (!rows) ROWS_OF.set(rel, (rows = new Set([...rel.left, ...rel.right].map(([r]) => r))));
  return rows;
}

/** The one row a relation's cells lie in, or -1 when they lie in several. */
function rowOf(rel: SolveRelation): number {
  const rows = rowsOf(rel);
  return rows.size === 1 ? rows.values().next().value! : -1;
}

export function solve(rows: SolveRow[], relations: SolveRelation[], limits: SolveLimits = DEFAULT_LIMITS): SolveResult {
  const local: SolveRelation[][] = rows.map(() => []);
  const global: SolveRelation[] = [];
  const unsatisfiable: number[] = [];
  for (let i = 0; i < relations.length; i++) {
    const rel = relations[i], r = rowOf(rel);
    if (r < 0) { global.push(rel); continue; }
    local[r].push(rel);
    if (!rows[r].options.some(opt => holdsInRow(rel, opt))) unsatisfiable.push(i);
  }
  // 1. Row by row.
  const kept = rows.map((row, r) => keepForRow(row, local[r]));
  const kRows = kept.map((k, r) => k.map(i => rows[r].options[i]));

  // No relation across rows: each row's kept readings are all it can be.
  if (!global.length) {
    return { status: unsatisfiable.length ? 'fewest-broken' : 'consistent', kept, solutions: [], incomplete: false, broken: unsatisfiable.length, unsatisfiable };
  }
  // One combination left (most tables: the row sums chose every row): judged as it is.
  if (kRows.every(k => k.length === 1)) {
    const pick = (r: number) => kRows[r][0];
    const broken = global.filter(rel => !holds(rel, pick)).length + unsatisfiable.length;
    const only: number[] = [];
    for (let r = 0; r < kept.length; r++) only.push(kept[r][0]);
    return { status: broken ? 'fewest-broken' : 'consistent', kept, solutions: [only], incomplete: false, broken, unsatisfiable };
  }
  // 2. Across rows: the combinations that satisfy every relation.
  const search = new Search(kRows, global, limits);
  search.run();
  if (search.solutions.length) {
    // Consistent across rows; a row relation no reading of its row satisfies stays broken in every solution.
    const status = unsatisfiable.length ? 'fewest-broken' : 'consistent';
    return { status, kept, solutions: search.solutions.map(s => mapBack(s, kept)), incomplete: search.incomplete, broken: unsatisfiable.length, unsatisfiable };
  }
  if (search.incomplete) return { status: 'gave-up', kept, solutions: [], incomplete: true, broken: 0, unsatisfiable };

  // 3. None: the fewest broken relations, when the combinations are few enough to see them all.
  let combos = 1;
  for (const k of kRows) { combos *= k.length; if (combos > limits.maxEnumerate) return { status: 'gave-up', kept, solutions: [], incomplete: true, broken: 0, unsatisfiable }; }
  const all = [...global, ...local.flat()];
  let best = Infinity;
  let bestSolutions: number[][] = [];
  const choice: number[] = new Array(rows.length).fill(0);
  const pick = (r: number) => kRows[r][choice[r]];
  for (let n = 0; n < combos; n++) {
    let rest = n;
    for (let r = 0; r < rows.length; r++) { choice[r] = rest % kRows[r].length; rest = Math.floor(rest / kRows[r].length); }
    let broken = 0;
    for (const rel of all) if (!holds(rel, pick)) broken++;
    if (broken < best) { best = broken; bestSolutions = []; }
    if (broken === best && bestSolutions.length < limits.maxSolutions) bestSolutions.push(choice.slice());
  }
  return { status: 'fewest-broken', kept, solutions: bestSolutions.map(s => mapBack(s, kept)), incomplete: false, broken: best, unsatisfiable };
}

function mapBack(s: number[], kept: number[][]): number[] {
  return s.map((i, r) => kept[r][i]);
}

/** The readings of one row that its own relations allow, from the lowest tier that has any. */
function keepForRow(row: SolveRow, rels: SolveRelation[]): number[] {
  // Hot loop: the lowest tier seen that satisfies the row, and its readings.
  let tier = Infinity, keep: number[] = [];
  for (let i = 0; i < row.options.length; i++) {
    const t = row.tiers[i];
    if (t > tier) continue;
    const opt = row.options[i];
    let ok = true;
    for (let j = 0; j < rels.length && ok; j++) ok = holdsInRow(rels[j], opt);
    if (!ok) continue;
    if (t < tier) { tier = t; keep = []; }
    keep.push(i);
  }
  if (keep.length) return keep;
  // Nothing satisfies the row: its lowest tier stands, to be judged with the rest of the table.
  return lowestTier(row.tiers);
}

/** The indices of the readings of the lowest tier: what a row keeps when no relation judges it. */
export function lowestTier(tiers: number[]): number[] {
  const lowest = Math.min(...tiers), out: number[] = [];
  for (let i = 0; i < tiers.length; i++) if (tiers[i] === lowest) out.push(i);
  return out;
}

/** The depth-first search of step 2. */
class Search {
  solutions: number[][] = [];
  incomplete = false;
  private nodes = 0;
  private readonly order: number[];
  private readonly choice: number[];
  private readonly assigned: boolean[];
  /** Smallest and largest value each cell takes over its row's readings. */
  private readonly lo: number[][];
  private readonly hi: number[][];
  /** The reading row `r` takes in the current choice (one closure for the whole search). */
  private readonly pick = (r: number): CellValues => this.rows[r][this.choice[r]];
  /** What `range` found last: the smallest and largest sum a side can still reach. */
  private rangeLo = 0;
  private rangeHi = 0;
  /** The relations each row takes part in; whether a relation can be pruned by intervals (no NaN anywhere). */
  private readonly byRow: SolveRelation[][];
  private readonly prunable: Set<SolveRelation>;

  constructor(private readonly rows: CellValues[][], relations: SolveRelation[], private readonly limits: SolveLimits) {
    const n = rows.length;
    this.choice = new Array(n).fill(0);
    this.assigned = new Array(n).fill(false);
    // Rows with fewer readings first: the search branches as late as it can.
    this.order = [...rows.keys()].sort((a, b) => rows[a].length - rows[b].length);
    this.lo = rows.map(opts => {
      const width = opts[0]?.length ?? 0;
      const v = new Array<number>(width).fill(Infinity);
      for (const o of opts) for (let c = 0; c < width; c++) v[c] = Math.min(v[c], o[c]);
      return v;
    });
    this.hi = rows.map(opts => {
      const width = opts[0]?.length ?? 0;
      const v = new Array<number>(width).fill(-Infinity);
      for (const o of opts) for (let c = 0; c < width; c++) v[c] = Math.max(v[c], o[c]);
      return v;
    });
    this.byRow = rows.map(() => []);
    this.prunable = new Set();
    for (const rel of relations) {
      for (const r of rowsOf(rel)) this.byRow[r].push(rel);
      const cells = [...rel.left, ...rel.right];
      if (cells.every(([r, c]) => !Number.isNaN(this.lo[r][c]) && !Number.isNaN(this.hi[r][c]) && this.lo[r][c] >= 0)) this.prunable.add(rel);
    }
  }

  run(): void {
    if (this.rows.some(r => r.length === 0)) return;
    this.visit(0);
  }

  private value(r: number, c: number): number { return this.rows[r][this.choice[r]][c]; }

  /** Whether every relation of `rels` can still hold given the rows assigned so far. */
  private allFeasible(rels: SolveRelation[]): boolean {
    for (let i = 0; i < rels.length; i++) if (!this.feasible(rels[i])) return false;
    return true;
  }

  /** Whether relation `rel` can still hold given the rows assigned so far. */
  private feasible(rel: SolveRelation): boolean {
    let complete = true;
    for (const [r] of rel.left) if (!this.assigned[r]) { complete = false; break; }
    if (complete) for (const [r] of rel.right) if (!this.assigned[r]) { complete = false; break; }
    if (complete) return holds(rel, this.pick);
    if (!this.prunable.has(rel)) return true;
    this.range(rel.left);
    const lLo = this.rangeLo, lHi = this.rangeHi;
    this.range(rel.right);
    return lLo <= this.rangeHi && this.rangeLo <= lHi;
  }

  /** The smallest and largest sum of `cells` given the rows assigned so far, into rangeLo and rangeHi. */
  private range(cells: [number, number][]): void {
    let lo = 0, hi = 0;
    for (const [r, c] of cells) {
      if (this.assigned[r]) { const v = this.value(r, c); lo += v; hi += v; } else { lo += this.lo[r][c]; hi += this.hi[r][c]; }
    }
    this.rangeLo = lo;
    this.rangeHi = hi;
  }

  private visit(depth: number): void {
    if (this.solutions.length >= this.limits.maxSolutions) { this.incomplete = true; return; }
    if (depth === this.order.length) { this.solutions.push(this.choice.slice()); return; }
    const r = this.order[depth];
    this.assigned[r] = true;
    for (let i = 0; i < this.rows[r].length; i++) {
      if (++this.nodes > this.limits.maxNodes) { this.incomplete = true; break; }
      this.choice[r] = i;
      if (this.allFeasible(this.byRow[r])) this.visit(depth + 1);
      if (this.incomplete && this.solutions.length >= this.limits.maxSolutions) break;
    }
    this.assigned[r] = false;
  }
}
