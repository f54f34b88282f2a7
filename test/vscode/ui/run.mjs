#!/usr/bin/env node
// Browser suite: a person's view of the extension in VS Code's UI (code-server + Debian chromium,
// driven by playwright-core). Opens a broken report, finds the error in the Problems panel, hovers
// the cell and reads the computed total, applies the preferred quick fix from the light bulb menu
// (Ctrl+.), and sees the Problems panel empty. A screenshot per step goes to test-results/vscode-ui/.
//
//   node test/vscode/ui/run.mjs [workspace folder]     (normally started by scripts/test-vscode.mjs)
//
// The extension is loaded as a development extension through the workbench's `payload` URL
// parameter (needs the server's enable-smoke-test-driver option, as in the extension-host suite).
// Prints `N passed, N failed`; exit status 1 if any step failed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startCodeServer, launchChromium, onInterrupt } from '../lib/code-server.mjs';
import { paths } from '../lib/paths.mjs';

const STEP_MS = 30_000;
const shots = path.join(paths.results, 'vscode-ui');
const extensionPath = path.resolve(process.env.NIANBAO_VSCODE_EXTENSION_PATH ?? paths.root);
const say = msg => console.log(msg);

let ws = process.argv[2] && path.resolve(process.argv[2]);
const runDir = process.env.NIANBAO_VSCODE_RUNDIR ?? path.join(paths.cache, `run-ui-${process.pid}`);
if (!ws) {
  ws = path.join(runDir, 'ws');
  fs.cpSync(paths.workspace, ws, { recursive: true });
}
const REPORT_REL = path.join('reports', 'broken-002.txt');
const reportFile = path.join(ws, REPORT_REL);
const originalFile = path.join(ws, 'seed-002.txt');

/** 1-based line of the （一）予以公开 row's total (the 7th number after the label), and its value. */
function grantedTotal(text) {
  const lines = text.split('\n');
  const label = lines.findIndex(l => /^\s*[（(]一[)）]\s*予以公[开開]/.test(l));
  let seen = 0;
  for (let i = label + 1; label >= 0 && i < lines.length; i++) {
    const m = /^(\s*)(\d+)\s*$/.exec(lines[i]);
    if (m && ++seen === 7) return { line: i + 1, column: m[1].length + 1, value: m[2] };
  }
  throw new Error('no （一）予以公开 total in the report');
}

const results = [];
async function step(name, fn, page) {
  const t = Date.now();
  if (results.some(r => r.state === 'failed')) {
    results.push({ title: name, state: 'failed', error: 'not run: an earlier step failed' });
    say(`  ✘ ${name} (not run: an earlier step failed)`);
    return;
  }
  try {
    await fn();
    results.push({ title: name, state: 'passed', ms: Date.now() - t });
    say(`  ✔ ${name} (${Date.now() - t} ms)`);
  } catch (e) {
    results.push({ title: name, state: 'failed', error: e.message });
    say(`  ✘ ${name}\n      ${String(e.message).split('\n').join('\n      ')}`);
    try { await page?.screenshot({ path: path.join(shots, `failed-${results.length}.png`) }); } catch { /* page gone */ }
  }
}

function summary() {
  const passed = results.filter(r => r.state === 'passed').length;
  const failed = results.filter(r => r.state === 'failed').length;
  say(`${passed} passed, ${failed} failed`);
  if (process.env.NIANBAO_VSCODE_RESULTS) {
    fs.mkdirSync(path.dirname(process.env.NIANBAO_VSCODE_RESULTS), { recursive: true });
    fs.writeFileSync(process.env.NIANBAO_VSCODE_RESULTS, JSON.stringify({ suite: 'ui', complete: true, passed, failed, tests: results }, null, 2));
  }
  return failed > 0 || passed === 0 ? 1 : 0;
}

async function main() {
  fs.rmSync(shots, { recursive: true, force: true });
  fs.mkdirSync(shots, { recursive: true });
  const cell = grantedTotal(fs.readFileSync(reportFile, 'utf8'));
  const expected = grantedTotal(fs.readFileSync(originalFile, 'utf8')).value;

  let cs, browser;
  const cleanup = async () => {
    try { await browser?.close(); } catch { /* gone */ }
    await cs?.stop();
  };
  onInterrupt(cleanup);
  const t0 = Date.now();
  try {
    cs = await startCodeServer({
      userDataDir: path.join(runDir, 'ud'),
      extensionsDir: path.join(runDir, 'exts'),
      extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    });
    say(`[ui] code-server (pid ${cs.proc.pid}) up on ${cs.host} after ${cs.startMs} ms`);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    if (process.env.NIANBAO_VSCODE_VERBOSE) page.on('console', m => say(`[browser] ${m.text()}`));
    const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://${cs.host}${extensionPath}`]]);
    await page.goto(`http://${cs.host}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();

    const markers = page.locator('.markers-panel .monaco-list-row');
    /** Quick Open ":line:column" puts the editor's cursor on the broken cell. */
    const goToCell = async () => {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor();
      await input.fill(`:${cell.line}:${cell.column}`);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: String(cell.line) }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      await page.locator('.monaco-editor.focused').waitFor();
    };
    let problemText = '';

    await step('open the broken report: the error shows in the Problems panel', async () => {
      // Quick Open (Ctrl+P) the file
      await page.locator('.monaco-workbench .part.editor').click({ position: { x: 200, y: 200 } });
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor();
      await input.fill('broken-002.txt');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'broken-002.txt' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-lines').first().waitFor();
      await page.locator('.tabs-container .tab.active', { hasText: 'broken-002.txt' }).waitFor();
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor();
      const row = markers.filter({ hasText: /row-sum|column-sum/ }).first();
      await row.waitFor();
      problemText = (await row.innerText()).replace(/\s+/g, ' ');
      say(`      Problems panel: ${problemText.slice(0, 160)}`);
      if (!/9/.test(problemText)) throw new Error(`the problem does not name the cell's value 9: ${problemText}`);
      await page.screenshot({ path: path.join(shots, '01-problems-panel.png') });
    }, page);

    await step(`hover the cell (line ${cell.line}) and read the computed total ${expected}`, async () => {
      // put the cursor on the cell, then move the mouse onto the digit
      await goToCell();
      const squiggle = page.locator('.monaco-editor .squiggly-error').first();
      await squiggle.waitFor();
      const cursor = page.locator('.monaco-editor .cursors-layer .cursor').first();
      const box = await cursor.boundingBox();
      if (!box) throw new Error('no cursor in the editor');
      // the language server's hover (a markdown part), not the diagnostic's own part of the same widget
      const hover = page.locator('.monaco-hover:not(.hidden) .markdown-hover .rendered-markdown');
      let text = '';
      for (let attempt = 0; attempt < 3 && !text; attempt++) {
        await page.mouse.move(box.x + 3 + attempt, box.y + box.height / 2);
        try {
          await hover.filter({ hasText: /=/ }).first().waitFor({ timeout: 5000 });
          text = (await hover.allInnerTexts()).join('\n');
        } catch { await page.mouse.move(box.x + 200, box.y - 100); }
      }
      if (!text) throw new Error('no hover appeared over the cell');
      say(`      hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
      await page.screenshot({ path: path.join(shots, '02-hover.png') });
      if (!new RegExp(`=\\s*${expected}(?![\\d.])`).test(text)) throw new Error(`the hover does not show the computed total "= ${expected}":\n${text}`);
    }, page);

    await step('Ctrl+. on the cell and apply the preferred quick fix', async () => {
      const menu = page.locator('.action-widget:not(.action-list-submenu-panel)');
      // The key can land while the editor is still taking focus back (after the hover, the go-to-line
      // box): press it again, up to three times, before calling the menu missing.
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Escape');
        await goToCell();
        await page.keyboard.press('Control+.');
        try { await menu.waitFor({ timeout: 8000 }); break; } catch (e) {
          if (attempt === 3) throw e;
          say(`      (no light bulb menu after Ctrl+. — attempt ${attempt}; pressing it again)`);
        }
      }
      const items = menu.locator('.monaco-list-row.action:not(.disabled)');
      await items.first().waitFor();
      const titles = (await items.allInnerTexts()).map(t => t.trim());
      say(`      light bulb menu: ${titles.join(' | ')}`);
      await page.screenshot({ path: path.join(shots, '03-quick-fix-menu.png') });
      // VS Code lists the preferred quick fix first (codeActionsComparator); it must write the expected value
      const first = titles[0] ?? '';
      if (!first.includes(expected)) throw new Error(`the first (preferred) fix does not write ${expected}: "${first}"`);
      await items.first().click();
      await menu.waitFor({ state: 'hidden' });
    }, page);

    await step('the Problems panel is empty and the saved file equals the original', async () => {
      await markers.filter({ hasText: /row-sum|column-sum/ }).first().waitFor({ state: 'detached' });
      await page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'detached' });
      await page.screenshot({ path: path.join(shots, '04-problems-empty.png') });
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
      const saved = fs.readFileSync(reportFile, 'utf8');
      if (saved !== fs.readFileSync(originalFile, 'utf8')) throw new Error('after the fix and a save, the file differs from seed 002');
    }, page);

    // The table view: opened from the command palette beside the editor, a click on a cell selects
    // it in the text, an edit in the text turns the cell red in the view.
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const viewCell = view.locator('td.cell[data-key="requests.granted.total"]');
    await step('Show Table View: the grids beside the editor hold the report\'s values', async () => {
      await page.keyboard.press('Escape');
      await goToCell();
      await page.keyboard.press('Control+Shift+P');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor();
      await input.fill('>Nianbao: Show Table View');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Show Table View' }).first().waitFor();
      await page.keyboard.press('Enter');
      await viewCell.waitFor();
      const shown = (await viewCell.innerText()).trim();
      say(`      table view: 予以公开·总计 shows ${shown}; ${await view.locator('td.cell').count()} cells`);
      if (shown !== expected) throw new Error(`the view shows ${shown} for 予以公开·总计, not ${expected}`);
      await page.screenshot({ path: path.join(shots, '05-table-view.png') });
    }, page);

    await step('a click on a cell in the view selects it in the text', async () => {
      await viewCell.click();
      // The editor draws the selection (focus stays in the view): one selected span, on the cell's line.
      const sel = page.locator('.monaco-editor .view-overlays .selected-text').first();
      await sel.waitFor();
      const lineBox = await page.locator('.monaco-editor .margin .line-numbers', { hasText: new RegExp(`^${cell.line}$`) }).first().boundingBox();
      const selBox = await sel.boundingBox();
      if (!lineBox || !selBox || Math.abs((lineBox.y + lineBox.height / 2) - (selBox.y + selBox.height / 2)) > lineBox.height) throw new Error(`the selection is not on line ${cell.line}`);
      say(`      selection drawn on line ${cell.line} after the click`);
      await page.screenshot({ path: path.join(shots, '06-table-view-click.png') });
    }, page);

    await step('keyboard: arrow keys move between cells in the view, Enter reveals the cell', async () => {
      await viewCell.focus();
      await page.keyboard.press('ArrowLeft');
      const left = view.locator('td.cell.selected[data-key="requests.granted.otherOrg"]');
      await left.waitFor();
      await page.keyboard.press('ArrowUp');
      await view.locator('td.cell.selected[data-key="requests.carried.otherOrg"]').waitFor();
      await page.keyboard.press('ArrowDown');
      await left.waitFor();
      await page.keyboard.press('Enter');
      // Enter selects the 其他 cell of the （一）予以公开 row in the text, one line per cell: the line before 总计.
      const sel = page.locator('.monaco-editor .view-overlays .selected-text').first();
      await page.waitForFunction(([line]) => {
        const nums = [...document.querySelectorAll('.monaco-editor .margin .line-numbers')];
        const s = document.querySelector('.monaco-editor .view-overlays .selected-text');
        if (!s) return false;
        const y = s.getBoundingClientRect().top;
        const n = nums.find(e => Math.abs(e.getBoundingClientRect().top - y) < 4);
        return !!n && Number(n.textContent) < line;
      }, [cell.line]);
      say(`      keyboard: ← ↑ ↓ moved the selection, Enter selected ${await sel.count()} span in the text`);
    }, page);

    await step('an edit in the text: the view redraws the cell red with its expected value', async () => {
      // Focus back in the editor (keys typed in the view stay in the view), then onto the cell.
      await page.locator('.tabs-container .tab', { hasText: 'broken-002.txt' }).first().click();
      await page.locator('.monaco-editor.focused').waitFor();
      await goToCell();
      await page.keyboard.press('Shift+End');
      await page.keyboard.type('9');
      await view.locator('td.cell.wrong[data-key="requests.granted.total"]').waitFor();
      const text = (await viewCell.innerText()).replace(/\s+/g, ' ');
      say(`      after the edit the view shows: ${text}`);
      if (!/should be 7|应为 7/.test(text)) throw new Error(`no expected value in the wrong cell: ${text}`);
      await page.screenshot({ path: path.join(shots, '07-table-view-edit.png') });
      await page.keyboard.press('Control+Z');
    }, page);
  } catch (e) {
    say(`[ui] harness error: ${e.stack ?? e}`);
    if (!results.length) results.push({ title: 'browser suite setup', state: 'failed', error: e.message });
  } finally {
    await cleanup();
    if (!process.env.NIANBAO_VSCODE_RUNDIR && !process.env.NIANBAO_VSCODE_KEEP) fs.rmSync(runDir, { recursive: true, force: true });
  }
  say(`[ui] screenshots in ${path.relative(paths.root, shots)}${os.EOL}[ui] browser suite took ${Date.now() - t0} ms`);
  return summary();
}

process.exitCode = await main();
