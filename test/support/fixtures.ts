import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { documentJson, ReportDocument } from '../../core/src';

/** The real reports copied from the shared corpus, byte for byte (see test/fixtures/README.md). */
export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const SEEDS = readdirSync(path.join(FIXTURES, 'seeds')).filter(f => f.endsWith('.txt')).sort();
export const REAL = readdirSync(path.join(FIXTURES, 'real')).filter(f => f.endsWith('.txt')).sort();
export const seed = (prefix: string): string => readFileSync(path.join(FIXTURES, 'seeds', SEEDS.find(f => f.startsWith(prefix))!), 'utf8');
export const real = (name: string): string => readFileSync(path.join(FIXTURES, 'real', name), 'utf8');
export const fixturePath = (...p: string[]): string => path.join(FIXTURES, ...p);

/** Everything the CLI's JSON says of a parsed document: two documents are the same model when these are equal. */
export const snapshot = (d: ReportDocument): string => JSON.stringify(documentJson(d, 'zh-CN'));

/**
 * A report (seed 002 unless given) with 予以公开·总计 written as 9 instead of its 7: one row-sum
 * error with a certain fix. `line` and `character` are the cell's 0-based UTF-16 position.
 */
export function grantedTotalAs9(text = seed('002')): { text: string; bad: string; cell: { start: number; end: number }; start: number; value: string | null; line: number; character: number } {
  const c = ReportDocument.parse(text).reports()[0].report.cells.get('requests.granted.total')!;
  const before = text.slice(0, c.start);
  return {
    text, bad: text.slice(0, c.start) + '9' + text.slice(c.end), cell: c, start: c.start, value: c.value,
    line: before.split('\n').length - 1, character: c.start - (before.lastIndexOf('\n') + 1),
  };
}
