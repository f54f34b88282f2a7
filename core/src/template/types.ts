import type { TableId, TemplateId } from '../model';

/**
 * A row of a table as the national format prints it.
 * `labels` are the accepted wordings (simplified Chinese, no spaces or quotes — they are matched
 * against the normalised text); `ordinal` is the numbering printed before the label (`一、`, `(一)`, `1.`).
 */
export interface RowSpec {
  key: string;
  labels: string[];
  ordinal?: string;
  /** Column keys of this row's cells; empty for a group heading such as （三）不予公开. */
  columns: string[];
  /** How the cells' values are judged. */
  valueKind: 'count' | 'money' | 'signed';
  /** Group headings may be missing without complaint. */
  optional?: boolean;
  /** Needs an earlier data row found first: its label is a common word (其他, 总计). */
  weak?: boolean;
  /** Other column sets, chosen when the header just before the row holds `marker` (blocks of the other format). */
  variants?: { marker: string; columns: string[] }[];
  /** A column whose values follow a different kind (e.g. fees.amount in 万元). */
  columnKinds?: Record<string, 'count' | 'money' | 'signed'>;
}

export interface TableSpec {
  id: TableId;
  template: TemplateId;
  rows: RowSpec[];
  /** Words whose presence in the table's region votes for this template. */
  markers: string[];
}

/** A hard relation: the sum of `left` equals the sum of `right`. `target` is the cell to fix when the wrong cell cannot be located. */
export interface RelationSpec {
  id: string;
  code: 'row-sum' | 'column-sum' | 'balance' | 'appeals-sum';
  table: TableId;
  left: string[];
  right: string[];
  target: string;
  /** left and right together. */
  keys: string[];
  /** The numbers of `keys` in a report's cell table (`CellTable.atSlot`), in the same order. */
  slots: Int32Array;
  /** Names for the formula, e.g. 总计 = 自然人 + …. */
  names: { zh: string; en: string };
}

export interface SectionSpec {
  number: number;
  /** Regular-expression sources over normalised text, tried in order. */
  headings: string[];
  /**
   * Wordings of the heading (normalised: simplified, no spaces or punctuation) that a heading is
   * compared with when it matches no pattern exactly: the closest wording by longest common
   * subsequence decides, so variants and typos (`…及下一步工作计划`, `行政法复议`) are read.
   */
  wordings: string[];
  title: { zh: string; en: string };
  table?: TableId;
  /**
   * Words only the section's table holds. A heading repeated after them stands before a second copy
   * of the section (it appears twice); before them, it is the heading repeated in front of its table.
   */
  tableWords?: string[];
}
