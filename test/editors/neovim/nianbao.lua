-- nianbao.lua: Nianbao reports in Neovim 0.7–0.10, checked by the language server.
-- The configuration docs/editors.md gives, as test/editors/neovim/lsp-test.lua loads it.
-- Set vim.g.nianbao_cmd before loading this file to point at your checkout.

-- Neovim 0.7 and 0.8 detect file types with filetype.lua only when asked (the default from 0.9).
vim.g.do_filetype_lua = 1

local report_head = vim.regex([[\v20\d\d\s*年.{0,40}政府(信息|資訊)公[开開]|^[ \t　]*一[、.．]\s*(总体情况|總體情況)]])

--- 'nianbao' when the first 60 lines read like a report, else nil (Neovim's usual detection).
local function report_or_nil(_, bufnr)
  for _, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, 60, false)) do
    if report_head:match_str(line) then return 'nianbao' end
  end
end

vim.filetype.add({
  extension = { nianbao = 'nianbao' },
  pattern = {
    ['.*%.txt'] = { report_or_nil, { priority = 10 } },
    ['.*%.md'] = { report_or_nil, { priority = 10 } },
    ['.*%.html?'] = { report_or_nil, { priority = 10 } },
  },
})

-- Neovim 0.7 does not declare workspace/configuration, so the server does not ask for `settings`:
-- it takes the same object from initializationOptions.
local nianbao_settings = { nianbao = { severity = { ['blank-cell'] = 'off' } } }

-- One server for every report buffer, started with the first (language id: the filetype, nianbao).
local nianbao_client
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'nianbao',
  callback = function(args)
    if not (nianbao_client and vim.lsp.get_client_by_id(nianbao_client)) then
      nianbao_client = vim.lsp.start_client({
        name = 'nianbao',
        cmd = vim.g.nianbao_cmd or { 'node', '/path/to/nianbao/dist/cli.js', 'lsp', '--stdio' },
        root_dir = vim.fn.getcwd(),
        settings = nianbao_settings,
        init_options = nianbao_settings,
      })
    end
    vim.lsp.buf_attach_client(args.buf, nianbao_client)
  end,
})
