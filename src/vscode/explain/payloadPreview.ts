// Read-only documents (`causelens-payload:` URIs) showing exactly what an explanation request
// would send and where; read-only so closing one never asks to save it.

import * as vscode from 'vscode';
import { PAYLOAD_PREVIEW_SCHEME } from '../commandIds';

export class PayloadPreviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private next = 0;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PAYLOAD_PREVIEW_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '(This preview is no longer available.)\n';
  }

  /** Opens the markdown beside the active editor without taking focus; returns its URI. */
  async show(markdown: string): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: PAYLOAD_PREVIEW_SCHEME, path: `/explanation-request-${++this.next}.md` });
    this.texts.set(uri.toString(), markdown);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
    return uri;
  }

  /** Closes the preview's tabs and forgets its text. */
  async close(uri: vscode.Uri): Promise<void> {
    this.texts.delete(uri.toString());
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
  }

  dispose(): void {
    this.registration.dispose();
    this.texts.clear();
  }
}
