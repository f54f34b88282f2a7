import { Tokenizer } from 'htmlparser2';
import { PieceList, Pieces } from './html/pieces';
import { Cells, readSpan, Table } from './html/tables';

/**
 * An HTML page rendered as the plain layout the table reader knows, as a browser shows it: each
 * table row on its own line, its places separated by ` | ` (rowspan and colspan laid out as a grid:
 * `html/tables.ts`), block elements end lines, `&nbsp;` is a space; what a browser does not render
 * (`<script>`, `<style>`, `<title>`, `<template>`, `<noscript>`, `<textarea>`, `<xmp>`…) is left
 * out. `map[i]` is the source offset of rendered character i, so every range found in the
 * rendering points back into the page.
 */
export interface Rendered {
  text: string;
  /** Source offset where rendered character i starts… */
  map: Int32Array;
  /** …and where it ends (an entity such as `&#55;` is one character of the rendering). */
  ends: Int32Array;
  /**
   * Sorted rendered offsets of the layout after places that no cell of the page fills on its own (a
   * column a spanning cell covers): a blank read there has no place of its own to write into.
   */
  spanned: Int32Array;
}

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'table', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'aside', 'nav', 'main', 'header', 'footer', 'address', 'blockquote', 'center', 'pre', 'listing', 'hr',
  'form', 'fieldset', 'legend', 'figure', 'figcaption', 'details', 'summary', 'menu', 'dir', 'body', 'html']);
/** Elements the tokenizer reads as raw text or RCDATA, none of which a browser renders as the page's text. */
export const RAW = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements whose content a browser does not render (scripting on): skipped with what they nest. */
const HIDDEN = new Set(['template', 'noscript']);
const ROW_GROUP = new Set(['tbody', 'thead', 'tfoot']);
/** Preformatted text: its line ends and tabs are the layout (a report pasted into `<pre>`). */
const PRE = new Set(['pre', 'listing']);

/** How much of a text `looksLikeHtml` reads. */
export const HTML_HEAD = 200000;
export function looksLikeHtml(text: string): boolean {
  const head = text.length > HTML_HEAD ? text.slice(0, HTML_HEAD) : text;
  return /<(?:table|tr|td|html|body|p|div)[\s>]/i.test(head);
}

/**
 * Renders `src` in one pass of htmlparser2's tokenizer. The open tables are a stack (a table in a
 * cell nests; one opened outside a cell closes the one before, as in a browser); every other
 * element is only a line break or nothing, so no element stack is kept and deep nesting costs
 * nothing. Linear in the page.
 */
export function renderHtml(src: string): Rendered {
  const pieces = new Pieces(src);
  const doc = new PieceList();
  const tables: Table[] = [];
  const cells = new Cells();
  /** The element whose content is being skipped, and how deep it nests in itself. */
  let skip = '', skipDepth = 0;
  /** How many preformatted elements are open (their white space is kept). */
  let pre = 0;
  let tag = '', tagAt = 0, attr = '', value = '';
  let colspan: string | undefined, rowspan: string | undefined;

  // (Never `tables[-1]`: a named-property lookup, slow.)
  const top = (): Table | undefined => (tables.length ? tables[tables.length - 1] : undefined);
  const target = (): PieceList => { const t = top(); return !t ? doc : t.cell ?? t.outer; };
  /** `at` < 0: at the end of the page. */
  const closeTable = (at: number) => {
    const t = tables.pop()!;
    t.closeCell(at);
    pieces.splice(t.outer, t.render(pieces));
  };
  const lineBreak = (at: number) => pieces.layout(target(), top()?.cell ? ' ' : '\n', at);

  /** `at`: where the tag starts; `end`: where it ends. */
  const open = (name: string, at: number, end: number) => {
    if (skip) { if (name === skip) skipDepth++; return; }
    if (RAW.has(name) || HIDDEN.has(name)) { skip = name; skipDepth = 1; return; }
    const t = top();
    if (name === 'td' || name === 'th') {
      if (!t) { pieces.layout(target(), ' ', at); return; }
      t.closeCell(at);
      t.openCell(readSpan(colspan, false), readSpan(rowspan, true), end);
    } else if (name === 'tr') {
      if (!t) { pieces.layout(target(), '\n', at); return; }
      t.closeCell(at);
      t.openRow();
    } else if (ROW_GROUP.has(name)) {
      if (t) { t.closeCell(at); t.newGroup(); }
    } else if (name === 'table') {
      // Outside a cell of the open table, a new table ends it.
      if (t && !t.cell) closeTable(at);
      const outer = target();
      pieces.layout(outer, '\n', at);
      tables.push(new Table(cells, outer, at));
    } else if (BLOCK.has(name)) {
      lineBreak(at);
      if (PRE.has(name)) pre++;
    }
  };

  const close = (name: string, at: number) => {
    if (skip) { if (name === skip && --skipDepth === 0) skip = ''; return; }
    const t = top();
    if (name === 'td' || name === 'th') t?.closeCell(at);
    else if (name === 'tr') { if (t) { t.closeCell(at); t.closeRow(); } }
    else if (ROW_GROUP.has(name)) { if (t) { t.closeCell(at); t.newGroup(); } }
    else if (name === 'table') { if (t) { closeTable(at); pieces.layout(target(), '\n', at); } }
    else if (BLOCK.has(name)) {
      lineBreak(at);
      if (PRE.has(name) && pre > 0) pre--;
    }
  };

  /** Where text goes; in a table outside its cells, white space between tags is nothing, and anything else a browser shows before the table. */
  const textTarget = (blank: () => boolean): PieceList | null => {
    const t = top();
    if (t && !t.cell && blank()) return null;
    return target();
  };

  const tokenizer = new Tokenizer({ decodeEntities: true }, {
    onopentagname(start, end) { tag = src.slice(start, end).toLowerCase(); tagAt = start - 1; colspan = rowspan = undefined; attr = ''; },
    onattribname(start, end) {
      const name = (tag === 'td' || tag === 'th') && end - start === 7 ? src.slice(start, end).toLowerCase() : '';
      attr = name === 'colspan' || name === 'rowspan' ? name : '';
      value = '';
    },
    onattribdata(start, end) { if (attr && value.length < 16) value += src.slice(start, Math.min(end, start + 16)); },
    onattribentity(cp) { if (attr && value.length < 16) value += String.fromCodePoint(cp); },
    onattribend() {
      // The first of a repeated attribute counts.
      if (attr === 'colspan') colspan ??= value; else if (attr === 'rowspan') rowspan ??= value;
      attr = '';
    },
    onopentagend(end) { open(tag, tagAt, end + 1); },
    onselfclosingtag(end) { open(tag, tagAt, end + 1); },
    onclosetag(start, end) {
      const name = src.slice(start, end).toLowerCase();
      // `</br>` is read as `<br>`.
      if (name === 'br') open(name, start - 2, end); else close(name, start - 2);
    },
    ontext(start, end) {
      if (skip) return;
      const list = textTarget(() => !/\S/.test(src.slice(start, end)));
      if (list) pieces.run(list, start, end, pre > 0 && !top()?.cell);
    },
    ontextentity(cp, end) {
      if (skip) return;
      const start = src.lastIndexOf('&', end - 1);
      const ch = String.fromCodePoint(cp);
      const list = textTarget(() => !ch.trim());
      // White space as a space (in preformatted text outside cells, line ends and tabs as they are).
      const kept = pre > 0 && !top()?.cell && cp !== 0xa0;
      if (list) pieces.decoded(list, !kept && (cp === 0xa0 || cp === 9 || cp === 10 || cp === 12 || cp === 13) ? ' ' : ch, start, end);
    },
    oncdata() {}, oncomment() {}, ondeclaration() {}, onprocessinginstruction() {}, onend() {},
  });
  tokenizer.write(src);
  tokenizer.end();
  while (tables.length) closeTable(-1);
  return pieces.render(doc);
}
