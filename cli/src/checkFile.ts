import { readFileSync, statSync } from 'node:fs';
import { decodeBytes, diagnosticsJson, notAReport, ReportDocument, type DiagnosticJson, type Lang } from '../../core/src';

/** One file's findings as the text and SARIF outputs print them. */
export interface FileResult {
  path: string;
  diagnostics: DiagnosticJson[];
  error?: string;
}

/** A file read and checked: its parsed document, or the note (empty, binary) or error that replaces it. */
export interface CheckedFile {
  path: string;
  encoding: string | null;
  doc: ReportDocument | null;
  notes: DiagnosticJson[];
  error?: string;
}

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Reads, decodes and checks one file. Never throws: an unreadable, empty or binary file gets `error` or a note. */
export function checkFileDocument(file: string, lang: Lang): CheckedFile {
  const none = { encoding: null, doc: null, notes: [] };
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) return { path: file, ...none, error: lang === 'en' ? `file too large (${size} bytes; limit ${MAX_FILE_BYTES})` : `文件过大（${size} 字节，上限 ${MAX_FILE_BYTES}）` };
    const bytes = readFileSync(file);
    if (bytes.length === 0) return { path: file, ...none, notes: [noteOf('empty', lang)] };
    const d = decodeBytes(bytes);
    if (d.binary) return { path: file, ...none, notes: [noteOf('binary', lang)] };
    return { path: file, encoding: d.encoding, doc: ReportDocument.parse(d.text), notes: [] };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'EACCES' ? (lang === 'en' ? 'permission denied' : '没有读取权限')
      : err.code === 'EISDIR' ? (lang === 'en' ? 'is a folder' : '是文件夹')
        : err.code ? `${err.code}` : String(err && err.message || err);
    return { path: file, ...none, error: (lang === 'en' ? 'cannot read: ' : '无法读取：') + reason };
  }
}

/** A checked file's findings (for the text and SARIF outputs). */
export function fileResult(c: CheckedFile, lang: Lang): FileResult {
  const diagnostics = c.doc ? diagnosticsJson(c.doc, lang) : c.notes;
  return { path: c.path, diagnostics, ...(c.error ? { error: c.error } : {}) };
}

function noteOf(why: 'empty' | 'binary', lang: Lang): DiagnosticJson {
  const f = notAReport(0, 0, why);
  const at = { line: 0, character: 0 };
  return { code: f.code, severity: f.severity, message: lang === 'en' ? f.message.en : f.message.zh, range: { start: at, end: at }, cells: [], expected: null };
}
