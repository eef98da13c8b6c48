// Line tracking on the main thread over raw history records: a window commit's diff is parsed
// here only when it can touch a file the incident follows; every other commit goes to the
// workers unparsed, since the IncidentLineTracker would neither report nor record anything for it.

import { parseCommitRecords, type RawCommit } from '../git/patchParser';
import { isCommentOnlyHunk, layoutLineMaps, layoutOnlyHunks } from '../git/formatting';
import type { FileChange } from '../git/model';
import { IncidentLineTracker, type TrackableChange, type TrackedFileChange } from './lineTracking';

/**
 * The longest part of a path that git prints as is, quoted or not (printable ASCII but `"` and
 * `\`): any diff of the file contains it. Undefined when no part is safe to look for.
 */
export function literalPart(path: string): string | undefined {
  const parts = path.split(/[^\x20-\x21\x23-\x5b\x5d-\x7e]+/);
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  return longest.length > 0 ? longest : undefined;
}

/** A commit's file changes as line tracking reads them, each hunk marked when it wrote no code. */
export function toTrackable(files: readonly FileChange[]): TrackableChange[] {
  const layout = layoutOnlyHunks(files);
  return files.map((file, i) => {
    const lineMaps = layoutLineMaps(file, layout[i]);
    const hunks = file.hunks.map((h, j) => (layout[i][j] ? { ...h, layoutOnly: true, lineMap: lineMaps[j] } : isCommentOnlyHunk(file, h) ? { ...h, commentOnly: true } : h));
    return { ...(file.oldPath ? { oldPath: file.oldPath } : {}), ...(file.newPath ? { newPath: file.newPath } : {}), hunks };
  });
}

export class WindowLineTracking {
  private readonly tracker: IncidentLineTracker;
  /** Every name a followed file has had so far (renames are followed backwards, names only added). */
  private readonly names = new Set<string>();
  /** What to look for in a record for each name; undefined: parse every record. */
  private readonly needles: (string | undefined)[] = [];
  /** Commits whose diff was parsed on the main thread (the rest only in a worker). */
  parsedHere = 0;

  constructor(incidentPaths: readonly string[], private readonly ignoreRevs: ReadonlySet<string>) {
    this.tracker = new IncidentLineTracker(incidentPaths);
    for (const path of incidentPaths) this.follow(path);
  }

  /** The record's changes laid on the incident revision; call once per commit, newest first. */
  track(record: RawCommit): TrackedFileChange[] {
    if (!this.mayTouchFollowedFile(record.bytes)) return [];
    this.parsedHere++;
    const [diff] = parseCommitRecords(record.bytes, { ignoreRevs: this.ignoreRevs });
    if (!diff) return [];
    for (const file of diff.files) {
      if (file.newPath && file.oldPath && file.oldPath !== file.newPath && this.names.has(file.newPath)) this.follow(file.oldPath);
    }
    return this.tracker.track(toTrackable(diff.files), diff.formattingOnly);
  }

  /** Stops following every file but these (incident paths): their older history is not all read. */
  followOnly(incidentPaths: readonly string[]): void {
    this.tracker.followOnly(incidentPaths);
  }

  private follow(path: string): void {
    if (this.names.has(path)) return;
    this.names.add(path);
    this.needles.push(literalPart(path));
  }

  private mayTouchFollowedFile(bytes: Buffer): boolean {
    return this.needles.some((needle) => needle === undefined || bytes.includes(needle));
  }
}
