#!/usr/bin/env node
// Writes schemas/nianbaorc.schema.json (the project configuration's JSON schema, contributed to
// VS Code with jsonValidation) from the rule list of the built core: `node esbuild.mjs && node scripts/gen-config-schema.mjs`.
// test/unit/config.test.ts fails when the schema and RULES disagree.
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { RULES } = require('../dist/core.js');
const severity = { type: 'string', enum: ['error', 'warning', 'information', 'hint', 'off'] };
const rules = Object.fromEntries(RULES.map(r => [r.code, { ...severity, description: `${r.summary.en} — ${r.summary.zh} (default: ${r.severity})` }]));
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Nianbao project configuration (.nianbaorc.json) 年报检查配置',
  type: 'object', additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    rules: { description: 'Severity per rule code; off turns a rule off. 按规则代码设置级别。Editor settings (nianbao.severity) and --rule override these.', type: 'object', additionalProperties: false, properties: rules },
    template: { description: 'Read the tables as this format whatever their headers say (auto: detect). 模板', type: 'string', enum: ['auto', '2021', '2019'] },
    reportUnusedDisableDirectives: { description: 'Report inline disable comments (nianbao-disable…) that suppress nothing, as ESLint does (true: warn). 报告未起作用的行内关闭指令。The CLI\'s --report-unused-disable-directives[-severity] and the editor setting override it.', enum: ['off', 'warn', 'warning', 'error', true, false] },
    ignore: { description: ".gitignore-style patterns, relative to this file's folder, of files not to check. 忽略的文件", type: 'array', items: { type: 'string' } },
  },
};
fs.writeFileSync(new URL('../schemas/nianbaorc.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
