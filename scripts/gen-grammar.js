// Generates syntaxes/nianbao.tmLanguage.json (run: node scripts/gen-grammar.js).
// Every label word is expanded character by character into a class holding its simplified and
// traditional forms, each followed by an optional bit of web-mirror pinyin junk `(jì)` and, between
// characters, up to two spaces (自 然 人). All quantifiers are bounded or sit between literals, so
// no pattern can backtrack catastrophically.
const fs = require('fs');
const O = require('opencc-js');
const t2s = O.Converter({ from: 't', to: 'cn' });
const s2t = O.Converter({ from: 'cn', to: 't' });
const s2tw = O.Converter({ from: 'cn', to: 'tw' });
const s2hk = O.Converter({ from: 'cn', to: 'hk' });

// simplified char -> set of forms
const groups = new Map();
function add(s, c) { let g = groups.get(s); if (!g) groups.set(s, (g = new Set([s]))); g.add(c); }
for (let c = 0x4e00; c <= 0x9fff; c++) {
  const ch = String.fromCharCode(c);
  const s = t2s(ch);
  if (s.length === 1 && s !== ch) add(s, ch);
}
const PUNCT = {
  '“': '[“”"‘’「『]', '”': '[“”"‘’」』]', '（': '[（(]', '）': '[）)]', '，': '[，,]', '：': '[：:]',
  '、': '[、，,]', '/': '[/／]',
};
const CJK_DIGIT_ETC = /[\u4e00-\u9fff]/;
function cls(ch) {
  if (PUNCT[ch]) return PUNCT[ch];
  if (!CJK_DIGIT_ETC.test(ch)) return ch.replace(/[.*+?^${}()|[\]\\\/]/g, '\\$&');
  const s = t2s(ch);
  const set = new Set([ch, s, s2t(s), s2tw(s), s2hk(s), ...(groups.get(s) ?? [])]);
  const all = [...set].filter(x => x.length === 1);
  return all.length === 1 ? all[0] : `[${all.join('')}]`;
}

const WS = '[ \\t\\x{00A0}\\x{2002}\\x{3000}]';
const SP = '[ \\x{00A0}\\x{2002}\\x{3000}]{0,2}';
/** Pinyin junk a web mirror puts after a traditional character: 總計(jì). */
const J = '(?:\\([a-zA-Z\\x{00C0}-\\x{024F}]{1,8}\\))?';
/** A word, any script form, junk after each character, spaces between characters. */
function K(word) {
  const chars = [...word];
  return chars.map((ch, i) => {
    const c = cls(ch);
    // Mirrors annotate the characters they converted, so junk can only follow one with a variant.
    const junk = CJK_DIGIT_ETC.test(ch) && c.startsWith('[') ? J : '';
    return c + junk + (i < chars.length - 1 ? SP : '');
  }).join('');
}
const alt = words => [...words].sort((a, b) => b.length - a.length).map(w => (typeof w === 'string' ? K(w) : w.re)).join('|');
/** A long label: its distinctive start, then whatever follows on the line up to the cell's end. */
const withTail = (w, n = 80) => ({ re: `${K(w)}[^|\\t\\n]{0,${n}}?`, length: w.length });

// Where a cell starts: the line start, or after a separator or a space.
const CELL_START = '(?:^|(?<=[|>\\t \\x{00A0}\\x{2002}\\x{3000}]))';
// What may follow a label on its line: its end, a separator, a figure, a mark, the next label.
const LABEL_END = `(?=${WS}*(?:$|[|<\\t]|[+\\-−]?[0-9]|[/／—－]|[（(](?![a-zA-Z\\x{00C0}-\\x{024F}]{1,8}\\))|[1-9][.．、]))`;
// A whole cell (for fragments of a label broken over lines: 商业 / 企业).
const CELL_END = `(?=${WS}*(?:$|[|<\\t]))`;
const ROW_MARK = `(?:[一二三四][、．.]|[（(][一二三四五六七][）)]|[1-8][.．、])${WS}{0,2}`;

const REQUEST_ROWS = [
  '本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '本年度办理结果', '予以公开',
  withTail('部分公开（区分处理', 60), '部分公开', '不予公开', '属于国家秘密', '其他法律行政法规禁止公开',
  '危及“三安全一稳定”', '保护第三方合法权益', '属于三类内部事务信息', '属于四类过程性信息', '属于行政执法案卷',
  '属于行政查询事项', '无法提供', '本机关不掌握相关政府信息', '没有现成信息需要另行制作', '补正后申请内容仍不明确',
  '不予处理', '信访举报投诉类申请', '重复申请', '要求提供公开出版物', '无正当理由大量反复申请',
  withTail('要求行政机关确认或重新出具'), '其他处理', withTail('申请人无正当理由逾期不补正'),
  withTail('申请人逾期未按收费通知要求缴纳费用'), '结转下年度继续办理',
];
const ACTIVE_ROWS = ['规章', '行政规范性文件', '规范性文件', '行政许可', '其他对外管理服务事项', '行政处罚', '行政强制',
  '行政事业性收费', '政府集中采购'];
const APPEAL_ROWS = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'];
const COLUMNS = ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '处理决定数量',
  { re: `${K('本年收费金额')}(?:[（(]${K('单位')}[：:]?${WS}{0,2}${K('万元')}[）)])?`, length: 6 }, '本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减',
  '采购项目数量', '采购总金额', '申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织',
  '法律服务机构', '其他', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结'];
const FRAGMENTS = ['商业', '企业', '科研', '机构', '社会', '公益', '组织', '社会公益', '公益组织', '法律', '服务',
  '法律服务', '服务机构', '结果', '维持', '纠正', '尚未', '审结', '本年新', '法人或', '其他组织', '法人或其他',
  '信息', '内容', '未经复议', '直接起诉', '复议后', '起诉', '自然', '自然人'];

const HEADING_WORDS = ['总体情况', '主动公开政府信息', '主动公开情况', '收到和处理', '行政复议', '行政诉讼',
  '存在的主要问题', '存在的问题', '改进情况', '其他需要报告', '其他事项'];
const BARE_HEADING_WORDS = ['主动公开政府信息', '收到和处理', '行政复议', '存在的主要问题'];
const HEADING_MARK = `[一二三四五六][、，,.．]|第[一二三四五六]部分[：:、]?|[-－•·●■◆▪*](?=${WS})`;
const TEXT = '[^。；;|\\n]';

const TITLE_WORD = `(?:${K('政府信息公开')}|${K('政府资讯公开')})`;
const TITLE_END = `(?:${K('工作')})?(?:${K('年度')})?(?:${K('报告')}|${K('年报')})(?:[（(][^）)\\n]{1,12}[）)])?`;
const TITLE_PREFIX = '[^。，,；;：:|\\n]{0,60}?';

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Nianbao',
  scopeName: 'text.nianbao',
  comment: 'Plain-text 政府信息公开工作年度报告. Label words are expanded per character: each character class holds the simplified and traditional forms (from OpenCC), a character that has a traditional form is followed by optional pinyin junk (jì) left by web mirrors, with up to two spaces between characters (自 然 人). Every quantifier is bounded or sits between literals: no pattern backtracks catastrophically.',
  patterns: [
    { include: '#title' },
    { include: '#section-heading' },
    { include: '#section-heading-bare' },
    { include: '#note' },
    { include: '#markdown-delimiter-row' },
    { include: '#article' },
    { include: '#row-label' },
    { include: '#column-label' },
    { include: '#label-fragment' },
    { include: '#list-marker' },
    { include: '#not-applicable' },
    { include: '#number' },
    { include: '#separator' },
    { include: '#html' },
    { include: '#pinyin-junk' },
  ],
  repository: {
    title: {
      comment: 'The report title: 某某2023年政府信息公开工作年度报告, traditional 政府資訊公開/年度報告, or broken over two lines (…政府信息公开工作 / 年度报告).',
      patterns: [
        {
          match: `^${WS}*(?:[标標][题題][:：]${WS}*)?(${TITLE_PREFIX}${TITLE_WORD}${TITLE_END})[${'\\t \\x{00A0}\\x{2002}\\x{3000}'}|]*$`,
          name: 'markup.heading.1.nianbao',
          captures: { 1: { name: 'entity.name.section.title.nianbao' } },
        },
        {
          match: `^${WS}*(${TITLE_PREFIX}${TITLE_WORD}${K('工作')})${WS}*$`,
          name: 'markup.heading.1.nianbao',
          captures: { 1: { name: 'entity.name.section.title.nianbao' } },
        },
        {
          match: `^${WS}*((?:${K('年度')})?${K('报告')}|${K('年报')})${WS}*$`,
          name: 'markup.heading.1.nianbao',
          captures: { 1: { name: 'entity.name.section.title.nianbao' } },
        },
      ],
    },
    'section-heading': {
      comment: 'The six section headings, only by their known wording: the row labels 一、…四、 of the requests table are not headings.',
      match: `^${WS}*(${HEADING_MARK})${WS}*(${TEXT}{0,40}?(?:${alt(HEADING_WORDS)})${TEXT}{0,40}?)[${'\\t \\x{00A0}\\x{2002}\\x{3000}'}|]*$`,
      name: 'markup.heading.2.nianbao',
      captures: {
        1: { name: 'punctuation.definition.heading.nianbao' },
        2: { name: 'entity.name.section.nianbao' },
      },
    },
    'section-heading-bare': {
      comment: 'A heading without its numeral, alone on its line: 总体情况, 2022年政府信息公开总体情况.',
      match: `^${WS}*(${TEXT}{0,24}?(?:${K('总体情况')}|(?:${alt(BARE_HEADING_WORDS)})${TEXT}{0,20}?${K('情况')}|${K('其他需要报告')}${TEXT}{0,4}?${K('事项')}))[${'\\t \\x{00A0}\\x{2002}\\x{3000}'}|]*$`,
      name: 'markup.heading.2.nianbao',
      captures: { 1: { name: 'entity.name.section.nianbao' } },
    },
    note: {
      comment: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      begin: `[（(](?=${K('本列数据的勾稽关系')})`,
      end: `[）)](?=${WS}*(?:\\||$))|$`,
      name: 'comment.block.nianbao',
      beginCaptures: { 0: { name: 'punctuation.definition.comment.begin.nianbao' } },
      endCaptures: { 0: { name: 'punctuation.definition.comment.end.nianbao' } },
    },
    'markdown-delimiter-row': {
      match: `^${WS}*\\|?(?:${WS}*:?-{3,}:?${WS}*\\|)+${WS}*(?::?-{3,}:?${WS}*)?$`,
      name: 'punctuation.separator.table.nianbao',
    },
    article: {
      comment: '第二十条第（一）项: the blocks of the active table.',
      match: `${K('第二十条第')}[（(]${WS}{0,2}[一二三四五六七八九十]{1,3}${WS}{0,2}[）)]${K('项')}`,
      name: 'entity.name.tag.article.nianbao',
    },
    'row-label': {
      comment: 'Row labels of the three tables, with their numbering: 一、本年新收…, （一）予以公开, 1.属于国家秘密, 规章, 行政复议.',
      patterns: [
        {
          match: `${CELL_START}(${ROW_MARK})(${K('其他')}|${K('总计')})${LABEL_END}`,
          name: 'entity.name.tag.row.nianbao',
          captures: { 1: { name: 'punctuation.definition.list.nianbao' } },
        },
        {
          match: `${CELL_START}(${ROW_MARK})?(${alt([...REQUEST_ROWS, ...ACTIVE_ROWS, ...APPEAL_ROWS])})${LABEL_END}`,
          name: 'entity.name.tag.row.nianbao',
          captures: { 1: { name: 'punctuation.definition.list.nianbao' } },
        },
      ],
    },
    'column-label': {
      comment: 'Column headers: 自然人, 商业企业…总计, 本年制发件数, 结果维持…',
      match: `${CELL_START}(?:${alt(COLUMNS)})${LABEL_END}`,
      name: 'support.type.column.nianbao',
    },
    'label-fragment': {
      comment: 'Pieces of a header broken over lines (商业 / 企业, 尚未 / 审结), only as a whole cell.',
      match: `${CELL_START}(?:${alt(FRAGMENTS)})${CELL_END}`,
      name: 'support.type.column.nianbao',
    },
    'list-marker': {
      patterns: [
        {
          match: `${CELL_START}(?:[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[.．、](?![0-9])|[一二三四五六七八九十]{1,3}、)`,
          name: 'punctuation.definition.list.nianbao',
        },
        {
          match: `^${WS}*([-－•·●■◆▪*])(?=${WS}+[^\\s0-9|/／—－\\-])`,
          captures: { 1: { name: 'punctuation.definition.list.nianbao' } },
        },
      ],
    },
    'not-applicable': {
      comment: 'A cell marked not applicable: /, —, -, 无, 不适用 (not zero, not blank).',
      match: `${CELL_START}(?:[/／\\\\＼]|[—–―]{1,2}|-{1,2}|－{1,2}|${K('不适用')}|${K('无')}|${K('空')})(?=[|\\t \\x{00A0}\\x{2002}\\x{3000}]|$)`,
      name: 'constant.language.not-applicable.nianbao',
    },
    number: {
      comment: 'Figures: 0, 15, -417, +19, 1887.214474, 1,234; with a unit: 15098件, 199.43万元.',
      match: `(?<![0-9０-９A-Za-z.．])([+\\-−－]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?)(?:${WS}?(万元|萬元|亿元|億元|元|件|条|條|个|個|项|項|人次|次|人|宗|份|家|批|篇|%|％))?`,
      captures: {
        1: { name: 'constant.numeric.nianbao' },
        2: { name: 'keyword.other.unit.nianbao' },
      },
    },
    separator: {
      match: '\\|',
      name: 'punctuation.separator.nianbao',
    },
    html: {
      patterns: [
        {
          match: '(</?)([a-zA-Z][a-zA-Z0-9]{0,15})((?:\\s[^<>]{0,500})?)(/?>)',
          name: 'meta.tag.nianbao',
          captures: {
            1: { name: 'punctuation.definition.tag.begin.nianbao' },
            2: { name: 'entity.name.tag.html.nianbao' },
            4: { name: 'punctuation.definition.tag.end.nianbao' },
          },
        },
        {
          match: '&(?:[a-zA-Z]{2,8}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});',
          name: 'constant.character.entity.nianbao',
        },
      ],
    },
    'pinyin-junk': {
      comment: 'Pinyin a web mirror put after a traditional character: 總計(jì).',
      match: '\\((?=[a-z]{0,7}[\\x{00E0}-\\x{024F}])[a-z\\x{00E0}-\\x{024F}]{1,8}\\)',
      name: 'comment.other.pinyin.nianbao',
    },
  },
};

fs.writeFileSync(process.argv[2] || require('path').join(__dirname, '..', 'syntaxes', 'nianbao.tmLanguage.json'), JSON.stringify(grammar, null, 2) + '\n');
