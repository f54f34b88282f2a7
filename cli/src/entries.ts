import { writeDocumentJsonMembers, type Lang } from '../../core/src';
import { checkFileDocument, fileResult, type CheckedFile, type FileResult } from './checkFile';
import { entryText, type Counts } from './format';
import { Utf8Sink } from './utf8Sink';

export type Format = 'text' | 'json' | 'sarif';

/** How to render entries. */
export interface RenderOptions { lang: Lang; format: Format; color: boolean }
/** What the main thread asks of a worker: files, and how to render them. */
export interface Job extends RenderOptions { batch: { index: number; file: string }[] }

/** One checked file's share of the summary, and for SARIF its result (the text and JSON outputs are written as bytes). */
export interface Entry { index: number; counts: Counts; result?: FileResult }
/**
 * Checked files, one after the other from `entries[0].index`, with their text or JSON output (the
 * separator before each entry included) as UTF-8 bytes in one buffer, written out as they are.
 */
export interface RenderedBatch { entries: Entry[]; bytes: Uint8Array }

/** One file's share of the summary (an unreadable file counts as an error). */
function countsOf(c: CheckedFile): Counts {
  let errors = c.error ? 1 : 0, warnings = 0;
  const count = (severity: string) => { if (severity === 'error') errors++; else if (severity === 'warning') warnings++; };
  for (const n of c.notes) count(n.severity);
  const reports = c.doc ? c.doc.chunks : [];
  for (const r of reports) for (const f of r.findings) count(f.severity);
  return { reports: reports.length, errors, warnings, unreadable: !!c.error };
}

const sink = new Utf8Sink();
/** One file's entry of the JSON output, written straight from the parsed document into the sink; `,` first unless it is the first entry. */
function writeEntryJson(c: CheckedFile, lang: Lang, first: boolean): void {
  sink.ascii(first ? '{"path":' : ',{"path":');
  sink.text(JSON.stringify(c.path));
  sink.ascii(`,"encoding":${JSON.stringify(c.encoding)},`);
  if (c.doc) writeDocumentJsonMembers(c.doc, lang, sink);
  else { sink.ascii('"reports":[],"diagnostics":'); sink.text(JSON.stringify(c.notes)); }
  if (c.error) { sink.ascii(',"error":'); sink.text(JSON.stringify(c.error)); }
  sink.ascii('}');
}

/** Checks the file at place `index` of the output and writes its text or JSON to the sink (SARIF: returns the result). */
function render(file: string, index: number, job: RenderOptions): { counts: Counts; result?: FileResult } {
  const c = checkFileDocument(file, job.lang);
  const counts = countsOf(c);
  if (job.format === 'json') { writeEntryJson(c, job.lang, index === 0); return { counts }; }
  const r = fileResult(c, job.lang);
  if (job.format === 'sarif') return { counts, result: r };
  sink.text(entryText(r, job.lang, job.color));
  return { counts };
}

/** Checks and renders a batch of files, their output in one buffer (one hand-over between threads, and one write, per batch). */
export function renderBatch(batch: Job['batch'], job: RenderOptions): RenderedBatch {
  const entries: Entry[] = [];
  for (const { index, file } of batch) entries.push({ index, ...render(file, index, job) });
  return { entries, bytes: sink.take() };
}
