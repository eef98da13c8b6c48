// Carries the lines a commit changed forward to the incident's revision, through the hunks of
// every newer commit in the window, so an old change can be laid on today's syntax tree. Diffs
// arrive newest first (git log order), so when a commit is read every newer change of the file
// is already known.

export interface HunkSpan {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** The hunk only rewrapped or requoted its lines (see formatting.ts): they keep their identity. */
  layoutOnly?: boolean;
  /** For a layout-only hunk: the new line each of its old lines' text went to. */
  lineMap?: readonly number[];
  /** The hunk only changed comments or blank lines: it moves older lines but wrote no code. */
  commentOnly?: boolean;
}

export interface MappedLine {
  line: number;
  /** False when a newer commit rewrote the line, so only its neighbourhood survives. */
  exact: boolean;
}

/**
 * Maps one line through one commit's hunks of a file (old side -> new side). Through a
 * `transparent` (formatting-only) commit a rewritten line keeps its identity, as blame's
 * ignore-revs would have it: it lands on the same offset within the rewritten block.
 */
export function mapLineThroughHunks(line: number, hunks: readonly HunkSpan[], transparent = false): MappedLine | undefined {
  let delta = 0;
  for (const h of hunks) {
    const insertionOnly = h.oldLines === 0;
    const firstTouched = insertionOnly ? h.oldStart + 1 : h.oldStart;
    if (line < firstTouched) break;
    if (!insertionOnly && line < h.oldStart + h.oldLines) {
      if ((transparent || h.layoutOnly) && h.newLines > 0) return { line: h.lineMap?.[line - h.oldStart] ?? h.newStart + Math.min(line - h.oldStart, h.newLines - 1), exact: true };
      // The line was rewritten or deleted by this hunk: point at what replaced it.
      return { line: Math.max(1, h.newLines > 0 ? h.newStart : h.newStart + 1), exact: false };
    }
    delta += h.newLines - h.oldLines;
  }
  return { line: line + delta, exact: true };
}

/** The history of one file of the incident revision, newer hunks kept oldest first. */
class FileHistory {
  /** The file's name at the commit being read (renames are followed backwards). */
  pathNow: string;
  private readonly newerCommits: { hunks: HunkSpan[]; transparent: boolean }[] = [];

  constructor(readonly incidentPath: string) {
    this.pathNow = incidentPath;
  }

  toIncidentRevision(line: number): MappedLine {
    let current: MappedLine = { line, exact: true };
    for (const { hunks, transparent } of this.newerCommits) {
      const next = mapLineThroughHunks(current.line, hunks, transparent);
      if (!next) return { line: current.line, exact: false };
      current = { line: next.line, exact: current.exact && next.exact };
    }
    return current;
  }

  recordOlderCommit(hunks: HunkSpan[], previousPath: string | undefined, transparent: boolean): void {
    this.newerCommits.unshift({ hunks, transparent });
    if (previousPath) this.pathNow = previousPath;
  }
}

/** Hunks longer than this are carried forward by their ends only (a file's creation, a rewrite). */
const MAX_LINES_CARRIED_ONE_BY_ONE = 400;

/**
 * A hunk's new side carried to the incident revision, as the runs of lines it still covers there.
 * Newer commits may have inserted lines inside it (git puts an added method between the last
 * ones' closing braces): those are not this commit's. A line a newer commit rewrote is kept as
 * the point of what replaced it, not exact.
 */
function hunkSpans(history: FileHistory, h: HunkSpan): { start: number; end: number; exact: boolean }[] {
  // A pure deletion sits between new lines `newStart` and `newStart + 1`: it touches both.
  const first = h.newLines > 0 ? h.newStart : Math.max(1, h.newStart);
  const last = h.newLines > 0 ? h.newStart + h.newLines - 1 : h.newStart + 1;
  if (last - first + 1 > MAX_LINES_CARRIED_ONE_BY_ONE) {
    const start = history.toIncidentRevision(first);
    const end = history.toIncidentRevision(last);
    return [{ start: Math.min(start.line, end.line), end: Math.max(start.line, end.line), exact: start.exact && end.exact }];
  }
  const spans: { start: number; end: number; exact: boolean }[] = [];
  for (let line = first; line <= last; line++) {
    const mapped = history.toIncidentRevision(line);
    const previous = spans.at(-1);
    // Rewritten lines all point at what replaced them: one point for the lot.
    const samePoint = previous && previous.start === mapped.line && previous.end === mapped.line && previous.exact === mapped.exact;
    if (previous && previous.exact && mapped.exact && mapped.line === previous.end + 1) previous.end = mapped.line;
    else if (!samePoint) spans.push({ start: mapped.line, end: mapped.line, exact: mapped.exact });
  }
  return spans;
}

export interface TrackedFileChange {
  /** The file's path at the incident revision. */
  incidentPath: string;
  /** Each hunk's new-side span carried to the incident revision (inclusive lines). */
  spans: { start: number; end: number; exact: boolean }[];
  /** Lines this commit added that still stand unchanged at the incident revision. */
  survivingAddedLines: number[];
}

export interface TrackableChange {
  oldPath?: string;
  newPath?: string;
  hunks: (HunkSpan & { added: { line: number }[] })[];
}

/**
 * Follows a fixed set of files (paths at the incident revision) back through history.
 * Call `track` once per commit, newest commit first.
 */
export class IncidentLineTracker {
  private files: FileHistory[];

  constructor(incidentPaths: Iterable<string>) {
    this.files = [...new Set(incidentPaths)].map((p) => new FileHistory(p));
  }

  /** Stops following every file but these: older commits claim no lines in the others. */
  followOnly(incidentPaths: readonly string[]): void {
    this.files = this.files.filter((f) => incidentPaths.includes(f.incidentPath));
  }

  /** `formattingOnly`: the commit only reformatted, so older lines keep their identity through it. */
  track(changes: readonly TrackableChange[], formattingOnly = false): TrackedFileChange[] {
    const tracked: TrackedFileChange[] = [];
    for (const history of this.files) {
      const change = changes.find((c) => c.newPath === history.pathNow);
      if (!change) continue;
      // A hunk that only changed layout wrote nothing of its own: older lines go through it. One
      // that only changed comments wrote no code.
      const own = change.hunks.filter((h) => !h.layoutOnly && !h.commentOnly);
      const spans = own.flatMap((h) => hunkSpans(history, h));
      const survivingAddedLines: number[] = [];
      for (const h of own) {
        for (const added of h.added) {
          const mapped = history.toIncidentRevision(added.line);
          if (mapped.exact) survivingAddedLines.push(mapped.line);
        }
      }
      if (own.length > 0 || change.hunks.length === 0) tracked.push({ incidentPath: history.incidentPath, spans, survivingAddedLines });
      const renamedFrom = change.oldPath && change.oldPath !== change.newPath ? change.oldPath : undefined;
      history.recordOlderCommit(change.hunks, renamedFrom, formattingOnly);
    }
    return tracked;
  }
}
