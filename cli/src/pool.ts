import os from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { checkFile, type FileResult } from './checkFile';
import type { Lang } from '../../core/src';

/**
 * Checks files on all cores: worker threads pull the next file as they finish one, so a large
 * file does not hold up the rest. Results come back in input order. Few files run in-process.
 */
export interface JsonEntry { json: string; counts: { reports: number; errors: number; warnings: number }; error?: string }
export async function checkAll(files: string[], lang: Lang, onDone: (n: number) => void, jobs = os.availableParallelism?.() ?? os.cpus().length, json = false): Promise<(FileResult | JsonEntry)[]> {
  const results: (FileResult | JsonEntry)[] = new Array(files.length);
  const BATCH = 8;
  const workerFile = path.join(__dirname, 'check-worker.js');
  if (files.length < 16 || jobs < 2 || !existsSync(workerFile)) {
    files.forEach((f, i) => { results[i] = checkFile(f, lang); onDone(i + 1); });
    return results;
  }
  let next = 0, done = 0;
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(workerFile);
    const feed = () => {
      if (next >= files.length) { w.postMessage(null); return; }
      const batch = [];
      for (let k = 0; k < BATCH && next < files.length; k++, next++) batch.push({ index: next, file: files[next] });
      w.postMessage({ batch, lang, json });
    };
    w.on('message', (ms: any[]) => { for (const m of ms) { results[m.index] = m.json !== undefined ? { json: m.json, counts: m.counts, error: m.error } : m.result; done++; } onDone(done); feed(); });
    w.on('error', reject);
    w.on('exit', () => resolve());
    feed();
  })));
  return results;
}
