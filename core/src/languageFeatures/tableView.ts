import type { Cell, Finding, Message, Report, Table, TemplateId } from '../model';
import { APPEAL_COLUMNS_ALL, APPEAL_GROUPS, REQUEST_COLUMNS } from '../template/tables';
import { cellName, tableName } from '../template/names';
import {
  ACTIVE_CORNER, APPEALS_COLUMN_HEADINGS, APPEALS_GROUP_HEADINGS, APPEALS_SUIT_HEADING, REQUEST_COLUMN_HEADINGS, REQUEST_CORNER,
  REQUEST_ORG_GROUP, REQUEST_ROW_LABELS, activeBlockOf, activeColumnHeading, activeRowLabel, requestGroupOf, tableSpec,
} from '../template/printed';

/**
 * The table view: a report's three tables drawn as grids, as pure HTML (no editor API), for a
 * webview. Every cell is a `<td class="cell …" data-key="…">` whose classes say what it holds
 * (number, blank, not-applicable, invalid, unknown, missing), how it was known (layout, solved) and
 * whether a finding says it is wrong (`wrong`, with the expected value); `data-f` lists the findings
 * whose relation takes the cell, so the view can outline a failing relation's cells.
 */

export type ViewLang = 'zh' | 'en';

const ARITHMETIC = new Set(['row-sum', 'column-sum', 'balance', 'appeals-sum']);

const WORDS = {
  written: { zh: '已填写', en: 'written' },
  layout: { zh: '按版式推定', en: 'placed by the layout' },
  solved: { zh: '由勾稽关系求得', en: 'solved from the relations' },
  unknown: { zh: '无法确定', en: 'cannot be told' },
  blank: { zh: '空白（不等于 0）', en: 'blank (not zero)' },
  na: { zh: '不适用', en: 'not applicable' },
  invalid: { zh: '不是数字', en: 'not a number' },
  missing: { zh: '原文中没有这一行', en: 'row not in the text' },
  wrong: { zh: '有误', en: 'wrong' },
  shouldBe: { zh: '应为', en: 'should be' },
  couldBe: { zh: '可能是', en: 'could be' },
  noTable: { zh: '原文中没有找到这张表。', en: 'This table was not found in the text.' },
  problems: { zh: '问题', en: 'Problems' },
  none: { zh: '三张表的合计都对得上。', en: 'Every total of the three tables adds up.' },
  legend: { zh: '图例', en: 'Legend' },
  noReport: { zh: '光标处没有年报。', en: 'No report at the cursor.' },
  report: { zh: '年报', en: 'Report' },
} satisfies Record<string, Message>;

const esc = (s: string) => s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Ctx { report: Report; lang: ViewLang; findingsOf: Map<string, number[]>; wrong: Map<string, Finding> }

/** The findings each cell takes part in, and the cell each arithmetic finding says is wrong. */
function context(report: Report, findings: readonly Finding[], lang: ViewLang): Ctx {
  const findingsOf = new Map<string, number[]>();
  const wrong = new Map<string, Finding>();
  findings.forEach((f, i) => {
    for (const k of f.cells) { let a = findingsOf.get(k); if (!a) findingsOf.set(k, (a = [])); if (!a.includes(i)) a.push(i); }
    if (ARITHMETIC.has(f.code) && f.expected !== undefined && f.cells.length && !wrong.has(f.cells[0])) wrong.set(f.cells[0], f);
  });
  return { report, lang, findingsOf, wrong };
}

/** One data cell. */
function cellHtml(ctx: Ctx, key: string, attrs = ''): string {
  const { lang } = ctx;
  const c: Cell | undefined = ctx.report.cells.get(key);
  const name = cellName(key)[lang];
  const classes = ['cell'];
  let shown = '';
  const notes: string[] = [];
  if (!c) { classes.push('missing'); shown = '—'; notes.push(WORDS.missing[lang]); }
  else if (c.kind === 'number') {
    classes.push('number');
    const p = c.provenance ?? 'written';
    if (p !== 'written') classes.push(p);
    notes.push(WORDS[p === 'unknown' ? 'unknown' : p][lang]);
    shown = esc(c.value ?? c.text) + (c.unit ? `<span class="unit">${esc(c.unit)}</span>` : '');
  } else if (c.kind === 'blank') { classes.push('blank'); notes.push(WORDS.blank[lang]); }
  else if (c.kind === 'not-applicable') { classes.push('na'); shown = esc(c.text); notes.push(WORDS.na[lang]); }
  else if (c.kind === 'invalid') { classes.push('invalid'); shown = esc(c.text); notes.push(WORDS.invalid[lang]); }
  else {
    classes.push('unknown');
    const cands = (c.candidates ?? []).map(v => (v === 'blank' ? (lang === 'zh' ? '空' : 'blank') : v));
    shown = `?<span class="candidates">${esc(cands.join(' | '))}</span>`;
    notes.push(`${WORDS.unknown[lang]}${cands.length ? `，${WORDS.couldBe[lang]} ${cands.join(' / ')}` : ''}`);
  }
  const w = ctx.wrong.get(key);
  if (w) {
    classes.push('wrong');
    shown += `<span class="expected">${WORDS.shouldBe[lang]} ${esc(w.expected!)}</span>`;
    notes.unshift(w.message[lang]);
  }
  const f = ctx.findingsOf.get(key);
  return `<td${attrs} class="${classes.join(' ')}" data-key="${esc(key)}"${f ? ` data-f="${f.join(' ')}"` : ''} tabindex="-1" title="${esc(`${name}\n${notes.join('\n')}`)}">${shown}</td>`;
}

const th = (text: string, attrs = '') => `<th${attrs}>${esc(text)}</th>`;
const span = (rows: number, cols: number) => `${rows > 1 ? ` rowspan="${rows}"` : ''}${cols > 1 ? ` colspan="${cols}"` : ''}`;

function activeGrid(ctx: Ctx, table: Table, template: TemplateId | null): string {
  const spec = tableSpec('active', template)!;
  const found = new Map(table.rows.map(r => [r.key, r]));
  const blocks: { head: string; rows: { key: string; columns: string[] }[] }[] = [];
  for (const r of spec.rows) {
    const row = found.get(r.key);
    if (!row && r.optional) continue;
    const columns = row && row.cells.length ? row.cells.map(k => k.slice(k.lastIndexOf('.') + 1)) : r.columns;
    const head = activeBlockOf(r.key);
    const last = blocks[blocks.length - 1];
    if (last && last.head === head) last.rows.push({ key: r.key, columns }); else blocks.push({ head, rows: [{ key: r.key, columns }] });
  }
  const width = 1 + Math.max(...blocks.flatMap(b => b.rows.map(r => r.columns.length)));
  const out: string[] = [];
  for (const b of blocks) {
    const cols = b.rows[0].columns;
    out.push(`<tr class="block">${th(b.head, span(1, width))}</tr>`);
    out.push(`<tr>${th(ACTIVE_CORNER)}${cols.map((c, i) => th(activeColumnHeading(b.rows[0].key, c, cols), span(1, i === cols.length - 1 ? width - cols.length : 1))).join('')}</tr>`);
    for (const r of b.rows) {
      out.push(`<tr>${th(activeRowLabel(r.key, template), ' class="row"')}${r.columns.map((c, i) =>
        cellHtml(ctx, `active.${r.key}.${c}`, span(1, i === r.columns.length - 1 ? width - r.columns.length : 1))).join('')}</tr>`);
    }
  }
  return `<table class="grid active">${out.join('')}</table>`;
}

function requestsGrid(ctx: Ctx, template: TemplateId | null): string {
  const spec = tableSpec('requests', template)!;
  const data = spec.rows.filter(r => r.columns.length);
  const resultRows = data.filter(r => !['new', 'carried', 'carryover'].includes(r.key));
  const groupSize = new Map<string, number>();
  for (const r of data) { const g = requestGroupOf(r.key, template); if (g) groupSize.set(g, (groupSize.get(g) ?? 0) + 1); }
  const head = `<tr>${th(REQUEST_CORNER, span(2, 3))}${th(REQUEST_COLUMN_HEADINGS.natural, span(2, 1))}${th(REQUEST_ORG_GROUP, span(1, 5))}${th(REQUEST_COLUMN_HEADINGS.total, span(2, 1))}</tr>`
    + `<tr>${REQUEST_COLUMNS.slice(1, 6).map(c => th(REQUEST_COLUMN_HEADINGS[c])).join('')}</tr>`;
  const out: string[] = [head];
  const opened = new Set<string>();
  for (const r of data) {
    const labels: string[] = [];
    const label = REQUEST_ROW_LABELS[r.key] ?? r.key;
    if (!resultRows.includes(r)) labels.push(th(label, ` class="row"${span(1, 3)}`));
    else {
      if (r === resultRows[0]) labels.push(th(REQUEST_ROW_LABELS.results, ` class="group"${span(resultRows.length, 1)}`));
      const g = requestGroupOf(r.key, template);
      if (g && !opened.has(g)) { opened.add(g); labels.push(th(REQUEST_ROW_LABELS[g], ` class="group"${span(groupSize.get(g)!, 1)}`)); }
      labels.push(th(label, ` class="row"${span(1, g ? 1 : 2)}`));
    }
    out.push(`<tr>${labels.join('')}${REQUEST_COLUMNS.map(c => cellHtml(ctx, `requests.${r.key}.${c}`)).join('')}</tr>`);
  }
  return `<table class="grid requests">${out.join('')}</table>`;
}

function appealsGrid(ctx: Ctx): string {
  const cols = APPEAL_COLUMNS_ALL;
  const head = `<tr>${th(APPEALS_GROUP_HEADINGS.review, span(2, cols.length))}${th(APPEALS_SUIT_HEADING, span(1, cols.length * 2))}</tr>`
    + `<tr>${th(APPEALS_GROUP_HEADINGS.suitDirect, span(1, cols.length))}${th(APPEALS_GROUP_HEADINGS.suitAfterReview, span(1, cols.length))}</tr>`
    + `<tr>${APPEAL_GROUPS.map(() => cols.map(c => th(APPEALS_COLUMN_HEADINGS[c])).join('')).join('')}</tr>`;
  const row = `<tr>${APPEAL_GROUPS.map(g => cols.map(c => cellHtml(ctx, `appeals.${g}.${c}`)).join('')).join('')}</tr>`;
  return `<table class="grid appeals">${head}${row}</table>`;
}

function legend(lang: ViewLang): string {
  const item = (cls: string, sample: string, w: Message) => `<li><span class="cell ${cls}">${sample}</span>${esc(w[lang])}</li>`;
  return `<ul class="legend" aria-label="${esc(WORDS.legend[lang])}">${[
    item('number', '7', WORDS.written), item('number layout', '7', WORDS.layout), item('number solved', '7', WORDS.solved),
    item('unknown', '?', WORDS.unknown), item('blank', '', WORDS.blank), item('na', '/', WORDS.na), item('invalid', 'x', WORDS.invalid),
    item('number wrong', '9', WORDS.wrong),
  ].join('')}</ul>`;
}

/**
 * The body of the table view for one report: a heading, the legend, the three grids (national
 * format: row and column labels, every cell) and the list of findings that name cells.
 */
export function tableViewBody(report: Report | null, findings: readonly Finding[], lang: ViewLang): string {
  if (!report) return `<p class="empty">${esc(WORDS.noReport[lang])}</p>`;
  const ctx = context(report, findings, lang);
  const title = [report.title, report.year ? `${report.year}` : null, report.template].filter(Boolean).join(' · ');
  const out = [`<h1>${esc(title || WORDS.report[lang])}</h1>`, legend(lang)];
  for (const id of ['active', 'requests', 'appeals'] as const) {
    const table = report.tables.find(t => t.id === id);
    const template = table?.template ?? (report.template === '2019' ? '2019' : '2021');
    out.push(`<section class="table" data-table="${id}"><h2>${esc(tableName(id).zh)}${lang === 'en' ? ` <span class="en">${esc(tableName(id).en)}</span>` : ''}</h2>`);
    if (!table) out.push(`<p class="empty">${esc(WORDS.noTable[lang])}</p>`);
    else out.push(id === 'active' ? activeGrid(ctx, table, template) : id === 'requests' ? requestsGrid(ctx, template) : appealsGrid(ctx));
    out.push('</section>');
  }
  const listed = findings.map((f, i) => ({ f, i })).filter(x => x.f.cells.length);
  out.push(`<section class="findings"><h2>${esc(WORDS.problems[lang])}</h2>`);
  out.push(listed.length
    ? `<ul>${listed.map(({ f, i }) => `<li class="finding ${f.severity}" data-finding="${i}" data-first="${esc(f.cells[0])}" tabindex="0">${esc(f.message[lang])}${f.formula ? `<div class="formula">${esc(f.formula[lang])}</div>` : ''}</li>`).join('')}</ul>`
    : `<p class="empty">${esc(WORDS.none[lang])}</p>`);
  out.push('</section>');
  return out.join('');
}

export interface TableViewPage {
  /** A fresh random value per page load; the page's one script carries it. */
  nonce: string;
  /** The webview's source for local resources (`webview.cspSource`). */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  lang: ViewLang;
  body: string;
}

/** The whole page around a body: a strict Content-Security-Policy (no remote content; one script, by nonce). */
export function tableViewPage(p: TableViewPage): string {
  const csp = `default-src 'none'; style-src ${p.cspSource}; font-src ${p.cspSource}; img-src ${p.cspSource}; script-src 'nonce-${p.nonce}'`;
  return `<!DOCTYPE html><html lang="${p.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="UTF-8">`
    + `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`
    + `<meta name="viewport" content="width=device-width, initial-scale=1.0">`
    + `<link rel="stylesheet" href="${esc(p.styleUri)}"><title>${esc(p.lang === 'zh' ? '年报表格' : 'Report tables')}</title></head>`
    + `<body><main id="root">${p.body}</main><script nonce="${esc(p.nonce)}" src="${esc(p.scriptUri)}"></script></body></html>`;
}
