/**
 * The MCP server's tools as plain functions: check a note, explain a rule,
 * list the rules. Each answer is built by the code that builds the CLI's JSON
 * (report.ts, `explain`, `rules`) and by the assist layer (prompts), so an AI
 * scribe sees what the CLI and a clinician's editor see. A caller's mistake is
 * a ToolError whose message says what to fix and never quotes the note.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { coverageOf, elementName, missingCoreFindings, promptEdit, promptEdits, snippetToText, type AssistNote, type SnippetEdit } from '../assist';
import { analyze, defaultPack, DEFAULT_MAX_CHARS, type RulePack } from '../engine';
import { formatPackError } from '../engine/pack';
import { resolveProfile } from '../cli/config';
import { findRule, ruleJson } from '../cli/commands/explain';
import { rulesJson } from '../cli/commands/rules';
import { UsageError } from '../cli/files';
import { nearestPackFile, PackFileCache } from '../cli/pack';
import { fileReport, locatorOf, type Located } from '../cli/report';

/** The largest note check_note reads, in characters (as the CLI). */
export const MAX_NOTE_CHARS = DEFAULT_MAX_CHARS;

/** A mistake in a tool's arguments or in the workspace's rule pack, told back to the caller as a tool error. */
export class ToolError extends Error {
  override readonly name = 'ToolError';
}

/** Where the tools find rule packs: folders given to them are resolved against `cwd`. */
export class ToolContext {
  private readonly cache = new PackFileCache();

  constructor(readonly cwd: string = process.cwd()) {}

  /** The pack for a folder: the built-in rules, with the nearest `.healingnotes.json` from the folder upwards. */
  packFor(folder: string | undefined): { pack: RulePack; packFile?: string } {
    if (folder === undefined) return { pack: defaultPack };
    const dir = path.resolve(this.cwd, folder);
    let isDirectory = false;
    try {
      isDirectory = fs.statSync(dir).isDirectory();
    } catch {
      // Reported below.
    }
    if (!isDirectory) throw new ToolError(`folder '${folder}' is not a directory`);
    const packFile = nearestPackFile(dir);
    if (packFile === undefined) return { pack: defaultPack };
    const { pack, errors } = this.cache.load(packFile, defaultPack);
    if (errors.length > 0) throw new ToolError([`the rule pack ${packFile} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}:`, ...errors.map(formatPackError)].join('\n'));
    return { pack, packFile };
  }
}

/** A tool's call, with the CLI's usage errors (unknown rule, unknown profile) turned into tool errors. */
function asTool<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UsageError) throw new ToolError(error.lines.join('\n'));
    throw error;
  }
}

export interface CheckNoteArgs {
  text: string;
  /** A profile id, or `auto` (default): read from the note's `Visit type:` line. */
  profile?: string;
  /** A folder whose nearest `.healingnotes.json` applies. */
  folder?: string;
}

/** An edit as offsets (UTF-16, 0-based) and as 1-based lines and columns, with the text to write. */
export interface LocatedEdit extends Located {
  /** What to put in place of [start, end): the prompt with its placeholders as plain text. */
  newText: string;
  /** The same in snippet syntax (`${1:<...>}` tab stops), for editors that take snippets. */
  snippet: string;
  ruleIds: string[];
}

/** Checks one note: statuses, findings, evidence and the prompts for what is missing. */
export function checkNote(context: ToolContext, args: CheckNoteArgs) {
  return asTool(() => {
    const { text } = args;
    if (text.length > MAX_NOTE_CHARS) {
      throw new ToolError(`the note is ${text.length.toLocaleString('en-US')} characters long, over the limit of ${MAX_NOTE_CHARS.toLocaleString('en-US')}; it was not checked`);
    }
    const { pack, packFile } = context.packFor(args.folder);
    const profile = resolveProfile(args.profile, pack);
    const analysis = analyze(text, { pack, profile });
    if (analysis.skipped) throw new ToolError(`${analysis.skipped.reason.replace(/\.$/, '')} (the note was not checked)`);
    const note: AssistNote = { text, analysis, pack };
    const report = fileReport('note', text, analysis);
    const locate = locatorOf(text);
    const located = (edit: SnippetEdit): LocatedEdit => ({ ...locate(edit.start, edit.end), newText: snippetToText(edit.snippet), snippet: edit.snippet, ruleIds: edit.ruleIds });
    const missing = new Map(missingCoreFindings(note).map((f) => [f.ruleId, f]));
    const coverage = coverageOf(note);
    return {
      profile: analysis.profile,
      pack: pack.name,
      ...(packFile ? { packFile } : {}),
      core: {
        documented: coverage.core.documented,
        expected: coverage.core.expected,
        missing: coverage.core.missing,
        discussed: coverage.core.discussed,
        elements: pack.rules
          .filter((r) => r.level === 'core')
          .map((rule) => {
            const status = analysis.results.find((r) => r.ruleId === rule.id)?.status ?? 'not-expected';
            const finding = missing.get(rule.id);
            const edit = finding && promptEdit(note, finding);
            return { ruleId: rule.id, element: elementName(rule), title: rule.title, status, ...(edit ? { prompt: located(edit) } : {}) };
          }),
      },
      results: report.results,
      findings: report.findings,
      evidence: report.evidence.map((e) => ({ ...e, quote: text.slice(e.start, e.end) })),
      /** Every missing core element's prompt at once, in text order; apply them from the last to the first. */
      prompts: promptEdits(note, [...missing.values()]).map(located),
    };
  });
}

/** One rule, as `healing-notes explain <id> --format json` prints it. */
export function explainRule(context: ToolContext, args: { ruleId: string; folder?: string }) {
  return asTool(() => ruleJson(findRule(context.packFor(args.folder).pack, args.ruleId, 'list_rules')));
}

/** The active rules, as `healing-notes rules --format json` prints them. */
export function listRules(context: ToolContext, args: { profile?: string; folder?: string }) {
  return asTool(() => {
    const { pack } = context.packFor(args.folder);
    return rulesJson({ pack, profile: resolveProfile(args.profile, pack) });
  });
}
