import type { Position } from '../model';
import { upperBound } from '../search';

/**
 * Pushes `base + x` for every x in [from, to] (x ≥ 1) that starts a line of `text`: after `\n`, or
 * after a `\r` not followed by `\n` (`\n`, `\r\n` and a lone `\r` all end a line, as in LSP).
 */
export function pushLineStarts(text: string, from: number, to: number, out: number[], base = 0): void {
  for (let x = Math.max(1, from); x <= to; x++) {
    const c = text.charCodeAt(x - 1);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(x) !== 0x0a)) out.push(base + x);
  }
}

/** Offset ↔ LSP position over a text, with `\n`, `\r\n` and lone `\r` all ending a line. */
export class LineIndex {
  readonly starts: number[];
  constructor(readonly text: string) {
    const s = [0];
    pushLineStarts(text, 1, text.length, s);
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
    return (this.last = upperBound(s, offset) - 1);
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
