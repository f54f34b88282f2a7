import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { renderBatch, type Job, type JobFile, type RenderedBatch, type RenderOptions } from './entries';

/** Files per batch: a worker's output comes back, and is written out, a batch at a time. */
const BATCH = 8;
/** Batches a worker holds at once: it starts the next while the main thread takes in the last, so it never waits for work. */
const AHEAD = 2;

/**
 * Checks files on all cores: worker threads pull the next batch as they finish one, so a large file
 * does not hold up the rest. `onBatch` gets the batches in input order, each as soon as it and all
 * before it are done — so output streams and memory stays flat however many files there are.
 * Few files run in-process, one file to a batch.
 */
export async function checkAll(files: JobFile[], job: RenderOptions, onBatch: (b: RenderedBatch) => void | Promise<void>, jobs = os.availableParallelism?.() ?? os.cpus().length): Promise<void> {
  const workerFile = path.join(__dirname, 'check-worker.js');
  if (files.length < 16 || jobs < 2 || !existsSync(workerFile)) {
    for (let i = 0; i < files.length; i++) await onBatch(renderBatch([{ index: i, ...files[i] }], job));
    return;
  }
  // Done batches by the index of their first file, until every file before them is written.
  const waiting = new Map<number, RenderedBatch>();
  let next = 0, written = 0;
  let flushing: Promise<void> = Promise.resolve();
  const flush = async () => {
    for (let b = waiting.get(written); b; b = waiting.get(written)) { waiting.delete(written); written += b.entries.length; await onBatch(b); }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, Math.ceil(files.length / BATCH)) }, () => new Promise<void>((resolve, reject) => {
    // A larger young generation: a check allocates its report model and most of it survives the
    // first scavenges (it is kept until the entry is written), so the default small one copies it over and over.
    const w = new Worker(workerFile, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    let held = 0;
    const feed = () => {
      for (; held < AHEAD && next < files.length; held++) {
        const batch: Job['batch'] = [];
        for (let k = 0; k < BATCH && next < files.length; k++, next++) batch.push({ index: next, ...files[next] });
        w.postMessage({ ...job, batch } satisfies Job);
      }
      if (held === 0) w.postMessage(null);
    };
    w.on('message', (b: RenderedBatch) => {
      held--;
      waiting.set(b.entries[0].index, b);
      flushing = flushing.then(flush);
      feed();
    });
    w.on('error', reject);
    w.on('exit', () => resolve());
    feed();
  })));
  await flushing;
}
