import stringWidth from 'string-width';

export interface PipeTableOptions {
  /** Index of the row after which a Markdown delimiter row (`| --- |`) goes, if any. */
  delimiterAfter?: number;
  /** Whether a cell is right-aligned (figures); the rest are left-aligned. */
  right?: (row: number, column: number) => boolean;
}

/**
 * Rows of cells as pipe-table lines, every column padded to its widest cell by display width
 * (East Asian wide characters count two columns, as an editor's monospace font draws them), so
 * the pipes line up. Rows may have fewer cells than the widest row: they are not padded out.
 */
export function pipeTable(rows: readonly (readonly string[])[], opts: PipeTableOptions = {}): string[] {
  const widths: number[] = [];
  const w = rows.map(r => r.map((c, i) => { const n = stringWidth(c); widths[i] = Math.max(widths[i] ?? 3, n); return n; }));
  const line = (cells: readonly string[], ri: number) => `| ${cells.map((c, i) => {
    const pad = ' '.repeat(widths[i] - (ri < 0 ? stringWidth(c) : w[ri][i]));
    return ri >= 0 && opts.right?.(ri, i) ? pad + c : c + pad;
  }).join(' | ')} |`;
  const out = rows.map((r, i) => line(r, i));
  if (opts.delimiterAfter !== undefined) {
    const n = Math.max(...rows.map(r => r.length));
    out.splice(opts.delimiterAfter + 1, 0, line(widths.slice(0, n).map(x => '-'.repeat(x)), -1));
  }
  return out;
}
