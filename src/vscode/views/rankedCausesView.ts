// The "Ranked Causes" tree in the CauseLens activity-bar container.

import * as vscode from 'vscode';
import type { Incident, StackFrame } from '../../core/incident/model';

export type RankedCausesNode =
  | { kind: 'incident'; incident: Incident }
  | { kind: 'frame'; frame: StackFrame };
type Node = RankedCausesNode;

export class RankedCausesProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private incident: Incident | undefined;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  get current(): Incident | undefined {
    return this.incident;
  }

  show(incident: Incident | undefined): void {
    this.incident = incident;
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!this.incident) return [];
    if (!node) return [{ kind: 'incident', incident: this.incident }];
    if (node.kind === 'incident') {
      return node.incident.exceptions.flatMap((e) => e.frames).map((frame) => ({ kind: 'frame', frame }));
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'incident') {
      const item = new vscode.TreeItem(node.incident.title, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('bug');
      item.contextValue = 'incident';
      return item;
    }
    const f = node.frame;
    const where = f.line !== undefined ? `${f.file}:${f.line}` : f.file;
    const item = new vscode.TreeItem(f.function ?? '<anonymous>', vscode.TreeItemCollapsibleState.None);
    item.description = where;
    item.iconPath = new vscode.ThemeIcon(f.inApp ? 'debug-stackframe' : 'library');
    item.contextValue = 'frame';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
