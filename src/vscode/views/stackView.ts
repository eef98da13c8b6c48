// The "Stack" view: the incident's exceptions and frames as mapped onto the repository, then the
// other failures reported with it (a test run's other failing tests). In-app frames found in the
// repository open the working-tree file at the line; library frames are dimmed.

import * as vscode from 'vscode';
import type { LocatedFrame } from '../../core/analysis/context';
import type { ExceptionInfo, StackFrame } from '../../core/incident/model';
import type { InvestigationStore } from '../results/investigationStore';
import { dimmedResourceUri } from './dimmedFrames';
import { openLocationCommand } from './rankedCausesView';

export type StackNode =
  /** `failure` is set for an exception of `Incident.otherFailures[failure - 1]`. */
  | { kind: 'exception'; exception: ExceptionInfo; exceptionIndex: number; failure?: number }
  | { kind: 'frame'; frame: StackFrame; located?: LocatedFrame };

export class StackProvider implements vscode.TreeDataProvider<StackNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<StackNode | undefined>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly store: InvestigationStore) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: StackNode): StackNode[] {
    const result = this.store.current?.result;
    if (!result) return [];
    if (!node) {
      return [result.incident.exceptions, ...(result.incident.otherFailures ?? [])].flatMap((chain, failure) =>
        chain.map((exception, exceptionIndex): StackNode => ({ kind: 'exception', exception, exceptionIndex, ...(failure > 0 ? { failure } : {}) })),
      );
    }
    if (node.kind !== 'exception') return [];
    return node.exception.frames.map((frame, frameIndex): StackNode => {
      const located = result.frames.find((f) => (f.failure ?? 0) === (node.failure ?? 0) && f.exceptionIndex === node.exceptionIndex && f.frameIndex === frameIndex);
      return { kind: 'frame', frame, ...(located ? { located } : {}) };
    });
  }

  getTreeItem(node: StackNode): vscode.TreeItem {
    if (node.kind === 'exception') {
      const chained = node.exceptionIndex === 0 ? node.exception.type : `${node.exception.chainedAs === 'context' ? 'During handling' : 'Caused by'}: ${node.exception.type}`;
      const label = node.failure && node.exceptionIndex === 0 ? `Also failed: ${chained}` : chained;
      const reported = !node.failure && node.exceptionIndex === 0;
      const item = new vscode.TreeItem(label, reported ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = node.exception.message;
      item.tooltip = `${node.exception.type}: ${node.exception.message}`;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.contextValue = 'exception';
      return item;
    }
    const { frame, located } = node;
    const item = new vscode.TreeItem(frame.function ?? '<anonymous>', vscode.TreeItemCollapsibleState.None);
    const where = frame.line !== undefined ? `${frame.file}:${frame.line}` : frame.file;
    const root = this.store.current?.repoRoot;
    if (located && root) {
      item.description = `${located.path}:${located.line}`;
      item.tooltip = `${where}\n→ ${located.path}:${located.line} in the repository`;
      item.iconPath = new vscode.ThemeIcon('debug-stackframe');
      item.command = openLocationCommand(root, located.path, located.line);
      item.contextValue = 'frame.located';
    } else if (frame.inApp) {
      item.description = where;
      item.tooltip = `${where}\nNot found in the repository at the incident's revision.`;
      item.iconPath = new vscode.ThemeIcon('debug-stackframe-dot');
      item.contextValue = 'frame.unlocated';
    } else {
      item.description = `${where} · library`;
      item.tooltip = `${where}\nLibrary or runtime code, not part of the application.`;
      item.iconPath = new vscode.ThemeIcon('library', new vscode.ThemeColor('disabledForeground'));
      item.resourceUri = dimmedResourceUri(`${where}#${frame.function ?? ''}`);
      item.contextValue = 'frame.library';
    }
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
