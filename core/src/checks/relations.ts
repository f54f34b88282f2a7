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
  report: Report;
}

/** Every cell key of a relation (left side first). */
export const keysOf = (e: Evaluated | RelationSpec): string[] => ('spec' in e ? e.spec : e).keys;
/** The relation's cell `key` (present: the relation was evaluated). */
export const cellOf = (e: Evaluated, key: string): Cell => e.report.cells.get(key)!;
export const hasCell = (e: Evaluated, key: string): boolean => e.spec.keys.includes(key);

const counts = (c: Cell) => c.kind === 'number' || c.kind === 'blank' || c.kind === 'not-applicable';
const valueOf = (c: Cell) => (c.kind === 'number' ? c.value! : '0');
const SMALL_INT = /^-?\d{1,15}$/;

/** The sum of one side: JavaScript integers when every value is a small whole number, else exact decimals. */
function sideSum(keys: string[], report: Report): string {
  let n = 0;
  for (const k of keys) {
    const v = valueOf(report.cells.get(k)!);
    if (!SMALL_INT.test(v)) return sum(keys.map(x => valueOf(report.cells.get(x)!)));
    n += Number(v);
  }
  return String(n);
}

export function evaluate(spec: RelationSpec, report: Report): Evaluated | null {
  let anyNumber = false;
  for (const k of spec.keys) {
    const c = report.cells.get(k);
    if (!c || !counts(c)) return null;
    if (c.kind === 'number') anyNumber = true;
  }
  if (!anyNumber) return null;
  const left = sideSum(spec.left, report);
  const right = sideSum(spec.right, report);
  return { spec, ok: left === right || equal(left, right), left, right, report };
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
  const cur = valueOf(cellOf(e, key));
  return e.spec.left.includes(key) ? minus(cur, minus(e.left, e.right)) : minus(cur, minus(e.right, e.left));
}
