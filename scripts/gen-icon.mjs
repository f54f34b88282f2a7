// Renders media/icon.svg to media/icon.png (128×128, the marketplace icon: package.json `icon`) with
// resvg. Run after changing the SVG: node scripts/gen-icon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const at = p => fileURLToPath(new URL(`../${p}`, import.meta.url));
const png = new Resvg(readFileSync(at('media/icon.svg')), { fitTo: { mode: 'width', value: 128 } }).render().asPng();
writeFileSync(at('media/icon.png'), png);
console.log(`media/icon.png: ${png.length} bytes`);
