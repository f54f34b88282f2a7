import type { Lang } from '../../core/src';
import { checkFile, type FileResult } from './checkFile';
import { countsOf, entryJson, entryText, type Counts } from './format';

export type Format = 'text' | 'json' | 'sarif';

/** What the main thread asks of a worker: files, and how to render them. */
export interface Job { batch: { index: number; file: string }[]; lang: Lang; format: Format; color: boolean }

/**
 * One checked file, rendered where it was checked: text lines or the JSON entry as a string (cheap
 * to pass between threads, written out as is), or for SARIF the result itself.
 */
export interface Entry { counts: Counts; text?: string; result?: FileResult }

export function renderEntry(file: string, job: Omit<Job, 'batch'>): Entry {
  const r = checkFile(file, job.lang);
  const counts = countsOf(r);
  if (job.format === 'sarif') return { counts, result: r };
  return { counts, text: job.format === 'json' ? entryJson(r) : entryText(r, job.lang, job.color) };
}
