import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { pushLineStarts, upperBound, type TextSource } from '../../core/src';

/** Pieces are cut to about this many characters (at most twice); an edit rewrites only the piece(s) it falls in. */
const PIECE = 16 * 1024;

const isEol = (c: number) => c === 10 || c === 13;

/**
 * An open document's text as the editor sends it, kept in pieces of about 16 K characters with the
 * offsets of its line starts. An edit rewrites the piece it falls in, so a keystroke in a 2 MB
 * compilation never builds (and later frees) a 2 MB string; the whole text is joined only when
 * something asks for it. Positions and offsets follow the LSP rules exactly as the
 * vscode-languageserver-textdocument library does (`\r\n`, `\r` and `\n` end lines; positions past
 * a line's end or inside its line break are moved back to its end).
 */
export class EditorText implements TextDocument, TextSource {
  private pieces: string[] = [];
  /** Document offset of each piece's first character. */
  private pieceStarts: number[] = [];
  private lineStarts: number[] = [0];
  private joined: string | null = null;
  private size = 0;
  /** The text's length in UTF-8 bytes (the sum of its pieces'). */
  private bytes = 0;

  /** `pieceSize`: for tests, to exercise many pieces with short texts. */
  constructor(readonly uri: string, readonly languageId: string, private ver: number, text: string, private readonly pieceSize = PIECE) {
    this.replaceAll(text);
  }

  get version(): number { return this.ver; }
  get length(): number { return this.size; }
  /** Length in UTF-8 bytes, what a size limit in bytes is compared with. */
  get byteLength(): number { return this.bytes; }
  get lineCount(): number { return this.lineStarts.length; }

  getText(range?: Range): string {
    if (range) {
      // As `substring` does in the library: a reversed range reads the same text.
      const a = this.offsetAt(range.start), b = this.offsetAt(range.end);
      return this.slice(Math.min(a, b), Math.max(a, b));
    }
    if (this.joined === null) this.joined = this.pieces.join('');
    return this.joined;
  }

  /** text[start, end), reading only the pieces it overlaps. */
  slice(start: number, end: number): string {
    start = Math.max(0, Math.min(start, this.size));
    end = Math.max(start, Math.min(end, this.size));
    if (this.joined !== null) return this.joined.slice(start, end);
    let p = this.pieceAt(start);
    let out = '';
    for (let at = start; at < end; p++) {
      const ps = this.pieceStarts[p], piece = this.pieces[p];
      out += piece.slice(at - ps, Math.min(piece.length, end - ps));
      at = ps + piece.length;
    }
    return out;
  }

  charCodeAt(o: number): number {
    if (o < 0 || o >= this.size) return NaN;
    if (this.joined !== null) return this.joined.charCodeAt(o);
    const p = this.pieceAt(o);
    return this.pieces[p].charCodeAt(o - this.pieceStarts[p]);
  }

  /**
   * Positions' characters count UTF-8 bytes instead of UTF-16 code units (the position encoding
   * `utf-8`, for a client that takes only that). Offsets are UTF-16 either way.
   */
  utf8 = false;

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.size));
    const line = upperBound(this.lineStarts, offset) - 1;
    const ls = this.lineStarts[line];
    const end = this.beforeEol(offset, ls);
    return { line, character: this.utf8 ? Buffer.byteLength(this.slice(ls, end), 'utf8') : end - ls };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.size;
    if (position.line < 0) return 0;
    const ls = this.lineStarts[position.line];
    if (position.character <= 0) return ls;
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.size;
    const at = this.utf8 ? ls + utf16Length(this.slice(ls, next), position.character) : Math.min(ls + position.character, next);
    return this.beforeEol(Math.min(at, next), ls);
  }

  /** The range of line `line` without its line break (the last line for a line past the end). */
  getLineRange(line: number): Range {
    const ls = this.lineStarts;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const l = Math.min(line, ls.length - 1);
    const end = line >= ls.length ? this.size : this.beforeEol(l + 1 < ls.length ? ls[l + 1] : this.size, ls[l]);
    return { start: { line: l, character: 0 }, end: { line: l, character: end - ls[l] } };
  }

  /** The line break ending line `line` (`\r\n`, `\n`, `\r`, or '' for the last line). */
  getEOLCharacters(line: number): string {
    const ls = this.lineStarts;
    if (line < 0 || line >= ls.length) return '';
    const next = line + 1 < ls.length ? ls[line + 1] : this.size;
    return this.slice(this.beforeEol(next, ls[line]), next);
  }

  /**
   * Applies the editor's changes in order and takes the new version number. Returns what each did:
   * the offsets it replaced (a reversed range read from the smaller offset to the larger, as the
   * library reads it) and the new text's length, or null for a change of the whole text.
   */
  apply(changes: TextDocumentContentChangeEvent[], version: number): ({ start: number; end: number; length: number } | null)[] {
    const applied = changes.map(ch => {
      if (!('range' in ch) || !ch.range) { this.replaceAll(ch.text); return null; }
      const a = this.offsetAt(ch.range.start), b = this.offsetAt(ch.range.end);
      const start = Math.min(a, b), end = Math.max(a, b);
      this.edit(start, end, ch.text);
      return { start, end, length: ch.text.length };
    });
    this.ver = version;
    return applied;
  }

  /** Replaces text[start, end) with `text`. */
  edit(start: number, end: number, text: string): void {
    // A piece to rewrite: the one holding `start` through the one holding the last replaced character.
    const p = this.pieceAt(start), q = end > start ? this.pieceAt(end - 1) : p;
    const ps = this.pieceStarts[p], qs = this.pieceStarts[q];
    const rewritten = this.pieces[p].slice(0, start - ps) + text + this.pieces[q].slice(end - qs);
    // No empty piece, unless it is the only one (an empty document).
    const parts = rewritten.length || q - p + 1 < this.pieces.length ? cut(rewritten, this.pieceSize) : [''];
    for (let k = p; k <= q; k++) this.bytes -= Buffer.byteLength(this.pieces[k], 'utf8');
    for (const part of parts) this.bytes += Buffer.byteLength(part, 'utf8');
    this.pieces.splice(p, q - p + 1, ...parts);
    this.joined = null;
    this.size += text.length - (end - start);
    this.restartPieces(p);
    this.relines(start, end, start + text.length);
  }

  private replaceAll(text: string): void {
    this.pieces = text.length ? cut(text, this.pieceSize) : [''];
    this.bytes = this.pieces.reduce((n, piece) => n + Buffer.byteLength(piece, 'utf8'), 0);
    this.joined = text;
    this.size = text.length;
    this.restartPieces(0);
    this.lineStarts = [0];
    pushLineStarts(text, 1, text.length, this.lineStarts);
  }

  private restartPieces(from: number): void {
    this.pieceStarts.length = this.pieces.length;
    let at = from > 0 ? this.pieceStarts[from - 1] + this.pieces[from - 1].length : 0;
    for (let k = from; k < this.pieces.length; k++) { this.pieceStarts[k] = at; at += this.pieces[k].length; }
  }

  /** Index of the piece holding offset `o` (the last piece for the end of the text). */
  private pieceAt(o: number): number {
    return Math.max(0, Math.min(this.pieces.length - 1, upperBound(this.pieceStarts, o) - 1));
  }

  /**
   * Line starts after text[start, oldEnd) became text[start, newEnd): whether `x` (> 0) starts a line
   * depends only on characters x - 1 and x, so only starts in [start, end] can change, and the
   * ones after shift.
   */
  private relines(start: number, oldEnd: number, newEnd: number): void {
    const ls = this.lineStarts, delta = newEnd - oldEnd;
    const a = upperBound(ls, Math.max(1, start) - 1), b = upperBound(ls, oldEnd);
    // The new starts in [start, newEnd], read from the text around them (one character either side).
    const fresh: number[] = [];
    const base = Math.max(0, start - 1);
    pushLineStarts(this.slice(base, newEnd + 1), start - base, newEnd - base, fresh, base);
    if (delta !== 0) for (let k = b; k < ls.length; k++) ls[k] += delta;
    if (fresh.length || b > a) ls.splice(a, b - a, ...fresh);
  }

  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart && isEol(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }
}

/** A text in pieces of `size` characters (one piece up to twice that), never splitting a surrogate pair (none for no text). */
function cut(text: string, size: number): string[] {
  if (text.length <= 2 * size) return text.length ? [text] : [];
  const out: string[] = [];
  for (let a = 0; a < text.length;) {
    let b = Math.min(text.length, a + size);
    const c = text.charCodeAt(b - 1);
    if (b < text.length && c >= 0xd800 && c <= 0xdbff) b++;
    out.push(text.slice(a, b));
    a = b;
  }
  return out;
}

/** How many UTF-16 units of `line` its first `bytes` UTF-8 bytes are (a byte inside a character: that character's start). */
function utf16Length(line: string, bytes: number): number {
  let b = 0, k = 0;
  while (k < line.length) {
    const c = line.charCodeAt(k);
    const pair = c >= 0xd800 && c <= 0xdbff && k + 1 < line.length && (line.charCodeAt(k + 1) & 0xfc00) === 0xdc00;
    const w = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (b + w > bytes) break;
    b += w;
    k += pair ? 2 : 1;
  }
  return k;
}
