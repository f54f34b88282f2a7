#!/usr/bin/env node
// Copies the README's screenshots from the browser suite's last run (`npm run test:vscode` writes
// test-results/vscode-ui/ in English and test-results/vscode-ui-zh-cn/ in Chinese) into
// media/screenshots/<language>/, by the step's name without its number (`03-hover.png` → `hover.png`),
// so a step added to the suite does not change the README's images.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The steps whose screenshots the README shows: all of them in the Chinese part, three in the English one. */
const WANTED = {
  'zh-cn': { from: 'vscode-ui-zh-cn', names: ['problems-headline', 'hover', 'quick-fix-menu', 'table-view-edit', 'table-view-html', 'status-bar', 'walkthrough'] },
  en: { from: 'vscode-ui', names: ['problems-headline', 'hover', 'table-view-edit'] },
};

const missing = [];
for (const [lang, { from, names }] of Object.entries(WANTED)) {
  const dir = path.join(root, 'test-results', from);
  const to = path.join(root, 'media', 'screenshots', lang);
  const shots = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  fs.mkdirSync(to, { recursive: true });
  for (const name of names) {
    const file = shots.find(f => f.replace(/^\d+-/, '') === `${name}.png`);
    if (!file) { missing.push(`${from}/${name}`); continue; }
    fs.copyFileSync(path.join(dir, file), path.join(to, `${name}.png`));
    console.log(`test-results/${from}/${file} → media/screenshots/${lang}/${name}.png`);
  }
}
if (missing.length) {
  console.error(`not in test-results/: ${missing.join(', ')} (run npm run test:vscode first)`);
  process.exit(1);
}
