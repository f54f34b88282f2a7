import { parentPort } from 'node:worker_threads';
import { renderBatch, type Job } from './entries';

/**
 * Worker thread: checks the batches of files it is sent and sends back each batch's output already
 * UTF-8, in one buffer handed over without a copy: the main thread only writes bytes out.
 */
parentPort?.on('message', (m: Job | null) => {
  if (m === null) process.exit(0);
  const out = renderBatch(m.batch, m);
  parentPort!.postMessage(out, [out.bytes.buffer as ArrayBuffer]);
});
