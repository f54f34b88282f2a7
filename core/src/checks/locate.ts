import { isInteger, isNegative } from '../decimal';
import type { Evaluated } from './relations';
import { requiredValue } from './relations';
import { valueKindOf } from '../template/names';

/** A cell that, changed to `value`, makes every relation in `explains` hold and breaks none. */
export interface Suspect { key: string; value: string; explains: Evaluated[]; certain: boolean }

/**
 * Locates the wrong cell. One wrong cell breaks its row, its column and the balance at once; when a
 * single cell sits in two or more failing relations, in no relation that holds, and one value fixes
 * them all, it is the suspect. A suspect is certain when no other cell explains the same relations
 * as well. Relations no suspect explains are left to their totals.
 */
const NOTHING_TO_LOCATE: { suspects: Suspect[]; unexplained: Evaluated[] } = Object.freeze({ suspects: [], unexplained: [] });

export function locate(evaluated: Evaluated[]): { suspects: Suspect[]; unexplained: Evaluated[] } {
  if (evaluated.every(e => e.ok)) return NOTHING_TO_LOCATE;
  const failing = evaluated.filter(e => !e.ok);
  // Only a cell of a failing relation can be a suspect: the relations of each such cell, in the
  // order the cells first turn up in the failing relations.
  const byCell = new Map<string, Evaluated[]>();
  for (const f of failing) for (const k of f.spec.keys) if (!byCell.has(k)) byCell.set(k, []);
  for (const e of evaluated) for (const k of e.spec.keys) byCell.get(k)?.push(e);
  const candidates: Suspect[] = [];
  for (const [k, rels] of byCell) {
    if (rels.length < 2 || rels.some(r => r.ok)) continue;
    const values = rels.map(r => requiredValue(r, k));
    if (values.some(v => v !== values[0])) continue;
    const kind = valueKindOf(k);
    if (kind !== 'signed' && isNegative(values[0])) continue;
    if (kind === 'count' && !isInteger(values[0])) continue;
    candidates.push({ key: k, value: values[0], explains: rels, certain: true });
  }
  candidates.sort((a, b) => b.explains.length - a.explains.length);
  const suspects: Suspect[] = [];
  const explained = new Set<Evaluated>();
  for (const c of candidates) {
    if (c.explains.every(e => explained.has(e))) continue;
    // Another candidate explaining the same relations equally well makes both uncertain.
    const rivals = candidates.filter(o => o !== c && o.explains.length === c.explains.length && o.explains.some(e => c.explains.includes(e)));
    c.certain = rivals.length === 0;
    suspects.push(c);
    for (const e of c.explains) explained.add(e);
  }
  return { suspects, unexplained: failing.filter(e => !explained.has(e)) };
}
