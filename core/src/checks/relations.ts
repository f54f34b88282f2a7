import { equal, isSmallInteger, minus, sum } from '../decimal';
import type { Cell, Report } from '../model';
import { relationsFor } from '../template/relations';
import type { RelationSpec } from '../template/types';

/**
 * A hard relation evaluated on a report. Blank and not-applicable cells contribute nothing to a sum
 * (they are not zero: a blank total with non-zero parts fails and names the blank cell); a relation
 * with a missing, unknown or invalid cell cannot be evaluated.
 */
export interface Evaluated {
  spec: RelationSpec;
  ok: boolean;
  left: string;
  right: string;
  report: Report;
}

/** The relation's cell `key` (present: the relation was evaluated). */
export const cellOf = (e: Evaluated, key: string): Cell => e.report.cells.get(key)!;
export const hasCell = (e: Evaluated, key: string): boolean => e.spec.keys.includes(key);

const counts = (c: Cell) => c.kind === 'number' || c.kind === 'blank' || c.kind === 'not-applicable';
const valueOf = (c: Cell) => (c.kind === 'number' ? c.value! : '0');
/** The exact sum of one side of a relation (blank and not-applicable count for nothing). */
const sideSum = (keys: string[], report: Report): string => sum(keys.map(k => valueOf(report.cells.get(k)!)));

/** What one pass over a relation's cells found; with `EXACT`, its sides are in `sides`. */
const NOT_EVALUABLE = 0, EXACT = 1, INEXACT = 2;
const sides = { left: 0, right: 0 };

/**
 * One pass over the cells: can the relation be evaluated (no missing, unknown or invalid cell, at
 * least one figure), and, when every figure is a small whole number, the sums of its sides.
 */
function scan(spec: RelationSpec, report: Report): typeof NOT_EVALUABLE | typeof EXACT | typeof INEXACT {
  let anyNumber = false, exact = true, left = 0, right = 0;
  const slots = spec.slots, nLeft = spec.left.length, cells = report.cells;
  for (let i = 0; i < slots.length; i++) {
    const c = cells.atSlot(slots[i]);
    if (!c || !counts(c)) return NOT_EVALUABLE;
    if (c.kind !== 'number') continue;
    anyNumber = true;
    const v = c.value!;
    if (!isSmallInteger(v)) exact = false;
    else if (i < nLeft) left += +v;
    else right += +v;
  }
  if (!anyNumber) return NOT_EVALUABLE;
  if (!exact) return INEXACT;
  sides.left = left; sides.right = right;
  return EXACT;
}

export function evaluate(spec: RelationSpec, report: Report): Evaluated | null {
  const how = scan(spec, report);
  if (how === NOT_EVALUABLE) return null;
  if (how === EXACT) return { spec, ok: sides.left === sides.right, left: String(sides.left), right: String(sides.right), report };
  const l = sideSum(spec.left, report), r = sideSum(spec.right, report);
  return { spec, ok: l === r || equal(l, r), left: l, right: r, report };
}

const relationsOf = (report: Report) => relationsFor(report.tables.find(t => t.id === 'requests')?.template ?? '2021');

/** The report's relation with id `id` (its `requests` template's, or an `appeals` one). */
export const relationById = (report: Report, id: string): RelationSpec | undefined => relationsOf(report).find(r => r.id === id);

/** The relations of the report's `requests` template and of `appeals`, evaluated where possible. */
export function evaluateAll(report: Report): Evaluated[] {
  const out: Evaluated[] = [];
  for (const spec of relationsOf(report)) {
    const e = evaluate(spec, report);
    if (e) out.push(e);
  }
  return out;
}

/** Whether every relation that can be evaluated holds — most reports: checked without building results. */
export function allRelationsHold(report: Report): boolean {
  for (const spec of relationsOf(report)) {
    const how = scan(spec, report);
    if (how === EXACT ? sides.left !== sides.right : how === INEXACT && !evaluate(spec, report)!.ok) return false;
  }
  return true;
}

/** The value `key` must hold for relation `e` to hold, all else unchanged. */
export function requiredValue(e: Evaluated, key: string): string {
  const cur = valueOf(cellOf(e, key));
  return e.spec.left.includes(key) ? minus(cur, minus(e.left, e.right)) : minus(cur, minus(e.right, e.left));
}
