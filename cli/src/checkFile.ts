import { readFileSync, statSync } from 'node:fs';
import { decodeBytes, documentJson, notAReport, ReportDocument, type DiagnosticJson, type Lang, type ReportJson } from '../../core/src';

/** One file's entry in the JSON output (and what a worker sends back). */
export interface FileResult {
  path: string;
  encoding: string | null;
  reports: ReportJson[];
  diagnostics: DiagnosticJson[];
  error?: string;
}

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Reads, decodes and checks one file. Never throws: an unreadable, empty or binary file gets `error`. */
export function checkFile(file: string, lang: Lang): FileResult {
  const empty = { reports: [], diagnostics: [] };
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) return { path: file, encoding: null, ...empty, error: lang === 'en' ? `file too large (${size} bytes; limit ${MAX_FILE_BYTES})` : `文件过大（${size} 字节，上限 ${MAX_FILE_BYTES}）` };
    const bytes = readFileSync(file);
    if (bytes.length === 0) return { path: file, encoding: null, reports: [], diagnostics: [noteOf('empty', lang)] };
    const d = decodeBytes(bytes);
    if (d.binary) return { path: file, encoding: null, reports: [], diagnostics: [noteOf('binary', lang)] };
    const doc = ReportDocument.parse(d.text);
    return { path: file, encoding: d.encoding, ...documentJson(doc, lang) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'EACCES' ? (lang === 'en' ? 'permission denied' : '没有读取权限')
      : err.code === 'EISDIR' ? (lang === 'en' ? 'is a folder' : '是文件夹')
        : err.code ? `${err.code}` : String(err && err.message || err);
    return { path: file, encoding: null, ...empty, error: (lang === 'en' ? 'cannot read: ' : '无法读取：') + reason };
  }
}

function noteOf(why: 'empty' | 'binary', lang: Lang): DiagnosticJson {
  const f = notAReport(0, 0, why);
  const at = { line: 0, character: 0 };
  return { code: f.code, severity: f.severity, message: lang === 'en' ? f.message.en : f.message.zh, range: { start: at, end: at }, cells: [], expected: null };
}
