// Fuzz cases: fast-check arbitraries that describe a document (a real report, a window of one, a
// compilation, token soup or raw bytes), a chain of mutations and an optional edit sequence, and
// `materialize`, which turns a description into text. Descriptions hold only small numbers and
// choices, so fast-check can shrink them; positions are taken modulo the text length.
import fc from 'fast-check';
import { corpus } from './corpus.mjs';
import { rng } from '../support/rng.mjs';

/** Largest text a random case grows to (characters); the big hostile inputs are run once, elsewhere. */
export const MAX_CASE_CHARS = 40000;

const FW = s => s.replace(/[0-9]/g, d => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** What a corrupted cell may hold: realistic typos, huge and odd numbers, marks and junk. */
export const CELL_VALUES = [
  '0', '1', '2', '3', '5', '7', '9', '10', '12', '23', '99', '100', '417', '1000', '65535',
  '123456789012345678901234567890', '999999999999999999999999999999', '000000000000000000000000000001',
  '-1', '-417', '－3', '+2', '1.5', '0.5', '3.', '.5', '1,234', '1，000', '12,34', '１２', '０', '３．５', '5件', '3 件', '2万元',
  '', ' ', '/', '／', '—', '--', '无', '不适用', '空', 'O', 'l', 'x', '十二', '1O', '2 3', '1|2', '1\t2', '1e5', 'NaN', 'Infinity',
];

/** Characters editors, OCR and copy-and-paste leave in reports. */
export const HOSTILE_CHARS = [
  '\0', '\ud800', '\udc00', '\udbff', '\ud83d\ude00', '\ufeff', '\ufffd', '\u3000', '\u00a0', '\u200b', '\u2028', '\u0085',
  '\t', '|', '｜', '\r', '\n', '\r\n', '\n\r', '\f', '\v', '<', '>', '&', '&nbsp;', '&#49;', '(', ')', '（', '）', '、', '.', '．',
  '\\', '$', '^', '*', '+', '?', '[', ']', '{', '}', '𠀀', '總計', '報告', 'ā', '(jì)',
];

/** Lines that change the structure: titles (new report), section headings, labels, notes. */
export const STRUCTURE_LINES = [
  '2023年政府信息公开工作年度报告', 'XX区人民政府2022年政府信息公开工作年度报告', '政府信息公开工作', '年度报告', '标题:2021年政府信息公开年报',
  '一、总体情况', '一、2022年政府信息公开总体情况', '- 总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '七、其他需要报告的事项',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '第二十条第（一）项', '第二十条第(五)项',
  '（一）1.', '（七）总计', '总计', '其他', '3.其他', '行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结', '合计',
  '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '本年新收政府信息公开申请数量', '予以公开', '部分公开（区分处理的，只计这一情形，不计其他情形）',
  '<table>', '<tr><td>1</td><td>', '</td></tr>', '<p>', '<html>',
];

const TRADITIONAL = { 总: '總', 计: '計', 报: '報', 开: '開', 况: '況', 请: '請', 处: '處', 议: '議', 诉: '訟', 门: '門', 机: '機', 关: '關', 结: '結', 转: '轉' };

export const MUTATIONS = [
  'cell', 'digit', 'truncate', 'cut-head', 'shuffle-lines', 'swap-lines', 'duplicate', 'delete', 'crlf', 'cr', 'eol',
  'inject', 'fullwidth', 'flatten', 'glue', 'structure', 'traditional', 'repeat', 'html', 'pipes', 'tabs', 'strip-spaces', 'markup',
];

/** Markup a page may hold anywhere (the `markup` mutation): table structure, spans, raw-text elements, comments, references. */
const MARKUP = ['<td>', '</td>', '<tr>', '</tr>', '<table>', '</table>', '<tbody>', '<th colspan=2>', '<td colspan="3">', '<td rowspan=2>',
  '<td rowspan=0>', '<td colspan=1000>', '<p>', '</p>', '<br>', '<div>', '</div>', '<span>', '</span>', '<o:p></o:p>', '<pre>', '</pre>',
  '<script>', '</script>', '<style>', '<title>', '</title>', '<noscript>', '</noscript>', '<template>', '</template>', '<textarea>',
  '<!--', '-->', '<![if !supportLists]>', '<![endif]>', '&nbsp;', '&nbsp', '&#49;', '&#x3000;', '&amp;', '&', '<', '>', '\t'];

const mutationArb = fc.record({
  op: fc.constantFrom(...MUTATIONS),
  at: fc.nat({ max: 1 << 20 }),
  n: fc.nat({ max: 1 << 20 }),
  v: fc.nat({ max: 1 << 20 }),
});

const sourceArb = fc.oneof(
  // A whole real report: single-cell corruptions of it are the most realistic mutation.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('whole'), doc: fc.nat(), from: fc.constant(0), len: fc.constant(0) }) },
  // A window of a real report, usually starting at a table: a report cut off, or an excerpt.
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('window'), doc: fc.nat(), from: fc.nat(), len: fc.integer({ min: 0, max: 2500 }) }) },
  // Several reports one after another (a compilation), some cut short.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('compilation'), docs: fc.array(fc.nat(), { minLength: 2, maxLength: 4 }), cut: fc.nat() }) },
  // A published HTML page, whole or a window of it (cut anywhere: inside a tag, an entity, a table).
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('page'), doc: fc.nat(), from: fc.nat(), len: fc.integer({ min: 0, max: 60000 }) }) },
  // Token soup: lines and labels of the corpus, figures, separators and hostile characters in any order.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tokens'), tokens: fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat()), { maxLength: 80 }) }) },
);

const bytesArb = fc.record({
  kind: fc.constant('bytes'),
  base: fc.constantFrom('gb18030', 'utf16le', 'utf8bom', 'random', 'gbk-pairs', 'utf16-odd'),
  random: fc.uint8Array({ maxLength: 600 }),
  flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
  cut: fc.nat(),
});

/** An edit of the incremental sequence: at `at`, replace `del` characters with an insertion. */
const editArb = fc.record({
  at: fc.nat({ max: 1 << 20 }),
  del: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 400 })),
  ins: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...'0123456789１２'.split(''), '\n', '\r\n', '\r', ' ', '|', '\t', '10', '-', '/'),
    fc.constantFrom(...STRUCTURE_LINES.map(l => `${l}\n`)),
    fc.record({ doc: fc.nat(), from: fc.nat(), len: fc.integer({ min: 1, max: 300 }) }),
  ),
});

export const caseArb = fc.oneof(
  { weight: 9, arbitrary: fc.record({ source: sourceArb, mutations: fc.array(mutationArb, { maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ source: bytesArb, mutations: fc.array(mutationArb, { maxLength: 2 }) }) },
).chain(c => fc.record({
  source: fc.constant(c.source),
  mutations: fc.constant(c.mutations),
  // About a third of the cases also replay an edit sequence incrementally.
  edits: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(editArb, { minLength: 1, maxLength: 6 }) }),
  // Edits fed one by one to `update`, or folded into one dirty region as the server does, possibly widened.
  merged: fc.boolean(),
  widen: fc.tuple(fc.nat({ max: 60 }), fc.nat({ max: 60 })),
}));

/* ---------------------------------------------------------------------------------------------- */

/** A small deterministic PRNG, for shuffles and random bytes derived from a case. */
export { rng };

const lineStarts = text => { const s = [0]; for (let i = 0; i < text.length; i++) { const c = text.charCodeAt(i); if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) s.push(i + 1); } return s; };
const splitKeep = text => text.split(/(?<=\r\n|\r(?!\n)|\n)/);

function sourceText(src) {
  const { docs, anchors, vocabulary } = corpus();
  switch (src.kind) {
    case 'whole': return docs[src.doc % docs.length].text;
    case 'window': {
      const k = src.doc % docs.length, t = docs[k].text, a = anchors[k];
      // Half the windows start at an anchor (a table), the others anywhere.
      const from = src.from % 2 === 0 ? a[(src.from >> 1) % a.length] : (src.from >> 1) % (t.length + 1);
      return t.slice(from, src.len === 0 ? t.length : from + src.len);
    }
    case 'compilation': {
      const parts = src.docs.map(i => docs[i % docs.length].text);
      const last = parts.length - 1;
      parts[last] = parts[last].slice(0, parts[last].length - (src.cut % (parts[last].length + 1)));
      return parts.join(src.cut % 3 === 0 ? '\r\n' : '\n');
    }
    case 'page': {
      const { pages } = corpus();
      const t = pages[src.doc % pages.length].text;
      // A third of them whole; the others from a table's start or anywhere.
      if (src.from % 3 === 0) return t;
      const table = t.indexOf('<table', (src.from >> 2) % (t.length + 1));
      const from = src.from % 3 === 1 && table >= 0 ? table : (src.from >> 2) % (t.length + 1);
      return t.slice(from, src.len === 0 ? t.length : from + src.len);
    }
    case 'tokens': return src.tokens.map(([kind, i]) => token(kind, i, vocabulary)).join('');
    default: throw new Error(`unknown source ${src.kind}`);
  }
}

function token(kind, i, vocabulary) {
  switch (kind) {
    case 0: return vocabulary[i % vocabulary.length];
    case 1: return CELL_VALUES[i % CELL_VALUES.length];
    case 2: return [' ', ' | ', '\n', '\r\n', '\r', '\t', '|', '', '  '][i % 9];
    default: return i % 2 ? HOSTILE_CHARS[(i >> 1) % HOSTILE_CHARS.length] : STRUCTURE_LINES[(i >> 1) % STRUCTURE_LINES.length];
  }
}

/** The bytes of a `bytes` source: an encoded report (possibly corrupted), GBK pairs, or noise. */
export function sourceBytes(src) {
  const { encodings } = corpus();
  const pick = name => encodings.find(e => e.name.includes(name)).bytes;
  let b;
  switch (src.base) {
    case 'gb18030': b = pick('gb18030'); break;
    case 'utf16le': b = pick('utf16le'); break;
    case 'utf8bom': b = pick('utf8-bom'); break;
    case 'gbk-pairs': {
      const r = rng(src.cut), n = 2 * (src.random.length + 1);
      b = new Uint8Array(n);
      for (let i = 0; i < n; i += 2) { b[i] = 0x81 + Math.floor(r() * 0x7e); b[i + 1] = 0x40 + Math.floor(r() * 0xbf); }
      break;
    }
    case 'utf16-odd': b = pick('utf16le').subarray(0, 1 + 2 * (src.cut % 1000)); break;
    default: b = src.random;
  }
  b = new Uint8Array(b);
  if (src.base !== 'random' && src.base !== 'gbk-pairs' && b.length > 4000) {
    // Cut to a window so that most byte cases stay small; keep the BOM.
    const keep = 4000 + (src.cut % 4000);
    b = b.subarray(0, keep);
  }
  for (const [at, byte] of src.flips) if (b.length) b[at % b.length] = byte;
  return b;
}

function numberTokens(text) {
  const out = [];
  const re = /[0-9０-９]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** Applies one mutation. */
export function mutate(text, m) {
  const L = text.length;
  const pos = k => (L ? k % (L + 1) : 0);
  switch (m.op) {
    case 'cell': {
      const nums = numberTokens(text);
      if (!nums.length) return text + CELL_VALUES[m.v % CELL_VALUES.length];
      const [a, b] = nums[m.at % nums.length];
      return text.slice(0, a) + CELL_VALUES[m.v % CELL_VALUES.length] + text.slice(b);
    }
    case 'digit': {
      // A single-cell typo: one figure off by a little (the realistic corruption).
      const nums = numberTokens(text);
      if (!nums.length) return text;
      const [a, b] = nums[m.at % nums.length];
      const cur = text.slice(a, b).replace(/[０-９]/g, d => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
      if (cur.length > 15) return text;
      const delta = 1 + (m.v % 9);
      const next = Math.max(0, Number(cur) + (m.n % 2 ? delta : -delta));
      return text.slice(0, a) + String(next) + text.slice(b);
    }
    case 'truncate': return text.slice(0, pos(m.at));
    case 'cut-head': return text.slice(pos(m.at));
    case 'shuffle-lines': {
      const lines = splitKeep(text);
      const a = m.at % Math.max(1, lines.length), n = 2 + (m.n % 30);
      const block = lines.slice(a, a + n);
      const r = rng(m.v);
      for (let i = block.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [block[i], block[j]] = [block[j], block[i]]; }
      lines.splice(a, block.length, ...block);
      return lines.join('');
    }
    case 'swap-lines': {
      const lines = splitKeep(text);
      if (lines.length < 2) return text;
      const a = m.at % lines.length, b = m.n % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('');
    }
    case 'duplicate': {
      const a = pos(m.at), b = Math.min(L, a + 1 + (m.n % 3000)), at = pos(m.v);
      return text.slice(0, at) + text.slice(a, b) + text.slice(at);
    }
    case 'delete': {
      const a = pos(m.at), b = Math.min(L, a + 1 + (m.n % (m.v % 2 ? 5 : 800)));
      return text.slice(0, a) + text.slice(b);
    }
    case 'crlf': return text.replace(/\r?\n/g, '\r\n');
    case 'cr': return text.replace(/\r?\n/g, '\r');
    case 'eol': {
      const s = lineStarts(text);
      if (s.length < 2) return text;
      const k = s[1 + (m.at % (s.length - 1))];
      const e = text[k - 2] === '\r' && text[k - 1] === '\n' ? k - 2 : k - 1;
      return text.slice(0, e) + ['\r', '\r\n', '\n', '\n\r', '\r\r', '', '\u2028'][m.v % 7] + text.slice(k);
    }
    case 'inject': {
      const at = pos(m.at), s = HOSTILE_CHARS[m.v % HOSTILE_CHARS.length].repeat(1 + (m.n % 3));
      return text.slice(0, at) + s + text.slice(at);
    }
    case 'markup': {
      const at = pos(m.at), s = Array.from({ length: 1 + (m.n % 3) }, (_, i) => MARKUP[(m.v + 7 * i) % MARKUP.length]).join('');
      return text.slice(0, at) + s + text.slice(at);
    }
    case 'fullwidth': {
      const a = pos(m.at), b = m.n % 2 ? L : Math.min(L, a + 1 + (m.n % 600));
      return text.slice(0, a) + FW(text.slice(a, b)) + text.slice(b);
    }
    case 'flatten': {
      // Reports flattened onto one line (web mirrors, archives).
      const a = m.n % 2 ? 0 : pos(m.at), b = m.n % 2 ? L : Math.min(L, a + 1 + (m.n % 3000));
      return text.slice(0, a) + text.slice(a, b).replace(/\r\n|\r|\n/g, m.v % 2 ? ' ' : '') + text.slice(b);
    }
    case 'glue': {
      // Cells run together: separators between figures dropped.
      const a = pos(m.at), b = Math.min(L, a + 1 + (m.n % 1500));
      return text.slice(0, a) + text.slice(a, b).replace(/([0-9])[\s|]+(?=[0-9])/g, '$1') + text.slice(b);
    }
    case 'structure': {
      const s = lineStarts(text);
      const at = s[m.at % s.length];
      return text.slice(0, at) + STRUCTURE_LINES[m.v % STRUCTURE_LINES.length] + ['\n', '', ' ', '\r\n'][m.n % 4] + text.slice(at);
    }
    case 'traditional': {
      const a = pos(m.at), b = m.n % 2 ? L : Math.min(L, a + 1 + (m.n % 2000));
      return text.slice(0, a) + text.slice(a, b).replace(/[总计报开况请处议诉门机关结转]/g, c => TRADITIONAL[c]) + text.slice(b);
    }
    case 'repeat': {
      const a = pos(m.at), b = Math.min(L, a + 1 + (m.n % 40));
      const piece = b > a ? text.slice(a, b) : STRUCTURE_LINES[m.v % STRUCTURE_LINES.length];
      const times = 2 + (m.v % Math.max(1, Math.floor(8000 / Math.max(1, piece.length))));
      return text.slice(0, a) + piece.repeat(times) + text.slice(a);
    }
    case 'html': {
      // The report as a web page: each line a table row, `|` and tabs cell borders, some entities.
      const ent = m.v % 3;
      const cellHtml = c => (ent === 1 ? c.replace(/ /g, '&nbsp;') : ent === 2 ? c.replace(/[0-9]/g, d => `&#${d.charCodeAt(0)};`) : c);
      const rows = text.split(/\r\n|\r|\n/).map(l => (/[|\t]/.test(l)
        ? `<tr>${l.split(/\s*[|\t]\s*/).map(c => `<td${m.n % 5 === 0 ? ' colspan="2"' : ''}>${cellHtml(c)}</td>`).join('')}</tr>`
        : `<p>${cellHtml(l)}</p>`));
      return `<html><body><table>\n${rows.join('\n')}\n</table></body></html>`;
    }
    case 'pipes': return text.replace(/\n/g, m.v % 2 ? ' |\n' : '\n| ');
    case 'tabs': return text.replace(/ \| |\|/g, '\t');
    case 'strip-spaces': {
      const a = pos(m.at), b = Math.min(L, a + 1 + (m.n % 2000));
      return text.slice(0, a) + text.slice(a, b).replace(/[ \t\u3000]/g, '') + text.slice(b);
    }
    default: throw new Error(`unknown mutation ${m.op}`);
  }
}

/** The text an edit inserts. */
export function insertion(ins) {
  if (typeof ins === 'string') return ins;
  const { docs } = corpus();
  const t = docs[ins.doc % docs.length].text;
  const a = ins.from % (t.length + 1);
  return t.slice(a, a + ins.len);
}

/**
 * Turns a case description into its text (and the bytes it was decoded from, for byte cases).
 * `decode` is the core's decodeBytes.
 */
export function materialize(c, decode) {
  let text, bytes = null, decoded = null;
  if (c.source.kind === 'bytes') {
    bytes = sourceBytes(c.source);
    decoded = decode(bytes);
    text = decoded.text;
  } else {
    text = sourceText(c.source);
  }
  for (const m of c.mutations) {
    text = mutate(text, m);
    if (text.length > MAX_CASE_CHARS) text = text.slice(0, MAX_CASE_CHARS);
  }
  // The edit sequence, made concrete on the text as it evolves.
  const edits = [];
  let cur = text;
  for (const e of c.edits ?? []) {
    const start = e.at % (cur.length + 1);
    const oldEnd = Math.min(cur.length, start + e.del);
    const ins = insertion(e.ins);
    edits.push({ start, oldEnd, text: ins });
    cur = cur.slice(0, start) + ins + cur.slice(oldEnd);
  }
  return { text, bytes, decoded, edits, merged: !!c.merged, widen: c.widen ?? [0, 0] };
}

/** A one-line description of a case, for the failure report. */
export function describe(c) {
  const s = c.source;
  const src = s.kind === 'whole' ? `whole ${corpus().docs[s.doc % corpus().docs.length].name}`
    : s.kind === 'window' ? `window of ${corpus().docs[s.doc % corpus().docs.length].name}`
      : s.kind === 'compilation' ? `compilation of ${s.docs.length}` : s.kind === 'page' ? `page ${corpus().pages[s.doc % corpus().pages.length].name}${s.from % 3 ? ` from ${s.from >> 2}, ${s.len || 'to the end'}` : ''}` : s.kind === 'bytes' ? `bytes (${s.base})` : `${s.tokens.length} tokens`;
  const muts = c.mutations.map(m => m.op).join(', ') || 'none';
  return `${src}; mutations: ${muts}${c.edits?.length ? `; ${c.edits.length} edits (${c.merged ? 'merged' : 'one by one'})` : ''}`;
}
