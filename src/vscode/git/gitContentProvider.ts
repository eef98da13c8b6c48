// Read-only documents of a file as it was at a commit (`causelens-git:` URIs), read through
// core/git's blob reader: the left and right sides of a suspect commit's diff.

import * as vscode from 'vscode';
import { readBlobAtRevision } from '../../core/git';
import { GIT_CONTENT_SCHEME } from '../commandIds';

interface GitContentQuery {
  root: string;
  rev: string;
}

/** A URI whose path ends in the file's name, so the editor picks its language and title. */
export function gitContentUri(repoRoot: string, rev: string, path: string): vscode.Uri {
  const query: GitContentQuery = { root: repoRoot, rev };
  return vscode.Uri.from({ scheme: GIT_CONTENT_SCHEME, path: `/${path}`, query: JSON.stringify(query) });
}

function parseGitContentUri(uri: vscode.Uri): GitContentQuery & { path: string } {
  const query = JSON.parse(uri.query) as Partial<GitContentQuery>;
  if (typeof query.root !== 'string' || typeof query.rev !== 'string') throw new Error(`Not a CauseLens git URI: ${uri.toString()}`);
  return { root: query.root, rev: query.rev, path: uri.path.replace(/^\//, '') };
}

export class GitContentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const { root, rev, path } = parseGitContentUri(uri);
    const controller = new AbortController();
    const listener = token.onCancellationRequested(() => controller.abort());
    try {
      const blob = await readBlobAtRevision({ root }, rev, path, controller.signal);
      // Absent at that revision (added or deleted by the commit): an empty side shows it whole.
      if (!blob) return '';
      return blob.text ?? `(binary file ${path} at ${rev})\n`;
    } catch (error) {
      this.log.warn(`Could not read ${path} at ${rev}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      listener.dispose();
    }
  }
}

export function registerGitContentProvider(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(GIT_CONTENT_SCHEME, new GitContentProvider(log)));
}
