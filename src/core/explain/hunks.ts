// Converts the history stage's parsed diff into the hunks the explainer reads.

import type { FileChange } from '../git/model';
import type { ExplainHunk } from './types';

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
