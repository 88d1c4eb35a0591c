/**
 * The coverage report as one self-contained HTML file: inline CSS and SVG, no
 * scripts, fonts, images or requests (a Content-Security-Policy forbids them).
 * It shows counts and statuses only, never note text; with --anonymize no
 * file names either.
 */
import { percent, type NoteCoverage, type RuleCoverage, type SkillCoverage, type Summary } from '../summary';
import type { Write } from './json';

export interface HtmlOptions {
  version: string;
  title?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const COLORS = { documented: '#2e7d32', weak: '#f2a900', missing: '#d8d8d8', notExpected: '#efefef' };

const STYLE = `
:root { color-scheme: light; --ink: #1d2327; --muted: #5f6b73; --line: #e3e6e8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fafbfb; }
header, main, footer { max-width: 1080px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 28px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 0; }
.meta { color: var(--muted); margin: 0 0 12px; }
.legend { display: flex; gap: 18px; flex-wrap: wrap; font-size: 13px; color: var(--muted); margin: 0 0 20px; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { width: 14px; height: 14px; border-radius: 3px; display: inline-block; border: 1px solid rgba(0,0,0,.08); }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin: 0 0 16px; }
.skill-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }
.share { color: var(--muted); font-variant-numeric: tabular-nums; }
.share strong { color: var(--ink); font-size: 17px; }
svg.chart { display: block; width: 100%; height: auto; }
svg text { font-family: inherit; fill: var(--ink); }
svg .sub { fill: #5f6b73; }
table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
.notes-wrap { overflow-x: auto; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 3px; text-align: center; white-space: nowrap; }
th.name, td.name, td.profile { padding: 4px 8px; }
th.name, td.name { text-align: left; white-space: nowrap; }
thead th.rule { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 500; padding: 8px 2px; min-width: 20px; }
td.documented { color: ${COLORS.documented}; }
td.weak { color: #a06d00; }
td.missing { color: #b3261e; }
td.not-expected, td.not-applicable, td.skipped { color: #9aa4ab; }
footer { color: var(--muted); font-size: 12px; padding-bottom: 28px; }
@media print { body { background: #fff; } section { break-inside: avoid; } }
`;

const ROW = 42;
const WIDTH = 720;
const LABEL = 300;
const BAR = 300;

/** One horizontal stacked bar per element: documented, weak, missing, not expected. */
function chart(skill: SkillCoverage): string {
  const height = skill.rules.length * ROW;
  const rows = skill.rules.map((rule, i) => chartRow(rule, i * ROW + 4)).join('');
  const label = `${skill.skill}: ${skill.rules.map((r) => `${r.title} ${percent(r.share)}`).join(', ')}`;
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">${rows}</svg>`;
}

function chartRow(rule: RuleCoverage, y: number): string {
  const total = rule.notes || 1;
  const parts: [number, string, string][] = [
    [rule.documented, COLORS.documented, 'documented'],
    [rule.weak, COLORS.weak, 'weak (boilerplate only)'],
    [rule.missing, COLORS.missing, 'missing'],
    [rule.notExpected, COLORS.notExpected, 'not expected'],
    [rule.notApplicable, COLORS.notExpected, 'not applicable'],
  ];
  let x = LABEL;
  const rects: string[] = [`<rect x="${LABEL}" y="${y + 6}" width="${BAR}" height="16" rx="3" fill="${COLORS.notExpected}"/>`];
  for (const [count, fill, what] of parts) {
    if (count === 0) continue;
    const w = (count / total) * BAR;
    rects.push(`<rect x="${x.toFixed(2)}" y="${y + 6}" width="${w.toFixed(2)}" height="16" fill="${fill}"><title>${escapeHtml(`${rule.title}: ${count} of ${rule.notes} notes ${what}`)}</title></rect>`);
    x += w;
  }
  const title = rule.title.length > 34 ? `${rule.title.slice(0, 33)}…` : rule.title;
  return (
    `<g><text x="0" y="${y + 14}" font-size="14">${escapeHtml(title)}</text>` +
    `<text class="sub" x="0" y="${y + 28}" font-size="11">${escapeHtml(rule.id)} · ${escapeHtml(rule.level)}</text>` +
    rects.join('') +
    `<text x="${LABEL + BAR + 12}" y="${y + 19}" font-size="14" font-weight="600">${percent(rule.share)}</text>` +
    `<text class="sub" x="${LABEL + BAR + 60}" y="${y + 19}" font-size="13">${rule.documented}/${rule.notes}${rule.weak ? ` · ${rule.weak} weak` : ''}</text></g>`
  );
}

/** One bar per skill: the share of notes that document at least one of its elements. */
function overview(summary: Summary): string {
  const rows = summary.skills.map((skill, i) => {
    const y = i * 30 + 4;
    const w = skill.share * BAR;
    return (
      `<g><text x="0" y="${y + 15}" font-size="14">${escapeHtml(skill.skill.length > 38 ? `${skill.skill.slice(0, 37)}…` : skill.skill)}</text>` +
      `<rect x="${LABEL}" y="${y + 2}" width="${BAR}" height="16" rx="3" fill="${COLORS.missing}"/>` +
      (w > 0 ? `<rect x="${LABEL}" y="${y + 2}" width="${w.toFixed(2)}" height="16" fill="${COLORS.documented}"><title>${escapeHtml(`${skill.skill}: ${skill.documented} of ${skill.notes} notes`)}</title></rect>` : '') +
      `<text x="${LABEL + BAR + 12}" y="${y + 15}" font-size="14" font-weight="600">${percent(skill.share)}</text>` +
      `<text class="sub" x="${LABEL + BAR + 60}" y="${y + 15}" font-size="13">${skill.documented}/${skill.notes}</text></g>`
    );
  });
  const height = summary.skills.length * 30 + 4;
  const label = summary.skills.map((s) => `${s.skill} ${percent(s.share)}`).join(', ');
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}

const MARKS: Record<string, [string, string]> = {
  documented: ['●', 'documented'],
  weak: ['◐', 'weak'],
  missing: ['○', 'missing'],
  'not-expected': ['–', 'not expected'],
  'not-applicable': ['·', 'not applicable'],
  overridden: ['–', 'overridden'],
};

function noteRow(file: NoteCoverage, rules: readonly RuleCoverage[]): string {
  if (file.skipped) {
    return `<tr><td class="name">${escapeHtml(file.name)}</td><td class="skipped" colspan="${rules.length + 1}">skipped: ${escapeHtml(file.skipped)}</td></tr>`;
  }
  const cells = rules
    .map((r) => {
      const status = file.statuses[r.id] ?? 'not-expected';
      const [mark, label] = MARKS[status] ?? ['?', status];
      return `<td class="${escapeHtml(status)}" title="${escapeHtml(`${r.title}: ${label}`)}">${mark}</td>`;
    })
    .join('');
  return `<tr><td class="name">${escapeHtml(file.name)}</td><td class="profile">${escapeHtml(file.profile)}</td>${cells}</tr>`;
}

/** The table of notes × elements, a row at a time. */
function writeNotesTable(summary: Summary, write: Write): void {
  const rules = summary.skills.flatMap((s) => s.rules);
  const head = `<tr><th class="name">Note</th><th>Profile</th>${rules.map((r) => `<th class="rule" title="${escapeHtml(r.title)}">${escapeHtml(r.id)}</th>`).join('')}</tr>`;
  write(`<table><thead>${head}</thead><tbody>\n`);
  let first = true;
  for (const file of summary.files) {
    write((first ? '' : '\n') + noteRow(file, rules));
    first = false;
  }
  write('\n</tbody></table>');
}

export function writeSummaryHtml(summary: Summary, options: HtmlOptions, write: Write): void {
  const title = options.title ?? 'Healing skills documented in visit notes';
  const profiles = Object.entries(summary.profiles).map(([id, n]) => `${escapeHtml(id)} ${n}`).join(', ');
  const meta = [
    `${summary.notes} note${summary.notes === 1 ? '' : 's'} analysed`,
    summary.skipped ? `${summary.skipped} skipped` : '',
    profiles ? `profiles: ${profiles}` : '',
    summary.anonymized ? 'file names hidden' : '',
    summary.merged ? `added up from ${summary.merged} summaries` : '',
  ].filter(Boolean);
  const legend = [
    [COLORS.documented, 'documented'],
    [COLORS.weak, 'weak (boilerplate only)'],
    [COLORS.missing, 'missing'],
    [COLORS.notExpected, 'not expected for the note type'],
  ]
    .map(([color, label]) => `<li><span class="swatch" style="background:${color}"></span>${label}</li>`)
    .join('');
  const skills = summary.skills
    .map(
      (skill) => `<section class="skill">
<div class="skill-head"><h2>${escapeHtml(skill.skill)}</h2><span class="share"><strong>${percent(skill.share)}</strong> of notes document at least one element (${skill.documented}/${skill.notes})</span></div>
${chart(skill)}
</section>`,
    )
    .join('\n');
  const empty = summary.notes === 0 ? '<section><p>No notes could be analysed.</p></section>' : '';
  write(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="healing-notes ${escapeHtml(options.version)}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${meta.join(' · ')}</p>
<ul class="legend">${legend}</ul>
</header>
<main>
${empty}<section class="overview">
<div class="skill-head"><h2>Skills</h2><span class="share">share of notes that document at least one element of the skill</span></div>
${overview(summary)}
</section>
${skills}
<section class="notes">
<h2>Notes</h2>
<p class="meta">● documented · ◐ weak · ○ missing · – not expected · · not applicable</p>
`);
  if (summary.merged) {
    write(`<p>Added up from ${summary.merged} summaries: each lists its own notes.</p>`);
  } else {
    write('<div class="notes-wrap">');
    writeNotesTable(summary, write);
    write('</div>');
  }
  write(`
</section>
</main>
<footer>Made by healing-notes ${escapeHtml(options.version)}. Counts and statuses only: this report contains no note text.</footer>
</body>
</html>
`);
}
