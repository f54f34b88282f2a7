/**
 * The report model: what the parser produces and every feature consumes.
 * Offsets are UTF-16 code-unit offsets into the document text; `Range`s are LSP-style
 * (0-based line, UTF-16 character).
 */
import type { CellTable } from './parse/cellTable';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** Template (format) of a report or a table: the 2021 format, the 2019 trial format. */
export type TemplateId = '2021' | '2019';
export type ReportTemplate = TemplateId | 'mixed' | null;

/** number: a figure; blank: nothing written; not-applicable: `/`, `—`, `无`…; invalid: text where a figure belongs; unknown: present but its cells could not be told apart. */
export type CellKind = 'number' | 'blank' | 'not-applicable' | 'invalid' | 'unknown';

/**
 * How a cell's value was known: written in its own place; placed by the layout (a glued run with one
 * digit per cell, a collapsed run of equal lines with one expansion); solved by the table's own
 * relations among several readings of the text; or unknown (the readings disagree, or none fits).
 */
export type Provenance = 'written' | 'layout' | 'solved' | 'unknown';

export interface Cell {
  key: string;
  /** The cell's text as written (trimmed). */
  text: string;
  kind: CellKind;
  /** Exact decimal as a string, or null when the cell holds no number. */
  value: string | null;
  /** Document offsets of the text (for a blank cell: an empty span where a value would go). */
  start: number;
  end: number;
  /** Unit written after the figure (件, 万元, 元…), if any. */
  unit?: string;
  /** The cell's text is not its own alone (a digit of a glued run `3000000`, a line standing for a run of equal cells, an empty line standing for a blank cell): never fixed in place. */
  glued?: boolean;
  /** How the value was known; absent: as written. */
  provenance?: Provenance;
  /** For an unknown cell: what the readings of the text that fit the table say it could hold (figures, or `blank`). */
  candidates?: string[];
}

export type TableId = 'active' | 'requests' | 'appeals';

export interface TableRow {
  /** Row key, e.g. `granted`. */
  key: string;
  /** Offsets of the row label as written. */
  labelStart: number;
  labelEnd: number;
  /** Number of cells found in the document for this row (before any glued-digit split). */
  found: number;
  /** Keys of the row's cells in column order (empty for a group heading such as （三）不予公开). */
  cells: string[];
  /** Set when the row's cells could not be assigned to columns (always present, so every row has one shape). */
  problem?: 'count' | 'glued' | 'truncated' | 'ambiguous';
}

export interface Table {
  id: TableId;
  template: TemplateId | null;
  start: number;
  end: number;
  rows: TableRow[];
  /** Row keys of the template that were not found. */
  missingRows: string[];
  /** True when the table runs into the end of the document before it is complete. */
  truncated: boolean;
  /**
   * Ids of the relations (template/relations) that fail under every reading the text allows: the
   * table is wrong there even where its cells stay unknown.
   */
  brokenInEveryReading?: string[];
}

export interface Section {
  /** 1..6: which of the six sections this is (by its heading text). */
  number: number;
  /** Numeral as written (一…六, or null for a bullet or no numeral). */
  writtenNumber: number | null;
  title: string;
  headingStart: number;
  headingEnd: number;
  /** Section body runs to the next section heading or the end of the report. */
  start: number;
  end: number;
}

export interface Report {
  start: number;
  end: number;
  title: string | null;
  titleStart: number;
  titleEnd: number;
  year: number | null;
  template: ReportTemplate;
  sections: Section[];
  tables: Table[];
  /** Every cell keyed as in REPORT-FORMAT.md, in document order (a `ReadonlyMap`). */
  cells: CellTable;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type RuleCode =
  | 'row-sum' | 'column-sum' | 'balance' | 'appeals-sum'
  | 'missing-section' | 'section-order' | 'missing-table' | 'missing-row' | 'malformed-row'
  | 'invalid-number' | 'blank-cell' | 'outdated-template' | 'not-a-report' | 'uncertain-cells'
  | 'text-table-mismatch' | 'report-date' | 'year-continuity' | 'copied-text' | 'township-rules' | 'fee-confusion'
  | 'invalid-directive' | 'unused-directive';

export interface Message { zh: string; en: string }

/** An edit that corrects a cell: replaces [start, end) with newText. */
export interface CellFix {
  key: string;
  start: number;
  end: number;
  newText: string;
  /** True when the cell was located with certainty (one cell explains every failing relation). */
  certain: boolean;
}

export interface Finding {
  code: RuleCode;
  severity: Severity;
  message: Message;
  start: number;
  end: number;
  /** Keys of every cell in the relation(s); the first is the one to change. */
  cells: string[];
  /** The relation(s) with the numbers, e.g. `总计 = 8 + 1 = 9，表中为 8`. */
  formula?: Message;
  /** The value the first cell should hold, as an exact decimal. */
  expected?: string;
  fix?: CellFix;
}
