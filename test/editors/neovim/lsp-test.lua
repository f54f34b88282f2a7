-- lsp-test.lua: Neovim's built-in LSP client against the Nianbao language server, headless.
--
-- nvim --headless --noplugin -i NONE -u test/editors/neovim/lsp-test.lua   (from the checkout)
--
-- Loads the configuration of docs/editors.md (nianbao.lua next to this file) with the server of
-- this checkout (node dist/cli.js lsp --stdio; build it first), then, as a user would: opens a
-- copy of seed 002 whose 予以公开·总计 reads 9 instead of 7, waits for vim.diagnostic, reads the
-- hover window at the cell, runs vim.lsp.buf.code_action() there and writes the file.
-- Prints `neovim: N passed, N failed` on stdout; exits non-zero when a test failed.
-- NIANBAO_NVIM_WAIT: milliseconds to wait for each answer of the server (default 60000).

local root = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h:h')
local wait_ms = tonumber(vim.env.NIANBAO_NVIM_WAIT or '') or 60000

vim.g.nianbao_cmd = { 'node', root .. '/dist/cli.js', 'lsp', '--stdio' }
dofile(root .. '/test/editors/neovim/nianbao.lua')

local function out(s) io.stdout:write(s, '\n') end

local function read(file)
  local f = assert(io.open(file, 'rb'))
  local s = f:read('*a')
  f:close()
  return s
end

local dir = vim.fn.tempname()
vim.fn.mkdir(dir, 'p')

local function write(name, text)
  local file = dir .. '/' .. name
  local f = assert(io.open(file, 'wb'))
  f:write(text)
  f:close()
  return file
end

local function files(...)
  local list = {}
  for _, g in ipairs({ ... }) do
    for _, f in ipairs(vim.fn.glob(root .. '/' .. g, false, true)) do table.insert(list, f) end
  end
  return list
end

--- Waits (running Neovim's event loop) until pred() returns a value; fails naming what.
local function wait_for(what, pred)
  local value
  local ok = vim.wait(wait_ms, function() value = pred(); return value ~= nil and value ~= false end, 20)
  if not ok then error(('timed out after %d ms waiting for %s'):format(wait_ms, what), 2) end
  return value
end

local function check(cond, msg, ...)
  if not cond then error(msg:format(...), 2) end
end

local function eq(got, want, what)
  if not vim.deep_equal(got, want) then
    error(('%s: expected %s, got %s'):format(what, vim.inspect(want), vim.inspect(got)), 2)
  end
end

-- ---- The report under test -----------------------------------------------------------------

local seed_file = files('test/fixtures/seeds/002_*.txt')[1]
local seed = read(seed_file)
-- Seed 002's 予以公开·总计 is on line 168, alone, from column 0 (the row's seventh figure).
local LINE, RIGHT, WRONG = 168, '7', '9'

local function broken_text()
  local lines = vim.split(seed, '\n', { plain = true })
  check(lines[LINE] == RIGHT, 'seed 002 line %d: expected %q, found %q', LINE, RIGHT, lines[LINE])
  lines[LINE] = WRONG
  return table.concat(lines, '\n')
end

local function open(file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  return vim.api.nvim_get_current_buf()
end

local function clients(buf)
  local list = {}
  for _, c in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(list, c) end
  return list
end

local function sum_errors(buf)
  return vim.tbl_filter(function(d)
    return d.severity == vim.diagnostic.severity.ERROR and (d.code == 'row-sum' or d.code == 'column-sum')
  end, vim.diagnostic.get(buf))
end

local function open_broken(name)
  local buf = open(write(name, broken_text()))
  wait_for('a row-sum error in vim.diagnostic', function() return #sum_errors(buf) > 0 end)
  return buf
end

local function floating_windows()
  return vim.tbl_filter(function(w) return vim.api.nvim_win_get_config(w).relative ~= '' end,
    vim.api.nvim_list_wins())
end

-- ---- Tests -----------------------------------------------------------------------------------

local tests = {}
local function test(name, fn) table.insert(tests, { name = name, fn = fn }) end

--- The filetype Neovim's detection gives file (FileType not fired: no server is started).
local function filetype_of(file, enc)
  vim.o.eventignore = 'FileType'
  local ok, err = pcall(vim.cmd, 'edit ' .. (enc and ('++enc=' .. enc .. ' ') or '') .. vim.fn.fnameescape(file))
  local ft = vim.bo.filetype
  vim.cmd('bwipeout!')
  vim.o.eventignore = ''
  assert(ok, err)
  return ft
end

test('01 report files only: every report in test/fixtures is nianbao, the repository\'s Markdown and sources are not', function()
  local reports = files('test/fixtures/seeds/*.txt', 'test/fixtures/real/*.txt', 'test/fixtures/real2/*.txt',
    'test/fixtures/html/*.html', 'test/fixtures/conventions/*.md',
    'test/fixtures/encodings/001-*.txt', 'test/fixtures/encodings/003-*.txt')
  local is_report = {}
  for _, f in ipairs(reports) do is_report[f] = true end
  local others = vim.tbl_filter(function(f) return not is_report[f] end,
    files('*.md', 'docs/*.md', 'test/fixtures/*.md', 'test/fixtures/*/*.md', 'core/src/*.ts', 'test/editors/neovim/*.lua'))
  check(#reports > 40, 'only %d reports found', #reports)
  check(#others > 15, 'only %d other files found', #others)
  local wrong = {}
  for _, f in ipairs(reports) do
    local ft = filetype_of(f)
    if ft ~= 'nianbao' then table.insert(wrong, f .. ': ' .. ft) end
  end
  for _, f in ipairs(others) do
    local ft = filetype_of(f)
    if ft == 'nianbao' then table.insert(wrong, f .. ': ' .. ft) end
  end
  eq(wrong, {}, 'files with the wrong filetype')
  eq(filetype_of(root .. '/README.md'), 'markdown', 'README.md')
  eq(filetype_of(root .. '/core/src/index.ts'), 'typescript', 'core/src/index.ts')
  -- GB 18030 is not guessed by the default 'fileencodings': read as such, it is a report too.
  eq(filetype_of(files('test/fixtures/encodings/000-gb18030.txt')[1], 'gb18030'), 'nianbao', 'the GB 18030 report')
  out(('  %d reports nianbao, %d other files not'):format(#reports, #others))
end)

test('02 the client attaches to reports only: one server for .txt reports and .nianbao files, none for notes and Markdown', function()
  local report = open(write('report.txt', seed))
  local ext = open(write('empty.nianbao', ''))
  local note = open(write('notes.txt', '会议纪要：本周讨论排期。\n总计 3 项。\n'))
  local md = open(write('README.md', read(root .. '/README.md')))
  eq(vim.bo[report].filetype, 'nianbao', 'report.txt filetype')
  eq(vim.bo[ext].filetype, 'nianbao', 'empty.nianbao filetype')
  eq(vim.bo[note].filetype, 'text', 'notes.txt filetype')
  eq(vim.bo[md].filetype, 'markdown', 'README.md filetype')
  local c = wait_for('the nianbao client to initialize', function()
    local cs = clients(report)
    return #cs == 1 and cs[1].initialized and cs[1] or nil
  end)
  eq(c.name, 'nianbao', 'client name')
  eq(c.config.get_language_id(report, vim.bo[report].filetype), 'nianbao', 'language id')
  eq(vim.tbl_map(function(x) return x.id end, clients(ext)), { c.id }, 'the .nianbao buffer\'s clients')
  eq(clients(note), {}, 'clients of notes.txt')
  eq(clients(md), {}, 'clients of README.md')
  eq(#vim.lsp.get_active_clients(), 1, 'running clients')
  for _, b in ipairs({ report, ext, note, md }) do vim.cmd('bwipeout! ' .. b) end
end)

test('03 diagnostic position and code: one row-sum error exactly on the cell, line 168, columns 0-1', function()
  local buf = open_broken('diagnostic-002.txt')
  local errs = sum_errors(buf)
  local d = errs[1]
  out('  diagnostic: ' .. d.message:gsub('\n', ' '))
  eq(#errs, 1, 'sum errors')
  eq(d.code, 'row-sum', 'code')
  eq({ d.lnum, d.col, d.end_lnum, d.end_col }, { LINE - 1, 0, LINE - 1, 1 }, 'range (0-based line, byte columns)')
  -- what the diagnostic covers in the buffer
  eq(vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, true)[1]:sub(d.col + 1, d.end_col), WRONG, 'text under it')
  check(d.message:find('予以公开', 1, true), 'message names the cell: %s', d.message)
  check(d.message:find(('应为 %s，表中为 %s'):format(RIGHT, WRONG), 1, true), 'message gives both figures: %s', d.message)
  vim.cmd('bwipeout! ' .. buf)
end)

test('04 hover shows the computed total: vim.lsp.buf.hover() at the cell opens a window naming 总计 = 7', function()
  local buf = open_broken('hover-002.txt')
  local d = sum_errors(buf)[1]
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  vim.lsp.buf.hover()
  local win = wait_for('the hover window', function() return floating_windows()[1] end)
  local text = table.concat(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false), '\n')
  out('  hover: ' .. text:gsub('%s+', ' '):sub(1, 200))
  check(text:find('总计', 1, true), 'hover names the total: %s', text)
  check(vim.regex([[\v\=\s*]] .. RIGHT .. [[(\D|$)]]):match_str(text), 'hover gives the computed total %s: %s', RIGHT, text)
  vim.api.nvim_win_close(win, true)
  vim.cmd('bwipeout! ' .. buf)
end)

test('05 the quick fix corrects the file: vim.lsp.buf.code_action(), the preferred fix chosen, written', function()
  local buf = open_broken('quickfix-002.txt')
  local d = sum_errors(buf)[1]
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local offered, chosen
  local select = vim.ui.select
  -- Answer the menu as a user picking the preferred fix would.
  vim.ui.select = function(items, opts, on_choice)
    offered = vim.tbl_map(opts.format_item, items)
    for _, item in ipairs(items) do
      if item[2].isPreferred then chosen = item[2].title; return on_choice(item) end
    end
    on_choice(nil)
  end
  local ok, err = pcall(function()
    vim.lsp.buf.code_action()
    wait_for('the fix in the buffer', function()
      return vim.api.nvim_buf_get_lines(buf, LINE - 1, LINE, true)[1] == RIGHT
    end)
  end)
  vim.ui.select = select
  assert(ok, err)
  out('  code actions offered: ' .. vim.inspect(offered) .. '; chosen: ' .. tostring(chosen))
  check(chosen and chosen:find(RIGHT, 1, true), 'a preferred fix writing %s was offered: %s', RIGHT, vim.inspect(offered))
  eq(table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, true), '\n'), seed, 'the buffer equals seed 002 again')
  vim.cmd('silent write')
  -- Seed 002 has no final newline; Neovim writes one ('fixendofline'). Nothing else differs.
  eq(read(vim.api.nvim_buf_get_name(buf)), seed .. '\n', 'the written file')
  wait_for('the row-sum error to clear', function() return #sum_errors(buf) == 0 end)
  vim.cmd('bwipeout! ' .. buf)
end)

--- A one-line report (pingtan-019: Chinese labels before each figure) with 予以公开·总计 set to 9:
--- the text and the byte column of that 9.
local function one_line_report()
  local text = read(files('test/fixtures/real/pingtan-019.txt')[1])
  local row = '（一）予以公开 0 0 0 0 0 0 '
  local s, e = text:find(row .. '0', 1, true)
  check(s, 'pingtan-019 has no %q', row)
  local bad = text:sub(1, e - 1) .. WRONG .. text:sub(e + 1)
  local line_start = bad:sub(1, e):match('.*\n()') or 1
  return bad, e - line_start, select(2, bad:sub(1, e):gsub('\n', ''))
end

--- Opens text under a non-report name (so the FileType autocmd attaches nothing) with a client of
--- its own, started with `extra` merged into the start_client config.
local function open_with_client(name, text, extra)
  local buf = open(write(name, text))
  local id = vim.lsp.start_client(vim.tbl_extend('force', {
    name = 'nianbao-' .. name, cmd = vim.g.nianbao_cmd, root_dir = dir,
    get_language_id = function() return 'nianbao' end,
  }, extra))
  vim.lsp.buf_attach_client(buf, id)
  local c = wait_for('the client to initialize', function()
    local x = vim.lsp.get_client_by_id(id)
    return x and x.initialized and x or nil
  end)
  return buf, c
end

test('06 positionEncoding: utf-16 for Neovim 0.7 (and for a newer Neovim, which offers utf-8, utf-16, utf-32), utf-8 for a client offering only utf-8; columns right in each', function()
  local bad, col, lnum = one_line_report()
  local cases = {
    { 'as-0.7.dat', {}, 'utf-16' },
    { 'as-newer.dat', { capabilities = vim.tbl_deep_extend('force', vim.lsp.protocol.make_client_capabilities(),
        { general = { positionEncodings = { 'utf-8', 'utf-16', 'utf-32' } } }) }, 'utf-16' },
    { 'utf8-only.dat', { offset_encoding = 'utf-8', capabilities = vim.tbl_deep_extend('force',
        vim.lsp.protocol.make_client_capabilities(), { general = { positionEncodings = { 'utf-8' } } }) }, 'utf-8' },
  }
  for _, case in ipairs(cases) do
    local name, extra, want = case[1], case[2], case[3]
    local buf, c = open_with_client(name, bad, extra)
    eq(c.server_capabilities.positionEncoding, want, name .. ': the server\'s positionEncoding')
    eq(c.offset_encoding, want, name .. ': the client\'s offset_encoding')
    wait_for(name .. ': a row-sum error', function() return #sum_errors(buf) > 0 end)
    local d = sum_errors(buf)[1]
    local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, true)[1]
    check(vim.str_utfindex(line, col) ~= col, 'Chinese text before the cell on its line')
    eq({ d.code, d.lnum, d.col, d.end_col }, { 'row-sum', lnum, col, col + 1 }, name .. ': code and range (byte columns)')
    eq(line:sub(d.col + 1, d.end_col), WRONG, name .. ': text under the diagnostic')
    -- A position sent by the client (cursor on the cell) is read in the same encoding.
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    local params = vim.lsp.util.make_position_params(0, c.offset_encoding)
    local answers = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, wait_ms)
    local h = answers and answers[c.id] and answers[c.id].result
    check(h and h.contents and vim.inspect(h.contents):find('予以公开', 1, true), '%s: hover at the cell: %s', name, vim.inspect(answers))
    out(('  %s: positionEncoding %s, diagnostic at byte column %d (character %d)'):format(name, want, d.col,
      c.server_capabilities.positionEncoding == 'utf-8' and d.col or vim.str_utfindex(line, d.col)))
    -- Neovim 0.7 resets the client's diagnostics when it exits: let it exit before the buffer goes.
    vim.lsp.stop_client(c.id)
    wait_for(name .. ': the client to exit', function() return vim.lsp.get_client_by_id(c.id) == nil end)
    vim.cmd('bwipeout! ' .. buf)
  end
end)

--- Counts the diagnostics the server published for each buffer (an empty list counts too).
local published = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  local buf = result and vim.uri_to_bufnr(result.uri)
  if buf then published[buf] = (published[buf] or 0) + 1 end
  return publish(err, result, ctx, config)
end

local function codes(buf)
  return vim.tbl_map(function(d) return d.code end, vim.diagnostic.get(buf))
end

test('07 settings reach the server: blank-cell is off under the configuration\'s settings, on without them', function()
  local text = read(files('test/fixtures/real/excerpt-016.txt')[1])
  local buf = open(write('blank-cells.txt', text))
  eq(vim.bo[buf].filetype, 'nianbao', 'filetype')
  wait_for('diagnostics for blank-cells.txt', function() return published[buf] end)
  local configured = codes(buf)
  vim.cmd('bwipeout! ' .. buf)
  local plain, c = open_with_client('blank-cells.dat', text, {})
  wait_for('diagnostics for blank-cells.dat', function() return published[plain] end)
  local default = codes(plain)
  out(('  with the settings: %s; without: %s'):format(vim.inspect(configured), vim.inspect(default)))
  eq(vim.tbl_filter(function(x) return x == 'blank-cell' end, configured), {}, 'blank-cell diagnostics with the settings')
  eq(#vim.tbl_filter(function(x) return x == 'blank-cell' end, default), 2, 'blank-cell diagnostics without them')
  vim.lsp.stop_client(c.id)
  wait_for('the client to exit', function() return vim.lsp.get_client_by_id(c.id) == nil end)
  vim.cmd('bwipeout! ' .. plain)
end)

-- Not a client test, but it keeps the page true: docs/editors.md shows the configuration loaded above.
test('08 docs/editors.md shows this configuration', function()
  local config = read(root .. '/test/editors/neovim/nianbao.lua')
  local from = config:find('vim.g.do_filetype_lua = 1', 1, true)
  local last = 'vim.lsp.buf_attach_client(args.buf, nianbao_client)\n  end,\n})'
  local _, to = config:find(last, 1, true)
  check(from and to, 'nianbao.lua has its first and last lines')
  local shown = config:sub(from, to)
  check(#shown > 1000, 'only %d characters', #shown)
  local docs = read(root .. '/docs/editors.md')
  check(docs:find(shown, 1, true), 'docs/editors.md does not show nianbao.lua from %q to %q', 'vim.g.do_filetype_lua', 'buf_attach_client')
  -- The 0.11 form (not run) has the same filetype rule.
  local rule = config:sub(config:find('local report_head', 1, true), select(2, config:find("['.*%.html?'] = { report_or_nil, { priority = 10 } },\n  },\n})", 1, true)))
  local section = docs:sub(docs:find('## Neovim 0.11+', 1, true) or #docs)
  check(#rule > 500 and section:find(rule, 1, true), 'the Neovim 0.11 section of docs/editors.md has the filetype rule of nianbao.lua')
end)

-- ---- Run -------------------------------------------------------------------------------------

local function run()
  out(('neovim: %s'):format(vim.fn.execute('version'):match('NVIM v[%d.]+')))
  local passed, failed = 0, 0
  vim.v.errmsg = ''
  for _, t in ipairs(tests) do
    local started = vim.loop.hrtime()
    local ok, err = xpcall(t.fn, debug.traceback)
    local ms = (vim.loop.hrtime() - started) / 1e6
    if ok then
      passed = passed + 1
      out(('passed  %s (%.0f ms)'):format(t.name, ms))
    else
      failed = failed + 1
      out(('FAILED  %s (%.0f ms)\n  %s'):format(t.name, ms, tostring(err):gsub('\n', '\n  ')))
    end
    pcall(vim.cmd, 'silent! %bwipeout!')
  end
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
  -- An error in one of Neovim's callbacks (a handler, a scheduled function) fails no test by itself.
  if vim.v.errmsg ~= '' then
    failed = failed + 1
    out('FAILED  Neovim reported an error: ' .. vim.v.errmsg)
  end
  vim.fn.delete(dir, 'rf')
  out(('neovim: %d passed, %d failed'):format(passed, failed))
  vim.cmd((failed == 0 and passed > 0) and 'qall!' or 'cquit 1')
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = xpcall(run, debug.traceback)
      if not ok then
        out('neovim: the test script failed: ' .. tostring(err))
        vim.cmd('cquit 2')
      end
    end)
  end,
})
