import type { Cell, CellKind, Provenance } from '../model';

/**
 * Every cell but the plain ones, in one hidden class. The checks read every cell of a report, and
 * V8 reads a property fast only at a place that has seen at most four object shapes: so cells come
 * in three. A figure, text or blank as written is `{key, text, kind, value, start, end}` (spans.ts);
 * the same with a provenance is what the inference stage makes of it in place, and the blanks it
 * adds; every other cell — a figure with its unit, a piece of a glued run, a figure standing for a
 * run of equal cells, a number joined across lines, a blank an empty line stands for, an unknown
 * cell — is made here, with all the optional fields, always in this order.
 */
export function fullCell(text: string, kind: CellKind, value: string | null, start: number, end: number,
  unit: string | undefined, glued: boolean | undefined, provenance: Provenance | undefined, candidates: string[] | undefined): Cell {
  return { key: '', text, kind, value, start, end, unit, glued, provenance, candidates };
}
