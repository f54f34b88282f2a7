import { parentPort } from 'node:worker_threads';
import { renderEntry, type Job } from './entries';

/** Worker thread: checks the batches of files it is sent and sends back each file's rendered entry. */
parentPort?.on('message', (m: Job | null) => {
  if (m === null) process.exit(0);
  parentPort!.postMessage(m.batch.map(({ index, file }) => ({ index, ...renderEntry(file, m) })));
});
