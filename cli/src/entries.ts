import { writeDocumentJsonMembers, type Lang } from '../../core/src';
import { checkFileDocument, fileResult, type CheckedFile, type CheckOptions, type FileResult } from './checkFile';
import { entryGithub, entryText, type Counts, type Format } from './format';
import { Utf8Sink } from './utf8Sink';

/** How to check and render entries. */
export interface RenderOptions extends CheckOptions { format: Format; color: boolean }
/** What the main thread asks of a worker: files, and how to render them. */
export interface Job extends RenderOptions { batch: { index: number; file: string }[] }

/** One checked file's share of the summary, and for SARIF its result (the other outputs are written as bytes). */
export interface Entry { index: number; counts: Counts; fixed: number; result?: FileResult }
/**
 * Checked files, one after the other from `entries[0].index`, with their text or JSON output (the
 * separator before each entry included) as UTF-8 bytes in one buffer, written out as they are.
 */
export interface RenderedBatch { entries: Entry[]; bytes: Uint8Array }

/** One file's share of the summary (an unreadable file counts as an error; a text that holds no report is no report). */
export function countsOf(c: CheckedFile): Counts {
  let errors = c.error ? 1 : 0, warnings = 0;
  const count = (severity: string) => { if (severity === 'error') errors++; else if (severity === 'warning') warnings++; };
  for (const n of c.notes) count(n.severity);
  let reports = 0;
  for (const r of c.doc ? c.doc.chunks : []) {
    if (r.report.sections.length || r.report.tables.length) reports++;
    for (const f of r.findings) count(f.severity);
  }
  return { reports, errors, warnings, unreadable: !!c.error };
}

const sink = new Utf8Sink();
/** One file's entry of the JSON output, written straight from the parsed document into the sink; `,` first unless it is the first entry. */
export function writeEntryJson(c: CheckedFile, lang: Lang, first: boolean): void {
  sink.ascii(first ? '{"path":' : ',{"path":');
  sink.text(JSON.stringify(c.path));
  sink.ascii(`,"encoding":${JSON.stringify(c.encoding)},`);
  if (c.doc) writeDocumentJsonMembers(c.doc, lang, sink);
  else { sink.ascii('"reports":[],"diagnostics":'); sink.text(JSON.stringify(c.notes)); }
  if (c.error) { sink.ascii(',"error":'); sink.text(JSON.stringify(c.error)); }
  if (c.fixes) { sink.ascii(',"fixes":'); sink.text(JSON.stringify(c.fixes)); }
  sink.ascii('}');
}

/** A checked file rendered into the sink (SARIF: returned as a result instead). */
export function renderChecked(c: CheckedFile, index: number, job: RenderOptions): Omit<Entry, 'index'> {
  const counts = countsOf(c), fixed = c.fixes?.length ?? 0;
  if (job.format === 'json') { writeEntryJson(c, job.lang, index === 0); return { counts, fixed }; }
  const r = fileResult(c, job.lang);
  if (job.format === 'sarif') return { counts, fixed, result: r };
  sink.text(job.format === 'github' ? entryGithub(r, job.lang) : entryText(r, job.lang, job.color));
  return { counts, fixed };
}

/** Checks and renders a batch of files, their output in one buffer (one hand-over between threads, and one write, per batch). */
export function renderBatch(batch: Job['batch'], job: RenderOptions): RenderedBatch {
  const entries: Entry[] = [];
  for (const { index, file } of batch) entries.push({ index, ...renderChecked(checkFileDocument(file, job), index, job) });
  return { entries, bytes: sink.take() };
}

/** What the sink holds (for a file checked in the main thread: standard input). */
export const takeRendered = (): Uint8Array => sink.take();
