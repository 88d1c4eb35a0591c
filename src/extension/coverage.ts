/**
 * The coverage view: for the active note, the eight skills, each with its
 * rules (documented, weak, missing, not expected, overridden) and the evidence
 * found. Selecting a rule or a quotation reveals it in the editor.
 */
import * as vscode from 'vscode';
import type { Evidence, NoteAnalysis, Rule, RuleStatus, SectionKind, Span } from '../engine';
import { parseOverrides } from '../engine/overrides';
import { COMMANDS } from './constants';
import type { DiagnosticsController } from './diagnostics';
import type { FindingArgs } from './fixes';
import { quoteOf, ruleHoverMarkdown, statusText } from './markdown';
import { isCheckedDocument } from './settings';
import { groupBySkill, tally, type SkillGroup, type Tally } from './skills';

export interface SkillNode {
  type: 'skill';
  group: SkillGroup;
  tally: Tally;
  rules: RuleNode[];
}

export interface RuleNode {
  type: 'rule';
  rule: Rule;
  status: RuleStatus;
  uri: string;
  evidence: EvidenceNode[];
  /** Where selecting the rule goes: its first evidence, else where its finding is shown. */
  target?: Span;
  /** Set when the rule is missing and has a prompt: arguments for the insert-prompt command. */
  findingArgs?: FindingArgs;
}

export interface EvidenceNode {
  type: 'evidence';
  ruleId: string;
  uri: string;
  span: Span;
  quote: string;
  section: SectionKind;
}

export interface MessageNode {
  type: 'message';
  label: string;
  tooltip?: string;
}

export type CoverageNode = SkillNode | RuleNode | EvidenceNode | MessageNode;

export function isRuleNode(value: unknown): value is RuleNode {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'rule';
}

const STATUS_ICON: Record<RuleStatus, [string, string | undefined]> = {
  documented: ['pass', 'testing.iconPassed'],
  weak: ['warning', 'list.warningForeground'],
  missing: ['circle-large-outline', undefined],
  'not-expected': ['circle-slash', 'disabledForeground'],
  overridden: ['comment-discussion', 'charts.blue'],
};

function statusIcon(status: RuleStatus, rule: Rule): vscode.ThemeIcon {
  if (status === 'missing' && rule.level === 'core') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  const [id, color] = STATUS_ICON[status];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

function revealCommand(uri: string, span: Span, title: string): vscode.Command {
  return { command: COMMANDS.revealSpan, title, arguments: [uri, span.start, span.end] };
}

export class CoverageProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private documentUri: string | undefined;

  constructor(private readonly diagnostics: DiagnosticsController) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isCheckedDocument(editor.document)) this.show(editor.document);
      }),
      diagnostics.onDidAnalyze((document) => {
        if (this.documentUri === undefined && isCheckedDocument(document) && vscode.window.activeTextEditor?.document === document) this.show(document);
        else if (document.uri.toString() === this.documentUri) this.changed.fire(undefined);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.toString() === this.documentUri) this.show(undefined);
      }),
    );
    const active = vscode.window.activeTextEditor?.document;
    if (active && isCheckedDocument(active)) this.documentUri = active.uri.toString();
  }

  /** The note the view shows: the active one, or the last one that was active. */
  get document(): vscode.TextDocument | undefined {
    return this.documentUri === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.documentUri);
  }

  show(document: vscode.TextDocument | undefined): void {
    this.documentUri = document?.uri.toString();
    this.changed.fire(undefined);
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    if (!node) return this.roots();
    if (node.type === 'skill') return node.rules;
    if (node.type === 'rule') return node.evidence;
    return [];
  }

  getParent(node: CoverageNode): CoverageNode | undefined {
    if (node.type === 'skill' || node.type === 'message') return undefined;
    const roots = this.roots().filter((n): n is SkillNode => n.type === 'skill');
    if (node.type === 'rule') return roots.find((s) => s.rules.some((r) => r.rule.id === node.rule.id));
    for (const skill of roots) {
      const rule = skill.rules.find((r) => r.rule.id === node.ruleId);
      if (rule) return rule;
    }
    return undefined;
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    switch (node.type) {
      case 'skill':
        return this.skillItem(node);
      case 'rule':
        return this.ruleItem(node);
      case 'evidence': {
        const item = new vscode.TreeItem(node.quote, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.uri}#${node.ruleId}@${node.span.start}`;
        item.description = node.section;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.tooltip = node.quote;
        item.command = revealCommand(node.uri, node.span, 'Show evidence');
        item.contextValue = 'healingNotes.evidence';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('info');
        item.tooltip = node.tooltip;
        return item;
      }
    }
  }

  private skillItem(node: SkillNode): vscode.TreeItem {
    const { group, tally: t } = node;
    // Skills with nothing expected of this note start collapsed, so the view leads with what matters.
    const state = node.rules.length === 0 ? vscode.TreeItemCollapsibleState.None : t.expected > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(group.name, state);
    item.id = `skill:${group.key}`;
    if (node.rules.length === 0) {
      item.description = 'not checked';
      item.iconPath = new vscode.ThemeIcon('circle-small');
    } else if (t.expected === 0) {
      item.description = t.overridden ? `${t.overridden} discussed` : 'not expected';
      item.iconPath = new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
    } else {
      item.description = `${t.documented}/${t.expected}`;
      item.iconPath =
        t.documented === t.expected
          ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'))
          : new vscode.ThemeIcon('circle-large-outline');
    }
    const tooltip = new vscode.MarkdownString();
    tooltip.isTrusted = false;
    tooltip.appendMarkdown('**').appendText(group.name).appendMarkdown('**\n\n');
    if (group.summary) tooltip.appendText(group.summary);
    if (node.rules.length === 0) tooltip.appendMarkdown('\n\n').appendText('No rule of the active rule pack checks this skill; the walkthrough teaches it.');
    else tooltip.appendMarkdown('\n\n').appendText(`${t.documented} of ${t.expected} expected elements documented${t.overridden ? `, ${t.overridden} discussed but not documented` : ''}.`);
    item.tooltip = tooltip;
    item.contextValue = 'healingNotes.skill';
    return item;
  }

  private ruleItem(node: RuleNode): vscode.TreeItem {
    const { rule, status } = node;
    const item = new vscode.TreeItem(rule.title, node.evidence.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${node.uri}#${rule.id}`;
    item.description = rule.level === 'core' ? statusText(status) : `${statusText(status)} · ${rule.level}`;
    item.iconPath = statusIcon(status, rule);
    const tooltip = new vscode.MarkdownString(
      ruleHoverMarkdown({ rule, status, evidence: node.evidence.slice(0, 3).map((e) => e.quote) }),
    );
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    if (node.target) item.command = revealCommand(node.uri, node.target, node.evidence.length ? 'Show evidence' : 'Show where it belongs');
    item.contextValue = `healingNotes.rule.${status}${node.findingArgs ? '.prompt' : ''}`;
    return item;
  }

  private roots(): CoverageNode[] {
    const document = this.document;
    if (!document) return [];
    const analysis = this.diagnostics.analysisOf(document);
    if (!analysis) return [];
    if (analysis.skipped) return [{ type: 'message', label: 'This note was not checked.', tooltip: analysis.skipped.reason }];
    return buildSkillNodes(document, analysis, this.diagnostics.packFor(document).rules);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The tree's content for one analysis: every skill, its rules in pack order, their evidence. */
export function buildSkillNodes(document: vscode.TextDocument, analysis: NoteAnalysis, rules: readonly Rule[]): SkillNode[] {
  const uri = document.uri.toString();
  const text = document.getText();
  const overrides = parseOverrides(text);
  const ruleNode = (rule: Rule): RuleNode | undefined => {
    const result = analysis.results.find((r) => r.ruleId === rule.id);
    if (!result) return undefined;
    const finding = analysis.findings.find((f) => f.ruleId === rule.id);
    const evidence = result.evidence.map((e: Evidence) => ({
      type: 'evidence' as const,
      ruleId: rule.id,
      uri,
      span: e.span,
      quote: quoteOf(text.slice(e.span.start, e.span.end), 80),
      section: e.section,
    }));
    const target = evidence[0]?.span ?? finding?.range ?? overrides.find((o) => o.ruleId === rule.id)?.span;
    const findingArgs =
      result.status === 'missing' && rule.prompt && finding?.kind === 'missing'
        ? { uri, version: document.version, ruleId: rule.id, insertion: finding.insertion }
        : undefined;
    return { type: 'rule', rule, status: result.status, uri, evidence, target, findingArgs };
  };
  return groupBySkill(rules).map((group) => {
    const nodes = group.rules.map(ruleNode).filter((n): n is RuleNode => n !== undefined);
    return { type: 'skill', group, tally: tally(nodes.map((n) => n.status)), rules: nodes };
  });
}

/** Owns the tree view: its title shows which note it describes. */
export class CoverageView implements vscode.Disposable {
  readonly view: vscode.TreeView<CoverageNode>;
  private readonly disposables: vscode.Disposable[];

  constructor(
    viewId: string,
    readonly provider: CoverageProvider,
  ) {
    this.view = vscode.window.createTreeView(viewId, { treeDataProvider: provider, showCollapseAll: true });
    this.disposables = [this.view, provider.onDidChangeTreeData(() => this.describe())];
    this.describe();
  }

  private describe(): void {
    const document = this.provider.document;
    this.view.description = document ? document.uri.path.split('/').pop() : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
