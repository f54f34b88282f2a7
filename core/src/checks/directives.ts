import type { Finding, Message, RuleCode, Severity } from '../model';
import { RULES } from '../rules';
import { isBreak, lineEndOf, lineStartOf, nextLineStart } from '../text/lines';

/*
 * Inline disable comments, as ESLint has them. In Markdown, HTML and plain text alike, an HTML
 * comment; in plain text (and Markdown) also a line of its own:
 *
 *   <!-- nianbao-disable-next-line row-sum -->     nianbao-disable-next-line row-sum
 *   <!-- nianbao-disable-line balance -->
 *   <!-- nianbao-disable row-sum, balance -->      nianbao-disable row-sum balance -- why
 *   <!-- nianbao-enable -->                        nianbao-enable
 *
 * No rule codes: every rule. ` -- ` starts a reason. A directive acts only within the text it is
 * found in (one report of a compilation, one HTML page), so an edit elsewhere never changes what it
 * suppresses.
 */

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
const KINDS: ReadonlySet<string> = new Set<DirectiveKind>(['disable', 'enable', 'disable-line', 'disable-next-line']);

/** The findings about directives themselves: never suppressed by one. */
const OWN_CODES: ReadonlySet<RuleCode> = new Set<RuleCode>(['invalid-directive', 'unused-directive']);
const KNOWN: ReadonlySet<string> = new Set(RULES.map(r => r.code));
/**
 * Rules whose findings come from comparing two reports (acrossYears.ts), applied to a report's
 * directives only when the other report is there: a directive is never called unused for them.
 */
export const ACROSS_CODES: ReadonlySet<RuleCode> = new Set<RuleCode>(['year-continuity', 'copied-text']);

export interface Directive {
  kind: DirectiveKind;
  /** The comment or marker line: [start, end) of the text. */
  start: number;
  end: number;
  /** The rules it names that exist; with `all`, every rule. */
  codes: RuleCode[];
  all: boolean;
  /** For a line directive, the line it covers: offsets [from, to] (to: the line's end, before its break); absent when there is none. */
  line?: { from: number; to: number };
}

export interface DirectiveScan {
  directives: Directive[];
  /** `invalid-directive` findings: unknown directive words and rule codes. */
  problems: Finding[];
  /** [start, end) of every `nianbao-` comment or marker line, valid or not, in text order. */
  spans: { start: number; end: number }[];
}

/** How directives that suppress nothing are reported, as ESLint's `--report-unused-disable-directives`. */
export type UnusedDirectives = 'off' | 'warning' | 'error';
export interface DirectiveOptions { reportUnusedDisableDirectives?: UnusedDirectives }

const PREFIX = 'nianbao-';
const EMPTY: DirectiveScan = { directives: [], problems: [], spans: [] };

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0xfeff;

/**
 * The directives in a text: in its `<!-- nianbao-… -->` comments, and (unless `html`, where only a
 * comment is not shown on the page) in lines that hold nothing but `nianbao-…`.
 */
export function findDirectives(text: string, html: boolean): DirectiveScan {
  let at = text.indexOf(PREFIX);
  if (at < 0) return EMPTY;
  const scan: DirectiveScan = { directives: [], problems: [], spans: [] };
  // Comments first (their spans, in order), then marker lines outside them.
  const comments: { start: number; end: number; body: number; bodyEnd: number }[] = [];
  for (let i = text.indexOf('<!--'); i >= 0; i = text.indexOf('<!--', i)) {
    const close = text.indexOf('-->', i + 4);
    if (close < 0) break;
    let b = i + 4;
    while (b < close && (isBlank(text.charCodeAt(b)) || isBreak(text.charCodeAt(b)))) b++;
    if (text.startsWith(PREFIX, b)) comments.push({ start: i, end: close + 3, body: b, bodyEnd: close });
    i = close + 3;
  }
  let c = 0;
  const found: { start: number; end: number; body: number; bodyEnd: number }[] = [];
  for (; at >= 0; at = text.indexOf(PREFIX, at + PREFIX.length)) {
    while (c < comments.length && comments[c].end <= at) found.push(comments[c++]);
    if (c < comments.length && comments[c].start <= at) continue;
    if (html) continue;
    const ls = lineStartOf(text, at);
    let k = ls;
    while (k < at && isBlank(text.charCodeAt(k))) k++;
    if (k < at) continue;
    let e = lineEndOf(text, at);
    while (e > at && isBlank(text.charCodeAt(e - 1))) e--;
    found.push({ start: at, end: e, body: at, bodyEnd: e });
    at = e - PREFIX.length;
  }
  while (c < comments.length) found.push(comments[c++]);
  for (const f of found) read(text, f.start, f.end, f.body, f.bodyEnd, scan);
  return scan;
}

const WORD = /\S+/g;

/** One directive from its body text[body, bodyEnd) (`nianbao-kind codes -- reason`), into `scan`. */
function read(text: string, start: number, end: number, body: number, bodyEnd: number, scan: DirectiveScan): void {
  scan.spans.push({ start, end });
  const src = text.slice(body, bodyEnd);
  const head = /^nianbao-(\S*)/.exec(src)!;
  const word = head[1];
  if (!KINDS.has(word)) {
    scan.problems.push(invalid(body, body + head[0].length, {
      zh: `未知的指令 ${head[0]}：可用 nianbao-disable、nianbao-enable、nianbao-disable-line、nianbao-disable-next-line`,
      en: `Unknown directive ${head[0]}: use nianbao-disable, nianbao-enable, nianbao-disable-line or nianbao-disable-next-line`,
    }));
    return;
  }
  const kind = word as DirectiveKind;
  // The rule list ends where a reason starts (` -- …`).
  const reason = /\s--(?:\s|$)/.exec(src);
  const list = src.slice(head[0].length, reason ? reason.index : src.length).replace(/,/g, ' ');
  const codes: RuleCode[] = [];
  let named = false;
  for (const m of list.matchAll(WORD)) {
    named = true;
    const name = m[0], s = body + head[0].length + m.index!;
    if (!KNOWN.has(name)) {
      scan.problems.push(invalid(s, s + name.length, {
        zh: `指令中的规则代码 “${name}” 不存在（规则代码见 docs/rules）`,
        en: `Unknown rule code "${name}" in a directive (the rule codes are listed in docs/rules)`,
      }));
    } else if (OWN_CODES.has(name as RuleCode)) {
      scan.problems.push(invalid(s, s + name.length, {
        zh: `${name} 不能用指令关闭（可在设置中按规则代码关闭）`,
        en: `${name} cannot be turned off by a directive (turn it off by rule code in the settings)`,
      }));
    } else if (!codes.includes(name as RuleCode)) codes.push(name as RuleCode);
  }
  // A list of unknown names acts on nothing, never on every rule.
  if (named && !codes.length) return;
  const d: Directive = { kind, start, end, codes, all: !named };
  if (kind === 'disable-line') d.line = { from: lineStartOf(text, start), to: lineEndOf(text, end) };
  else if (kind === 'disable-next-line') {
    const next = nextLineStart(text, lineEndOf(text, end));
    if (next >= 0) d.line = { from: next, to: lineEndOf(text, next) };
  }
  scan.directives.push(d);
}

function invalid(start: number, end: number, message: Message): Finding {
  return { code: 'invalid-directive', severity: 'error', start, end, cells: [], message };
}

/**
 * A directive as written — the one place that writes the syntax `findDirectives` reads: an HTML
 * comment (`<!-- nianbao-disable-line row-sum -->`), or the body of a plain-text marker line
 * (`nianbao-disable-next-line row-sum`).
 */
export function directiveText(kind: DirectiveKind, codes: readonly RuleCode[], form: 'comment' | 'marker'): string {
  const body = `${PREFIX}${kind}${codes.length ? ' ' + codes.join(form === 'comment' ? ', ' : ' ') : ''}`;
  return form === 'comment' ? `<!-- ${body} -->` : body;
}

/** Whether a directive may name a rule (the findings about directives themselves cannot be turned off by one). */
export const directiveMayName = (code: RuleCode): boolean => !OWN_CODES.has(code);

/** `text` with every directive blanked (its characters but line breaks made spaces): what the reader parses, offsets unchanged. */
export function maskDirectives(text: string, scan: DirectiveScan): string {
  if (!scan.spans.length) return text;
  let out = '', from = 0;
  for (const s of scan.spans) {
    out += text.slice(from, s.start);
    for (let i = s.start; i < s.end; i++) { const c = text.charCodeAt(i); out += isBreak(c) ? text[i] : ' '; }
    from = s.end;
  }
  return out + text.slice(from);
}

const names = (codes: RuleCode[], zh: boolean) => codes.join(zh ? '、' : ' or ');

/**
 * The findings of a text under its directives: those a directive covers removed, the directives'
 * own problems added, and (with `reportUnusedDisableDirectives`) a finding at each directive that
 * suppressed nothing. `report`: whether the text holds a report; a text that does not gets no
 * findings about its directives (a page that only shows the syntax), though they still act.
 */
export function applyDirectives(findings: Finding[], scan: DirectiveScan, options: DirectiveOptions, report: boolean): Finding[] {
  const { directives } = scan;
  if (!directives.length && !scan.problems.length) return findings;
  const blocks = directives.filter(d => d.kind === 'disable' || d.kind === 'enable');
  const lines = directives.filter(d => d.line);
  /** Per directive: the codes it suppressed a finding of (`*`: some finding, for a directive on every rule). */
  const used = new Map<Directive, Set<string>>(directives.map(d => [d, new Set<string>()]));
  const applies = (d: Directive, code: RuleCode) => d.all || d.codes.includes(code);
  const credit = (d: Directive, code: RuleCode) => used.get(d)!.add(d.all ? '*' : code);
  const kept: Finding[] = [];
  for (const f of findings) {
    let suppressed = false;
    for (const d of lines) {
      if (d.line!.from <= f.start && f.start <= d.line!.to && applies(d, f.code)) { suppressed = true; credit(d, f.code); }
    }
    // The last block directive before the finding that speaks of its rule decides.
    let governing: Directive | null = null;
    for (const d of blocks) { if (d.start > f.start) break; if (applies(d, f.code)) governing = d; }
    if (governing?.kind === 'disable') { suppressed = true; credit(governing, f.code); }
    if (!suppressed) kept.push(f);
  }
  if (!report) return kept;
  const severity = options.reportUnusedDisableDirectives ?? 'off';
  const extra = [...scan.problems, ...(severity === 'off' ? [] : unusedFindings(directives, blocks, used, severity))];
  return extra.length ? [...kept, ...extra].sort((a, b) => a.start - b.start || a.end - b.end) : kept;
}

/** A finding for each disable directive that suppressed nothing (or named rules that reported nothing), and each enable that re-enabled nothing. */
function unusedFindings(directives: Directive[], blocks: Directive[], used: Map<Directive, Set<string>>, severity: Severity): Finding[] {
  const out: Finding[] = [];
  const unused = (d: Directive, zh: string, en: string) => out.push({ code: 'unused-directive', severity, start: d.start, end: d.end, cells: [], message: { zh, en } });
  const enableUsed = enablesThatAct(blocks);
  for (const d of directives) {
    const word = `nianbao-${d.kind}`;
    if (d.kind === 'enable') {
      const idle = enableUsed.get(d)!;
      if (idle === 'nothing') unused(d, `未使用的 ${word} 指令（此前没有关闭任何规则）`, `Unused ${word} directive (no rule was disabled before it)`);
      else if (idle.length) unused(d, `未使用的 ${word} 指令（此前没有关闭 ${names(idle, true)}）`, `Unused ${word} directive (no matching nianbao-disable for ${names(idle, false)})`);
      continue;
    }
    const u = used.get(d)!;
    if (d.all) { if (!u.size) unused(d, `未使用的 ${word} 指令（这里没有报告任何问题）`, `Unused ${word} directive (no problems were reported here)`); continue; }
    const idle = d.codes.filter(c => !u.has(c) && !ACROSS_CODES.has(c));
    if (idle.length) unused(d, `未使用的 ${word} 指令（这里 ${names(idle, true)} 没有报告问题）`, `Unused ${word} directive (no problems were reported from ${names(idle, false)})`);
  }
  return out;
}

/**
 * For each enable directive, the rules it names that were not disabled just before it (for an
 * enable of every rule: `nothing` when no rule was). The state is ESLint's: every rule on or off,
 * with exceptions.
 */
function enablesThatAct(blocks: Directive[]): Map<Directive, RuleCode[] | 'nothing'> {
  const out = new Map<Directive, RuleCode[] | 'nothing'>();
  let allOff = false;
  const except = new Set<RuleCode>();
  const isOff = (c: RuleCode) => allOff !== except.has(c);
  const set = (c: RuleCode, off: boolean) => { if (off === allOff) except.delete(c); else except.add(c); };
  for (const d of blocks) {
    const off = d.kind === 'disable';
    if (d.all) {
      if (!off) out.set(d, allOff || except.size ? [] : 'nothing');
      allOff = off;
      except.clear();
      continue;
    }
    if (!off) out.set(d, d.codes.filter(c => !isOff(c)));
    for (const c of d.codes) set(c, off);
  }
  return out;
}
