import { Tokenizer } from 'htmlparser2';
import { RAW } from '../html';
import { upperBound } from '../../search';

/**
 * Where a comment can be written into an HTML page without changing what the page shows or how it
 * reads: in running text or between two tags, never inside a tag, a comment, a declaration or the
 * raw content of `<script>`, `<style>`, `<title>`, `<textarea>`… (htmlparser2's tokenizer decides,
 * as for the rendering).
 */
export class CommentPlaces {
  /** Sorted, disjoint intervals [from[i], to[i]] (both ends included) of offsets where a comment fits. */
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  /** Where the `<body>` start tag ends (-1 without one), and the doctype (-1 without one). */
  readonly bodyStart: number = -1;
  readonly doctypeEnd: number = -1;

  constructor(src: string) {
    let raw = '', tag = '', body = -1, doctype = -1;
    const add = (a: number, b: number) => {
      const n = this.to.length;
      if (n && a <= this.to[n - 1]) { if (b > this.to[n - 1]) this.to[n - 1] = b; return; }
      this.from.push(a); this.to.push(b);
    };
    const after = (end: number) => { if (!raw) add(end, end); };
    const tokenizer = new Tokenizer({ decodeEntities: true }, {
      onopentagname(start, end) { tag = src.slice(start, end).toLowerCase(); },
      onopentagend(end) {
        if (raw) return;
        if (RAW.has(tag)) { raw = tag; return; }
        if (tag === 'body' && body < 0) body = end + 1;
        add(end + 1, end + 1);
      },
      onselfclosingtag(end) { if (!raw) add(end + 1, end + 1); },
      onclosetag(start, end) {
        const name = src.slice(start, end).toLowerCase();
        if (raw && name === raw) raw = '';
        // `end` is the end of the name: the tag goes on to its `>`.
        const close = src.indexOf('>', end);
        if (close >= 0) after(close + 1);
      },
      ontext(start, end) { if (!raw) add(start, end); },
      ontextentity(_cp, end) { if (!raw) add(end, end); },
      oncomment(_s, end) { after(end + 1); },
      oncdata(_s, end) { after(end + 1); },
      ondeclaration(start, end) { if (doctype < 0 && /^!doctype/i.test(src.slice(start - 1, start + 8))) doctype = end + 1; after(end + 1); },
      onprocessinginstruction(_s, end) { after(end + 1); },
      onattribdata() {}, onattribentity() {}, onattribend() {}, onattribname() {}, onend() {},
    });
    tokenizer.write(src);
    tokenizer.end();
    this.bodyStart = body;
    this.doctypeEnd = doctype;
  }

  /** The last offset in [lo, hi] where a comment fits, or -1. */
  lastIn(lo: number, hi: number): number {
    const i = upperBound(this.from, hi) - 1;
    if (i < 0) return -1;
    const x = Math.min(this.to[i], hi);
    return x >= lo ? x : -1;
  }

  /** The first offset in [lo, hi] where a comment fits, or -1. */
  firstIn(lo: number, hi: number): number {
    let i = upperBound(this.from, lo) - 1;
    if (i >= 0 && this.to[i] >= lo) return lo;
    i++;
    return i < this.from.length && this.from[i] <= hi ? this.from[i] : -1;
  }
}
