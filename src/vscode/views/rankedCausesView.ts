// The "Ranked Causes" tree: incident → causes (#1 42% a1b2c3d subject) → evidence → locations
// (clicking one opens the working-tree file at the line). Reads the InvestigationStore only.

import * as vscode from 'vscode';
import type { Evidence } from '../../core/analysis/features';
import type { RankedCause } from '../../core/analysis/ranking';
import type { Incident } from '../../core/incident/model';
import type { Investigation, InvestigationStore } from '../results/investigationStore';
import { percent, shortSha, workingTreePath } from '../results/suspectIndex';
import { causeMarkdown, evidenceIcon, shownExplanation } from './causeMarkdown';

export type RankedCausesNode =
  | { kind: 'incident'; incident: Incident }
  | { kind: 'cause'; cause: RankedCause }
  | { kind: 'evidence'; cause: RankedCause; evidence: Evidence }
  | { kind: 'location'; path: string; line: number }
  | { kind: 'warning'; message: string };
type Node = RankedCausesNode;

/** Opens a working-tree file at a 1-based line: the command of location items. */
export function openLocationCommand(repoRoot: string, path: string, line: number): vscode.Command {
  const uri = vscode.Uri.file(workingTreePath(repoRoot, path));
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  return { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(position, position), preview: true }] };
}

export class RankedCausesProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: InvestigationStore) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  /** The incident shown, if any. */
  get current(): Incident | undefined {
    return this.store.current?.result.incident;
  }

  private get investigation(): Investigation | undefined {
    return this.store.current;
  }

  getChildren(node?: Node): Node[] {
    const investigation = this.investigation;
    if (!investigation) return [];
    const { result } = investigation;
    if (!node) return [{ kind: 'incident', incident: result.incident }];
    switch (node.kind) {
      case 'incident':
        return [...result.causes.map((cause): Node => ({ kind: 'cause', cause })), ...result.warnings.map((message): Node => ({ kind: 'warning', message }))];
      case 'cause':
        return node.cause.evidence.map((evidence): Node => ({ kind: 'evidence', cause: node.cause, evidence }));
      case 'evidence':
        return evidenceLocations(node.cause, node.evidence).map(({ path, line }): Node => ({ kind: 'location', path, line }));
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'incident': {
        const item = new vscode.TreeItem(node.incident.title, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('bug');
        item.contextValue = 'incident';
        const stats = this.investigation?.result.stats;
        if (stats) item.description = `${stats.scored}/${stats.candidates} commits scored`;
        return item;
      }
      case 'cause':
        return this.causeItem(node.cause);
      case 'evidence': {
        const hasLocations = evidenceLocations(node.cause, node.evidence).length > 0;
        const item = new vscode.TreeItem(node.evidence.message, hasLocations ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(evidenceIcon(node.evidence.kind));
        item.description = `+${node.evidence.weight.toFixed(2)}`;
        item.tooltip = `${node.evidence.kind}: ${node.evidence.message}`;
        item.contextValue = 'evidence';
        return item;
      }
      case 'location': {
        const item = new vscode.TreeItem(`${node.path}:${node.line}`, vscode.TreeItemCollapsibleState.None);
        item.iconPath = vscode.ThemeIcon.File;
        const root = this.investigation?.repoRoot;
        if (root) {
          item.resourceUri = vscode.Uri.file(workingTreePath(root, node.path));
          item.command = openLocationCommand(root, node.path, node.line);
        }
        item.label = `${node.path}:${node.line}`;
        item.contextValue = 'location';
        return item;
      }
      case 'warning': {
        const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('warning');
        item.tooltip = node.message;
        item.contextValue = 'warning';
        return item;
      }
    }
  }

  private causeItem(cause: RankedCause): vscode.TreeItem {
    const label = `#${cause.rank} ${percent(cause.score)} ${shortSha(cause.commit.sha)} ${cause.commit.subject}`;
    const item = new vscode.TreeItem(label, cause.rank === 1 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `cause:${cause.commit.sha}`;
    item.description = `${cause.commit.author} · ${cause.commit.date.slice(0, 10)}`;
    item.tooltip = causeMarkdown(cause, { diffLink: true, explanation: shownExplanation(this.investigation, cause.commit.sha) });
    item.iconPath = new vscode.ThemeIcon('git-commit', cause.rank === 1 ? new vscode.ThemeColor('charts.orange') : undefined);
    item.contextValue = 'cause';
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** Where an evidence item points: its own location, else the cause's suspect lines in its file. */
export function evidenceLocations(cause: RankedCause, evidence: Evidence): { path: string; line: number }[] {
  if (evidence.path && evidence.line !== undefined) return [{ path: evidence.path, line: evidence.line }];
  if (evidence.path) return cause.suspectLines.filter((l) => l.path === evidence.path).slice(0, 20);
  return [];
}
