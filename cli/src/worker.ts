import { parentPort } from 'node:worker_threads';
import { renderEntry, type Job, type Rendered } from './entries';

const encoder = new TextEncoder();

/**
 * Worker thread: checks the batches of files it is sent and sends back each file's entry, its text
 * already UTF-8 in a buffer handed over without a copy: the main thread
 * only writes bytes out.
 */
parentPort?.on('message', (m: Job | null) => {
  if (m === null) process.exit(0);
  const out: Rendered[] = m.batch.map(({ index, file }) => {
    const { text, ...e } = renderEntry(file, index, m);
    return text === undefined ? { index, ...e } : { index, ...e, bytes: encoder.encode(text) };
  });
  parentPort!.postMessage(out, out.flatMap(e => (e.bytes ? [e.bytes.buffer as ArrayBuffer] : [])));
});
