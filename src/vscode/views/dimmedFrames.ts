// Tree items cannot colour their label directly; a FileDecoration on a private URI scheme can.
// The Stack view gives library frames such a URI so their labels are drawn dimmed.

import * as vscode from 'vscode';

const DIMMED_SCHEME = 'causelens-dimmed';

export function dimmedResourceUri(key: string): vscode.Uri {
  return vscode.Uri.from({ scheme: DIMMED_SCHEME, path: `/${key}` });
}

class DimmedFrameDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== DIMMED_SCHEME) return undefined;
    return { color: new vscode.ThemeColor('disabledForeground'), tooltip: 'Library or runtime frame' };
  }
}

export function registerDimmedFrameDecorations(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.window.registerFileDecorationProvider(new DimmedFrameDecorations()));
}
