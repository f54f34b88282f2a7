import path from 'node:path';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import { RULES, type Lang } from '../../core/src';
import type { FileResult } from './checkFile';

export interface Summary { files: number; reports: number; errors: number; warnings: number }
export interface Counts { reports: number; errors: number; warnings: number; unreadable: boolean }

export function addCounts(s: Summary, c: Counts): void { s.files++; s.reports += c.reports; s.errors += c.errors; s.warnings += c.warnings; }

const display = (p: string) => path.relative(process.cwd(), p) || p;

/** One file's compiler-style lines, `path:line:col: severity code message` (1-based). */
export function entryText(r: FileResult, lang: Lang, color: boolean): string {
  const c = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  if (r.error) return `${display(r.path)}: ${c(31, 'error')} ${lang === 'en' ? 'unreadable' : '无法检查'}: ${r.error}\n`;
  let out = '';
  for (const d of r.diagnostics) {
    const sev = d.severity === 'error' ? c(31, 'error') : d.severity === 'warning' ? c(33, 'warning') : c(36, d.severity);
    out += `${display(r.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${sev} ${c(2, d.code)} ${d.message}\n`;
  }
  return out;
}

export function summaryText(s: Summary, lang: Lang): string {
  return (lang === 'en'
    ? `${s.files} file${s.files === 1 ? '' : 's'}, ${s.reports} report${s.reports === 1 ? '' : 's'}: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`
    : `${s.files} 个文件，${s.reports} 份年报：${s.errors} 个错误，${s.warnings} 个警告`) + '\n';
}

const DOCS = 'https://github.com/nianbao/nianbao/blob/main/docs/rules/';

/** SARIF 2.1.0 through node-sarif-builder: one run, every rule, a result per diagnostic (1-based columns). */
export function formatSarif(results: FileResult[], lang: Lang, version: string): string {
  const builder = new SarifBuilder();
  const run = new SarifRunBuilder().initSimple({ toolDriverName: 'nianbao', toolDriverVersion: version, url: 'https://github.com/nianbao/nianbao' });
  for (const rule of RULES) {
    run.addRule(new SarifRuleBuilder().initSimple({ ruleId: rule.code, shortDescriptionText: lang === 'en' ? rule.summary.en : rule.summary.zh, helpUri: `${DOCS}${rule.code}.md` }));
  }
  for (const r of results) {
    const fileUri = path.relative(process.cwd(), r.path).split(path.sep).join('/');
    if (r.error) {
      run.addResult(new SarifResultBuilder().initSimple({ level: 'error', messageText: r.error, ruleId: 'unreadable', fileUri }));
      continue;
    }
    for (const d of r.diagnostics) {
      run.addResult(new SarifResultBuilder().initSimple({
        level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
        messageText: d.message, ruleId: d.code, fileUri,
        startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1,
        endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
      }));
    }
  }
  builder.addRun(run);
  return builder.buildSarifJsonString({ indent: false });
}
