import { equal, minus, sum } from '../decimal';
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
  /** All cells of the relation, keyed. */
  cells: Map<string, Cell>;
}

const counts = (c: Cell) => c.kind === 'number' || c.kind === 'blank' || c.kind === 'not-applicable';
const valueOf = (c: Cell) => (c.kind === 'number' ? c.value! : '0');

export function evaluate(spec: RelationSpec, report: Report): Evaluated | null {
  const cells = new Map<string, Cell>();
  let anyNumber = false;
  for (let side = 0; side < 2; side++) {
    for (const k of side === 0 ? spec.left : spec.right) {
      const c = report.cells.get(k);
      if (!c || !counts(c)) return null;
      if (c.kind === 'number') anyNumber = true;
      cells.set(k, c);
    }
  }
  if (!anyNumber) return null;
  const left = sum(spec.left.map(k => valueOf(cells.get(k)!)));
  const right = sum(spec.right.map(k => valueOf(cells.get(k)!)));
  return { spec, ok: equal(left, right), left, right, cells };
}

/** The relations of the report's `requests` template and of `appeals`, evaluated where possible. */
export function evaluateAll(report: Report): Evaluated[] {
  const req = report.tables.find(t => t.id === 'requests');
  const out: Evaluated[] = [];
  for (const spec of relationsFor(req?.template ?? '2021')) {
    const e = evaluate(spec, report);
    if (e) out.push(e);
  }
  return out;
}

/** The value `key` must hold for relation `e` to hold, all else unchanged. */
export function requiredValue(e: Evaluated, key: string): string {
  const cur = valueOf(e.cells.get(key)!);
  return e.spec.left.includes(key) ? minus(cur, minus(e.left, e.right)) : minus(cur, minus(e.right, e.left));
}
