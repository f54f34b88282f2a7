import type { Cell, Finding, Report } from '../model';
import type { RelationSpec } from '../template/types';
import { cellName } from '../template/names';
import { formulaOf, joinMessages } from './formula';
import { locate } from './locate';
import { allRelationsHold, evaluate, evaluateAll, relationById, requiredValue, type Evaluated } from './relations';

const ORDER = { 'row-sum': 0, 'column-sum': 1, balance: 2, 'appeals-sum': 3 } as const;

/**
 * The edit that puts `value` into `cell`: replaces its figure, or fills a blank or `/` in place.
 * None for a digit of a row read digit by digit (`3000000`): any edit there can change how the run,
 * and the numbering of the label after it, is read — the finding says what the cell should hold.
 * None in a table the reader placed or solved any cell of (changing one figure there can change how
 * its other rows are read), nor for a count that would be negative or fractional.
 */
function cellFix(report: Report, key: string, cell: Cell, value: string, certain: boolean): Finding['fix'] {
  if (cell.glued || !readAsWritten(report, key)) return undefined;
  // A count is a whole number of zero or more: a negative or fractional total is no fix.
  if (/^(?:requests|appeals)\./.test(key) && !/^\d+$/.test(value)) return undefined;
  return { key, start: cell.start, end: cell.end, newText: value, certain };
}

/** Whether every cell of the table `key` belongs to is as written. */
function readAsWritten(report: Report, key: string): boolean {
  const table = report.tables.find(t => key.startsWith(`${t.id}.`));
  return !!table && table.rows.every(r => r.cells.every(k => { const p = report.cells.get(k)?.provenance; return !p || p === 'written'; }));
}

/** The cell to change first, then every cell of the relations. */
function relationKeys(rels: Evaluated[], first: string): string[] {
  const keys = new Set<string>([first]);
  for (const r of rels) for (const k of r.spec.keys) keys.add(k);
  return [...keys];
}

/**
 * Errors for REPORT-FORMAT §5 relations 1–4. Relations broken by one located cell become a single
 * finding on that cell ("likely wrong"); the rest are reported on their totals.
 */
export function arithmeticFindings(report: Report): Finding[] {
  const unreadable = brokenWhateverTheReading(report);
  if (allRelationsHold(report)) return unreadable;
  const evaluated = evaluateAll(report);
  const { suspects, unexplained } = locate(evaluated);
  const out: Finding[] = [];
  for (const s of suspects) {
    const cell = report.cells.get(s.key)!;
    const rels = [...s.explains].sort((a, b) => ORDER[a.spec.code] - ORDER[b.spec.code]);
    const name = cellName(s.key);
    const actual = cell.kind === 'number' ? cell.value! : cell.kind === 'blank' ? '' : cell.text;
    out.push({
      code: rels[0].spec.code, severity: 'error',
      message: {
        zh: `可能填错：${name.zh}，应为 ${s.value}，表中为 ${actual || '（空）'}`,
        en: `Likely wrong: ${name.en} should be ${s.value}, the table says ${actual || '(blank)'}`,
      },
      start: cell.start, end: cell.end, cells: relationKeys(rels, s.key),
      formula: joinMessages(rels.map(formulaOf)), expected: s.value,
      fix: cellFix(report, s.key, cell, s.value, s.certain),
    });
  }
  out.push(...unreadable);
  for (const e of unexplained) {
    const target = e.spec.target;
    const cell = report.cells.get(target)!;
    const expected = requiredValue(e, target);
    const name = cellName(target);
    const f = formulaOf(e);
    const blank = cell.kind !== 'number';
    // A count the relation would need below zero: the other side is too large, and no value of this cell is right.
    if (expected.startsWith('-') && /^(?:requests|appeals)\./.test(target)) {
      out.push({
        code: e.spec.code, severity: 'error', start: cell.start, end: cell.end, cells: relationKeys([e], target), formula: f,
        message: { zh: `合计不符：${name.zh} 无法使等式成立（需要负数）`, en: `Total does not add up: no count in ${name.en} can make it hold (it would have to be negative)` },
      });
      continue;
    }
    out.push({
      code: e.spec.code, severity: 'error',
      message: blank
        ? { zh: `${name.zh} 为空，但其各项之和为 ${expected}`, en: `${name.en} is blank but its parts add up to ${expected}` }
        : { zh: `合计不符：${name.zh} 应为 ${expected}，表中为 ${cell.value}`, en: `Total does not add up: ${name.en} should be ${expected}, the table says ${cell.value}` },
      start: cell.start, end: cell.end, cells: relationKeys([e], target), formula: f, expected,
      fix: cellFix(report, target, cell, expected, false),
    });
  }
  return out;
}

/**
 * Relations that fail under every reading the text allows, while some of their cells stay unknown
 * (`13` / `3` / `2` for a collapsed row whose total can never be its parts' sum): the table is wrong
 * there whichever cells the text stands for. No expected value and no fix: the cells are not known.
 */
function brokenWhateverTheReading(report: Report): Finding[] {
  const out: Finding[] = [];
  // One finding per broken place: a relation sharing a cell with one already reported (the columns
  // through a row that can never add up) follows from it.
  const reported = new Set<string>();
  for (const t of report.tables) {
    const specs = (t.brokenInEveryReading ?? []).map(id => relationById(report, id)).filter((r): r is RelationSpec => !!r);
    specs.sort((a, b) => ORDER[a.code] - ORDER[b.code]);
    for (const spec of specs) {
      if (evaluate(spec, report) || spec.keys.some(k => reported.has(k))) continue;
      for (const k of spec.keys) reported.add(k);
      const cell = report.cells.get(spec.target);
      if (!cell) continue;
      const name = cellName(spec.target);
      out.push({
        code: spec.code, severity: 'error', start: cell.start, end: cell.end, cells: [spec.target, ...spec.keys.filter(k => k !== spec.target)],
        message: {
          zh: `合计不符：${name.zh}。原文的数字无论怎样对应各格，“${spec.names.zh}”都不成立`,
          en: `Total does not add up: ${name.en}. However the figures of the text are matched to the cells, "${spec.names.en}" fails`,
        },
      });
    }
  }
  return out;
}
