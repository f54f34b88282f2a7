import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RULES } from '../../core/src';
import { ConfigError, clearConfigCache, configFor, isIgnored, parseConfig } from '../../config/projectConfig';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'nianbao-config-'));

describe('project configuration (.nianbaorc.json, `nianbao` in package.json)', () => {
  afterEach(clearConfigCache);

  it('is found from the file\'s folder upwards; the nearest one applies', () => {
    const root = tmp();
    mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(root, '.nianbaorc.json'), JSON.stringify({ rules: { 'blank-cell': 'off' }, template: '2019' }));
    writeFileSync(path.join(root, 'a', 'b', 'package.json'), JSON.stringify({ name: 'x', nianbao: { rules: { 'row-sum': 'warning' } } }));
    const top = configFor(path.join(root, 'a', 'r.txt'));
    assert.equal(top.file, path.join(root, '.nianbaorc.json'));
    assert.deepEqual(top.rules, { 'blank-cell': 'off' });
    assert.equal(top.template, '2019');
    const near = configFor(path.join(root, 'a', 'b', 'r.txt'));
    assert.equal(near.file, path.join(root, 'a', 'b', 'package.json'));
    assert.deepEqual(near.rules, { 'row-sum': 'warning' });
  });

  it('a package.json without `nianbao` is passed by', () => {
    const root = tmp();
    mkdirSync(path.join(root, 'p'));
    writeFileSync(path.join(root, '.nianbaorc'), JSON.stringify({ rules: { 'report-date': 'off' } }));
    writeFileSync(path.join(root, 'p', 'package.json'), JSON.stringify({ name: 'y' }));
    assert.equal(configFor(path.join(root, 'p', 'r.txt')).file, path.join(root, '.nianbaorc'));
  });

  it('says what is wrong with a broken one, naming the file', () => {
    assert.throws(() => parseConfig({ rules: { rowsum: 'off' } }, 'f.json'), (e: Error) => e instanceof ConfigError && /f\.json: unknown rule "rowsum"/.test(e.message));
    assert.throws(() => parseConfig({ rules: { 'row-sum': 'fatal' } }, 'f.json'), /severity must be one of error, warning, information, hint, off/);
    assert.throws(() => parseConfig({ template: '2020' }, 'f.json'), /"template" must be/);
    assert.throws(() => parseConfig({ ignored: [] }, 'f.json'), /unknown option "ignored"/);
    assert.throws(() => parseConfig({ reportUnusedDisableDirectives: 'loud' }, 'f.json'), /"reportUnusedDisableDirectives" must be/);
    assert.deepEqual([true, 'warn', 'error', false].map(v => parseConfig({ reportUnusedDisableDirectives: v }, 'f.json').reportUnusedDisableDirectives), ['warning', 'warning', 'error', 'off']);
    const root = tmp();
    writeFileSync(path.join(root, '.nianbaorc.json'), '{ "rules": ');
    assert.throws(() => configFor(path.join(root, 'r.txt')), ConfigError);
  });

  it('its ignore patterns are relative to its folder', () => {
    const root = tmp();
    writeFileSync(path.join(root, '.nianbaorc.json'), JSON.stringify({ ignore: ['archive/', '*.draft.txt'] }));
    const c = configFor(path.join(root, 'r.txt'));
    assert.ok(isIgnored(c, path.join(root, 'archive', '2019', 'r.txt')));
    assert.ok(isIgnored(c, path.join(root, 'x', 'a.draft.txt')));
    assert.ok(!isIgnored(c, path.join(root, 'x', 'a.txt')));
  });

  it('the JSON schema VS Code completes it with names every rule', () => {
    const schema = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'schemas', 'nianbaorc.schema.json'), 'utf8'));
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), RULES.map(r => r.code).sort(), 'run node scripts/gen-config-schema.mjs');
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.ok(pkg.contributes.jsonValidation.some((v: { url: string }) => v.url === './schemas/nianbaorc.schema.json'));
  });
});
