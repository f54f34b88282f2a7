import { documentJsonMembers, type Lang } from '../../core/src';
import { checkFileDocument, fileResult, type CheckedFile, type FileResult } from './checkFile';
import { entryText, type Counts } from './format';

export type Format = 'text' | 'json' | 'sarif';

/** How to render entries. */
export interface RenderOptions { lang: Lang; format: Format; color: boolean }
/** What the main thread asks of a worker: files, and how to render them. */
export interface Job extends RenderOptions { batch: { index: number; file: string }[] }

/**
 * One checked file, rendered where it was checked: text lines or the JSON entry (the separator
 * before it included) as a string, written out as is, or for SARIF the result itself.
 */
export interface Entry { counts: Counts; text?: string; result?: FileResult }
/** An entry as a worker sends it back: its place in the output, and its text as UTF-8, the JSON separator included. */
export interface Rendered { index: number; counts: Counts; bytes?: Uint8Array; result?: FileResult }

/** One file's share of the summary (an unreadable file counts as an error). */
function countsOf(c: CheckedFile): Counts {
  let errors = c.error ? 1 : 0, warnings = 0;
  const count = (severity: string) => { if (severity === 'error') errors++; else if (severity === 'warning') warnings++; };
  for (const n of c.notes) count(n.severity);
  const reports = c.doc ? c.doc.chunks : [];
  for (const r of reports) for (const f of r.findings) count(f.severity);
  return { reports: reports.length, errors, warnings, unreadable: !!c.error };
}

/** One file's entry of the JSON output, written straight from the parsed document; `,` first unless it is the first entry. */
function entryJson(c: CheckedFile, lang: Lang, first: boolean): string {
  const body = c.doc ? documentJsonMembers(c.doc, lang) : `"reports":[],"diagnostics":${JSON.stringify(c.notes)}`;
  return `${first ? '' : ','}{"path":${JSON.stringify(c.path)},"encoding":${JSON.stringify(c.encoding)},${body}${c.error ? `,"error":${JSON.stringify(c.error)}` : ''}}`;
}

/** Checks and renders the file at place `index` of the output. */
export function renderEntry(file: string, index: number, job: RenderOptions): Entry {
  const c = checkFileDocument(file, job.lang);
  const counts = countsOf(c);
  if (job.format === 'json') return { counts, text: entryJson(c, job.lang, index === 0) };
  const r = fileResult(c, job.lang);
  return job.format === 'sarif' ? { counts, result: r } : { counts, text: entryText(r, job.lang, job.color) };
}
