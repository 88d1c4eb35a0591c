/**
 * Hover over a finding, over evidence the engine found, or over an override
 * line: the skill and behavior, why it matters, what counts, and the evidence
 * quoted from the note. Untrusted markdown, with all text escaped.
 */
import * as vscode from 'vscode';
import type { Span } from '../engine';
import { parseOverrides } from '../engine/overrides';
import { toRange, type DiagnosticsController } from './diagnostics';
import { ruleHoverMarkdown } from './markdown';

/** At most this many quotations per rule in a hover. */
const MAX_QUOTES = 3;

function holds(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

export class HealingHoverProvider implements vscode.HoverProvider {
  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.diagnostics.analysisOf(document);
    if (!analysis || analysis.skipped) return undefined;
    const offset = document.offsetAt(position);
    const text = document.getText();

    // Rule id → the span hovered; in the order findings, evidence, overrides.
    const hits = new Map<string, Span>();
    for (const finding of analysis.findings) if (holds(finding.range, offset) && !hits.has(finding.ruleId)) hits.set(finding.ruleId, finding.range);
    for (const result of analysis.results) {
      const evidence = result.evidence.find((e) => holds(e.span, offset));
      if (evidence && !hits.has(result.ruleId)) hits.set(result.ruleId, evidence.span);
    }
    const overrides = parseOverrides(text);
    for (const override of overrides) if (holds(override.span, offset) && !hits.has(override.ruleId)) hits.set(override.ruleId, override.span);
    if (hits.size === 0) return undefined;

    const parts: string[] = [];
    let range: vscode.Range | undefined;
    for (const [ruleId, span] of hits) {
      const rule = this.diagnostics.ruleOf(document, ruleId);
      if (!rule) continue;
      const result = analysis.results.find((r) => r.ruleId === ruleId);
      const override = result?.status === 'overridden' ? overrides.find((o) => o.ruleId === ruleId) : undefined;
      parts.push(
        ruleHoverMarkdown({
          rule,
          status: result?.status,
          evidence: (result?.evidence ?? []).slice(0, MAX_QUOTES).map((e) => text.slice(e.span.start, e.span.end)),
          overrideReason: override?.reason,
        }),
      );
      range ??= toRange(document, span);
    }
    if (parts.length === 0) return undefined;
    const markdown = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, range);
  }
}
