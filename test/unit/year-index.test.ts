import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { clearConfigCache } from '../../config/projectConfig';
import { YearIndex } from '../../server/src/yearIndex';
import { fixturePath } from '../support/fixtures';

/** The server's index of the workspace's reports by body and year (server/src/yearIndex.ts), on real2 reports. */
const real2 = (name: string) => readFileSync(fixturePath('real2', name), 'utf8');
const KEY_2024 = '莆田市城市管理局\u00002024', KEY_2025 = '莆田市城市管理局\u00002025';

describe('server: the index of last year\'s reports (YearIndex)', () => {
  afterEach(clearConfigCache);

  it('finds a body\'s report by year; leaves out ignored files, dot folders, files over the size limit and those past the cap', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-index-'));
    for (const sub of ['a', 'b', 'old', '.hidden']) mkdirSync(path.join(dir, sub));
    writeFileSync(path.join(dir, '.nianbaorc.json'), JSON.stringify({ ignore: ['old/'] }));
    writeFileSync(path.join(dir, 'a', '2024.txt'), real2('putian-208.txt'));
    writeFileSync(path.join(dir, 'old', '2024.txt'), real2('putian-208.txt'));
    writeFileSync(path.join(dir, '.hidden', '2024.txt'), real2('putian-208.txt'));
    writeFileSync(path.join(dir, 'b', '2025.txt'), real2('putian-207.txt'));
    const index = new YearIndex(() => [dir], () => 20 * 1024 * 1024);
    assert.deepEqual(await index.filesWith(KEY_2024), [path.join(dir, 'a', '2024.txt')]);
    assert.deepEqual(index.filesNow(KEY_2025), [path.join(dir, 'b', '2025.txt')]);
    assert.equal(index.size, 2);

    const small = new YearIndex(() => [dir], () => 1000);
    assert.deepEqual(await small.filesWith(KEY_2024), [], 'over the size limit');
    const capped = new YearIndex(() => [dir], () => 20 * 1024 * 1024, 1);
    await capped.filesWith(KEY_2024);
    assert.equal(capped.size, 1, 'at most the cap');
  });

  it('update: a file changed or deleted on disk is read again, and says which keys it had and has', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-index-'));
    const file = path.join(dir, 'r.txt');
    writeFileSync(file, real2('putian-208.txt'));
    const index = new YearIndex(() => [dir], () => 20 * 1024 * 1024);
    assert.deepEqual(await index.filesWith(KEY_2024), [file]);
    writeFileSync(file, real2('putian-207.txt'));
    assert.deepEqual((await index.update(file, false)).sort(), [KEY_2024, KEY_2025].sort());
    assert.deepEqual(index.filesNow(KEY_2024), []);
    assert.deepEqual(index.filesNow(KEY_2025), [file]);
    assert.deepEqual(await index.update(file, true), [KEY_2025]);
    assert.equal(index.size, 0);
    assert.deepEqual(await index.update(path.join(os.tmpdir(), 'elsewhere.txt'), false), [], 'outside the folders: not indexed');
  });
});
