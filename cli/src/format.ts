import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import { RULES, type DiagnosticJson, type Lang } from '../../core/src';
import type { FileResult } from './checkFile';
import { sarifUri, shownPath } from './display';

export type Format = 'text' | 'json' | 'sarif' | 'github';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];

export interface Summary { files: number; reports: number; errors: number; warnings: number }
export interface Counts { reports: number; errors: number; warnings: number; unreadable: boolean }

export function addCounts(s: Summary, c: Counts): void { s.files++; s.reports += c.reports; s.errors += c.errors; s.warnings += c.warnings; }

export const RULES_DOCS = 'https://github.com/nianbao/nianbao/blob/main/docs/rules/';

const ENCODING_NAMES: Record<string, string> = { 'gb18030': 'GB18030', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

/** The line that says a file was not read as UTF-8, and how its encoding was known. */
function encodingLine(r: FileResult, lang: Lang, c: (code: number, s: string) => string): string {
  if (!r.encoding) return '';
  const name = ENCODING_NAMES[r.encoding] ?? r.encoding;
  const how = lang === 'en' ? (r.guessed ? `read as ${name} (guessed: no byte-order mark)` : `read as ${name} (byte-order mark)`)
    : (r.guessed ? `按 ${name} 编码读取（无字节顺序标记，推断所得）` : `按 ${name} 编码读取（字节顺序标记）`);
  return `${shownPath(r.path)}: ${c(36, 'note')} ${how}\n`;
}

/** One file's compiler-style lines, `path:line:col: severity code message` (1-based), after the cells fixed. */
export function entryText(r: FileResult, lang: Lang, color: boolean): string {
  const c = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const shown = shownPath(r.path);
  if (r.error) return `${shown}: ${c(31, 'error')} ${lang === 'en' ? 'unreadable' : '无法检查'}: ${r.error}\n`;
  let out = encodingLine(r, lang, c);
  const verb = r.fixesWritten ? (lang === 'en' ? 'fixed' : '已修正') : (lang === 'en' ? 'would fix' : '可修正');
  for (const f of r.fixes ?? []) out += `${shown}:${f.line + 1}:${f.character + 1}: ${c(32, verb)} ${f.cell} ${f.from || (lang === 'en' ? '(blank)' : '（空）')} → ${f.to}\n`;
  for (const d of r.diagnostics) {
    const sev = d.severity === 'error' ? c(31, 'error') : d.severity === 'warning' ? c(33, 'warning') : c(36, d.severity);
    out += `${shown}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${sev} ${c(2, d.code)} ${d.message}\n`;
  }
  return out;
}

/** GitHub Actions' escaping: of a message (`%`, CR, LF) and of a property (also `:` and `,`). */
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProperty = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One file's workflow commands (`::error file=…,line=…,col=…::message`): annotations on the pull request. */
export function entryGithub(r: FileResult, lang: Lang): string {
  const file = ghProperty(r.path);
  if (r.error) return `::error file=${file},title=${ghProperty(lang === 'en' ? 'unreadable' : '无法检查')}::${ghData(r.error)}\n`;
  let out = '';
  for (const d of r.diagnostics) {
    const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const { start, end } = d.range;
    out += `::${level} file=${file},line=${start.line + 1},col=${start.character + 1},endLine=${end.line + 1},endColumn=${end.character + 1},title=${ghProperty(d.code)}::${ghData(d.message)}\n`;
  }
  return out;
}

export function summaryText(s: Summary, lang: Lang): string {
  return (lang === 'en'
    ? `${s.files} file${s.files === 1 ? '' : 's'}, ${s.reports} report${s.reports === 1 ? '' : 's'}: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`
    : `${s.files} 个文件，${s.reports} 份年报：${s.errors} 个错误，${s.warnings} 个警告`) + '\n';
}

const sarifLevel = (d: DiagnosticJson) => (d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note');

/** SARIF 2.1.0 through node-sarif-builder: one run, every rule, a result per diagnostic (1-based columns, percent-encoded URIs). */
export function formatSarif(results: FileResult[], lang: Lang, version: string): string {
  const builder = new SarifBuilder();
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'nianbao', toolDriverVersion: version, url: 'https://github.com/nianbao/nianbao' });
  for (const rule of RULES) {
    run.addRule(new SarifRuleBuilder().initSimple({ ruleId: rule.code, shortDescriptionText: lang === 'en' ? rule.summary.en : rule.summary.zh, helpUri: `${RULES_DOCS}${rule.code}.md` }));
  }
  for (const r of results) {
    const fileUri = sarifUri(r.path);
    const found = r.error
      ? [new SarifResultBuilder().initSimple({ level: 'error', messageText: r.error, ruleId: 'unreadable', fileUri })]
      : r.diagnostics.map(d => new SarifResultBuilder().initSimple({
        level: sarifLevel(d), messageText: d.message, ruleId: d.code, fileUri,
        startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
        endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
      }));
    for (const x of found) run.addResult(x);
  }
  builder.addRun(run);
  return builder.buildSarifJsonString({ indent: false });
}
