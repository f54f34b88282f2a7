// Writes the `nianbao.severity` settings schema — one property per rule of RULES (core/src/rules.ts),
// described by the rule's summary — into package.json, and the summaries into package.nls.json (en)
// and package.nls.zh-cn.json (zh). Run after adding or renaming a rule: npx tsx scripts/gen-settings.ts
// (test/unit/package-settings.test.ts fails until it has been run).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../core/src/rules';

const root = path.join(__dirname, '..');
const file = (f: string) => path.join(root, f);
const read = (f: string) => JSON.parse(readFileSync(file(f), 'utf8'));
const write = (f: string, v: unknown) => writeFileSync(file(f), JSON.stringify(v, null, 2) + '\n');
const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

const pkg = read('package.json');
const severity = pkg.contributes.configuration.properties['nianbao.severity'];
severity.properties = Object.fromEntries(RULES.map(r => [r.code, {
  type: 'string', enum: LEVELS, enumDescriptions: LEVELS.map(l => `%config.severity.${l}%`), description: `%rule.${r.code}%`,
}]));
severity.additionalProperties = false;
write('package.json', pkg);

for (const [f, lang] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh']] as const) {
  const nls: Record<string, string> = read(f);
  for (const k of Object.keys(nls)) if (k.startsWith('rule.') && !RULES.some(r => `rule.${r.code}` === k)) delete nls[k];
  for (const r of RULES) nls[`rule.${r.code}`] = r.summary[lang];
  write(f, nls);
}
console.log(`nianbao.severity: ${RULES.length} rules`);
