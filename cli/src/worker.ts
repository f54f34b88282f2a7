import { parentPort } from 'node:worker_threads';
import { checkFile } from './checkFile';

/** Worker thread: checks the files it is sent, one message per file, in any order. */
parentPort?.on('message', (m: { index: number; file: string; lang: 'zh-CN' | 'en' } | null) => {
  if (m === null) { process.exit(0); }
  parentPort!.postMessage({ index: m.index, result: checkFile(m.file, m.lang) });
});
