-- CI check: a real editor talks to `carve lsp`. Run headless from the repo root:
--   CARVE_BIN=target/debug/carve nvim --headless --clean -c 'luafile editors/neovim/ci_test.lua'
-- Opens samples/flask/inventory/api.py with Neovim's built-in LSP client,
-- waits for carve's diagnostics, hovers a handler, adds and removes a
-- blocker in the buffer, and exits non-zero on any failure.
-- Works with Neovim 0.7 (Debian 12) and later.

local function fail(msg)
  io.stderr:write('FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local function has_code(bufnr, code)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'carve' and (d.code == code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == code)) then
      return true
    end
  end
  return false
end

local function run()
  local root = vim.fn.getcwd() .. '/samples/flask'
  local bin = os.getenv('CARVE_BIN') or (vim.fn.getcwd() .. '/target/debug/carve')
  vim.cmd('edit ' .. root .. '/inventory/api.py')
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'carve',
    cmd = { bin, 'lsp' },
    root_dir = root,
  })
  if not client_id then
    return fail('could not start ' .. bin .. ' lsp')
  end
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- 1. Diagnostics arrive for the open file.
  local ok = vim.wait(30000, function()
    return has_code(bufnr, 'background-work/python-thread')
  end, 100)
  if not ok then
    return fail('no background-work/python-thread diagnostic in api.py: ' .. vim.inspect(vim.diagnostic.get(bufnr)))
  end
  print('ok diagnostics: ' .. #vim.diagnostic.get(bufnr) .. ' in api.py')

  -- 2. Hover on `def get(self):` of ItemAPI (line 22).
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 21, character = 8 },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000) or {}
  local text = ''
  for _, r in pairs(responses) do
    if r.result and r.result.contents then
      text = text .. (r.result.contents.value or '')
    end
  end
  if not text:find('GET /api/items', 1, true) or not text:find('score 70/100', 1, true) then
    return fail('unexpected hover: ' .. vim.inspect(text))
  end
  print('ok hover: ' .. vim.split(text, '\n')[1])

  -- 3. Add a blocker in the buffer (no save): a new diagnostic follows.
  local line = vim.api.nvim_buf_get_lines(bufnr, 22, 23, true)[1]
  vim.api.nvim_buf_set_lines(bufnr, 0, 1, true, { 'import threading, time' })
  vim.api.nvim_buf_set_lines(bufnr, 22, 23, true, { '        time.sleep(5); ' .. vim.trim(line) })
  ok = vim.wait(10000, function()
    return has_code(bufnr, 'long-running/python-sleep')
  end, 50)
  if not ok then
    return fail('adding time.sleep did not produce long-running/python-sleep')
  end
  print('ok added blocker reported')

  -- 4. Remove it: the diagnostic goes away.
  vim.api.nvim_buf_set_lines(bufnr, 22, 23, true, { line })
  ok = vim.wait(10000, function()
    return not has_code(bufnr, 'long-running/python-sleep')
  end, 50)
  if not ok then
    return fail('removing time.sleep did not clear its diagnostic')
  end
  print('ok removed blocker cleared')

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function()
    return vim.lsp.get_client_by_id(client_id) == nil
  end, 50)
  vim.cmd('qa!')
end

local ok, err = pcall(run)
if not ok then
  fail(tostring(err))
end
