import type { Position } from '../model';

/** Offset ↔ LSP position over a text, with `\n`, `\r\n` and lone `\r` all ending a line. */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const s = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0d) { if (text.charCodeAt(i + 1) === 0x0a) i++; s.push(i + 1); }
      else if (c === 0x0a) s.push(i + 1);
    }
    this.starts = s;
  }
  get lineCount(): number { return this.starts.length; }
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    const s = this.starts;
    let lo = 0, hi = s.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (s[mid] <= offset) lo = mid; else hi = mid - 1; }
    // Never point between \r and \n, or past the line's end.
    const end = this.lineEnd(lo);
    return { line: lo, character: Math.min(offset, end) - s[lo] };
  }
  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[p.line] + Math.max(0, p.character), this.lineEnd(p.line));
  }
  /** Offset of the end of line `line` (before its line break). */
  lineEnd(line: number): number {
    let e = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    if (e > this.starts[line] && line + 1 < this.starts.length) {
      if (this.text.charCodeAt(e - 1) === 0x0a) e--;
      if (e > this.starts[line] && this.text.charCodeAt(e - 1) === 0x0d) e--;
    }
    return e;
  }
}
