// Moves mapped lines from the incident's release commit to the working tree: `git diff -U0
// <rev> -- <file>` hunks shift lines below them and flag lines that were changed or removed.

import type { MappedFrame } from './model';
import { runGit } from '../git/gitClient';

export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

export type LineFate = 'unchanged' | 'moved' | 'changed' | 'removed';

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/** Commit ids and plain ref names only: nothing that git could read as an option or a range. */
const SAFE_REVISION = /^(?!-)(?!.*\.\.)\w[\w./@{}^~-]{0,254}$/;

/** The hunk headers of a unified diff, in order. */
export function parseHunks(diff: string): Hunk[] {
  const hunks: Hunk[] = [];
  for (const line of diff.split('\n')) {
    const m = HUNK.exec(line);
    if (m) {
      hunks.push({ oldStart: Number(m[1]), oldCount: m[2] === undefined ? 1 : Number(m[2]), newStart: Number(m[3]), newCount: m[4] === undefined ? 1 : Number(m[4]) });
    }
  }
  return hunks.sort((a, b) => a.oldStart - b.oldStart);
}

/** Where `line` of the old file is in the new one, and whether the line itself was edited. */
export function translateLine(line: number, hunks: Hunk[]): { line: number; fate: LineFate } {
  let delta = 0;
  for (const h of hunks) {
    if (h.oldCount === 0) {
      // Pure insertion after old line `oldStart`: lines below it move down.
      if (h.oldStart < line) delta += h.newCount;
      else break;
      continue;
    }
    const oldEnd = h.oldStart + h.oldCount - 1;
    if (line < h.oldStart) break;
    if (line > oldEnd) {
      delta += h.newCount - h.oldCount;
      continue;
    }
    if (h.newCount === 0) return { line: Math.max(1, h.newStart), fate: 'removed' };
    // Inside an edited block: keep the same offset into it, clamped to its new size.
    return { line: h.newStart + Math.min(line - h.oldStart, h.newCount - 1), fate: 'changed' };
  }
  return { line: line + delta, fate: delta === 0 ? 'unchanged' : 'moved' };
}

async function commitExists(root: string, revision: string): Promise<boolean> {
  try {
    await runGit(root, ['cat-file', '-e', `${revision}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

async function diffHunks(root: string, revision: string, file: string): Promise<{ hunks: Hunk[]; newFile: boolean }> {
  const stdout = await runGit(root, ['diff', '--no-ext-diff', '--no-textconv', '--no-color', '--no-renames', '-U0', revision, '--', file]);
  return { hunks: parseHunks(stdout), newFile: /^--- \/dev\/null$/m.test(stdout) };
}

/**
 * Returns copies of the mapped frames with lines moved from `revision` (the release's commit)
 * to the working tree, lowering the confidence of lines that were edited or removed since.
 */
export async function trackLinesToWorkingTree(frames: MappedFrame[], revision: string | undefined): Promise<MappedFrame[]> {
  if (!revision) return frames;
  if (!SAFE_REVISION.test(revision)) {
    const note = `; the release commit "${revision.slice(0, 80)}" is not a commit id or ref name, so the line is as reported`;
    return frames.map((f) => (f.path ? { ...f, reason: f.reason + note } : f));
  }
  const byFile = new Map<string, MappedFrame[]>();
  for (const f of frames) {
    if (f.root && f.path && f.line !== undefined) {
      const key = `${f.root}\0${f.path}`;
      byFile.set(key, [...(byFile.get(key) ?? []), f]);
    }
  }
  const known = new Map<string, boolean>();
  const updated = new Map<MappedFrame, MappedFrame>();
  for (const group of byFile.values()) {
    const { root, path } = group[0] as Required<Pick<MappedFrame, 'root' | 'path'>>;
    if (!known.has(root)) known.set(root, await commitExists(root, revision));
    if (!known.get(root)) {
      for (const f of group) updated.set(f, { ...f, reason: `${f.reason}; the release commit ${revision} is not in this repository, so the line is as reported` });
      continue;
    }
    let result: { hunks: Hunk[]; newFile: boolean };
    try {
      result = await diffHunks(root, revision, path);
    } catch (e) {
      for (const f of group) updated.set(f, { ...f, reason: `${f.reason}; git diff against ${revision} failed, so the line is as reported` });
      continue;
    }
    for (const f of group) updated.set(f, applyTracking(f, revision, result));
  }
  return frames.map((f) => updated.get(f) ?? f);
}

function applyTracking(f: MappedFrame, revision: string, diff: { hunks: Hunk[]; newFile: boolean }): MappedFrame {
  const short = revision.slice(0, 12);
  if (diff.newFile) {
    return { ...f, confidence: Math.round(f.confidence * 50) / 100, reason: `${f.reason}; ${f.path} did not exist at the release commit ${short}, so this may be the wrong file` };
  }
  const moved = translateLine(f.line as number, diff.hunks);
  const factor = moved.fate === 'changed' ? 0.8 : moved.fate === 'removed' ? 0.6 : 1;
  const note =
    moved.fate === 'unchanged'
      ? `line ${f.line} is unchanged since ${short}`
      : moved.fate === 'moved'
        ? `line ${f.line} at ${short} is line ${moved.line} in the working tree`
        : moved.fate === 'changed'
          ? `line ${f.line} at ${short} was edited since; nearest working-tree line ${moved.line}`
          : `line ${f.line} at ${short} was removed since; nearest working-tree line ${moved.line}`;
  return { ...f, line: moved.line, confidence: Math.round(f.confidence * factor * 100) / 100, reason: `${f.reason}; ${note}` };
}
