import path from 'node:path';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import { RULES, type Lang } from '../../core/src';
import type { FileResult } from './checkFile';

export interface Summary { files: number; reports: number; errors: number; warnings: number }

export function summarise(results: FileResult[]): Summary {
  let reports = 0, errors = 0, warnings = 0;
  for (const r of results) {
    reports += r.reports.length;
    for (const d of r.diagnostics) { if (d.severity === 'error') errors++; else if (d.severity === 'warning') warnings++; }
    if (r.error) errors++;
  }
  return { files: results.length, reports, errors, warnings };
}

const display = (p: string) => path.relative(process.cwd(), p) || p;

/** Compiler-style lines, `path:line:col: severity code message`, 1-based, then a summary line. */
export function formatText(results: FileResult[], lang: Lang, color: boolean): string {
  const c = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out: string[] = [];
  for (const r of results) {
    if (r.error) { out.push(`${display(r.path)}: ${c(31, 'error')} ${lang === 'en' ? 'unreadable' : '无法检查'}: ${r.error}`); continue; }
    for (const d of r.diagnostics) {
      const sev = d.severity === 'error' ? c(31, 'error') : d.severity === 'warning' ? c(33, 'warning') : c(36, d.severity);
      out.push(`${display(r.path)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${sev} ${c(2, d.code)} ${d.message}`);
    }
  }
  const s = summarise(results);
  out.push(lang === 'en'
    ? `${s.files} file${s.files === 1 ? '' : 's'}, ${s.reports} report${s.reports === 1 ? '' : 's'}: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}`
    : `${s.files} 个文件，${s.reports} 份年报：${s.errors} 个错误，${s.warnings} 个警告`);
  return out.join('\n') + '\n';
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify({
    version: 1,
    files: results.map(r => ({ path: r.path, encoding: r.encoding, reports: r.reports, diagnostics: r.diagnostics, ...(r.error ? { error: r.error } : {}) })),
    summary: summarise(results),
  });
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
