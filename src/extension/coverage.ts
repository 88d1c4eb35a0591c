/**
 * The coverage view: the assist layer's coverage of the active note
 * (src/assist/coverage.ts) as a tree. "Core n/6" first, open, missing core
 * elements at its top; then the skills, closed, with their supporting and
 * teaching behaviours and no fractions. Selecting a rule or a quotation
 * reveals it in the editor.
 */
import vscode = require('vscode');
import { coverageOf, isSerious, ruleMarkdown, ruleOf, statusText, type CoverageEvidence, type CoverageGroup, type CoverageRule } from '../assist';
import type { RuleStatus, Span } from '../engine';
import { COMMANDS } from './constants';
import type { DiagnosticsController } from './diagnostics';
import type { FindingArgs } from './fixes';
import { isCheckedDocument } from './settings';

export interface GroupNode {
  type: 'group';
  group: CoverageGroup;
  uri: string;
  rules: RuleNode[];
}

export interface RuleNode {
  type: 'rule';
  rule: CoverageRule;
  /** The group the rule is listed under ('core' or a skill key). */
  groupKey: string;
  uri: string;
  evidence: EvidenceNode[];
  /** Set when the rule has a finding and a prompt: arguments for the insert-prompt and mark commands. */
  findingArgs?: FindingArgs;
}

export interface EvidenceNode extends CoverageEvidence {
  type: 'evidence';
  ruleId: string;
  uri: string;
}

export interface MessageNode {
  type: 'message';
  label: string;
  tooltip?: string;
}

export type CoverageNode = GroupNode | RuleNode | EvidenceNode | MessageNode;

export function isRuleNode(value: unknown): value is RuleNode {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'rule';
}

const STATUS_ICON: Record<RuleStatus, [string, string | undefined]> = {
  documented: ['pass', 'testing.iconPassed'],
  weak: ['warning', 'list.warningForeground'],
  missing: ['circle-large-outline', undefined],
  'not-expected': ['circle-slash', 'disabledForeground'],
  'not-applicable': ['dash', 'disabledForeground'],
  overridden: ['comment-discussion', 'charts.blue'],
};

function statusIcon(rule: CoverageRule): vscode.ThemeIcon {
  if (rule.status === 'missing' && rule.level === 'core') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  const [id, color] = STATUS_ICON[rule.status];
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
    if (node.type === 'group') return node.rules;
    if (node.type === 'rule') return node.evidence;
    return [];
  }

  getParent(node: CoverageNode): CoverageNode | undefined {
    if (node.type === 'group' || node.type === 'message') return undefined;
    const roots = this.roots().filter((n): n is GroupNode => n.type === 'group');
    if (node.type === 'rule') return roots.find((g) => g.group.key === node.groupKey);
    for (const group of roots) {
      const rule = group.rules.find((r) => r.rule.ruleId === node.ruleId);
      if (rule) return rule;
    }
    return undefined;
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    switch (node.type) {
      case 'group':
        return this.groupItem(node);
      case 'rule':
        return this.ruleItem(node);
      case 'evidence': {
        const item = new vscode.TreeItem(node.quote, vscode.TreeItemCollapsibleState.None);
        item.id = `${node.uri}#${node.ruleId}@${node.span.start}`;
        item.iconPath = new vscode.ThemeIcon('quote');
        item.tooltip = `${node.quote} (${node.section})`;
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

  private groupItem(node: GroupNode): vscode.TreeItem {
    const { group } = node;
    const core = group.key === 'core';
    // The core elements are open; the skills' gentler suggestions wait to be opened.
    const state = node.rules.length === 0 ? vscode.TreeItemCollapsibleState.None : core ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(group.label, state);
    item.id = core ? 'group:core' : `skill:${group.key}`;
    item.description = group.description;
    if (core) {
      const complete = node.rules.every((r) => r.rule.status !== 'missing' && r.rule.status !== 'weak');
      item.iconPath = complete ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('heart');
    }
    const tooltip = new vscode.MarkdownString();
    tooltip.isTrusted = false;
    tooltip.appendMarkdown('**').appendText(core ? 'Core elements' : group.label).appendMarkdown('**\n\n').appendText(group.summary);
    item.tooltip = tooltip;
    item.contextValue = core ? 'healingNotes.core' : 'healingNotes.skill';
    return item;
  }

  private ruleItem(node: RuleNode): vscode.TreeItem {
    const { rule } = node;
    const item = new vscode.TreeItem(rule.title, node.evidence.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${node.uri}#${rule.ruleId}`;
    item.description = rule.statusLabel;
    item.iconPath = statusIcon(rule);
    item.accessibilityInformation = { label: `${rule.title}, ${statusText(rule.status)}` };
    const document = this.document;
    const packRule = document && ruleOf(this.diagnostics.packFor(document), rule.ruleId);
    if (packRule) {
      const tooltip = new vscode.MarkdownString(ruleMarkdown(packRule, { status: rule.status, quotes: node.evidence.map((e) => e.quote), notApplicableReason: rule.reason }));
      tooltip.isTrusted = false;
      item.tooltip = tooltip;
    }
    if (rule.target) item.command = revealCommand(node.uri, rule.target, node.evidence.length ? 'Show evidence' : 'Show where it belongs');
    const serious = rule.finding !== undefined && isSerious(rule.finding);
    item.contextValue = `healingNotes.rule.${rule.status}${node.findingArgs ? '.prompt' : ''}${serious ? '.serious' : ''}`;
    return item;
  }

  private roots(): CoverageNode[] {
    const document = this.document;
    if (!document) return [];
    const note = this.diagnostics.noteOf(document);
    if (!note) return [];
    if (note.analysis.skipped) return [{ type: 'message', label: 'This note was not checked.', tooltip: note.analysis.skipped.reason }];
    return coverageNodes(document, coverageOf(note).groups, (ruleId) => !!ruleOf(note.pack, ruleId)?.prompt);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The tree's nodes for a note's coverage groups. */
export function coverageNodes(document: vscode.TextDocument, groups: readonly CoverageGroup[], hasPrompt: (ruleId: string) => boolean): GroupNode[] {
  const uri = document.uri.toString();
  return groups.map((group) => ({
    type: 'group',
    group,
    uri,
    rules: group.rules.map((rule) => ({
      type: 'rule',
      rule,
      groupKey: group.key,
      uri,
      evidence: rule.evidence.map((e) => ({ type: 'evidence', ruleId: rule.ruleId, uri, ...e })),
      findingArgs:
        rule.finding && hasPrompt(rule.ruleId)
          ? { uri, version: document.version, ruleId: rule.ruleId, kind: rule.finding.kind, range: rule.finding.range }
          : undefined,
    })),
  }));
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
