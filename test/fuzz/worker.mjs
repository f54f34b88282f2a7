// A fuzz worker thread: runs the tasks run.mjs hands it (hostile inputs, random batches) on dist/core.js.
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { runHostile, runRandom } from './engine.mjs';

process.setSourceMapsEnabled(true);
const require = createRequire(import.meta.url);
const core = require(workerData.corePath);
const known = new Set(workerData.known ?? []);

parentPort.on('message', msg => {
  if (msg.type === 'known') { for (const s of msg.sigs) known.add(s); return; }
  if (msg.type !== 'task') return;
  const t = msg.task;
  const started = Date.now();
  try {
    const r = t.kind === 'hostile'
      ? runHostile(core, { names: t.names, big: true, budget: workerData.budget, known, rss: workerData.corePath })
      : runRandom(core, { numRuns: t.numRuns, seed: t.seed, budget: workerData.budget, known });
    parentPort.postMessage({ type: 'done', id: msg.id, stats: r.stats, failures: r.failures, ms: Date.now() - started });
  } catch (e) {
    parentPort.postMessage({ type: 'error', id: msg.id, error: String(e?.stack ?? e) });
  }
});
