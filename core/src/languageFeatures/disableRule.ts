import type { RuleCode } from '../model';
import type { PlacedReport, ReportDocument } from '../parse/document';
import { classifyLine } from '../parse/segment';
import { directiveMayName, directiveText, findDirectives, type DirectiveKind } from '../checks/directives';
import { CommentPlaces } from '../text/html/commentPlaces';
import { isBreak, lineEndOf, lineStartOf, nextLineStart } from '../text/lines';
import type { OffsetEdit, PlacedFinding } from './fixes';

/*
 * The quick fixes "disable this rule for this line / for this file": an inline directive
 * (checks/directives.ts writes its syntax), placed where it suppresses the finding and changes
 * nothing else — not how the report is split from its neighbours, not how a table reads, not what a
 * Markdown or HTML page shows.
 *
 * - Plain text: a marker line `nianbao-disable-next-line code` above the finding's line — outside
 *   the tables, where an empty line can stand for a blank cell; Markdown, and plain-text tables: a
 *   comment `<!-- nianbao-disable-line code -->` at the end of the line (inside a pipe row's last
 *   place; a line inserted into a pipe table or a paragraph would cut it in two). Each falls back to
 *   the other form where it would change how the document splits into reports (a title line, a
 *   title broken over two lines).
 * - For the file: a `nianbao-disable code` line after the title of each report that has the finding
 *   (a directive acts only within its own report).
 * - A finding at the very end of a report (a missing section) has no line of its own: a
 *   `nianbao-disable code` line at the report's end covers it.
 * - HTML: comments only, written where the tokenizer is between tags or in running text — at the end
 *   of the finding's source line, or for the file just after `<body>`.
 * The findings about directives themselves cannot be disabled by one: none is offered for them.
 */

/** The kind of file the directive is written into. */
export type FileSyntax = 'text' | 'markdown' | 'html';
export type DisableScope = 'line' | 'file';

/** The edits that turn `p`'s rule off for its line or for the whole file, in document offsets; null where no directive can. */
export function disableRuleEdits(doc: ReportDocument, p: PlacedFinding, scope: DisableScope, syntax: FileSyntax): OffsetEdit[] | null {
  const code = p.finding.code;
  if (!directiveMayName(code)) return null;
  const reports = doc.reports();
  if (doc.html) {
    const edit = htmlEdit(reports[0], p.finding.start, code, scope);
    return edit ? [edit] : null;
  }
  const form = syntax === 'text' ? 'marker' : 'comment';
  if (scope === 'line') {
    const r = reports[p.report];
    const e = lineEdit(r, p.report === 0, p.finding, code, form);
    return e ? [shift(e, r.base)] : null;
  }
  const edits: OffsetEdit[] = [];
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i];
    let first = Infinity;
    for (const f of r.findings) if (f.code === code && f.start < first) first = f.start;
    if (first === Infinity) continue;
    const e = fileEdit(r, i === 0, first, code, form);
    if (!e) return null;
    edits.push(shift(e, r.base));
  }
  return edits.length ? edits : null;
}

const shift = (e: OffsetEdit, base: number): OffsetEdit => ({ start: e.start + base, end: e.end + base, newText: e.newText });
const insert = (at: number, newText: string): OffsetEdit => ({ start: at, end: at, newText });

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0;
/** The start of the line after the one ending at `e` (the text's length when none follows). */
const nextLine = (t: string, e: number) => { const n = nextLineStart(t, e); return n < 0 ? t.length : n; };
/** The line break the text uses near `at` (CRLF when its line, or the one before, ends so). */
function eolNear(t: string, at: number): string {
  const e = lineEndOf(t, at);
  if (e < t.length) return t.charCodeAt(e) === 13 && t.charCodeAt(e + 1) === 10 ? '\r\n' : t[e];
  const ls = lineStartOf(t, at);
  return ls >= 2 && t.charCodeAt(ls - 2) === 13 ? '\r\n' : '\n';
}
const endsWithBreak = (t: string) => t.length > 0 && isBreak(t.charCodeAt(t.length - 1));

/**
 * Whether an edit of a report's text leaves every line around it deciding the report boundaries as
 * before (segment.ts: a line's role depends on it and the line after it), the lines it adds opening nothing.
 */
function keepsBoundaries(t: string, e: OffsetEdit): boolean {
  const from = lineStartOf(t, Math.max(0, lineStartOf(t, e.start) - 1));
  const to = lineEndOf(t, nextLine(t, lineEndOf(t, e.end)));
  const before = roles(t.slice(from, to));
  const after = roles(t.slice(from, e.start) + e.newText + t.slice(e.end, to));
  const added = after.length - before.length;
  if (added === 0) return after.join() === before.join();
  // The added lines are the edit's: drop the first run of added roles that are "nothing" and compare.
  for (let k = 0; k + added <= after.length; k++) {
    const rest = [...after.slice(0, k), ...after.slice(k + added)];
    if (after.slice(k, k + added).every(r => r === '') && rest.join() === before.join()) return true;
  }
  return false;
}
/** Each line's role in splitting a document into reports ('' for none). */
function roles(w: string): string[] {
  const out: string[] = [];
  for (let ls = 0; ; ) {
    const le = lineEndOf(w, ls);
    const c = classifyLine(w, ls, le, w.length);
    out.push((c.opens ? 'o' : '') + (c.overview ? 'v' : ''));
    if (le >= w.length) return out;
    ls = nextLine(w, le);
  }
}

/** Whether a `disable-next-line` directive covers the line starting at `ls` (a line inserted there would take its place). */
const coveredFromAbove = (t: string, ls: number) =>
  findDirectives(t, false).directives.some(d => d.kind === 'disable-next-line' && d.line?.from === ls);

/** A line holding a directive, inserted at the start of the line at `at` (or as a new last line). */
function lineInsert(t: string, at: number, directive: string): OffsetEdit {
  const eol = eolNear(t, Math.min(at, t.length));
  return at === t.length && !endsWithBreak(t) ? insert(at, eol + directive) : insert(at, directive + eol);
}

/** Whether a line may be inserted at `at` in this report: not before its first line (that would be the previous report's), not between a directive and the line it covers. */
const mayInsertLineAt = (r: PlacedReport, first: boolean, at: number) => (at > 0 || first) && !coveredFromAbove(r.text, at);

function lineEdit(r: PlacedReport, first: boolean, f: { start: number; end: number }, code: RuleCode, form: 'comment' | 'marker'): OffsetEdit | null {
  const t = r.text, s = f.start;
  // At the report's end (after its last line break): no line of the report holds the place.
  if (s >= t.length && (endsWithBreak(t) || !t.length)) return endOfReport(r, code, form);
  const ls = lineStartOf(t, s);
  let le = lineEndOf(t, s);
  while (le > ls && isBlank(t.charCodeAt(le - 1))) le--;
  const above = (): OffsetEdit | null => {
    // An empty span at the line's start may stay where it is, above the inserted line.
    if ((s === ls && f.end === s) || !mayInsertLineAt(r, first, ls)) return null;
    const e = lineInsert(t, ls, directiveText('disable-next-line', [code], form));
    return keepsBoundaries(t, e) ? e : null;
  };
  const after = (): OffsetEdit | null => {
    // Inside the last place of a pipe row (spaces after its last pipe would be read as a blank place).
    const pipe = le > ls && t.charCodeAt(le - 1) === 0x7c;
    const comment = directiveText('disable-line', [code], 'comment');
    const e = pipe ? insert(le - 1, comment + ' ') : insert(le, ' ' + comment);
    return keepsBoundaries(t, e) ? e : null;
  };
  // In plain text the marker line, but not inside a table, where an empty line may stand for a blank cell.
  const inTable = r.report.tables.some(tb => tb.start <= s && s <= tb.end);
  return form === 'marker' && !inTable ? above() ?? after() : after() ?? above();
}

function endOfReport(r: PlacedReport, code: RuleCode, form: 'comment' | 'marker'): OffsetEdit | null {
  const e = lineInsert(r.text, r.text.length, directiveText('disable', [code], form));
  return keepsBoundaries(r.text, e) ? e : null;
}

/** A `disable` line before the report's first finding of the rule: after its title, else at the top of the file, else just above that finding. */
function fileEdit(r: PlacedReport, first: boolean, at: number, code: RuleCode, form: 'comment' | 'marker'): OffsetEdit | null {
  const t = r.text, rep = r.report;
  const directive = directiveText('disable', [code], form);
  const places: number[] = [];
  if (rep.title !== null && rep.titleEnd > 0) places.push(nextLine(t, lineEndOf(t, rep.titleEnd - 1)));
  if (first) places.push(0);
  places.push(lineStartOf(t, Math.min(at, t.length)));
  for (const p of places) {
    if (p > at || !mayInsertLineAt(r, first, p)) continue;
    const e = lineInsert(t, p, directive);
    if (keepsBoundaries(t, e)) return e;
  }
  return null;
}

function htmlEdit(r: PlacedReport, s: number, code: RuleCode, scope: DisableScope): OffsetEdit | null {
  const t = r.text;
  const places = new CommentPlaces(t);
  const comment = (kind: DirectiveKind) => directiveText(kind, [code], 'comment');
  if (scope === 'file') {
    let first = Infinity;
    for (const f of r.findings) if (f.code === code && f.start < first) first = f.start;
    const at = places.bodyStart >= 0 && places.bodyStart <= first ? places.bodyStart : places.firstIn(Math.max(0, places.doctypeEnd), Math.min(first, t.length));
    return at >= 0 ? insert(at, comment('disable')) : null;
  }
  // At the page's end (a missing section): a block from there covers it.
  if (s >= t.length) return places.lastIn(t.length, t.length) === t.length ? insert(t.length, comment('disable')) : null;
  const x = places.lastIn(lineStartOf(t, s), lineEndOf(t, s));
  return x >= 0 ? insert(x, comment('disable-line')) : null;
}
