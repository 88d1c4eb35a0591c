-- The language server in a real client that is not VS Code: headless Neovim (Debian's, 0.7 or later) opens a
-- note, waits for the diagnostics and reads them with vim.diagnostic.get(), requests code actions, applies
-- one, and sees its diagnostic clear; then fills the prompt and sees the element credited.
-- Run by scripts/test-nvim.mjs, which passes (environment): HN_BIN (the healing-notes bin), HN_NOTE (the
-- note), HN_EXPECTED (the CLI's JSON report of the same note) and HN_RESULTS (where results are written).
local results = {}
local function check(name, ok, detail)
  table.insert(results, { name = name, ok = ok and true or false, detail = detail or '' })
end
local function finish()
  vim.fn.writefile({ vim.fn.json_encode(results) }, os.getenv('HN_RESULTS'))
  vim.cmd('qa!')
end

local ok_all, err = pcall(function()
  local note = os.getenv('HN_NOTE')
  local expected = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('HN_EXPECTED')), '\n')).files[1].findings

  vim.cmd('edit ' .. vim.fn.fnameescape(note))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'healing-notes',
    cmd = { 'node', os.getenv('HN_BIN'), 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(note, ':h'),
    settings = { healingNotes = { profile = 'auto' } },
  })
  check('the server starts', client_id ~= nil)
  vim.lsp.buf_attach_client(bufnr, client_id)

  -- 1. The diagnostics, as vim.diagnostic.get() reads them: the CLI's findings for the same note.
  local function ours()
    return vim.tbl_filter(function(d) return d.source == 'healing-notes' end, vim.diagnostic.get(bufnr))
  end
  local arrived = vim.wait(30000, function() return #ours() == #expected end, 50)
  local diagnostics = ours()
  check('diagnostics arrive', arrived, string.format('%d of %d', #diagnostics, #expected))
  -- Compared in one order: by place, then rule id.
  table.sort(diagnostics, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return a.code < b.code
  end)
  table.sort(expected, function(a, b)
    if a.line ~= b.line then return a.line < b.line end
    if a.column ~= b.column then return a.column < b.column end
    return a.ruleId < b.ruleId
  end)
  local same = #diagnostics == #expected
  for i, finding in ipairs(expected) do
    local d = diagnostics[i]
    if not d or d.code ~= finding.ruleId or d.lnum ~= finding.line - 1 or d.col ~= finding.column - 1 or d.message ~= finding.message then
      same = false
    end
  end
  check("they are the CLI's findings (rule id, line, column, message)", same, vim.inspect(vim.tbl_map(function(d) return { d.code, d.lnum, d.col } end, diagnostics)))

  -- 2. Code actions on the shared decision's diagnostic: one group naming the element.
  local decision
  for _, d in ipairs(diagnostics) do
    if d.code == 'authority.permission' then decision = d end
  end
  check('a shared decision is reported', decision ~= nil)
  vim.api.nvim_win_set_cursor(0, { decision.lnum + 1, decision.col })
  local params = vim.lsp.util.make_range_params()
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, decision.lnum) }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
  local actions = {}
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do table.insert(actions, action) end
  end
  local titles = vim.tbl_map(function(a) return a.title end, actions)
  local insert
  for _, action in ipairs(actions) do
    if action.title == 'Insert prompt: shared decision' then insert = action end
  end
  check('code actions name their element', insert ~= nil and vim.tbl_contains(titles, 'Mark shared decision as discussed, not documented…'), vim.inspect(titles))

  -- 3. Applied: plain text (this client takes no snippets), and the missing element is no longer reported.
  vim.lsp.util.apply_workspace_edit(insert.edit, 'utf-16')
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local prompt_line
  for i, line in ipairs(lines) do
    if line:match('^Shared decision: <') then prompt_line = i end
  end
  check('the prompt is inserted as text', prompt_line ~= nil and not table.concat(lines, '\n'):find('%${'), table.concat(lines, ' | '))
  local cleared = vim.wait(15000, function()
    for _, d in ipairs(ours()) do
      if d.code == 'authority.permission' and d.message == decision.message then return false end
    end
    return true
  end, 50)
  check('the diagnostic clears after the edit', cleared)

  -- 4. Filled in by the clinician: the element is credited, nothing of it is reported.
  vim.api.nvim_buf_set_lines(bufnr, prompt_line - 1, prompt_line, false, {
    'Shared decision: we went over honey, a cough syrup and an inhaler; he chose honey, to avoid medicines.',
  })
  local credited = vim.wait(15000, function()
    for _, d in ipairs(ours()) do
      if d.code == 'authority.permission' then return false end
    end
    return true
  end, 50)
  check('the filled prompt is credited', credited, vim.inspect(vim.tbl_map(function(d) return d.code end, ours())))

  -- 5. A hover on the HPI header teaches one element.
  local hpi = 0
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line:match('^HPI:') then hpi = i - 1 end
  end
  local hovers = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = hpi, character = 1 } }, 10000) or {}
  local hover_text = ''
  for _, response in pairs(hovers) do
    if response.result then hover_text = response.result.contents.value end
  end
  check('a hover teaches the element', hover_text:find("^%*%*Patient's") ~= nil and hover_text:find('What counts', 1, true) ~= nil, hover_text:sub(1, 200))

  vim.lsp.stop_client(client_id)
end)
if not ok_all then check('the test script runs', false, tostring(err)) end
finish()
