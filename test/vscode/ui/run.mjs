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
import { createRequire } from 'node:module';
import { startCodeServer, launchChromium, onInterrupt } from '../lib/code-server.mjs';
import { paths } from '../lib/paths.mjs';

const STEP_MS = 30_000;
// NIANBAO_VSCODE_UI_LOCALE=zh-cn: the same steps with VS Code's display language zh-cn (the
// extension's strings, its commands' titles and the checker's messages in Chinese; the workbench
// itself stays English: no language pack can be installed here). Screenshots in vscode-ui-zh-cn/.
const locale = process.env.NIANBAO_VSCODE_UI_LOCALE?.toLowerCase() || undefined;
const zh = !!locale?.startsWith('zh');
const shots = path.join(paths.results, locale ? `vscode-ui-${locale}` : 'vscode-ui');
const extensionPath = path.resolve(process.env.NIANBAO_VSCODE_EXTENSION_PATH ?? paths.root);
const say = msg => console.log(msg);
let shotCount = 0;
/**
 * A numbered screenshot (01-name.png, 02-…) of the page or of one element. An element that does not
 * hold still (a hover re-laid out under a loaded machine) is shot with the page around it instead:
 * the screenshot documents the step, the step's assertions decide it.
 */
const shot = async (target, name) => {
  const file = path.join(shots, `${String(++shotCount).padStart(2, '0')}-${name}.png`);
  if (typeof target.page !== 'function') return target.screenshot({ path: file });
  try { await target.screenshot({ path: file, timeout: 5000 }); } catch { await target.page().screenshot({ path: file }); }
};
const pkg = JSON.parse(fs.readFileSync(path.join(paths.root, 'package.json'), 'utf8'));
const readJson = f => JSON.parse(fs.readFileSync(path.join(paths.root, f), 'utf8'));
/** The extension's strings in this run's language: package.json's (%key%) and the client's (vscode.l10n). */
const nls = readJson(zh ? 'package.nls.zh-cn.json' : 'package.nls.json');
const l10n = readJson(zh ? 'l10n/bundle.l10n.zh-cn.json' : 'l10n/bundle.l10n.json');
const l10nText = (key, ...args) => l10n[key].replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));

let ws = process.argv[2] && path.resolve(process.argv[2]);
const runDir = process.env.NIANBAO_VSCODE_RUNDIR ?? path.join(paths.cache, `run-ui-${process.pid}`);
if (!ws) {
  ws = path.join(runDir, 'ws');
  fs.cpSync(paths.workspace, ws, { recursive: true });
}
const REPORT_REL = path.join('reports', 'broken-002.txt');
// An HTML report as Word saves it (the table view and the status on a non-text layout).
const HTML_NAME = 'word-spans.html';
fs.mkdirSync(path.join(ws, 'html'), { recursive: true });
fs.copyFileSync(path.join(paths.root, 'test', 'fixtures', 'html', HTML_NAME), path.join(ws, 'html', HTML_NAME));
// The walkthrough opened by its id, as a user's keybinding would: workbench.action.openWalkthrough <publisher.name#id>.
const WALKTHROUGH = pkg.contributes.walkthroughs[0];
const walkthroughId = `${pkg.publisher}.${pkg.name}#${WALKTHROUGH.id}`;
const nlsText = key => nls[key.replace(/^%|%$/g, '')];
/** A command's title in the command palette: `Nianbao: 显示表格`. */
const paletteTitle = id => {
  const c = pkg.contributes.commands.find(x => x.command === id);
  return `${c.category}: ${nlsText(c.title)}`;
};
/** The core as built in dist/ (the same reading of a file the extension makes): key, kind and value of every cell. */
const { ReportDocument } = createRequire(import.meta.url)(path.join(paths.root, 'dist', 'core.js'));
const firstReport = text => ReportDocument.parse(text).reports()[0].report;
const cellsOf = text => [...firstReport(text).cells.values()].map(c => `${c.key} ${c.kind} ${c.value}`);
const reportFile = path.join(ws, REPORT_REL);
const originalFile = path.join(ws, 'seed-002.txt');

// Sticky scroll and Fold All on seed 002 (one cell per line, 636 lines), as the core outlines it:
// 1-based lines of the report's title, of each section's heading, and of each table's range.
const { documentSymbols, LineIndex } = createRequire(import.meta.url)(path.join(paths.root, 'dist', 'core.js'));
const OUTLINE_FILE = 'seed-002.txt';
const outline = (() => {
  const text = fs.readFileSync(originalFile, 'utf8'), li = new LineIndex(text), lines = text.split('\n');
  const line = offset => li.lineOf(offset) + 1;
  const [report] = documentSymbols(ReportDocument.parse(text), 'zh');
  const sections = report.children.map(s => ({ line: line(s.selStart), text: lines[line(s.selStart) - 1].trim(), tables: s.children }));
  const tables = sections.flatMap(s => s.tables.map(t => ({ section: s, start: line(t.start), end: line(t.end) })));
  return { lines, title: { line: line(report.selStart), text: lines[line(report.selStart) - 1].trim() }, sections, tables };
})();
/** A line deep inside each table (past its middle), and the keys that bring it to the top of the editor. */
const deepLines = outline.tables.map((t, i) => ({ ...t, line: Math.round(t.start + (t.end - t.start) * 0.6), key: `ctrl+alt+${i + 1}` }));

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
  fs.mkdirSync(path.join(runDir, 'ud', 'User'), { recursive: true });
  fs.writeFileSync(path.join(runDir, 'ud', 'User', 'keybindings.json'),
    JSON.stringify([
      { key: 'ctrl+alt+w', command: 'workbench.action.openWalkthrough', args: walkthroughId },
      // revealLine takes a 0-based line number
      ...deepLines.map(d => ({ key: d.key, command: 'revealLine', args: { lineNumber: d.line - 1, at: 'top' }, when: 'editorTextFocus' })),
    ], null, 2) + '\n');
  const cleanup = async () => {
    try { await browser?.close(); } catch { /* gone */ }
    await cs?.stop();
  };
  onInterrupt(cleanup);
  const t0 = Date.now();
  try {
    cs = await startCodeServer({
      locale,
      userDataDir: path.join(runDir, 'ud'),
      extensionsDir: path.join(runDir, 'exts'),
      // sticky scroll on (editor.stickyScroll.defaultModel left at its default, outlineModel: the document symbols)
      settings: { 'editor.stickyScroll.enabled': true },
      extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    });
    say(`[ui] code-server (pid ${cs.proc.pid}) up on ${cs.host} after ${cs.startMs} ms${locale ? `, locale ${locale}` : ''}`);
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
    /** Quick Open (Ctrl+P) a workspace file by name; resolves once its tab is the active one. */
    const openFile = async name => {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor();
      await input.fill(name);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    };
    /** Runs a command from the command palette by its title (`Nianbao: Format Table`); `opensPicker`: it asks in a second quick pick. */
    const runCommand = async (title, { opensPicker = false } = {}) => {
      // A command shown only for some languages (its `when` clause) can be missing while the editor
      // is still taking focus: close the palette and open it again, up to three times.
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+Shift+P');
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor();
        await input.fill(`>${title}`);
        try {
          await page.locator('.quick-input-widget .monaco-list-row', { hasText: title.replace(/^[^:]*: /, '') }).first().waitFor({ timeout: 8000 });
          break;
        } catch (e) {
          if (attempt === 3) throw e;
          say(`      (no "${title}" in the command palette — attempt ${attempt}; opening it again)`);
          await page.keyboard.press('Escape');
          await page.locator('.monaco-editor.focused').waitFor({ timeout: 3000 }).catch(() => undefined);
        }
      }
      await page.keyboard.press('Enter');
      if (!opensPicker) await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    };
    /** Resolves once the editor draws a selection on the 1-based `line` (on any of its wrapped rows). */
    const selectionOn = line => page.waitForFunction(([l]) => {
      const s = document.querySelector('.monaco-editor .view-overlays .selected-text');
      if (!s) return false;
      const y = s.getBoundingClientRect().top + 1;
      // the number of the last numbered row at or above the selection (wrapped rows carry no number)
      const above = [...document.querySelectorAll('.monaco-editor .margin .line-numbers')]
        .filter(e => e.textContent.trim() && e.getBoundingClientRect().top <= y)
        .sort((a, b) => b.getBoundingClientRect().top - a.getBoundingClientRect().top)[0];
      return above?.textContent.trim() === String(l);
    }, [line]);
    let problemText = '';

    await step('open the broken report: the error shows in the Problems panel', async () => {
      // Quick Open (Ctrl+P) the file
      await page.locator('.monaco-workbench .part.editor').click({ position: { x: 200, y: 200 } });
      await openFile('broken-002.txt');
      await page.locator('.monaco-editor .view-lines').first().waitFor();
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').waitFor();
      const row = markers.filter({ hasText: /row-sum|column-sum/ }).first();
      await row.waitFor();
      problemText = (await row.innerText()).replace(/\s+/g, ' ');
      say(`      Problems panel: ${problemText.slice(0, 160)}`);
      if (!/9/.test(problemText)) throw new Error(`the problem does not name the cell's value 9: ${problemText}`);
      await shot(page, 'problems-panel');
    }, page);

    await step('the headline of the error fits one line in the Problems panel (not cut off, one row)', async () => {
      const row = markers.filter({ hasText: /row-sum|column-sum/ }).first();
      const m = await row.evaluate(r => {
        const msg = r.querySelector('.marker-message'), line = r.querySelector('.marker-message-line');
        const other = [...r.parentElement.querySelectorAll('.monaco-list-row')].find(x => x !== r);
        return {
          text: msg.textContent, msgScroll: msg.scrollWidth, msgClient: msg.clientWidth,
          lineScroll: line.scrollWidth, lineClient: line.clientWidth,
          rowH: r.getBoundingClientRect().height, msgH: msg.getBoundingClientRect().height,
          lineH: parseFloat(getComputedStyle(msg).lineHeight), otherRowH: other?.getBoundingClientRect().height,
        };
      });
      say(`      headline "${m.text}": ${m.msgScroll} px of text in ${m.msgClient} px; row ${m.rowH} px (a file row ${m.otherRowH} px)`);
      if (!m.text.trim() || /\n/.test(m.text)) throw new Error(`the headline is empty or spans lines: ${JSON.stringify(m.text)}`);
      if (m.msgScroll > m.msgClient) throw new Error(`the headline is cut off: ${m.msgScroll} px of text in ${m.msgClient} px`);
      if (m.lineScroll > m.lineClient) throw new Error(`the row (headline, source, code, position) is cut off: ${m.lineScroll} px in ${m.lineClient} px`);
      if (m.msgH > m.lineH * 1.5 || (m.otherRowH && m.rowH > m.otherRowH)) throw new Error(`the headline takes more than one row: ${m.msgH} px (line height ${m.lineH} px), row ${m.rowH} px`);
      await shot(page.locator('.markers-panel'), 'problems-headline');
    }, page);

    // the language server's hover (a markdown part), not the diagnostic's own part of the same widget
    const hover = page.locator('.monaco-hover:not(.hidden) .markdown-hover .rendered-markdown');
    const hoverWidget = page.locator('.monaco-hover:not(.hidden)', { has: page.locator('.markdown-hover', { hasText: /=/ }) }).first();
    /** Puts the cursor on the cell, moves the mouse onto the digit and returns the hover's text. */
    const hoverCell = async () => {
      await goToCell();
      const squiggle = page.locator('.monaco-editor .squiggly-error').first();
      await squiggle.waitFor();
      const cursor = page.locator('.monaco-editor .cursors-layer .cursor').first();
      const box = await cursor.boundingBox();
      if (!box) throw new Error('no cursor in the editor');
      for (let attempt = 0; attempt < 4; attempt++) {
        await page.mouse.move(box.x + 3 + attempt, box.y + box.height / 2);
        try {
          await hover.filter({ hasText: /=/ }).first().waitFor({ timeout: 5000 });
          // The widget can close between the wait and the read (a loaded machine re-lays it out):
          // a read that comes back without the total counts as no hover, and the mouse tries again.
          const text = (await hover.allInnerTexts()).join('\n');
          if (/=/.test(text)) return text;
        } catch { /* no hover within 5 s */ }
        await page.mouse.move(box.x + 200, box.y - 100);
      }
      throw new Error('no hover appeared over the cell');
    };
    await step(`hover the cell (line ${cell.line}) and read the computed total ${expected}`, async () => {
      const text = await hoverCell();
      say(`      hover: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
      await shot(page, 'hover');
      if (!new RegExp(`=\\s*${expected}(?![\\d.])`).test(text)) throw new Error(`the hover does not show the computed total "= ${expected}":\n${text}`);
    }, page);

    await step('the hover fits without scrolling (no vertical scrollbar)', async () => {
      const widget = hoverWidget;
      const measure = () => widget.evaluate(w => {
        const c = w.querySelector('.monaco-hover-content');
        return c ? { scroll: c.scrollHeight, client: c.clientHeight, max: getComputedStyle(c).maxHeight, lines: c.innerText.split('\n').filter(Boolean).length } : null;
      }).catch(() => null);
      // Still shown from the step before, or shown again: a hover can close on its own, or be caught
      // re-rendering (no height yet). Measure once it is laid out with its content, within a deadline.
      let m = null;
      for (let tries = 0, deadline = Date.now() + 15000; ; tries++) {
        // Hidden, or still without its layout after 2 s: hover the cell again.
        if (!(await widget.isVisible()) || (tries > 0 && tries % 20 === 0)) { await page.keyboard.press('Escape'); await hoverCell(); }
        m = await measure();
        if (m && m.client > 0 && m.lines > 1) break;
        if (Date.now() > deadline) break;
        await page.waitForTimeout(100);
      }
      if (!m) throw new Error('the hover has no content');
      say(`      hover: ${m.lines} lines, ${m.scroll} px of content in ${m.client} px (max-height ${m.max})`);
      if (m.client === 0) throw new Error('the hover has no height');
      if (m.scroll > m.client) throw new Error(`the hover scrolls: ${m.scroll} px of content in ${m.client} px`);
      await shot(widget, 'hover-fits');
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
      await shot(page, 'quick-fix-menu');
      // VS Code lists the preferred quick fix first (codeActionsComparator); it must write the expected value
      const first = titles[0] ?? '';
      if (!first.includes(expected)) throw new Error(`the first (preferred) fix does not write ${expected}: "${first}"`);
      await items.first().click();
      await menu.waitFor({ state: 'hidden' });
    }, page);

    await step('the Problems panel is empty and the saved file equals the original', async () => {
      await markers.filter({ hasText: /row-sum|column-sum/ }).first().waitFor({ state: 'detached' });
      await page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'detached' });
      await shot(page, 'problems-empty');
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
      const saved = fs.readFileSync(reportFile, 'utf8');
      if (saved !== fs.readFileSync(originalFile, 'utf8')) throw new Error('after the fix and a save, the file differs from seed 002');
    }, page);

    await step('the language status: year, format and counts, its popup, pinned to the status bar', async () => {
      const r = firstReport(fs.readFileSync(reportFile, 'utf8'));
      const label = l10nText('{0} report · {1} format · errors {2} · warnings {3}', r.year, r.template, 0, 0);
      const item = page.locator('#status\\.languageStatus');
      await item.waitFor();
      await page.waitForFunction(([l]) => (document.querySelector('#status\\.languageStatus')?.getAttribute('aria-label') ?? '').includes(l), [label]);
      await item.click();
      const popup = page.locator('.hover-language-status', { hasText: label }).first();
      await popup.waitFor();
      say(`      popup: ${(await popup.innerText()).replace(/\s+/g, ' ').slice(0, 160)}`);
      if (!(await popup.locator('a', { hasText: l10nText('Show Table View') }).count())) throw new Error(`the status item offers no "${l10nText('Show Table View')}" command`);
      await shot(page, 'language-status');
      await popup.locator('.codicon-pin').click();
      const pinned = page.locator('.part.statusbar .statusbar-item', { hasText: label });
      await pinned.waitFor();
      await page.keyboard.press('Escape');
      say(`      pinned to the status bar: ${(await pinned.innerText()).trim()}`);
      await shot(page.locator('.part.statusbar'), 'status-bar');
    }, page);

    // The table view: opened from the command palette beside the editor, a click on a cell selects
    // it in the text, an edit in the text turns the cell red in the view.
    const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const viewCell = view.locator('td.cell[data-key="requests.granted.total"]');
    await step('Show Table View: the grids beside the editor hold the report\'s values', async () => {
      await page.keyboard.press('Escape');
      await goToCell();
      await runCommand(paletteTitle('nianbao.showTableView'));
      await viewCell.waitFor();
      const shown = (await viewCell.innerText()).trim();
      say(`      table view: 予以公开·总计 shows ${shown}; ${await view.locator('td.cell').count()} cells`);
      if (shown !== expected) throw new Error(`the view shows ${shown} for 予以公开·总计, not ${expected}`);
      await shot(page, 'table-view');
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
      await shot(page, 'table-view-click');
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
      await shot(page, 'table-view-edit');
      await page.keyboard.press('Control+Z');
    }, page);

    await step('Format Table from the command palette on the one-cell-per-line report: every cell of the file reads the same', async () => {
      await view.locator('td.cell[data-key="requests.granted.total"]:not(.wrong)').waitFor();
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
      const before = fs.readFileSync(reportFile, 'utf8');
      await goToCell();
      await runCommand(paletteTitle('nianbao.formatTable'));
      await page.locator('.tabs-container .tab.active.dirty').waitFor();
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
      const after = fs.readFileSync(reportFile, 'utf8');
      const [b, a] = [cellsOf(before), cellsOf(after)];
      const changed = b.filter((c, i) => c !== a[i]);
      say(`      ${before.split('\n').length} → ${after.split('\n').length} lines; ${b.length} cells, ${changed.length} read differently`);
      if (b.length < 100 || a.length !== b.length || changed.length) throw new Error(`cells changed by Format Table: ${changed.slice(0, 5).join('; ')} (${b.length} → ${a.length} cells)`);
      const rowLine = after.split('\n').findIndex(l => /^\| （一）予以公开 +\|( +\d+ \|){7}$/.test(l)) + 1;
      if (!rowLine) throw new Error('no aligned pipe row for （一）予以公开 in the formatted file');
      // The view follows the rewritten text: a click on the total selects it on the new pipe row.
      await viewCell.click();
      await selectionOn(rowLine);
      say(`      the view's 予以公开·总计 now selects line ${rowLine}: ${after.split('\n')[rowLine - 1]}`);
      // For the screenshot, as one would read a wide table: the editor group maximised (Ctrl+K Ctrl+M),
      // word wrap (on by default for nianbao) off (Alt+Z), the table's first rows at the top.
      await page.locator('.tabs-container .tab', { hasText: 'broken-002.txt' }).first().click();
      await page.locator('.monaco-editor.focused').waitFor();
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+M');
      await page.keyboard.press('Alt+Z');
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget .quick-input-box input').fill(`:${Math.max(1, rowLine - 6)}`);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      await page.mouse.move(5, 5);
      await shot(page, 'format-table');
      await page.keyboard.press('Alt+Z');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+M');
    }, page);

    await step(`the table view on an HTML report (${HTML_NAME}, Word's web page): every figure as the file reads`, async () => {
      await page.locator('.tabs-container .tab', { hasText: 'broken-002.txt' }).first().click();
      await openFile(HTML_NAME);
      await page.locator('.monaco-editor.focused').waitFor();
      await runCommand(paletteTitle('nianbao.showTableView'));
      const newRow = ['natural', 'business', 'research', 'nonprofit', 'legal', 'otherOrg', 'total'];
      await view.locator('td.cell[data-key="requests.new.total"]', { hasText: /^271/ }).waitFor();
      const shown = new Map(await view.locator('td.cell[data-key]').evaluateAll(tds =>
        tds.map(td => [td.dataset.key, td.firstChild?.nodeType === 3 ? td.firstChild.textContent : td.textContent])));
      const numbers = [...firstReport(fs.readFileSync(path.join(ws, 'html', HTML_NAME), 'utf8')).cells.values()].filter(c => c.kind === 'number');
      const wrong = numbers.filter(c => shown.get(c.key) !== c.value);
      const row = newRow.map(k => shown.get(`requests.new.${k}`)).join(' ');
      say(`      ${shown.size} cells drawn; ${numbers.length} numbers, ${wrong.length} differ from the file; 本年新收: ${row}`);
      if (row !== '250 15 0 3 2 1 271') throw new Error(`本年新收 reads ${row}, not 250 15 0 3 2 1 271`);
      if (numbers.length < 100 || wrong.length) throw new Error(`figures differ: ${wrong.slice(0, 5).map(c => `${c.key} ${shown.get(c.key)} ≠ ${c.value}`).join('; ')}`);
      // For the screenshot: the panel closed (Ctrl+J; it lists the HTML language's own CSS warnings)
      // and the view's group expanded (a double click on its tab) so its grids are seen whole.
      await page.locator('.tabs-container .tab', { hasText: HTML_NAME }).first().click();
      await page.keyboard.press('Control+J');
      await page.locator('.part.panel').waitFor({ state: 'hidden' });
      const viewTab = page.locator('.tabs-container .tab[data-resource-name^="webview-nianbao.tableView"]');
      const before = (await viewTab.boundingBox())?.x ?? 0;
      await viewTab.dblclick();
      await page.waitForFunction(([x]) => (document.querySelector('.tabs-container .tab[data-resource-name^="webview-nianbao.tableView"]')?.getBoundingClientRect().x ?? x) < x - 200, [before]);
      await page.mouse.move(5, 5);
      await shot(page, 'table-view-html');
      await viewTab.dblclick();
    }, page);

    await step(`the walkthrough (${walkthroughId}) opens with its title and four steps`, async () => {
      await page.locator('.tabs-container .tab', { hasText: HTML_NAME }).first().click();
      await page.locator('.monaco-editor.focused').waitFor();
      // all editors closed (Ctrl+K Ctrl+W; nothing is unsaved), so the walkthrough has the window
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+W');
      await page.locator('.tabs-container .tab').first().waitFor({ state: 'detached' });
      await page.keyboard.press('Control+Alt+W');
      const title = nlsText(WALKTHROUGH.title);
      const page1 = page.locator('.gettingStartedContainer');
      await page1.locator('h2', { hasText: title }).first().waitFor();
      const steps = WALKTHROUGH.steps.map(st => nlsText(st.title));
      for (const t of steps) await page1.locator('.getting-started-step', { hasText: t }).first().waitFor();
      // the first step's page (its markdown, drawn in a webview beside the steps)
      const heading = fs.readFileSync(path.join(paths.root, WALKTHROUGH.steps[0].media.markdown), 'utf8').match(/^# (.+)$/m)[1];
      await page.frameLocator('.gettingStartedContainer iframe.webview.ready').frameLocator('#active-frame').locator('h1', { hasText: heading }).waitFor();
      say(`      "${title}": ${steps.join(' · ')}; the first step's page: ${heading}`);
      await shot(page, 'walkthrough');
    }, page);

    await step('the walkthrough from the command palette, as the README says: Welcome: Open Walkthrough... lists it', async () => {
      const title = nlsText(WALKTHROUGH.title);
      await page.keyboard.press('Control+W'); // the Welcome tab
      await page.locator('.gettingStartedContainer').waitFor({ state: 'detached' });
      await runCommand('Welcome: Open Walkthrough...', { opensPicker: true });
      const item = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
      await item.waitFor();
      await item.click();
      await page.locator('.gettingStartedContainer h2', { hasText: title }).first().waitFor();
    }, page);

    // Sticky scroll and Fold All on seed 002 (VS Code's default sticky model, outlineModel: the
    // document symbols; the folding ranges are its fallback and Fold All's regions).
    /** What the active editor draws: the sticky widget's lines and the visible lines, each with its line number. */
    const editorView = () => page.evaluate(() => {
      const ed = document.querySelector('.part.editor .monaco-editor.focused') ?? document.querySelector('.part.editor .monaco-editor');
      const text = e => e.textContent.replace(/\u00a0/g, ' ').trim();
      const byTop = els => [...els].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      const rows = (numbers, contents) => {
        const ns = byTop(numbers).map(text), cs = byTop(contents);
        return cs.map((e, i) => ({ line: Number(ns[i]), text: text(e) }));
      };
      // the first line drawn below the sticky widget (the first line one reads under the header)
      const widget = ed.querySelector('.sticky-widget');
      const bottom = widget && widget.getBoundingClientRect().height > 0 ? widget.getBoundingClientRect().bottom : ed.querySelector('.view-lines').getBoundingClientRect().top;
      const numbers = byTop(ed.querySelectorAll('.margin-view-overlays .line-numbers'));
      const under = numbers.find(e => e.getBoundingClientRect().top >= bottom - 1 && text(e));
      return {
        sticky: rows(ed.querySelectorAll('.sticky-widget .sticky-line-number-inner'), ed.querySelectorAll('.sticky-widget .sticky-line-content')),
        lines: rows(numbers, ed.querySelectorAll('.view-lines .view-line')),
        under: under ? Number(text(under)) : 0,
      };
    });
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    const listLines = rows => rows.map(r => `${r.line}: ${r.text.slice(0, 40)}`).join(' | ');
    /** Waits (up to `ms`) until `check(view)` holds; throws `describe(view)` with what the editor drew otherwise. */
    const untilView = async (check, describe, ms = 10_000) => {
      const deadline = Date.now() + ms;
      let v = await editorView();
      while (!check(v)) {
        if (Date.now() > deadline) throw new Error(describe(v));
        await page.waitForTimeout(100); // polling the DOM (the sticky widget redraws 300 ms after a scroll)
        v = await editorView();
      }
      return v;
    };

    await step(`open ${OUTLINE_FILE} with sticky scroll on`, async () => {
      // the walkthrough closed (its tab's close button: keys would go to its page), the editor area focused
      await page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first().locator('.tab-actions .action-label').click();
      await page.locator('.gettingStartedContainer').waitFor({ state: 'detached' });
      await page.locator('.monaco-workbench .part.editor').click({ position: { x: 200, y: 200 } });
      await openFile(OUTLINE_FILE);
      await page.locator('.monaco-editor.focused').waitFor();
      // the extension switches the plain-text file to its language (the status bar's language mode)
      await page.locator('#status\\.editor\\.mode', { hasText: 'Nianbao' }).waitFor();
    }, page);

    for (const [i, d] of deepLines.entries()) {
      const expected = [outline.title, { line: d.section.line, text: d.section.text }];
      await step(`sticky scroll: line ${d.line}, deep in table ${i + 1} (lines ${d.start}-${d.end}), under "${d.section.text}"`, async () => {
        // the line brought to the top by the run's keybinding (revealLine, at: 'top'), pressed again
        // while the outline is still coming (the language switch, the server's first symbols)
        const deadline = Date.now() + 20_000;
        let v;
        for (;;) {
          await page.keyboard.press(d.key.replace('ctrl', 'Control').replace('alt', 'Alt'));
          try {
            // drawn once the line is at the top: the first line under the header at most 3 lines above it
            v = await untilView(x => x.under <= d.line && x.under >= d.line - 3 && same(x.sticky, expected),
              x => `sticky lines ${listLines(x.sticky) || '(none)'} over line ${x.under}`, 4000);
            break;
          } catch (e) {
            if (Date.now() > deadline) throw new Error(`over line ${d.line} the sticky header should be ${listLines(expected)}; it shows ${e.message}`);
          }
        }
        say(`      line ${d.line} at the top (the first line under the header: ${v.under}); sticky header: ${listLines(v.sticky)}`);
        await shot(page, `sticky-scroll-table-${i + 1}`);
      }, page);
    }

    await step('Fold All (Ctrl+K Ctrl+0) leaves the title and the six section headings; Unfold All (Ctrl+K Ctrl+J) brings the rows back', async () => {
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+0');
      const headings = outline.sections.map(s => s.line);
      // the line after the title (the preamble) and each table's second line, hidden
      const rows = [outline.title.line + 1, ...outline.tables.map(t => t.start + 1)];
      // every numbered line on screen a heading, the title or a line before the first section
      const v = await untilView(x => headings.every(h => x.lines.some(l => l.line === h)) && x.lines.every(l => l.line < headings[0] || headings.includes(l.line)),
        x => `after Fold All the editor shows ${listLines(x.lines)}; expected the headings on lines ${headings.join(', ')} and nothing else after line ${headings[0]}`);
      say(`      folded: ${listLines(v.lines)}`);
      const texts = outline.sections.map(s => v.lines.find(l => l.line === s.line)?.text);
      if (!same(texts, outline.sections.map(s => s.text))) throw new Error(`the headings read ${texts.join(' | ')}`);
      if (!v.lines.some(l => l.line === outline.title.line)) throw new Error(`the title (line ${outline.title.line}) is folded away: ${listLines(v.lines)}`);
      const shown = rows.filter(r => v.lines.some(l => l.line === r));
      if (shown.length) throw new Error(`table rows still shown under Fold All: lines ${shown.join(', ')}`);
      await page.mouse.move(5, 5);
      await shot(page, 'fold-all');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+J');
      const u = await untilView(x => x.lines.some(l => l.line === headings[0] + 1) && x.lines.length > headings.length + 2,
        x => `after Unfold All the editor shows ${listLines(x.lines)}`);
      say(`      unfolded: ${u.lines.length} lines on screen, ${listLines(u.lines.slice(0, 3))} …`);
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
