// Inline annotations on suspect lines: a themed background on every suspect line and, after the
// first line of each block, "← #1 a1b2c3d: removed a guard…". Decoration types are made once;
// redraws are debounced across editor, document and result changes.

import * as vscode from 'vscode';
import { ColorIds } from '../commandIds';
import type { SettingsStore } from '../config';
import type { InvestigationStore } from '../results/investigationStore';
import { asClause, blockEvidence, shortSha, suspectBlocksInFile, type SuspectBlock } from '../results/suspectIndex';

const REDRAW_DELAY_MS = 150;

export function annotationText(block: SuspectBlock): string {
  return `← #${block.cause.rank} ${shortSha(block.cause.commit.sha)}: ${asClause(blockEvidence(block))}`;
}

export class SuspectLineDecorations implements vscode.Disposable {
  private readonly lineType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(ColorIds.suspectLineBackground),
    isWholeLine: true,
    overviewRulerColor: new vscode.ThemeColor(ColorIds.annotationForeground),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  private readonly annotationType = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor(ColorIds.annotationForeground), margin: '0 0 0 2em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly subscriptions: vscode.Disposable[];
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  /** Annotated line numbers (1-based) per document URI, as last drawn: lets tests see the wiring. */
  private readonly drawn = new Map<string, number[]>();

  constructor(private readonly store: InvestigationStore, private readonly settings: SettingsStore) {
    this.subscriptions = [
      store.onDidChange(() => this.scheduleRedraw()),
      settings.onDidChange(() => this.scheduleRedraw()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.scheduleRedraw()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (vscode.window.visibleTextEditors.some((editor) => editor.document === e.document)) this.scheduleRedraw();
      }),
    ];
    this.scheduleRedraw();
  }

  annotatedLines(uri: vscode.Uri): number[] {
    return this.drawn.get(uri.toString()) ?? [];
  }

  private scheduleRedraw(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => {
      this.redrawTimer = undefined;
      this.redraw();
    }, REDRAW_DELAY_MS);
  }

  private redraw(): void {
    this.drawn.clear();
    const enabled = this.settings.settings.annotationsEnabled;
    for (const editor of vscode.window.visibleTextEditors) {
      const blocks = enabled && editor.document.uri.scheme === 'file' ? suspectBlocksInFile(this.store.current, editor.document.uri.fsPath) : [];
      const lineCount = editor.document.lineCount;
      const lines = new Map<number, vscode.DecorationOptions>();
      const annotations: vscode.DecorationOptions[] = [];
      for (const block of blocks) {
        for (const line of block.lines) {
          if (line > lineCount || lines.has(line)) continue;
          lines.set(line, { range: new vscode.Range(line - 1, 0, line - 1, 0) });
        }
        if (block.startLine > lineCount || annotations.some((a) => a.range.start.line === block.startLine - 1)) continue;
        const end = editor.document.lineAt(block.startLine - 1).range.end;
        annotations.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: annotationText(block) } } });
      }
      editor.setDecorations(this.lineType, [...lines.values()]);
      editor.setDecorations(this.annotationType, annotations);
      if (annotations.length > 0) this.drawn.set(editor.document.uri.toString(), annotations.map((a) => a.range.start.line + 1));
    }
  }

  dispose(): void {
    if (this.redrawTimer) clearTimeout(this.redrawTimer);
    for (const s of this.subscriptions) s.dispose();
    this.lineType.dispose();
    this.annotationType.dispose();
  }
}
