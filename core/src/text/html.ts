import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';

/**
 * An HTML page rendered as the plain layout the table reader knows: each `<tr>` on its own line,
 * cells separated by ` | ` (an empty `<td>` is an empty place between pipes, `colspan` repeats the
 * place), block elements end lines, `&nbsp;` is a space. `map[i]` is the source offset of rendered
 * character i, so every range found in the rendering points back into the page.
 */
export interface Rendered {
  text: string;
  /** Source offset where rendered character i starts… */
  map: Int32Array;
  /** …and where it ends (an entity such as `&#55;` is one character of the rendering). */
  ends: Int32Array;
}

const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'table', 'tbody', 'thead', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'title', 'body', 'html', 'hr']);
const SKIP = new Set(['script', 'style', 'head']);
const ENTITY = /^&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});$/i;

/** How much of a text `looksLikeHtml` reads. */
export const HTML_HEAD = 200000;
export function looksLikeHtml(text: string): boolean {
  const head = text.length > HTML_HEAD ? text.slice(0, HTML_HEAD) : text;
  return /<(?:table|tr|td|html|body|p|div)[\s>]/i.test(head);
}

export function renderHtml(src: string): Rendered {
  const chars: string[] = [];
  const map: number[] = [];
  const ends: number[] = [];
  let skipping = 0;
  let cellInRow = 0;
  const colspans: number[] = [];
  const emit = (s: string, at: number, end = at) => { for (const ch of s) { chars.push(ch); map.push(at); ends.push(end); } };
  const parser = new Parser({
    onopentag(name, attribs) {
      const at = parser.startIndex;
      if (SKIP.has(name)) { skipping++; return; }
      if (name === 'tr') { emit('\n', at); cellInRow = 0; }
      else if (name === 'td' || name === 'th') {
        if (cellInRow++ > 0) emit(' | ', at);
        colspans.push(Math.min(50, Math.max(1, Number(attribs.colspan) || 1)));
      } else if (BLOCK.has(name)) emit('\n', at);
    },
    onclosetag(name) {
      const at = parser.startIndex;
      if (SKIP.has(name)) { skipping = Math.max(0, skipping - 1); return; }
      if (name === 'td' || name === 'th') { const span = colspans.pop() ?? 1; for (let i = 1; i < span; i++) emit(' | ', at); }
      else if (name === 'tr' || BLOCK.has(name)) emit('\n', at);
    },
    ontext(raw) {
      if (skipping) return;
      const base = parser.startIndex;
      for (let i = 0; i < raw.length; i++) {
        if (raw[i] === '&') {
          const semi = raw.indexOf(';', i);
          if (semi > i && semi - i <= 10) {
            const entity = raw.slice(i, semi + 1);
            const decoded = ENTITY.test(entity) ? decodeHTML(entity) : entity;
            // Not one character reference (`&８;`, `&&#56;`): its characters stand for themselves.
            if (decoded !== entity && decoded.length === 1) {
              emit(decoded === '\u00a0' ? ' ' : decoded, base + i, base + semi + 1);
              i = semi;
              continue;
            }
          }
        }
        chars.push(raw[i] === '\n' || raw[i] === '\r' ? ' ' : raw[i]);
        map.push(base + i);
        ends.push(base + i + 1);
      }
    },
  }, { decodeEntities: false, lowerCaseTags: true });
  parser.write(src);
  parser.end();
  return { text: chars.join(''), map: Int32Array.from(map), ends: Int32Array.from(ends) };
}
