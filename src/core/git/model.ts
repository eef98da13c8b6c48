// Plain data types for the history stage: commits, their diffs, blame and the candidate window.
// Everything here is serialisable so it can cross into Piscina workers unchanged.

export interface CommitInfo {
  sha: string;
  /** Parent shas, first parent first; empty for a root commit. */
  parents: string[];
  authorName: string;
  authorEmail: string;
  /** ISO 8601 with the author's offset. */
  authorDate: string;
  /** ISO 8601 with the committer's offset. */
  committerDate: string;
  subject: string;
  body: string;
}

export interface HunkLine {
  /** 1-based line number: in the old file for removed lines, in the new file for added lines. */
  line: number;
  text: string;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Text after the second `@@` (git's guess of the enclosing function), when any. */
  section?: string;
  removed: HunkLine[];
  added: HunkLine[];
}

/** A: added, M: modified, D: deleted, R: renamed, C: copied. (A file <-> symlink switch shows as D + A.) */
export type FileChangeStatus = 'A' | 'M' | 'D' | 'R' | 'C';

export interface FileChange {
  /** Path before the change; absent for an added file. */
  oldPath?: string;
  /** Path after the change; absent for a deleted file. */
  newPath?: string;
  status: FileChangeStatus;
  binary: boolean;
  /** A gitlink (submodule pointer) rather than a file: no hunks worth reading. */
  submodule: boolean;
  /** Rename/copy similarity in percent, when git reported one. */
  similarity?: number;
  hunks: Hunk[];
}

export type FormattingReason = 'whitespace' | 'blame-ignore-revs';

export interface CommitDiff {
  commit: CommitInfo;
  files: FileChange[];
  isMerge: boolean;
  /** True when the commit only reformats code (or the repository lists it in its blame-ignore file). */
  formattingOnly: boolean;
  formattingReason?: FormattingReason;
}

/** Where the incident's revision came from: the release commit found locally, or HEAD as a fallback. */
export type RevisionSource = 'incident' | 'head';

export interface BlameTarget {
  /** Repository-relative path with forward slashes. */
  path: string;
  /** 1-based line at the blamed revision. */
  line: number;
}

export interface BlameResult extends BlameTarget {
  /** The commit that last changed the line (after skipping ignore-listed revisions). */
  sha: string;
  /** The line's number in that commit's version of the file. */
  originalLine: number;
  originalPath: string;
  /** Git stopped at a shallow-clone boundary: the commit may not really be the one that changed it. */
  boundary: boolean;
}

export interface CandidateWindow {
  /** The resolved incident revision (full sha). */
  revision: string;
  revisionSource: RevisionSource;
  /** Commits in the time/release window, newest first, at most `maxCommits`. */
  commits: string[];
  /** Commits that last changed a frame line but lie outside the window (older, or beyond the cap). */
  blameCommits: string[];
  /** Blame per requested frame line; lines git could not blame are left out. */
  blame: BlameResult[];
  /** ISO 8601 lower bound on committer date, when a day window applied. */
  since?: string;
  /**
   * ISO 8601: the window holds no commit committed before this (its day bound, or its oldest
   * commit's time when the count cut it); unset when it holds the whole history.
   */
  endsAt?: string;
  /** ISO 8601 upper bound (first seen), applied only when the revision fell back to HEAD. */
  until?: string;
  /** The previous release resolved locally, used as the exclusive lower bound. */
  previousRelease?: string;
  /** More commits matched than `maxCommits`. */
  truncated: boolean;
  /** The repository is a shallow clone: older history and blame may be cut off. */
  shallow: boolean;
  /** Things that did not stop the selection (unknown release commit, unknown previous release...). */
  warnings: string[];
}
