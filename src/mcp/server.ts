/**
 * `healing-notes mcp`: the engine as an MCP server for AI scribes and
 * assistants, on standard input and output only (no network listener). Tools:
 * check_note, explain_rule, list_rules (see tools.ts). The note's text is read
 * from the request and goes back only in the reply: nothing is logged, and
 * errors name their kind, never their message (a message may quote the note).
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { VERSION } from '../cli/io';
import { describeInternalError } from '../cli/task';
import { checkNote, explainRule, listRules, MAX_NOTE_CHARS, ToolContext, ToolError } from './tools';

export const MCP_SERVER_NAME = 'healing-notes';

const INSTRUCTIONS = `Healing Notes checks a draft clinical visit note for the documentation of the healing skills (Churchill & Schenck 2008), before it is signed.
Call check_note with the note's text: it returns the six core elements (the patient's own explanation, fears, hopes, a recorded plan, a shared decision, follow-up) as documented, weak, missing or discussed, every finding with its line and column, the evidence found, and for each missing element a prompt to insert (a label and empty placeholders for the clinician to fill; never fill them with statements the visit did not contain).
explain_rule tells why an element matters and what counts; list_rules lists the rules. Everything runs on this machine; no note text is stored or sent anywhere.`;

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
const folder = z.string().optional().describe("A folder whose nearest .healingnotes.json rule pack applies (the team's rules); default: the built-in rules.");
const profile = z.string().optional().describe("A note-type profile (see list_rules: default, new-patient, follow-up, telehealth, urgent, inpatient, brief) or 'auto' (default): read from the note's 'Visit type:' line.");

/** A tool's answer as JSON text (for any client) and as structured content; a ToolError as a tool error. */
function reply(run: () => Record<string, unknown>): CallToolResult {
  try {
    const value = run();
    return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }], structuredContent: value };
  } catch (error) {
    const text = error instanceof ToolError ? error.message : `internal error (${describeInternalError(error)}); no note text is shown, please report it`;
    return { isError: true, content: [{ type: 'text', text }] };
  }
}

export function createMcpServer(context = new ToolContext()): McpServer {
  const server = new McpServer({ name: MCP_SERVER_NAME, title: 'Healing Notes', version: VERSION }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  server.registerTool(
    'check_note',
    {
      title: 'Check a visit note',
      description:
        'Checks a draft visit note: statuses of the six core elements and of every rule, findings with line and column, evidence spans with their quotes, and for each missing core element the prompt to insert (where, as plain text and as a snippet). Prompts hold only a label and empty placeholders.',
      inputSchema: {
        text: z.string().describe(`The note's full text (at most ${MAX_NOTE_CHARS.toLocaleString('en-US')} characters).`),
        profile,
        folder,
      },
      annotations: READ_ONLY,
    },
    (args) => reply(() => checkNote(context, args)),
  );
  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a rule',
      description: "Why an element matters, what counts as evidence, its prompt and examples, for one rule id (such as 'authority.permission'; see list_rules).",
      inputSchema: { ruleId: z.string().describe("The rule's id, such as 'explain.understanding'."), folder },
      annotations: READ_ONLY,
    },
    (args) => reply(() => explainRule(context, args)),
  );
  server.registerTool(
    'list_rules',
    {
      title: 'List the rules',
      description: 'The active rules (id, skill, behavior, element, level, severity under the profile) and the note-type profiles.',
      inputSchema: { profile, folder },
      annotations: READ_ONLY,
    },
    (args) => reply(() => listRules(context, args)),
  );
  return server;
}

/**
 * The largest message read from standard input. The SDK's default (10 MB) would close the
 * connection on a 10 MB note; read it, and answer that the note is over the limit instead.
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Serves MCP on standard input and output until the input ends or the connection closes. */
export async function runMcpServer(): Promise<void> {
  const server = createMcpServer();
  // The SDK reports unreadable input here; its message may quote what was sent, so only the kind is written.
  server.server.onerror = (error) => process.stderr.write(`healing-notes mcp: a message could not be handled (${describeInternalError(error)}); it was ignored\n`);
  const ended = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    server.server.onclose = resolve;
  });
  await server.connect(new StdioServerTransport(process.stdin, process.stdout, { maxBufferSize: MAX_MESSAGE_BYTES }));
  await ended;
  await server.close();
}
