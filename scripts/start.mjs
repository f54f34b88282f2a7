// `npm start`: check the bundled sample reports with the freshly built CLI and print the findings.
// samples/with-mistakes.txt and samples/draft-2024.md hold mistakes on purpose, so errors are expected;
// this script exits 0 when the checker ran, and non-zero only when it could not.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'check', '--no-progress', ...process.argv.slice(2), path.join(root, 'samples')], { stdio: 'inherit' });
if (r.status === 1) console.log('\n(samples/with-mistakes.txt and samples/draft-2024.md contain deliberate mistakes: the errors above are expected.)');
process.exit(r.status === 0 || r.status === 1 ? 0 : r.status ?? 2);
