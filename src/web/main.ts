/**
 * The offline page (dist/healing-notes.html, built by esbuild.js): the engine and the assist layer in a
 * browser tab, for clinicians who cannot install anything. As a note is typed or pasted it shows the
 * six core elements found and missing, highlights their evidence in the note, and offers each missing
 * element's prompt to copy or insert. What a finding offers comes from src/assist, as in every other
 * face. The page fetches nothing and sends nothing (its Content-Security-Policy forbids it).
 */
import { coverageOf, elementName, promptEdit, promptSnippet, quoteOf, snippetToText, tabstopsOf, type AssistNote, type CoverageRule } from '../assist';
import { analyze, defaultPack, type Finding, type Rule, type Span } from '../engine';

const pack = defaultPack;
const CHECK_DELAY_MS = 120;
const EXAMPLE = [
  'Visit type: follow-up',
  '',
  'CHIEF COMPLAINT: Cough.',
  '',
  'HPI: 58-year-old man with a dry cough for five days, worse at night. No fever.',
  '',
  'ASSESSMENT: Post-viral cough.',
  '',
  'PLAN: Honey and fluids.',
  '',
].join('\n');

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const noteField = byId<HTMLTextAreaElement>('note');
const backdrop = byId<HTMLDivElement>('backdrop');
const highlights = byId<HTMLDivElement>('highlights');
const statusLine = byId<HTMLParagraphElement>('status');
const coreList = byId<HTMLUListElement>('core');
const coreCount = byId<HTMLSpanElement>('core-count');
const otherList = byId<HTMLUListElement>('others');
const moreCount = byId<HTMLSpanElement>('more-count');
const profileSelect = byId<HTMLSelectElement>('profile');

const coreRules = pack.rules.filter((r) => r.level === 'core');
/** Each core element's colour, by its place in the pack: the same in the note and in the list. */
const colourOf = new Map(coreRules.map((r, i) => [r.id, `e${i % 6}`]));

let current: AssistNote | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Edits of the note so far; the text area's data-edits and data-checked say whether the latest was checked. */
let edits = 0;

// ------------------------------------------------------------------ the note and its highlights

interface Highlight extends Span {
  className: string;
  title: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The note as HTML with the core elements' evidence and unfilled placeholders marked (overlaps keep the first). */
function highlightedHtml(note: AssistNote): string {
  const marks: Highlight[] = [];
  for (const result of note.analysis.results) {
    const colour = colourOf.get(result.ruleId);
    const rule = coreRules.find((r) => r.id === result.ruleId);
    if (!colour || !rule) continue;
    for (const e of result.evidence) marks.push({ ...e.span, className: colour, title: rule.title });
  }
  for (const f of note.analysis.findings) if (f.kind === 'placeholder') marks.push({ ...f.range, className: 'placeholder', title: 'unfilled' });
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  let html = '';
  let at = 0;
  for (const mark of marks) {
    if (mark.start < at || mark.end <= mark.start) continue;
    html += escapeHtml(note.text.slice(at, mark.start));
    html += `<mark class="${mark.className}" data-element="${escapeHtml(mark.title)}">${escapeHtml(note.text.slice(mark.start, mark.end))}</mark>`;
    at = mark.end;
  }
  // A trailing line break needs a character after it to take its height, as in the text area.
  return html + escapeHtml(note.text.slice(at)) + '\n ';
}

function syncScroll(): void {
  backdrop.scrollTop = noteField.scrollTop;
  backdrop.scrollLeft = noteField.scrollLeft;
}

// ------------------------------------------------------------------ the panel

const STATE: Record<string, string> = { documented: 'found', missing: 'missing', weak: 'boilerplate', overridden: 'discussed', 'not-expected': 'not expected' };

function selectInNote(span: Span): void {
  noteField.focus();
  noteField.setSelectionRange(span.start, span.end);
}

async function copy(text: string, button: HTMLButtonElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Without the asynchronous clipboard (some browsers from file://), copy from a selected text area.
    const scratch = element('textarea');
    scratch.value = text;
    document.body.append(scratch);
    scratch.select();
    document.execCommand('copy');
    scratch.remove();
  }
  button.textContent = 'Copied';
  setTimeout(() => (button.textContent = 'Copy'), 1200);
}

/** Writes a finding's prompt where it belongs in the note and selects its first placeholder, the text to write. */
function insertPrompt(finding: Finding): void {
  if (!current) return;
  const edit = promptEdit(current, finding);
  if (!edit) return;
  const text = snippetToText(edit.snippet);
  noteField.focus();
  noteField.setSelectionRange(edit.start, edit.end);
  // insertText keeps the browser's undo; setRangeText is the fallback.
  if (!document.execCommand('insertText', false, text)) noteField.setRangeText(text, edit.start, edit.end, 'end');
  const first = tabstopsOf(edit.snippet).find((t) => t.text);
  const at = first ? text.indexOf(first.text) : -1;
  if (first && at >= 0) noteField.setSelectionRange(edit.start + at, edit.start + at + first.text.length);
  checkNow();
}

function promptRow(rule: Rule, finding: Finding): HTMLElement | undefined {
  if (!rule.prompt || !current || !promptEdit(current, finding)) return undefined;
  const row = element('div', 'prompt');
  const line = snippetToText(promptSnippet(rule.prompt));
  row.append(element('code', undefined, line));
  const copyButton = element('button', 'action copy', 'Copy');
  copyButton.type = 'button';
  copyButton.title = `Copy the prompt for the ${elementName(rule)}`;
  copyButton.addEventListener('click', () => void copy(line, copyButton));
  const insertButton = element('button', 'action insert', 'Insert');
  insertButton.type = 'button';
  insertButton.title = `Insert it where the ${elementName(rule)} belongs`;
  insertButton.addEventListener('click', () => insertPrompt(finding));
  row.append(copyButton, insertButton);
  return row;
}

function elementItem(rule: Rule, entry: CoverageRule | undefined, core: boolean): HTMLLIElement {
  const status = entry?.status ?? 'not-expected';
  const item = element('li', `element ${status}`);
  item.dataset.rule = rule.id;
  item.dataset.status = status;
  const head = element('div', 'head');
  if (core) head.append(element('span', `swatch ${colourOf.get(rule.id)}`));
  head.append(element('span', 'title', rule.title));
  if (!core) head.append(element('span', 'skill', rule.skill));
  head.append(element('span', 'state', STATE[status] ?? status));
  item.append(head);
  if (entry?.finding) item.append(element('p', 'message', entry.finding.message));
  for (const evidence of (entry?.evidence ?? []).slice(0, 2)) {
    const quote = element('button', 'quote', `“${quoteOf(evidence.quote, 140)}”`);
    quote.type = 'button';
    quote.title = 'Show in the note';
    quote.addEventListener('click', () => selectInNote(evidence.span));
    item.append(quote);
  }
  const prompt = entry?.finding && promptRow(rule, entry.finding);
  if (prompt) item.append(prompt);
  return item;
}

function renderPanel(note: AssistNote): void {
  const coverage = coverageOf(note);
  const entries = new Map(coverage.groups.flatMap((g) => g.rules).map((r) => [r.ruleId, r]));
  // The core elements keep the pack's order (and colours) while the note is typed.
  coreList.replaceChildren(...coreRules.map((rule) => elementItem(rule, entries.get(rule.id), true)));
  coreCount.textContent = `${coverage.core.documented}/${coverage.core.expected}`;
  const others = pack.rules.filter((r) => r.level !== 'core' && entries.get(r.id)?.finding);
  otherList.replaceChildren(...others.map((rule) => elementItem(rule, entries.get(rule.id), false)));
  moreCount.textContent = String(others.length);
}

// ------------------------------------------------------------------ checking

function checkNow(): void {
  clearTimeout(timer);
  const text = noteField.value;
  const started = performance.now();
  const profile = profileSelect.value === 'auto' ? undefined : profileSelect.value;
  const analysis = analyze(text, { pack, profile });
  current = { text, analysis, pack };
  const ms = Math.round(performance.now() - started);
  highlights.innerHTML = highlightedHtml(current);
  syncScroll();
  renderPanel(current);
  if (analysis.skipped) statusLine.textContent = analysis.skipped.reason;
  else if (text.trim() === '') statusLine.textContent = 'Waiting for a note: paste or type one, or load the example.';
  else statusLine.textContent = `Checked in ${ms} ms · note type: ${analysis.profile} · ${analysis.findings.length} suggestion${analysis.findings.length === 1 ? '' : 's'}`;
  noteField.dataset.checked = String(edits);
}

function scheduleCheck(): void {
  clearTimeout(timer);
  timer = setTimeout(checkNow, CHECK_DELAY_MS);
}

function start(): void {
  const auto = element('option', undefined, 'auto (from “Visit type:”)');
  auto.value = 'auto';
  profileSelect.append(auto, ...pack.profiles.map((p) => Object.assign(element('option', undefined, p.id), { value: p.id, title: p.description })));
  const example = element('button', 'action example', 'Load an example');
  example.type = 'button';
  example.addEventListener('click', () => {
    noteField.value = EXAMPLE;
    noteField.dataset.edits = String(++edits);
    checkNow();
    noteField.focus();
  });
  profileSelect.parentElement!.after(example);
  noteField.addEventListener('input', () => {
    noteField.dataset.edits = String(++edits);
    scheduleCheck();
  });
  noteField.addEventListener('scroll', syncScroll);
  profileSelect.addEventListener('change', checkNow);
  checkNow();
}

start();
