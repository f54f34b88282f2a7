import { readFileSync } from 'node:fs';
import { acrossYears, decodeBytes, LineIndex, ReportDocument, yearReportsOf, type AcrossFinding, type Lang, type YearReport } from '../../core/src';
import { nodeUtf8 } from './utf8';
import { shownPath } from './display';

/**
 * `--across-years`: the files checked, read again in the main thread, each report against the same
 * body's report of the year before among them (core/src/checks/acrossYears.ts). Its findings come
 * after the files' own: as lines in text and GitHub output, as `acrossYears` in JSON.
 */
export interface AcrossResult { findings: AcrossFinding[]; lines: Map<string, LineIndex> }

export function checkAcrossYears(files: string[]): AcrossResult {
  const items: YearReport[] = [];
  const lines = new Map<string, LineIndex>();
  for (const file of files) {
    let text: string;
    try {
      const d = decodeBytes(readFileSync(file), nodeUtf8);
      if (d.binary) continue;
      text = d.text;
    } catch { continue; } // already reported as unreadable
    const mine = yearReportsOf(file, ReportDocument.parse(text));
    if (!mine.length) continue;
    lines.set(file, new LineIndex(text));
    items.push(...mine);
  }
  const findings = acrossYears(items);
  return { findings, lines };
}

const pick = (m: { zh: string; en: string }, lang: Lang) => (lang === 'en' ? m.en : m.zh);

/** Text lines, compiler style, with the place in the other file. */
export function acrossText(r: AcrossResult, lang: Lang): string {
  return r.findings.map(f => {
    const at = r.lines.get(f.file)!.positionAt(f.finding.start), there = r.lines.get(f.other.file)!.positionAt(f.other.start);
    const see = lang === 'en' ? 'see' : '见';
    return `${shownPath(f.file)}:${at.line + 1}:${at.character + 1}: ${f.finding.severity} ${f.finding.code} ${pick(f.finding.message, lang)} (${see} ${shownPath(f.other.file)}:${there.line + 1}:${there.character + 1})\n`;
  }).join('');
}

/** The JSON member, ranges as LSP positions in each file. */
export function acrossJson(r: AcrossResult, lang: Lang): unknown[] {
  const range = (file: string, s: number, e: number) => ({ start: r.lines.get(file)!.positionAt(s), end: r.lines.get(file)!.positionAt(e) });
  return r.findings.map(f => ({
    path: f.file, code: f.finding.code, severity: f.finding.severity, message: pick(f.finding.message, lang),
    range: range(f.file, f.finding.start, f.finding.end), cells: f.finding.cells, expected: f.finding.expected ?? null,
    related: { path: f.other.file, range: range(f.other.file, f.other.start, f.other.end) },
  }));
}
