// The language server (`healing-notes lsp`) driven over stdio by a JSON-RPC client, as an editor drives
// it: the same findings as the CLI, code actions from the assist layer (snippet edits for clients that
// take them, plain text otherwise) that clear their diagnostic once applied and filled, hovers, the
// nearest .healingnotes.json reloaded on change, settings through workspace/configuration, and "turn
// off" after the user confirms. (test/integration-nvim drives it from a real Neovim.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { actionsForFindings, findingsAt, REASON_PLACEHOLDER } from '../../src/assist';
import { analyze, defaultPack } from '../../src/engine';
import { run, SECRET, tempDir, writeNotes } from './cli-helpers';
import { BIN, LspTestClient, REPO_ROOT } from './lsp-client';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const uriOf = (file: string) => pathToFileURL(file).href;

/** An open document, kept in step with what the server was sent. */
class OpenNote {
  document: TextDocument;
  constructor(readonly client: LspTestClient, readonly file: string, text: string) {
    this.document = TextDocument.create(uriOf(file), 'clinical-note', 1, text);
  }
  get uri(): string {
    return this.document.uri;
  }
  async open(): Promise<void> {
    await this.client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri, languageId: 'clinical-note', version: 1, text: this.document.getText() } });
  }
  /** Applies edits here and sends them to the server as one incremental change. */
  async edit(edits: TextEdit[]): Promise<void> {
    const changes = [...edits]
      .sort((a, b) => this.document.offsetAt(b.range.start) - this.document.offsetAt(a.range.start))
      .map((e) => ({ range: e.range, text: e.newText }));
    const version = this.document.version + 1;
    this.document = TextDocument.update(this.document, changes, version);
    await this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri, version }, contentChanges: changes });
  }
  async codeActions(line: number, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    return this.client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: this.uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }
}

/** The text edits of a code action's workspace edit for one document (snippet edits as given). */
function editsOf(action: CodeAction, uri: string): (TextEdit & { snippet?: { value: string } })[] {
  const changes = action.edit?.documentChanges ?? [];
  const edits = changes.flatMap((c) => ('textDocument' in c && c.textDocument.uri === uri ? c.edits : []));
  return edits as (TextEdit & { snippet?: { value: string } })[];
}

function cliFindings(file: string, cwd = REPO_ROOT, extra: string[] = []): { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] {
  const out = run(['check', '--format', 'json', ...extra, file], { cwd });
  return JSON.parse(out.stdout).files[0].findings;
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

describe('language server over stdio', function () {
  this.timeout(60_000);

  before(function () {
    if (!fs.existsSync(BIN)) this.skip();
  });

  describe('a client with workspace/configuration and snippets', () => {
    let client: LspTestClient;
    let dir: string;

    before(async () => {
      dir = tempDir('hn-lsp-');
      client = new LspTestClient({ settings: {}, snippets: true, workspaceFolders: [dir], answer: 'Turn Off' });
      const init = await client.initialize();
      const caps = init.capabilities as { codeActionProvider: { codeActionKinds: string[] }; hoverProvider: boolean; executeCommandProvider: { commands: string[] } };
      assert.deepEqual(caps.codeActionProvider.codeActionKinds, ['quickfix', 'source.healingNotes.insertAllPrompts']);
      assert.equal(caps.hoverProvider, true);
      assert.deepEqual(caps.executeCommandProvider.commands, ['healingNotes.turnOff']);
    });

    after(async () => {
      await client?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("publishes the CLI's findings for every sample note, the rule id as code linked to its docs", async () => {
      for (const sample of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.note'))) {
        const file = path.join(SAMPLES, sample);
        const note = new OpenNote(client, file, fs.readFileSync(file, 'utf8'));
        await note.open();
        const diagnostics = await client.settled(note.uri);
        const expected = cliFindings(file, REPO_ROOT, ['--no-config']);
        assert.deepEqual(
          diagnostics.map((d) => [d.code, d.severity, d.message, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1]),
          expected.map((f) => [f.ruleId, SEVERITY[f.severity as keyof typeof SEVERITY], f.message, f.line, f.column, f.endLine, f.endColumn]),
          sample,
        );
        for (const d of diagnostics) {
          assert.equal(d.source, 'healing-notes');
          const href = d.codeDescription!.href;
          assert.ok(href.endsWith(`#${String(d.code).replace(/\./g, '')}`), href);
          const docs = fs.readFileSync(fileURLToPath(href.replace(/#.*$/, '')), 'utf8');
          assert.ok(docs.includes(`## ${d.code}\n`), `docs/rules.md has a section for ${d.code}`);
        }
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: note.uri } });
      }
    });

    it("offers the assist layer's actions as snippet edits; a prompt applied and filled clears its diagnostic", async () => {
      const file = path.join(dir, 'visit.note');
      const text = 'HPI: Cough for five days. He thinks it came from his son.\n\nASSESSMENT: Post-viral cough.\n\nPLAN: Honey and fluids. Return in one week or sooner if short of breath.\n';
      const note = new OpenNote(client, file, text);
      await note.open();
      const diagnostics = await client.settled(note.uri);
      const decision = diagnostics.find((d) => d.code === 'authority.permission');
      assert.ok(decision, JSON.stringify(diagnostics.map((d) => d.code)));
      const actions = (await note.codeActions(decision.range.start.line, [decision])).filter((a) => a.kind === 'quickfix');
      // The same actions, in the same order, as the assist layer gives the VS Code extension.
      const analysis = analyze(text);
      const finding = analysis.findings.find((f) => f.ruleId === 'authority.permission')!;
      assert.deepEqual(
        actions.map((a) => a.title),
        actionsForFindings({ text, analysis, pack: defaultPack }, [finding]).map((a) => a.title),
      );
      assert.deepEqual(actions.map((a) => a.title), ['Insert prompt: shared decision', 'Mark shared decision as discussed, not documented…', 'Turn off “Shared decision” for this workspace…']);
      assert.equal(actions[0].isPreferred, true);
      assert.deepEqual(actions[0].diagnostics, [decision]);
      const [prompt] = editsOf(actions[0], note.uri);
      assert.match(prompt.snippet!.value, /^\nShared decision: \$\{1:<options offered>\}; \$\{2:<[^}]+>\}$/);
      // Applied as the client would (placeholders as written), then filled in.
      await note.edit([{ range: prompt.range, newText: prompt.snippet!.value.replace(/\$\{\d+:([^}]*)\}/g, '$1') }]);
      let after = await client.settled(note.uri, client.published.length);
      assert.ok(!after.some((d) => d.code === 'authority.permission' && d.message === decision.message), 'the missing element is no longer reported');
      const line = note.document.getText().split('\n').findIndex((l) => l.startsWith('Shared decision:'));
      await note.edit([{ range: { start: { line, character: 0 }, end: { line, character: 200 } }, newText: 'Shared decision: we went over honey, a cough syrup and an inhaler; he chose honey, to avoid medicines.' }]);
      after = await client.settled(note.uri, client.published.length);
      assert.ok(!after.some((d) => d.code === 'authority.permission'), JSON.stringify(after.map((d) => d.code)));
    });

    it('marks as discussed with the reason as a placeholder, counted once the reason is written', async () => {
      const file = path.join(dir, 'discussed.note');
      const note = new OpenNote(client, file, 'HPI: Knee pain after a fall. She thinks she twisted it.\n\nPLAN: Ice and rest. Return in 2 weeks, sooner if swelling.\n');
      await note.open();
      const decision = (await client.settled(note.uri)).find((d) => d.code === 'authority.permission')!;
      const mark = (await note.codeActions(decision.range.start.line, [decision])).find((a) => a.title.startsWith('Mark'))!;
      const [edit] = editsOf(mark, note.uri);
      assert.equal(edit.snippet!.value, `\n[Healing Notes: shared decision discussed, not documented — \${1:${REASON_PLACEHOLDER}}]`);
      await note.edit([{ range: edit.range, newText: edit.snippet!.value.replace(/\$\{1:([^}]*)\}/, '$1') }]);
      let after = await client.settled(note.uri, client.published.length);
      assert.ok(after.some((d) => d.code === 'authority.permission'), 'an unfilled reason states nothing');
      const text = note.document.getText();
      const at = text.indexOf(REASON_PLACEHOLDER);
      await note.edit([{ range: { start: note.document.positionAt(at), end: note.document.positionAt(at + REASON_PLACEHOLDER.length) }, newText: 'she will decide after talking with her daughter' }]);
      after = await client.settled(note.uri, client.published.length);
      assert.ok(!after.some((d) => d.code === 'authority.permission'));
    });

    it('lists "insert prompts for all missing elements" as a source action, and hovers teach one element', async () => {
      const file = path.join(dir, 'short.note');
      const note = new OpenNote(client, file, 'HPI: Dry cough for five days, worse at night.\n\nASSESSMENT: Post-viral cough.\n');
      await note.open();
      await client.settled(note.uri);
      const [insertAll] = await note.codeActions(0, [], ['source']);
      assert.equal(insertAll.title, 'Insert prompts for all missing elements');
      assert.equal(insertAll.kind, 'source.healingNotes.insertAllPrompts');
      const snippets = editsOf(insertAll, note.uri).map((e) => e.snippet!.value).join('\n');
      for (const label of ["Patient's explanation", 'Shared decision']) assert.ok(snippets.includes(label), `${label} in ${snippets}`);
      const quickFixes = await note.codeActions(0, [], ['quickfix']);
      assert.ok(quickFixes.every((a) => a.kind === 'quickfix'));
      const hover = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: note.uri }, position: { line: 0, character: 1 } });
      const value = (hover.contents as { kind: string; value: string }).value;
      assert.equal((hover.contents as { kind: string }).kind, 'markdown');
      assert.match(value, /^\*\*Patient's own explanation\*\*/);
      assert.ok(value.length <= 1400, `${value.length} characters`);
      assert.match(value, /more suggestions? in the quick fixes here/);
    });

    it('applies the nearest .healingnotes.json, reloads it when it changes, and reports a broken one in the file', async () => {
      writeNotes(dir, { 'clinic/.healingnotes.json': '{ "rules": { "explain.hopes": "off" } }\n', 'clinic/notes/a.note': '' });
      const file = path.join(dir, 'clinic', 'notes', 'a.note');
      const text = 'HPI: Cough for two days.\nPLAN: Rest and fluids.\n';
      fs.writeFileSync(file, text);
      const note = new OpenNote(client, file, text);
      await note.open();
      let diagnostics = await client.settled(note.uri);
      assert.deepEqual(diagnostics.map((d) => d.code), cliFindings('notes/a.note', path.join(dir, 'clinic')).map((f) => f.ruleId));
      assert.ok(!diagnostics.some((d) => d.code === 'explain.hopes'));
      // Changed on disk, with nothing said by the client: the server watches the file.
      const mark = client.published.length;
      fs.writeFileSync(path.join(dir, 'clinic', '.healingnotes.json'), '{ "rules": { "explain.hopes": "error" } }\n');
      diagnostics = await client.until(() => {
        const latest = client.published.slice(mark).reverse().find((p) => p.uri === note.uri);
        return latest?.diagnostics.some((d) => d.code === 'explain.hopes' && d.severity === 1) && latest.diagnostics;
      }, 'the changed pack to apply');
      // Broken: its errors are diagnostics in the pack file, one message says so, and the last good pack stays.
      const packUri = uriOf(path.join(dir, 'clinic', '.healingnotes.json'));
      fs.writeFileSync(path.join(dir, 'clinic', '.healingnotes.json'), '{ "rules": { "explain.hopez": "off" } }\n');
      const packDiagnostics = await client.until(() => client.published.find((p) => p.uri === packUri && p.diagnostics.length > 0), 'pack errors')!;
      assert.match(packDiagnostics.diagnostics[0].message, /explain\.hopez/);
      assert.equal(packDiagnostics.diagnostics[0].range.start.line, 0);
      await client.until(() => client.messages.some((m) => /1 error in .*\.healingnotes\.json; the previous rules stay in use/.test(m.message)), 'the pack error message');
      diagnostics = await client.settled(note.uri, client.published.length - 1);
      assert.ok(diagnostics.some((d) => d.code === 'explain.hopes' && d.severity === 1), 'the last good pack stays in use');
      // Fixed: the pack file's diagnostics are cleared.
      fs.writeFileSync(path.join(dir, 'clinic', '.healingnotes.json'), '{ "rules": {} }\n');
      await client.until(() => [...client.published].reverse().find((p) => p.uri === packUri)?.diagnostics.length === 0, 'pack errors cleared');
    });

    it('takes settings through workspace/configuration: profile, rules, enable', async () => {
      const file = path.join(dir, 'settings.note');
      const text = 'HPI: Cough for two days.\nPLAN: Rest and fluids.\n';
      const note = new OpenNote(client, file, text);
      client.settings = { profile: 'brief', rules: { rules: { 'committed.no-abandon': 'error' } } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await note.open();
      let diagnostics = await client.settled(note.uri);
      assert.ok(client.configurationRequests.length > 0);
      const expected = JSON.parse(run(['check', '--format', 'json', '--profile', 'brief', '--rules', 'p.json', 'n.note'], { cwd: writePack(dir, text) }).stdout).files[0].findings;
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), expected.map((f: { ruleId: string; severity: keyof typeof SEVERITY }) => [f.ruleId, SEVERITY[f.severity]]));
      client.settings = { enable: false };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      diagnostics = await client.until(() => {
        const latest = [...client.published].reverse().find((p) => p.uri === note.uri);
        return latest && latest.diagnostics.length === 0 && latest.diagnostics;
      }, 'no diagnostics when disabled');
      client.settings = {};
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.until(() => [...client.published].reverse().find((p) => p.uri === note.uri)?.diagnostics.length, 'diagnostics again');
    });

    it('turns a rule off in the workspace pack after the user confirms', async () => {
      const file = path.join(dir, 'turn-off.note');
      const note = new OpenNote(client, file, 'HPI: Knee pain.\nPLAN: Ice.\n');
      await note.open();
      const hopes = (await client.settled(note.uri)).find((d) => d.code === 'explain.hopes')!;
      const turnOff = (await note.codeActions(hopes.range.start.line, [hopes])).find((a) => a.title.startsWith('Turn off “Patient'))!;
      assert.equal(turnOff.command!.command, 'healingNotes.turnOff');
      const mark = client.published.length;
      const done = await client.connection.sendRequest<boolean>('workspace/executeCommand', { command: turnOff.command!.command, arguments: turnOff.command!.arguments });
      assert.equal(done, true);
      assert.match(client.questions.at(-1)!.message, /Turn off “Patient's hopes and goals” for this workspace\? .*everyone who uses this workspace/);
      const pack = fs.readFileSync(path.join(dir, '.healingnotes.json'), 'utf8');
      assert.deepEqual(JSON.parse(pack), { rules: { 'explain.hopes': 'off' } });
      await client.until(() => client.published.slice(mark).some((p) => p.uri === note.uri && !p.diagnostics.some((d) => d.code === 'explain.hopes')), 'the rule to be off');
      fs.rmSync(path.join(dir, '.healingnotes.json'));
    });

    it('never writes note text to its standard error or its messages', () => {
      assert.ok(!client.stderr.includes('Cough for'), client.stderr);
      for (const m of client.messages) assert.ok(!/Cough|Knee|HPI/.test(m.message), m.message);
    });
  });

  describe('a client without snippets or workspace/configuration', () => {
    let client: LspTestClient;
    let dir: string;

    before(async () => {
      dir = tempDir('hn-lsp-plain-');
      client = new LspTestClient({ initializationOptions: { healingNotes: { profile: 'brief' } } });
      await client.initialize();
    });

    after(async () => {
      await client?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('gets plain-text edits, settings from initializationOptions, and no turn-off outside a workspace', async () => {
      const file = path.join(dir, 'plain.note');
      const text = `HPI: ${SECRET} has had knee pain for a week.\n\nPLAN: Ice.\n`;
      const note = new OpenNote(client, file, text);
      await note.open();
      const diagnostics = await client.settled(note.uri);
      const expected = JSON.parse(run(['check', '--format', 'json', '--profile', 'brief', '-'], { readStdin: () => Buffer.from(text), cwd: dir }).stdout).files[0].findings;
      assert.deepEqual(diagnostics.map((d) => d.code), expected.map((f: { ruleId: string }) => f.ruleId));
      const target = diagnostics.find((d) => d.severity! <= 2)!;
      const all = await note.codeActions(target.range.start.line, [target]);
      // Clients that ask for every kind get "insert all" last.
      assert.equal(all.at(-1)!.title, 'Insert prompts for all missing elements');
      const actions = all.filter((a) => a.kind === 'quickfix');
      const titles = actionsForFindings({ text, analysis: analyze(text, { profile: 'brief' }), pack: defaultPack }, findingsAt({ text, analysis: analyze(text, { profile: 'brief' }), pack: defaultPack }, { start: note.document.offsetAt(target.range.start), end: note.document.offsetAt(target.range.end) }).filter((f) => f.ruleId === target.code), { canTurnOff: false }).map((a) => a.title);
      assert.deepEqual(actions.map((a) => a.title), titles);
      assert.ok(!actions.some((a) => a.title.startsWith('Turn off')));
      const prompt = editsOf(actions[0], note.uri)[0];
      assert.equal(prompt.snippet, undefined);
      assert.match(prompt.newText, /<[^>]+>/);
      assert.doesNotMatch(prompt.newText, /\$\{/);
      assert.ok(!client.stderr.includes(SECRET));
    });
  });
});

/** A folder with the note and the settings' rules as a pack file, to run the CLI the same way. */
function writePack(dir: string, text: string): string {
  const folder = fs.mkdtempSync(path.join(dir, 'cli-'));
  fs.writeFileSync(path.join(folder, 'p.json'), JSON.stringify({ rules: { 'committed.no-abandon': 'error' } }));
  fs.writeFileSync(path.join(folder, 'n.note'), text);
  return folder;
}
