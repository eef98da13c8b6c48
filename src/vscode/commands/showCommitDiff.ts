// "Show Commit Diff": opens a diff editor, parent ↔ commit, for each file the suspect commit
// changed that relates to the incident (all its files when none does), read from git blobs.

import { posix } from 'node:path';
import * as vscode from 'vscode';
import { readCommitDiffs, type FileChange } from '../../core/git';
import { CommandIds } from '../commandIds';
import { gitContentUri } from '../git/gitContentProvider';
import { showError } from '../messages';
import { findCause, shaOfArgument, type CauseArgument } from '../results/causeArgument';
import type { Investigation } from '../results/investigationStore';
import { shortSha } from '../results/suspectIndex';
import type { Services } from '../services';

/** More editors than this would bury the user's own; the rest are listed in the log. */
const MAX_DIFF_EDITORS = 6;

export function registerShowCommitDiff(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.commands.registerCommand(CommandIds.showCommitDiff, (arg: CauseArgument) => showCommitDiff(services, arg)));
}

/** Paths the investigation connects to the incident: evidence, suspect lines, frames, neighbours. */
function incidentPaths(investigation: Investigation, sha: string): Set<string> {
  const { result } = investigation;
  const cause = result.causes.find((c) => c.commit.sha === sha);
  const paths = [
    ...(cause?.evidence.flatMap((e) => (e.path ? [e.path] : [])) ?? []),
    ...(cause?.suspectLines.map((l) => l.path) ?? []),
    ...result.frames.map((f) => f.path),
    ...result.context.anchors.map((a) => a.path),
    ...result.context.neighbours.map((n) => n.path),
  ];
  return new Set(paths);
}

export function relatedFiles(files: readonly FileChange[], related: ReadonlySet<string>): FileChange[] {
  const readable = files.filter((f) => !f.submodule);
  const hits = readable.filter((f) => (f.newPath && related.has(f.newPath)) || (f.oldPath && related.has(f.oldPath)));
  return hits.length > 0 ? hits : readable;
}

async function showCommitDiff(services: Services, arg: CauseArgument): Promise<number> {
  const investigation = services.investigations.current;
  const cause = findCause(investigation, arg);
  if (!investigation || !cause) {
    const which = shaOfArgument(arg);
    showError(`there is no ranked cause${which ? ` ${shortSha(which)}` : ''} to show; investigate an incident first.`, {
      title: 'Investigate Incident…',
      run: () => vscode.commands.executeCommand(CommandIds.investigateIncident),
    });
    return 0;
  }
  const sha = cause.commit.sha;
  const repo = { root: investigation.repoRoot };
  const [diff] = await readCommitDiffs(repo, { commits: [sha] });
  if (!diff) {
    showError(`commit ${shortSha(sha)} is no longer in ${investigation.repoRoot}; it may have been rewritten. Investigate again.`);
    return 0;
  }
  const files = relatedFiles(diff.files, incidentPaths(investigation, sha));
  if (files.length > MAX_DIFF_EDITORS) services.log.info(`Commit ${shortSha(sha)} changed ${files.length} files; showing the first ${MAX_DIFF_EDITORS}: ${files.map((f) => f.newPath ?? f.oldPath).join(', ')}`);
  // The first parent; a root commit's parent side reads as empty, showing the file as added.
  const parent = `${sha}^`;
  const shown = files.slice(0, MAX_DIFF_EDITORS);
  for (const [index, file] of shown.entries()) {
    const after = file.newPath ?? file.oldPath!;
    const before = file.oldPath ?? after;
    const title = `${posix.basename(after)} (${shortSha(sha)}^ ↔ ${shortSha(sha)}) ${cause.commit.subject}`;
    await vscode.commands.executeCommand('vscode.diff', gitContentUri(repo.root, parent, before), gitContentUri(repo.root, sha, after), title, {
      preview: shown.length === 1,
      preserveFocus: index < shown.length - 1,
    });
  }
  return shown.length;
}
