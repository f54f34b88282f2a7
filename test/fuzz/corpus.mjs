// The real reports the fuzzer mutates: test/fixtures/seeds, test/fixtures/real and the encoded copies;
// and the HTML pages (test/fixtures/real2, test/fixtures/html).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.join(HERE, '..', '..');
const FIX = path.join(ROOT, 'test', 'fixtures');

const read = (dir, ext = '.txt') => readdirSync(path.join(FIX, dir)).filter(f => f.endsWith(ext)).sort()
  .map(f => ({ name: `${dir}/${f}`, text: readFileSync(path.join(FIX, dir, f), 'utf8') }));

let cached = null;

/** Every real report (seeds first), the encoded files as bytes, and a token vocabulary taken from their lines. */
export function corpus() {
  if (cached) return cached;
  const seeds = read('seeds');
  const real = read('real');
  const docs = [...seeds, ...real];
  const encodings = readdirSync(path.join(FIX, 'encodings')).sort()
    .map(f => ({ name: `encodings/${f}`, bytes: new Uint8Array(readFileSync(path.join(FIX, 'encodings', f))) }));
  // Lines of the corpus that look like labels, headings or titles: the words the parser looks for.
  const lines = new Set();
  for (const d of docs) for (const l of d.text.split(/\r\n|\r|\n/)) {
    const t = l.trim().replace(/\s*\|\s*$/, '');
    if (t && t.length <= 40) lines.add(t);
  }
  const vocabulary = [...lines].sort();
  // Where the tables start in each report: windows that begin there keep the arithmetic interesting.
  const anchors = docs.map(d => {
    const out = [0];
    for (const w of ['二、', '三、', '四、', '本年新收', '予以公开', '总计', '行政复议']) {
      const i = d.text.indexOf(w);
      if (i > 0) out.push(d.text.lastIndexOf('\n', i) + 1);
    }
    return out;
  });
  // Published web pages: Word and WPS HTML, whole TRS site pages.
  const pages = [...read('real2', '.html'), ...read('html', '.html')];
  cached = { seeds, real, docs, encodings, vocabulary, anchors, pages };
  return cached;
}
