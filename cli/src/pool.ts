import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { renderEntry, type Entry, type Job, type RenderedBatch, type RenderOptions } from './entries';

const BATCH = 8;

/**
 * Checks files on all cores: worker threads pull the next batch as they finish one, so a large file
 * does not hold up the rest. `onEntry` gets the entries in input order, each as soon as it and all
 * before it are done — so output streams and memory stays flat however many files there are.
 * Few files run in-process.
 */
export async function checkAll(files: string[], job: RenderOptions, onEntry: (e: Entry, index: number) => void | Promise<void>, jobs = os.availableParallelism?.() ?? os.cpus().length): Promise<void> {
  const workerFile = path.join(__dirname, 'check-worker.js');
  if (files.length < 16 || jobs < 2 || !existsSync(workerFile)) {
    for (let i = 0; i < files.length; i++) await onEntry(renderEntry(files[i], i, job), i);
    return;
  }
  const waiting = new Map<number, Entry>();
  let next = 0, written = 0;
  let flushing: Promise<void> = Promise.resolve();
  const flush = async () => {
    while (waiting.has(written)) { const e = waiting.get(written)!; waiting.delete(written); await onEntry(e, written++); }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, Math.ceil(files.length / BATCH)) }, () => new Promise<void>((resolve, reject) => {
    // A larger young generation: a check allocates its report model and most of it survives the
    // first scavenges (it is kept until the entry is written), so the default small one copies it over and over.
    const w = new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    const feed = () => {
      if (next >= files.length) { w.postMessage(null); return; }
      const batch: Job['batch'] = [];
      for (let k = 0; k < BATCH && next < files.length; k++, next++) batch.push({ index: next, file: files[next] });
      w.postMessage({ ...job, batch } satisfies Job);
    };
    w.on('message', ({ entries, ends, bytes }: RenderedBatch) => {
      entries.forEach((e, k) => waiting.set(e.index, e.result ? e : { ...e, bytes: bytes.subarray(k ? ends[k - 1] : 0, ends[k]) }));
      flushing = flushing.then(flush);
      feed();
    });
    w.on('error', reject);
    w.on('exit', () => resolve());
    feed();
  })));
  await flushing;
}
