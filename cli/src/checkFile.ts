import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { applyEdits, decodeBytes, diagnosticsJson, notAReport, ReportDocument, type DiagnosticJson, type DocumentOptions, type Lang, type UnusedDirectives } from '../../core/src';
import { nodeUtf8 } from './utf8';
import { digitEdits, fixedBytes, writeAtomically, type FixChange } from './fix';
import { applyPolicy, type Policy } from './policy';
import { configFor } from '../../config/projectConfig';

/** One file's findings as the text, SARIF and GitHub outputs print them. */
export interface FileResult {
  path: string;
  diagnostics: DiagnosticJson[];
  error?: string;
  /** The encoding, when it was not UTF-8 (the text output says which was assumed). */
  encoding?: string;
  guessed?: boolean;
  fixes?: FixChange[];
  /** Whether the fixes were written (`--fix`) or only found (`--fix-dry-run`). */
  fixesWritten?: boolean;
}

/** A file read and checked: its parsed document, or the note (empty, binary) or error that replaces it. */
export interface CheckedFile {
  path: string;
  encoding: string | null;
  guessed: boolean;
  doc: ReportDocument | null;
  /** How many of the document's parts are reports (not what the core calls `not-a-report`). */
  reports?: number;
  notes: DiagnosticJson[];
  error?: string;
  /** The cells `--fix` wrote or `--fix-dry-run` would write (the findings are then those of the fixed text). */
  fixes?: FixChange[];
  fixesWritten?: boolean;
}

/** How a file is checked: message language, severities, fixing, unused disable comments (over the project configuration's). */
export interface CheckOptions extends Policy { lang: Lang; fix: 'off' | 'write' | 'dry-run'; reportUnusedDisableDirectives?: UnusedDirectives }

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * Where files are read: one buffer, grown as needed and reused from file to file (a file's bytes are
 * decoded into a string at once), up to `KEEP_BYTES`: a larger file is read into a buffer of its own,
 * not kept, so one huge file does not leave a buffer of its size behind.
 */
const KEEP_BYTES = 4 * 1024 * 1024;
let readBuffer = Buffer.allocUnsafeSlow(64 * 1024);

class NotRegular extends Error { code = 'ENOTREG'; }

/**
 * A file's bytes (valid until the next read), or its size when it is over the limit, with the stat
 * they were read under. One open, stat, read and close; the open never blocks (a FIFO put in the
 * file's place since the walk is refused, not waited on).
 */
function readWhole(file: string): { bytes: Uint8Array | number; size: number; mtimeMs: number } {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new NotRegular();
    const size = st.size, stat = { size, mtimeMs: st.mtimeMs };
    if (size > MAX_FILE_BYTES) return { bytes: size, ...stat };
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
      if (n > MAX_FILE_BYTES) return { bytes: n, ...stat };
    }
    if (buf.length <= KEEP_BYTES) readBuffer = buf;
    return { bytes: buf.subarray(0, n), ...stat };
  } finally {
    closeSync(fd);
  }
}

const en = (o: { lang: Lang }) => o.lang === 'en';

/** Checks bytes read from `name` (a file, or standard input); `written` writes the fixed bytes back (absent: a dry run). */
export function checkBytes(name: string, bytes: Uint8Array, opts: CheckOptions, written?: (b: Buffer) => void): CheckedFile {
  const none = { encoding: null, guessed: false, doc: null };
  if (bytes.length === 0) return { path: name, ...none, notes: applyPolicy([noteOf('empty', opts.lang)], opts) };
  const d = decodeBytes(bytes, nodeUtf8);
  if (d.binary) return { path: name, ...none, notes: applyPolicy([noteOf('binary', opts.lang)], opts) };
  // The project configuration of the file's folder (its rules under the command line's --rule).
  const config = configFor(name);
  const policy: Policy = { ...opts, rules: { ...config.rules, ...opts.rules } };
  const unused = opts.reportUnusedDisableDirectives ?? config.reportUnusedDisableDirectives;
  const parseOptions: DocumentOptions = { ...(config.template ? { template: config.template } : {}), ...(unused ? { reportUnusedDisableDirectives: unused } : {}) };
  let doc = ReportDocument.parse(d.text, parseOptions);
  let fixes: FixChange[] | undefined;
  if (opts.fix !== 'off') {
    const { edits, changes } = digitEdits(doc);
    fixes = [];
    if (edits.length) {
      const out = fixedBytes(bytes, d, edits);
      if (out) {
        if (opts.fix === 'write') written?.(out);
        fixes = changes;
        doc = ReportDocument.parse(applyEdits(d.text, edits), parseOptions);
      }
    }
  }
  // A report is what the core did not call `not-a-report` (counted before --rule can turn that off).
  const reports = doc.chunks.filter(c => !c.findings.some(f => f.code === 'not-a-report')).length;
  for (const c of doc.chunks) c.findings = applyPolicy(c.findings, policy);
  return { path: name, encoding: d.encoding, guessed: d.guessed, doc, reports, notes: [], ...(fixes ? { fixes, fixesWritten: opts.fix === 'write' } : {}) };
}

/** A file's bytes (valid until the next read) and the stat they were read under, or the checked file that says why it cannot be read. */
export function readFileBytes(file: string, opts: CheckOptions): { bytes: Uint8Array; size: number; mtimeMs: number } | CheckedFile {
  const none = { encoding: null, guessed: false, doc: null, notes: [] };
  try {
    const r = readWhole(file);
    const bytes = r.bytes;
    if (typeof bytes === 'number') return { path: file, ...none, error: en(opts) ? `file too large (${bytes} bytes; limit ${MAX_FILE_BYTES})` : `文件过大（${bytes} 字节，上限 ${MAX_FILE_BYTES}）` };
    return { ...r, bytes };
  } catch (e) {
    return { path: file, ...none, error: unreadable(e, opts) };
  }
}

function unreadable(e: unknown, opts: CheckOptions): string {
  const err = e as NodeJS.ErrnoException;
  const reason = err.code === 'EACCES' ? (en(opts) ? 'permission denied' : '没有读取权限')
    : err.code === 'EISDIR' ? (en(opts) ? 'is a folder' : '是文件夹')
      : err.code === 'ENOTREG' ? (en(opts) ? 'not a regular file' : '不是普通文件')
        : err.code === 'ECHANGED' ? (en(opts) ? 'changed while being checked: not fixed' : '检查期间文件被修改，未修正')
          : err.code ? `${err.code}` : String(err && err.message || err);
  return (en(opts) ? 'cannot read: ' : '无法读取：') + reason;
}

/** Reads, decodes and checks one file (and with `--fix` writes its fixes). Never throws: an unreadable, empty or binary file gets `error` or a note. */
export function checkFileDocument(file: string, opts: CheckOptions): CheckedFile {
  const r = readFileBytes(file, opts);
  if ('path' in r) return r;
  try {
    return checkBytes(file, r.bytes, opts, out => writeAtomically(file, out, r));
  } catch (e) {
    return { path: file, encoding: null, guessed: false, doc: null, notes: [], error: unreadable(e, opts) };
  }
}

/** A checked file's findings (for the text, SARIF and GitHub outputs). */
export function fileResult(c: CheckedFile, lang: Lang): FileResult {
  const diagnostics = c.doc ? diagnosticsJson(c.doc, lang) : c.notes;
  return {
    path: c.path, diagnostics, ...(c.error ? { error: c.error } : {}),
    ...(c.encoding && c.encoding !== 'utf-8' && c.encoding !== 'utf-8-bom' ? { encoding: c.encoding, guessed: c.guessed } : {}),
    ...(c.fixes ? { fixes: c.fixes, fixesWritten: c.fixesWritten } : {}),
  };
}

function noteOf(why: 'empty' | 'binary', lang: Lang): DiagnosticJson {
  const f = notAReport(0, 0, why);
  const at = { line: 0, character: 0 };
  return { code: f.code, severity: f.severity, message: lang === 'en' ? f.message.en : f.message.zh, range: { start: at, end: at }, cells: [], expected: null };
}
