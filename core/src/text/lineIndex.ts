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
    const line = this.lineOf(offset);
    return { line, character: this.characterAt(line, offset) };
  }
  /** The line holding `offset` (clamped to the text). */
  lineOf(offset: number): number {
    offset = Math.max(0, Math.min(offset, this.text.length));
    const s = this.starts;
    // Offsets asked in document order land on the line of the last answer or a few lines on: look there first.
    let lo = this.last;
    if (s[lo] <= offset) {
      for (let k = 0; k < 8 && lo + 1 < s.length && s[lo + 1] <= offset; k++) lo++;
      if (lo + 1 >= s.length || s[lo + 1] > offset) return (this.last = lo);
    }
    lo = 0;
    let hi = s.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (s[mid] <= offset) lo = mid; else hi = mid - 1; }
    return (this.last = lo);
  }
  /** The UTF-16 character of `offset` on `line`: never between \r and \n, nor past the line's end. */
  characterAt(line: number, offset: number): number {
    offset = Math.max(0, Math.min(offset, this.text.length));
    return Math.min(offset, this.lineEnd(line)) - this.starts[line];
  }
  private last = 0;
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
