// Links from frames in stack-trace documents (language causelens-stacktrace) to the workspace
// file and line. Links are found on the text; the workspace is searched only when one is clicked.

import * as vscode from 'vscode';
import { findFrameLocations, frameSegments, sharedSuffixLength } from './frameLocations';

export const STACK_TRACE_LANGUAGE = 'causelens-stacktrace';
const MAX_CANDIDATES = 50;

class FrameLink extends vscode.DocumentLink {
  constructor(range: vscode.Range, readonly framePath: string, readonly fileLine: number) {
    super(range);
    this.tooltip = `Open ${framePath.split(/[\\/]/).pop()}:${fileLine} in the workspace`;
  }
}

/** The workspace file whose path shares the longest suffix with the frame's path, if any. */
export async function findWorkspaceFile(framePath: string, token?: vscode.CancellationToken): Promise<vscode.Uri | undefined> {
  const segments = frameSegments(framePath);
  const name = segments.at(-1);
  if (!name || /[*?{}[\]]/.test(name)) return undefined;
  const candidates = await vscode.workspace.findFiles(`**/${name}`, '**/node_modules/**', MAX_CANDIDATES, token);
  let best: { uri: vscode.Uri; shared: number } | undefined;
  for (const uri of candidates) {
    const shared = sharedSuffixLength(segments, uri.path.split('/').filter(Boolean));
    if (shared > 0 && (!best || shared > best.shared)) best = { uri, shared };
  }
  return best?.uri;
}

export class StackTraceLinkProvider implements vscode.DocumentLinkProvider<FrameLink> {
  provideDocumentLinks(document: vscode.TextDocument): FrameLink[] {
    return findFrameLocations(document.getText()).map((m) => new FrameLink(new vscode.Range(m.line, m.start, m.line, m.end), m.path, m.fileLine));
  }

  async resolveDocumentLink(link: FrameLink, token: vscode.CancellationToken): Promise<FrameLink | undefined> {
    const uri = await findWorkspaceFile(link.framePath, token);
    if (!uri) return undefined;
    // The editor opens `#L<line>` fragments of file links at that line.
    link.target = uri.with({ fragment: `L${link.fileLine}` });
    return link;
  }
}

export function registerStackTraceLinks(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.languages.registerDocumentLinkProvider({ language: STACK_TRACE_LANGUAGE }, new StackTraceLinkProvider()));
}
