import { parentPort } from 'node:worker_threads';
import { checkFile } from './checkFile';

/** Worker thread: checks the files it is sent, in batches; with `json`, sends each file's JSON entry as a string (cheap to pass) and its counts. */
parentPort?.on('message', (m: { batch: { index: number; file: string }[]; lang: 'zh-CN' | 'en'; json: boolean } | null) => {
  if (m === null) { process.exit(0); }
  const out = m.batch.map(({ index, file }) => {
    const r = checkFile(file, m.lang);
    if (!m.json) return { index, result: r };
    let errors = 0, warnings = 0;
    for (const d of r.diagnostics) { if (d.severity === 'error') errors++; else if (d.severity === 'warning') warnings++; }
    return { index, json: JSON.stringify({ path: r.path, encoding: r.encoding, reports: r.reports, diagnostics: r.diagnostics, ...(r.error ? { error: r.error } : {}) }),
      counts: { reports: r.reports.length, errors: errors + (r.error ? 1 : 0), warnings }, error: r.error };
  });
  parentPort!.postMessage(out);
});
