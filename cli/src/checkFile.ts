import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { decodeBytes, diagnosticsJson, notAReport, ReportDocument, type DiagnosticJson, type Lang } from '../../core/src';
import { nodeUtf8 } from './utf8';

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

/**
 * Where files are read: one buffer, grown as needed and reused from file to file (a file's bytes are
 * decoded into a string at once), up to `KEEP_BYTES`: a larger file is read into a buffer of its own,
 * not kept, so one huge file does not leave a buffer of its size behind.
 */
const KEEP_BYTES = 4 * 1024 * 1024;
let readBuffer = Buffer.allocUnsafeSlow(64 * 1024);

/** A file's bytes (valid until the next read), or its size when it is over the limit. One open, stat, read and close. */
function readWhole(file: string): Uint8Array | number {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_FILE_BYTES) return size;
    let buf = readBuffer, n = 0;
    for (;;) {
      // Room for the size the file had and one byte more: a read that fills it means the file grew.
      if (buf.length < Math.max(size, n) + 1) {
        const bigger = Buffer.allocUnsafeSlow(Math.max(size + 1, 2 * buf.length));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n > MAX_FILE_BYTES) return n;
    }
    if (buf.length <= KEEP_BYTES) readBuffer = buf;
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Reads, decodes and checks one file. Never throws: an unreadable, empty or binary file gets `error` or a note. */
export function checkFileDocument(file: string, lang: Lang): CheckedFile {
  const none = { encoding: null, doc: null, notes: [] };
  try {
    const bytes = readWhole(file);
    if (typeof bytes === 'number') return { path: file, ...none, error: lang === 'en' ? `file too large (${bytes} bytes; limit ${MAX_FILE_BYTES})` : `文件过大（${bytes} 字节，上限 ${MAX_FILE_BYTES}）` };
    if (bytes.length === 0) return { path: file, ...none, notes: [noteOf('empty', lang)] };
    const d = decodeBytes(bytes, nodeUtf8);
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
