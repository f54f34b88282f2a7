// The table view's page script (the one script of the page, loaded with its nonce). It draws the
// bodies the extension posts, keeps the selected cell and scroll position (webview state), moves
// between cells with the arrow keys, and asks the extension to reveal a cell on a click or Enter.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));
  /** @type {{ selected: string | null, scrollY: number }} */
  const state = Object.assign({ selected: null, scrollY: 0 }, vscode.getState() || {});
  const save = () => vscode.setState(state);

  /** @param {string | null} key */
  const cellOf = key => (key ? /** @type {HTMLElement | null} */ (root.querySelector(`td.cell[data-key="${CSS.escape(key)}"]`)) : null);
  /** @param {HTMLElement} el */
  const findingsOf = el => (el.dataset.f ? el.dataset.f.split(' ') : []);

  /** Outlines the cells of the findings given (a failing relation's cells), and marks those findings in the list. */
  function outline(/** @type {string[]} */ ids) {
    root.querySelectorAll('.related').forEach(e => e.classList.remove('related'));
    root.querySelectorAll('li.finding.active').forEach(e => e.classList.remove('active'));
    if (!ids.length) return;
    root.querySelectorAll('td.cell[data-f]').forEach(e => { if (findingsOf(/** @type {HTMLElement} */ (e)).some(i => ids.includes(i))) e.classList.add('related'); });
    ids.forEach(i => root.querySelector(`li.finding[data-finding="${i}"]`)?.classList.add('active'));
  }

  /** Makes a cell the selected one: the only one in the tab order (roving tabindex). */
  function select(/** @type {string | null} */ key, focus = false) {
    root.querySelectorAll('td.cell.selected').forEach(e => { e.classList.remove('selected'); e.setAttribute('tabindex', '-1'); });
    const el = cellOf(key) || /** @type {HTMLElement | null} */ (root.querySelector('td.cell[data-key]'));
    if (!el) return;
    el.classList.add('selected');
    el.setAttribute('tabindex', '0');
    outline(findingsOf(el));
    if (focus) el.focus();
    state.selected = el.dataset.key || null;
    save();
  }

  function reveal(/** @type {string} */ key) { vscode.postMessage({ type: 'reveal', key }); }

  /** The cell in the row above or below whose middle is nearest to this cell's (rows have spans: found by position). */
  function vertical(/** @type {HTMLElement} */ el, /** @type {1 | -1} */ dir) {
    const rows = Array.from(el.closest('table')?.querySelectorAll('tr') ?? []).filter(r => r.querySelector('td.cell'));
    let i = rows.indexOf(/** @type {HTMLTableRowElement} */ (el.parentElement)) + dir;
    const box = el.getBoundingClientRect(), mid = box.left + box.width / 2;
    if (i < 0 || i >= rows.length) {
      // Past the table's edge: the next table's first or last row of cells.
      const tables = Array.from(root.querySelectorAll('table.grid'));
      const next = tables[tables.indexOf(/** @type {HTMLTableElement} */ (el.closest('table'))) + dir];
      const nextRows = Array.from(next?.querySelectorAll('tr') ?? []).filter(r => r.querySelector('td.cell'));
      const row = dir > 0 ? nextRows[0] : nextRows[nextRows.length - 1];
      return row ? nearest(row, mid) : null;
    }
    return nearest(rows[i], mid);
  }
  function nearest(/** @type {Element} */ row, /** @type {number} */ mid) {
    let best = null, bestD = Infinity;
    row.querySelectorAll('td.cell').forEach(c => { const b = c.getBoundingClientRect(); const d = Math.abs(b.left + b.width / 2 - mid); if (d < bestD) { bestD = d; best = c; } });
    return /** @type {HTMLElement | null} */ (best);
  }

  root.addEventListener('click', e => {
    const t = /** @type {HTMLElement} */ (e.target);
    const td = /** @type {HTMLElement | null} */ (t.closest('td.cell[data-key]'));
    if (td && td.dataset.key) { select(td.dataset.key, true); reveal(td.dataset.key); return; }
    const li = /** @type {HTMLElement | null} */ (t.closest('li.finding'));
    if (li && li.dataset.first) { select(li.dataset.first); outline([li.dataset.finding || '']); reveal(li.dataset.first); }
  });

  root.addEventListener('keydown', e => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (t.matches('li.finding') && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); t.click(); return; }
    const td = /** @type {HTMLElement | null} */ (t.closest('td.cell[data-key]'));
    if (!td) return;
    /** @type {HTMLElement | null} */
    let next = null;
    if (e.key === 'ArrowRight') next = /** @type {HTMLElement | null} */ (td.nextElementSibling?.matches('td.cell') ? td.nextElementSibling : null);
    else if (e.key === 'ArrowLeft') next = /** @type {HTMLElement | null} */ (td.previousElementSibling?.matches('td.cell') ? td.previousElementSibling : null);
    else if (e.key === 'ArrowDown') next = vertical(td, 1);
    else if (e.key === 'ArrowUp') next = vertical(td, -1);
    else if (e.key === 'Home') next = /** @type {HTMLElement | null} */ (td.parentElement?.querySelector('td.cell') ?? null);
    else if (e.key === 'End') { const all = td.parentElement?.querySelectorAll('td.cell'); next = all ? /** @type {HTMLElement} */ (all[all.length - 1]) : null; }
    else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); if (td.dataset.key) reveal(td.dataset.key); return; }
    else return;
    e.preventDefault();
    if (next && next.dataset.key) { select(next.dataset.key, true); next.scrollIntoView({ block: 'nearest', inline: 'nearest' }); }
  });

  /** The cell under the editor's cursor. */
  function cursor(/** @type {string | null} */ key) {
    root.querySelectorAll('td.cell.cursor').forEach(e => e.classList.remove('cursor'));
    const el = cellOf(key);
    if (!el) return;
    el.classList.add('cursor');
    if (!root.contains(document.activeElement) || document.activeElement === document.body) el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  window.addEventListener('message', e => {
    const m = e.data;
    if (m.type === 'body') {
      const hadFocus = root.contains(document.activeElement) && document.activeElement !== root;
      root.innerHTML = m.html;
      select(state.selected, hadFocus);
      cursor(m.cursor ?? null);
    } else if (m.type === 'cursor') cursor(m.key ?? null);
  });
  window.addEventListener('scroll', () => { state.scrollY = window.scrollY; save(); }, { passive: true });

  select(state.selected);
  window.scrollTo(0, state.scrollY);
  vscode.postMessage({ type: 'ready' });
})();
