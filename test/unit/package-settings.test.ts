import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../core/src';

const root = path.join(__dirname, '..', '..');
const json = (f: string) => JSON.parse(readFileSync(path.join(root, f), 'utf8'));
const pkg = json('package.json');
const en: Record<string, string> = json('package.nls.json');
const zh: Record<string, string> = json('package.nls.zh-cn.json');
const props: Record<string, { description?: string; properties?: Record<string, { enum: string[]; description: string }>; additionalProperties?: unknown; default?: unknown }> = pkg.contributes.configuration.properties;
const nlsKey = (s: string) => /^%(.+)%$/.exec(s)?.[1];

describe('package.json settings', () => {
  it('nianbao.severity has one property per rule of RULES (core/src/rules.ts), each an enum with the rule\'s summary in zh and en', () => {
    const sev = props['nianbao.severity'];
    assert.deepEqual(Object.keys(sev.properties!), RULES.map(r => r.code), 'out of date: run npx tsx scripts/gen-settings.ts');
    assert.equal(sev.additionalProperties, false, 'an unknown rule code is flagged in settings.json');
    for (const r of RULES) {
      const p = sev.properties![r.code];
      assert.deepEqual(p.enum, ['error', 'warning', 'information', 'hint', 'off'], r.code);
      const key = nlsKey(p.description)!;
      assert.equal(en[key], r.summary.en, r.code);
      assert.equal(zh[key], r.summary.zh, r.code);
    }
  });

  it('nianbao.maxFileSize is in MB and nianbao.messageLanguage is auto, zh-CN or en', () => {
    assert.equal(props['nianbao.maxFileSize'].default, 20);
    assert.match(en[nlsKey(props['nianbao.maxFileSize'].description!)!], /\bMB\b/);
    const lang = props['nianbao.messageLanguage'] as unknown as { enum: string[]; default: string };
    assert.deepEqual(lang.enum, ['auto', 'zh-CN', 'en']);
    assert.equal(lang.default, 'auto');
  });

  it('every setting is findable by a Chinese word: its zh description holds 年报, and those on totals and formats 合计 and 模板', () => {
    for (const [name, p] of Object.entries(props)) {
      const key = nlsKey(p.description ?? '');
      assert.ok(key && zh[key] && en[key], `${name}: a localised description in both bundles`);
      assert.match(zh[key], /年报|年度报告/, name);
    }
    assert.match(zh[nlsKey(props['nianbao.template'].description!)!], /模板/);
    assert.match(zh[nlsKey(props['nianbao.inlayHints.allTotals'].description!)!], /合计/);
    assert.match(zh[nlsKey(props['nianbao.severity'].description!)!], /合计/);
  });

  it('every %key% of package.json is in both nls bundles', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);
    assert.ok(keys.length > 20);
    for (const k of keys) { assert.ok(k in en, `package.nls.json: ${k}`); assert.ok(k in zh, `package.nls.zh-cn.json: ${k}`); }
  });

  it('the marketplace description is localised: Chinese in zh-cn, English otherwise', () => {
    assert.equal(pkg.description, '%description%');
    assert.match(zh.description, /政府信息公开工作年度报告/);
    assert.match(en.description, /annual reports/);
  });
});

describe('package.json: first run and editor defaults', () => {
  const root = require('node:path').join(__dirname, '..', '..');
  const fs = require('node:fs');
  const pkg = JSON.parse(fs.readFileSync(`${root}/package.json`, 'utf8'));
  it('every %key% is in both string tables, and the walkthrough\'s pages exist', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([\w.-]+)%"/g)].map(m => m[1]);
    for (const f of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(fs.readFileSync(`${root}/${f}`, 'utf8'));
      const missing = keys.filter(k => !(k in nls));
      if (missing.length) throw new Error(`${f} lacks ${missing.join(', ')}`);
    }
    const steps = pkg.contributes.walkthroughs[0].steps;
    if (steps.length !== 4) throw new Error('four steps');
    for (const s of steps) if (!fs.existsSync(`${root}/${s.media.markdown}`)) throw new Error(`missing ${s.media.markdown}`);
  });
  it('[nianbao] files: no boxes around NBSP and U+2002 (web reports are full of them), word wrap on', () => {
    const d = pkg.contributes.configurationDefaults['[nianbao]'];
    if (d['editor.unicodeHighlight.invisibleCharacters'] !== false || d['editor.unicodeHighlight.ambiguousCharacters'] !== false || d['editor.wordWrap'] !== 'on') throw new Error(JSON.stringify(d));
  });
});

describe('package.json: the icon', () => {
  const root = path.join(__dirname, '..', '..');
  it('is media/icon.png, a 128×128 PNG (made from media/icon.svg by scripts/gen-icon.mjs), and .vscodeignore packages it', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.icon, 'media/icon.png');
    const png = readFileSync(path.join(root, pkg.icon));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the PNG signature');
    assert.equal(png.toString('latin1', 12, 16), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    const allowed = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').filter(l => l.startsWith('!')).map(l => l.slice(1).trim());
    assert.ok(allowed.includes(pkg.icon), `.vscodeignore lets ${pkg.icon} in`);
  });
});
