import { isJsWhiteSpace } from '../whitespace';

/** A growable array of 32-bit integers. */
export class Ints {
  a: Int32Array;
  n = 0;
  constructor(capacity = 4) { this.a = new Int32Array(capacity); }
  push(v: number): void {
    if (this.n === this.a.length) { const b = new Int32Array(this.a.length * 2); b.set(this.a); this.a = b; }
    this.a[this.n++] = v;
  }
}

/**
 * The rendering of a page before it is laid out: pieces of text, each knowing where it comes from,
 * chained into lists. A cell's content is a list; a table's rendering splices its cells' lists
 * together, and a nested table's list is spliced into the outer cell in O(1), so no content is ever
 * copied however deep the nesting. Pieces live in flat typed arrays (16 bytes a piece, no object).
 */
export class Pieces {
  /** Source start of a run, or the offset a piece of text not in the page stands at. */
  private readonly from = new Ints();
  /** Source end of a run (for a decoded or added text: the end every one of its characters maps to). */
  private readonly to = new Ints();
  /**
   * 0 for a run of the page, 1 for one in preformatted text (`<pre>`: its line ends and tabs kept);
   * else 2·k + s for `strings[k]` (k ≥ 1), the piece's text (an entity's character, `|`, a line
   * end), s = 1 when it is the layout after a place no cell of the page fills on its own.
   */
  private readonly str = new Ints(1024);
  private readonly next = new Ints(1024);
  private readonly strings: string[] = [''];
  private readonly stringIds = new Map<string, number>();

  constructor(private readonly src: string) {}

  private add(from: number, to: number, s: string, spanned: boolean, pre = false): number {
    let k = 0;
    if (s !== '') {
      k = this.stringIds.get(s) ?? 0;
      if (!k) { k = this.strings.length; this.strings.push(s); this.stringIds.set(s, k); }
    }
    const i = this.from.n;
    this.from.push(from); this.to.push(to); this.str.push(k ? 2 * k + (spanned ? 1 : 0) : pre ? 1 : 0); this.next.push(-1);
    return i;
  }

  /**
   * Appends the page's own text `src[from, to)`: line ends, tabs and form feeds read as spaces
   * (white space in a page, never a cell border), but in preformatted text (`pre`) as they are.
   */
  run(list: PieceList, from: number, to: number, pre = false): void {
    if (to <= from) return;
    this.link(list, this.add(from, to, '', false, pre));
    list.note(this.src, from, to);
    if (/[^ \t\n\f\r]/.test(this.src.slice(from, to))) list.textEnd = to;
  }

  /** Appends `text` read from `src[from, to)` (an entity's character: every unit maps to the whole reference). */
  decoded(list: PieceList, text: string, from: number, to: number): void {
    this.link(list, this.add(from, to, text, false));
    list.note(text, 0, text.length);
    list.textEnd = to;
  }

  /** Appends layout (`' | '`, a line end) that stands at source offset `at`, zero-width; `spanned` marks a place no cell of its own fills. */
  layout(list: PieceList, text: string, at: number, spanned = false): void {
    this.link(list, this.add(at, at, text, spanned));
  }

  /** Moves the pieces of `other` to the end of `list` (O(1)); `other` is left empty. */
  splice(list: PieceList, other: PieceList): void {
    if (other.head < 0) return;
    if (list.head < 0) list.head = other.head; else this.next.a[list.tail] = other.head;
    list.tail = other.tail;
    list.text ||= other.text;
    list.label ||= other.label;
    other.head = other.tail = -1;
  }

  private link(list: PieceList, i: number): void {
    if (list.head < 0) list.head = i; else this.next.a[list.tail] = i;
    list.tail = i;
  }

  /**
   * The text of `list` with, for each character, the source offsets it starts and ends at, and the
   * sorted rendered offsets of spanned places' layout (a blank read there is no cell of the page).
   */
  render(list: PieceList): { text: string; map: Int32Array; ends: Int32Array; spanned: Int32Array } {
    const from = this.from.a, to = this.to.a, str = this.str.a, next = this.next.a, strings = this.strings;
    let n = 0, spannedCount = 0;
    for (let i = list.head; i >= 0; i = next[i]) {
      const len = str[i] <= 1 ? to[i] - from[i] : strings[str[i] >> 1].length;
      n += len;
      if (str[i] > 1 && str[i] & 1) spannedCount += len;
    }
    const map = new Int32Array(n), ends = new Int32Array(n), spanned = new Int32Array(spannedCount);
    const parts: string[] = [];
    let o = 0, k = 0;
    for (let i = list.head; i >= 0; i = next[i]) {
      const a = from[i], b = to[i];
      if (str[i] <= 1) {
        parts.push(str[i] === 0 ? this.src.slice(a, b).replace(/[\t\n\f\r]/g, ' ') : this.src.slice(a, b));
        for (let j = a; j < b; j++, o++) { map[o] = j; ends[o] = j + 1; }
      } else {
        const s = strings[str[i] >> 1];
        parts.push(s);
        for (let j = 0; j < s.length; j++, o++) { map[o] = a; ends[o] = b; if (str[i] & 1) spanned[k++] = o; }
      }
    }
    return { text: parts.join(''), map, ends, spanned };
  }
}

/** Characters a figure cell may hold besides digits: signs, separators, `/`, units, 无. */
const VALUE_CHARS = new Set('.．,，+＋-－−—–/／%％万元件条个项无');

/** A chain of pieces with what its text holds: any text at all, and text that makes it a label (not a figure). */
export class PieceList {
  head = -1;
  tail = -1;
  /** Holds something other than white space. */
  text = false;
  /** Holds a character no figure has (a letter, a Chinese character other than a unit). */
  label = false;
  /** Source offset where its last text ends (a character reference included, a run of white space between tags not), or −1. */
  textEnd = -1;

  note(s: string, from: number, to: number): void {
    if (this.label) return;
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      if (isJsWhiteSpace(c)) continue;
      this.text = true;
      if (!(c >= 48 && c <= 57) && !(c >= 0xff10 && c <= 0xff19) && !VALUE_CHARS.has(s[i])) { this.label = true; return; }
    }
  }
}
