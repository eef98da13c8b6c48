// Gives the explainer the commits' hunks: converts the history stage's parsed diff, and reads the
// top causes' diffs from the repository in one streamed `git log -p` pass.

import type { RankedCause } from '../analysis/ranking';
import { readCommitDiffs, resolveCommit, type GitRepository } from '../git';
import type { FileChange } from '../git/model';
import type { CauseToExplain, ExplainHunk } from './types';

/** Text hunks of a commit's file changes, under each file's new path (deleted files under the old). */
export function hunksFromFileChanges(files: readonly FileChange[]): ExplainHunk[] {
  return files
    .filter((f) => !f.binary && !f.submodule)
    .flatMap((f) =>
      f.hunks.map((h) => ({
        path: f.newPath ?? f.oldPath ?? '',
        newStart: h.newStart,
        newLines: h.newLines,
        added: h.added.map((l) => l.text),
        removed: h.removed.map((l) => l.text),
      })),
    );
}

/**
 * The first `top` causes with their commits' hunks and full messages, ready for explainCauses.
 * Hunk lines are those of each commit; the suspect lines of the ranking stay as they are.
 */
export async function readCausesToExplain(repo: GitRepository, causes: readonly RankedCause[], options: { top: number; signal?: AbortSignal }): Promise<CauseToExplain[]> {
  const chosen = causes.slice(0, options.top);
  // A commit missing here (another clone, a shallow history) would fail the whole read: leave it out.
  const present = await Promise.all(chosen.map((c) => resolveCommit(repo, c.commit.sha, options.signal)));
  const shas = [...new Set(present.filter((sha): sha is string => sha !== undefined))];
  const diffs = shas.length > 0 ? await readCommitDiffs(repo, { commits: shas }, { signal: options.signal }) : [];
  const bySha = new Map(diffs.map((d) => [d.commit.sha, d]));
  return chosen.map((cause, i) => {
    const diff = present[i] === undefined ? undefined : bySha.get(present[i]!);
    if (!diff) return { cause, hunks: [] };
    const message = diff.commit.body.trim() ? `${diff.commit.subject}\n\n${diff.commit.body.trim()}` : diff.commit.subject;
    return { cause, hunks: hunksFromFileChanges(diff.files), commitMessage: message };
  });
}
