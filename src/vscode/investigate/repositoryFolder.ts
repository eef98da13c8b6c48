// Which git repository an investigation runs on: the folder a caller names, else the workspace
// folder that is a repository (asking when several are), else a clear error with a way out.

import * as vscode from 'vscode';
import { isCauseLensError } from '../../core/errors';
import { openRepository } from '../../core/git';
import { openFolderAction, UserFacingError } from '../messages';

/** The repository's working-tree root, or undefined when the path is not inside a repository. */
async function repositoryRootOf(path: string, signal?: AbortSignal): Promise<string | undefined> {
  try {
    return (await openRepository(path, signal)).root;
  } catch (error) {
    if (isCauseLensError(error) && (error.reason === 'not-found' || error.reason === 'bad-input')) return undefined;
    throw error;
  }
}

/** Repository root for an explicit folder (path or Uri) given by a programmatic caller. */
export async function repositoryForFolder(folder: string | vscode.Uri): Promise<string> {
  const path = typeof folder === 'string' ? folder : folder.fsPath;
  const root = await repositoryRootOf(path);
  if (!root) throw new UserFacingError(`${path} is not inside a git repository. CauseLens ranks the commits of a repository: open its folder and try again.`, openFolderAction);
  return root;
}

type FolderPick = vscode.QuickPickItem & { root: string };

/** Repository root of a workspace folder; undefined when the user dismissed the choice. */
export async function chooseWorkspaceRepository(): Promise<string | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    throw new UserFacingError('No folder is open. Open the folder of the git repository whose commits may have caused the incident.', openFolderAction);
  }
  const candidates = await Promise.all(folders.map(async (folder) => ({ folder, root: folder.uri.scheme === 'file' ? await repositoryRootOf(folder.uri.fsPath) : undefined })));
  const repositories = candidates.filter((c): c is { folder: vscode.WorkspaceFolder; root: string } => c.root !== undefined);
  if (repositories.length === 0) {
    const names = folders.map((f) => f.name).join(', ');
    throw new UserFacingError(`No workspace folder (${names}) is a git repository. CauseLens ranks the commits of a repository: open its folder, or run "git init" and commit the history first.`, openFolderAction);
  }
  const distinct = [...new Map(repositories.map((r) => [r.root, r])).values()];
  if (distinct.length === 1) return distinct[0].root;
  const active = vscode.window.activeTextEditor?.document.uri;
  const picks: FolderPick[] = distinct.map((r) => ({
    label: r.folder.name,
    description: r.root,
    root: r.root,
    ...(active && vscode.workspace.getWorkspaceFolder(active)?.uri.toString() === r.folder.uri.toString() ? { detail: 'contains the active editor' } : {}),
  }));
  const pick = await vscode.window.showQuickPick(picks, { title: 'CauseLens: Investigate Incident', placeHolder: 'Which repository ran the code that failed?' });
  return pick?.root;
}
