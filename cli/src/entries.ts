import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { writeDocumentJsonMembers, type Lang } from '../../core/src';
import { checkBytes, checkFileDocument, fileResult, readFileBytes, type CheckedFile, type CheckOptions, type FileResult } from './checkFile';
import { contentHash, type CachedEntry } from './cache';
import { entryGithub, entryText, type Counts, type Format } from './format';
import { Utf8Sink } from './utf8Sink';

/** How to check and render entries. */
export interface RenderOptions extends CheckOptions { format: Format; color: boolean; cache?: boolean }
/** One file to check, with what `--cache` knows of it. */
export interface JobFile { file: string; cached?: CachedEntry }
/** What the main thread asks of a worker: files, and how to render them. */
export interface Job extends RenderOptions { batch: (JobFile & { index: number })[] }

/**
 * One checked file's share of the summary, and for SARIF its result (the other outputs are written
 * as bytes); with `--cache`, what the cache is to keep of it.
 */
export interface Entry { index: number; counts: Counts; fixed: number; result?: FileResult; cache?: CachedEntry }
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
  for (const r of c.doc ? c.doc.chunks : []) for (const f of r.findings) count(f.severity);
  return { reports: c.reports ?? 0, errors, warnings, unreadable: !!c.error };
}

const sink = new Utf8Sink();
/** One file's entry of the JSON output, written straight from the parsed document into the sink; `,` first unless it is the first entry. */
/** `members` given: the file's reports and diagnostics as the cache kept them (UTF-8); `keep`: the members' bytes are returned. */
export function writeEntryJson(c: CheckedFile, lang: Lang, first: boolean, members?: Uint8Array, keep = false): Buffer | undefined {
  sink.ascii(first ? '{"path":' : ',{"path":');
  sink.text(JSON.stringify(c.path));
  sink.ascii(`,"encoding":${JSON.stringify(c.encoding)},`);
  const mark = keep ? sink.mark() : 0;
  if (members) sink.bytes(members);
  else if (c.doc) writeDocumentJsonMembers(c.doc, lang, sink);
  else { sink.ascii('"reports":[],"diagnostics":'); sink.text(JSON.stringify(c.notes)); }
  const kept = keep ? sink.since(mark) : undefined;
  if (c.error) { sink.ascii(',"error":'); sink.text(JSON.stringify(c.error)); }
  if (c.fixes) { sink.ascii(',"fixes":'); sink.text(JSON.stringify(c.fixes)); }
  sink.ascii('}');
  return kept;
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

/** A file the cache knows, rendered from what it kept. */
function renderCached(file: string, e: CachedEntry, index: number, job: RenderOptions): Omit<Entry, 'index'> {
  const c: CheckedFile = { path: file, encoding: e.encoding, guessed: e.guessed, doc: null, notes: e.diagnostics };
  const out = { counts: e.counts, fixed: 0, cache: e };
  if (job.format === 'json') { writeEntryJson(c, job.lang, index === 0, inflateRawSync(Buffer.from(e.json!, 'base64'))); return out; }
  const r = fileResult(c, job.lang);
  if (job.format === 'sarif') return { ...out, result: r };
  sink.text(job.format === 'github' ? entryGithub(r, job.lang) : entryText(r, job.lang, job.color));
  return out;
}

/**
 * `--cache`: a file whose bytes hash as the cache says (and, for the JSON output, whose JSON the
 * cache holds) is rendered from the cache, not checked; any other is checked, and what the cache
 * is to keep of it returned. An unreadable file is never cached.
 */
function renderThroughCache(f: JobFile & { index: number }, job: RenderOptions): Omit<Entry, 'index'> {
  const read = readFileBytes(f.file, job);
  if ('path' in read) return renderChecked(read, f.index, job);
  const hash = contentHash(read.bytes);
  const known = f.cached;
  if (known && known.hash === hash && (job.format !== 'json' || known.json !== undefined)) return renderCached(f.file, known, f.index, job);
  const c = checkBytes(f.file, read.bytes, job);
  const counts = countsOf(c);
  const entry: CachedEntry = { hash, counts, encoding: c.encoding, guessed: c.guessed, diagnostics: fileResult(c, job.lang).diagnostics };
  if (job.format === 'json') {
    entry.json = deflateRawSync(writeEntryJson(c, job.lang, f.index === 0, undefined, true)!).toString('base64');
    return { counts, fixed: 0, cache: entry };
  }
  return { ...renderChecked(c, f.index, job), cache: entry };
}

/** Checks and renders a batch of files, their output in one buffer (one hand-over between threads, and one write, per batch). */
export function renderBatch(batch: Job['batch'], job: RenderOptions): RenderedBatch {
  const entries: Entry[] = [];
  for (const f of batch) {
    entries.push({ index: f.index, ...(job.cache ? renderThroughCache(f, job) : renderChecked(checkFileDocument(f.file, job), f.index, job)) });
  }
  return { entries, bytes: sink.take() };
}

/** What the sink holds (for a file checked in the main thread: standard input). */
export const takeRendered = (): Uint8Array => sink.take();
