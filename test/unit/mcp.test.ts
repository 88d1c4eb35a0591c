// The MCP server (`healing-notes mcp`) driven by the official SDK's own client over stdio, as an AI
// scribe's pipeline would: it lists the tools, calls each, and gets what the CLI's JSON says for the
// same note; bad arguments get a clear tool error and the server keeps answering; no note text
// reaches its standard error.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { REPO_ROOT, SECRET, run, tempDir, writeNotes } from './cli-helpers';

/** The compiled bin (npm run compile), which loads the compiled server as dist/cli.js loads dist/mcp.js. */
const CLI = path.join(REPO_ROOT, 'out', 'src', 'cli', 'bin.js');
const SAMPLES = path.join(REPO_ROOT, 'samples');

interface Started {
  client: Client;
  stderr: () => string;
}

async function start(cwd = REPO_ROOT): Promise<Started> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], cwd, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const client = new Client({ name: 'healing-notes-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** A successful call's JSON, checked to be the same as its structured content. */
function json(result: CallToolResult): any {
  assert.ok(!result.isError, `tool error: ${JSON.stringify(result.content)}`);
  const first = result.content[0];
  assert.equal(first.type, 'text');
  const parsed = JSON.parse((first as { text: string }).text);
  assert.deepEqual(parsed, result.structuredContent);
  return parsed;
}

function errorText(result: CallToolResult): string {
  assert.equal(result.isError, true, `expected a tool error, got ${JSON.stringify(result.content).slice(0, 300)}`);
  return (result.content[0] as { text: string }).text;
}

/** Applies edits given as offsets, from the last to the first. */
function applyEdits(text: string, edits: { start: number; end: number; newText: string }[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

describe('MCP server over stdio (official SDK client)', function () {
  this.timeout(60_000);
  let server: Started;

  before(async function () {
    if (!fs.existsSync(CLI)) this.skip();
    server = await start();
  });

  after(async () => {
    await server?.client.close();
  });

  it('lists check_note, explain_rule and list_rules, read-only, each with an input schema', async () => {
    const { tools } = await server.client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['check_note', 'explain_rule', 'list_rules']);
    for (const tool of tools) {
      assert.equal(tool.inputSchema.type, 'object');
      assert.equal(tool.annotations?.readOnlyHint, true);
      assert.equal(tool.annotations?.openWorldHint, false);
      assert.ok((tool.description ?? '').length > 40, tool.name);
    }
    const check = tools.find((t) => t.name === 'check_note')!;
    assert.deepEqual(check.inputSchema.required, ['text']);
    assert.deepEqual(Object.keys(check.inputSchema.properties ?? {}).sort(), ['folder', 'profile', 'text']);
  });

  it("check_note gives the CLI's findings, evidence and statuses for every sample note", async () => {
    const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.note'));
    assert.ok(samples.length >= 3);
    for (const sample of samples) {
      const text = fs.readFileSync(path.join(SAMPLES, sample), 'utf8');
      const cli = run(['check', '--format', 'json', '--no-config', path.join(SAMPLES, sample)]);
      const expected = JSON.parse(cli.stdout).files[0];
      const got = json(await call(server.client, 'check_note', { text }));
      assert.deepEqual(got.findings, expected.findings, sample);
      assert.deepEqual(got.results, expected.results, sample);
      assert.deepEqual(got.evidence.map(({ quote, ...rest }: { quote: string }) => rest), expected.evidence, sample);
      assert.equal(got.profile, expected.profile, sample);
      // The evidence quotes are the note's own words at those offsets.
      for (const e of got.evidence) assert.equal(e.quote, text.slice(e.start, e.end));
      // The six core elements, with the CLI's statuses.
      assert.equal(got.core.elements.length, 6, sample);
      for (const element of got.core.elements) {
        assert.equal(element.status, expected.results.find((r: { ruleId: string }) => r.ruleId === element.ruleId).status, `${sample} ${element.ruleId}`);
      }
      assert.equal(got.core.missing, got.core.elements.filter((e: { status: string }) => e.status === 'missing').length, sample);
    }
  });

  it('gives a prompt for each missing core element, claiming nothing, that clears the finding once filled', async () => {
    const text = fs.readFileSync(path.join(SAMPLES, '02-cough-no-plan.note'), 'utf8');
    const got = json(await call(server.client, 'check_note', { text }));
    const missing = got.core.elements.filter((e: { status: string }) => e.status === 'missing');
    assert.ok(missing.length >= 2, JSON.stringify(got.core));
    for (const element of missing) {
      assert.ok(element.prompt, `${element.ruleId} has a prompt`);
      assert.match(element.prompt.newText, /<[^>]+>/, 'a prompt is placeholders to fill');
      assert.doesNotMatch(element.prompt.newText, /\b(agrees?|agreed|prefers|will return|understands)\b/i, 'a prompt states nothing');
      assert.equal(element.prompt.line, text.slice(0, element.prompt.start).split('\n').length, 'lines are 1-based');
    }
    // All prompts at once, applied from the end: the missing findings become unfilled placeholders.
    assert.deepEqual([...new Set(got.prompts.flatMap((p: { ruleIds: string[] }) => p.ruleIds))].sort(), missing.map((e: { ruleId: string }) => e.ruleId).sort());
    const prompted = applyEdits(text, got.prompts);
    const again = json(await call(server.client, 'check_note', { text: prompted }));
    assert.deepEqual(again.findings.filter((f: { kind: string; ruleId: string }) => f.kind === 'missing' && missing.some((m: { ruleId: string }) => m.ruleId === f.ruleId)), []);
    // Filled in (placeholders replaced by what the clinician wrote), every core element is documented.
    const filled = applyEdits(
      text,
      got.prompts.map((p: { start: number; end: number; newText: string }) => ({ ...p, newText: p.newText.replace(/<[^>]+>/g, 'she is afraid it is pneumonia; she hopes to sleep through the night; we discussed options and she chose to try honey first; return in one week or sooner if short of breath') })),
    );
    const done = json(await call(server.client, 'check_note', { text: filled }));
    assert.equal(done.core.missing, 0, JSON.stringify(done.core.elements.map((e: { ruleId: string; status: string }) => [e.ruleId, e.status])));
  });

  it('check_note honours a profile', async () => {
    const text = 'HPI: Cough for two days.\nPLAN: Rest and fluids.\n';
    const cli = JSON.parse(run(['check', '--format', 'json', '--no-config', '--profile', 'brief', '-'], { readStdin: () => Buffer.from(text) }).stdout).files[0];
    const got = json(await call(server.client, 'check_note', { text, profile: 'brief' }));
    assert.equal(got.profile, 'brief');
    assert.deepEqual(got.findings, cli.findings);
    assert.deepEqual(got.results, cli.results);
  });

  it("explain_rule and list_rules answer as 'explain' and 'rules' do", async () => {
    const explained = json(await call(server.client, 'explain_rule', { ruleId: 'authority.permission' }));
    assert.deepEqual(explained, JSON.parse(run(['explain', 'authority.permission', '--format', 'json', '--no-config']).stdout));
    assert.ok(explained.prompt.text.startsWith('Shared decision:'));
    const listed = json(await call(server.client, 'list_rules', { profile: 'telehealth' }));
    // list_rules is the listing part of what `rules --format json` publishes (not the patterns and vocabularies).
    const cli = JSON.parse(run(['rules', '--format', 'json', '--no-config', '--profile', 'telehealth']).stdout);
    type Listed = Record<string, unknown>;
    const pick = (value: Listed, keys: string[]) => Object.fromEntries(keys.map((k) => [k, value[k]]));
    assert.deepEqual(listed, {
      pack: cli.pack,
      profile: cli.profile,
      profiles: cli.profiles.map((p: Listed) => pick(p, ['id', 'description'])),
      rules: cli.rules.map((r: Listed) => pick(r, ['id', 'skill', 'behavior', 'title', 'level', 'severity', 'defaultSeverity'])),
    });
    assert.ok(listed.rules.length >= 30);
  });

  it("applies the nearest .healingnotes.json of a folder given (the team's pack), like the CLI run there", async () => {
    const dir = tempDir('hn-mcp-');
    try {
      writeNotes(dir, {
        '.healingnotes.json': '{ "rules": { "explain.hopes": "off", "authority.permission": "error" } }\n',
        'clinic/notes/a.note': 'HPI: Cough for two days.\nPLAN: Rest and fluids.\n',
      });
      const text = fs.readFileSync(path.join(dir, 'clinic/notes/a.note'), 'utf8');
      const got = json(await call(server.client, 'check_note', { text, folder: path.join(dir, 'clinic', 'notes') }));
      assert.equal(got.packFile, path.join(dir, '.healingnotes.json'));
      const cli = JSON.parse(run(['check', '--format', 'json', 'clinic/notes/a.note'], { cwd: dir }).stdout).files[0];
      assert.deepEqual(got.findings, cli.findings);
      assert.ok(!got.findings.some((f: { ruleId: string }) => f.ruleId === 'explain.hopes'));
      assert.equal(got.findings.find((f: { ruleId: string }) => f.ruleId === 'authority.permission').severity, 'error');
      const listed = json(await call(server.client, 'list_rules', { folder: dir }));
      assert.equal(listed.rules.find((r: { id: string }) => r.id === 'explain.hopes').severity, 'off');
      // The pack is read again once it changes.
      fs.writeFileSync(path.join(dir, '.healingnotes.json'), '{ "rules": { "explain.hopes": "warning" } }\n');
      const relisted = json(await call(server.client, 'list_rules', { folder: dir }));
      assert.equal(relisted.rules.find((r: { id: string }) => r.id === 'explain.hopes').severity, 'warning');
      // A broken pack is a tool error that names the file and the problem.
      fs.writeFileSync(path.join(dir, '.healingnotes.json'), '{ "rules": { "explain.hopez": "off" } }\n');
      const broken = errorText(await call(server.client, 'check_note', { text, folder: dir }));
      assert.match(broken, /\.healingnotes\.json/);
      assert.match(broken, /explain\.hopez/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers bad arguments with a clear tool error and keeps serving', async () => {
    assert.match(errorText(await call(server.client, 'check_note', {})), /text/);
    assert.match(errorText(await call(server.client, 'check_note', { text: 42 })), /text/);
    const huge = errorText(await call(server.client, 'check_note', { text: `HPI: ${SECRET} `.repeat(420_000) }));
    assert.match(huge, /over the limit of 1,000,000/);
    assert.ok(!huge.includes(SECRET));
    assert.match(errorText(await call(server.client, 'explain_rule', { ruleId: 'hopes' })), /unknown rule 'hopes' \(did you mean 'explain\.hopes'\?\) \(see list_rules\)/);
    assert.match(errorText(await call(server.client, 'explain_rule', {})), /ruleId/);
    assert.match(errorText(await call(server.client, 'list_rules', { profile: 'weekend' })), /unknown profile 'weekend' \(allowed: auto, default/);
    assert.match(errorText(await call(server.client, 'check_note', { text: 'PLAN: rest', folder: '/no/such/folder' })), /folder '\/no\/such\/folder' is not a directory/);
    assert.match(errorText(await call(server.client, 'check_note', { text: 'PLAN:\u0000\u0001\u0002 rest' })), /binary/);
    // Still serving.
    assert.ok(json(await call(server.client, 'list_rules', {})).rules.length > 0);
  });

  it('a 10 MB note is a tool error, not a crash', async () => {
    const line = `HPI: ${SECRET}. `;
    const tenMegabytes = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length)).slice(0, 10 * 1024 * 1024);
    const message = errorText(await call(server.client, 'check_note', { text: tenMegabytes }));
    assert.match(message, /the note is 10,485,760 characters long, over the limit/);
    assert.ok(json(await call(server.client, 'check_note', { text: 'PLAN: Rest.' })).findings);
  });

  it('writes no note text to standard error, even for unreadable input', async () => {
    // The SDK client's session above sent the secret in notes, in errors and in a 10 MB note.
    assert.ok(!server.stderr().includes(SECRET), server.stderr());
    // A raw session: a line that is not JSON-RPC and carries the secret, then a real request.
    const child = spawn(process.execPath, [CLI, 'mcp'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.write(`{"jsonrpc": "2.0", "method": "tools/call", "params": "${SECRET} not closed\n`);
    child.stdin.write(`${SECRET} is not JSON\n`);
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } }) + '\n');
    const deadline = Date.now() + 20_000;
    while (!stdout.includes('"id":1') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.stdin.end();
    assert.equal(await closed, 0, 'exits cleanly when its input ends');
    assert.match(stdout, /"serverInfo":\{"name":"healing-notes"/);
    assert.match(stderr, /could not be handled/);
    assert.ok(!stderr.includes(SECRET) && !stdout.includes(SECRET), stderr);
  });
});
