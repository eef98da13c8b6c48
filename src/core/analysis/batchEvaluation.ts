// What a worker agent does with one batch: parses the batch's raw `git log -p` records (the main
// thread only cut the stream into commits), turns each diff into a candidate and evaluates its
// hypothesis. Pure and synchronous; runs inside the Piscina workers.

import { parseCommitRecords } from '../git/patchParser';
import type { CommitDiff } from '../git/model';
import { evaluateHypothesis, type CandidateCommit, type HypothesisContext, type HypothesisResult } from './hypothesis';
import type { TrackedFileChange } from './lineTracking';

/** Lines of one file's change a hypothesis reads (a vendored or generated file adds no evidence past that). */
const MAX_LINES_PER_FILE = 400;

export interface HypothesisTaskItem {
  commit: CandidateCommit;
  tracked: TrackedFileChange[];
}

/** Candidates already in hand (tests, callers with their own diffs). */
export interface CandidateBatch {
  context: HypothesisContext;
  items: HypothesisTaskItem[];
}

/** Raw commit records straight from the history stream, parsed by the worker. */
export interface RecordBatch {
  context: HypothesisContext;
  /** Whole `git log -p` records (LOG_FORMAT), back to back, in stream order. */
  records: Uint8Array;
  /** The sha of each record, in order: what the worker's parse must find. */
  shas: string[];
  /** The byte length of each record, in order. */
  sizes: number[];
  /** Each record's changes laid on the incident revision (line tracking ran on the main thread). */
  tracked: TrackedFileChange[][];
  /** `.git-blame-ignore-revs` of the repository, as the history stream reads it. */
  ignoreRevs: string[];
}

export type HypothesisBatch = CandidateBatch | RecordBatch;

export function toCandidate(diff: CommitDiff): CandidateCommit {
  return {
    sha: diff.commit.sha,
    authorDate: diff.commit.authorDate,
    subject: diff.commit.subject,
    isMerge: diff.isMerge,
    formattingOnly: diff.formattingOnly,
    files: diff.files.map((f) => ({
      path: f.newPath ?? f.oldPath ?? '',
      ...(f.oldPath ? { oldPath: f.oldPath } : {}),
      ...(f.status === 'A' ? { created: true } : {}),
      ...(f.status === 'D' ? { deleted: true } : {}),
      binary: f.binary || f.submodule,
      added: firstLines(f.hunks.map((h) => h.added)),
      removed: firstLines(f.hunks.map((h) => h.removed)),
    })),
  };
}

/** The texts of the hunks' lines, in order, up to MAX_LINES_PER_FILE (no copy of what is cut). */
function firstLines(hunkLines: readonly (readonly { text: string }[])[]): string[] {
  const out: string[] = [];
  for (const lines of hunkLines) {
    for (const l of lines) {
      if (out.length >= MAX_LINES_PER_FILE) return out;
      out.push(l.text);
    }
  }
  return out;
}

/** The shas of a batch, for messages about it. */
export function batchShas(batch: HypothesisBatch): string[] {
  return 'records' in batch ? batch.shas : batch.items.map((i) => i.commit.sha);
}

export function evaluateBatch(batch: HypothesisBatch): HypothesisResult[] {
  if (!('records' in batch)) return batch.items.map((item) => evaluateHypothesis(item.commit, item.tracked, batch.context));
  // One record at a time: each diff is dropped as soon as it is judged, so little stays alive.
  const options = { ignoreRevs: new Set(batch.ignoreRevs) };
  const results: HypothesisResult[] = [];
  let offset = 0;
  for (let i = 0; i < batch.shas.length; i++) {
    const diffs = parseCommitRecords(batch.records.subarray(offset, offset + batch.sizes[i]), options);
    offset += batch.sizes[i];
    if (diffs.length !== 1 || diffs[0].commit.sha !== batch.shas[i]) {
      throw new Error(`Record ${i} of the batch held ${diffs.map((d) => d.commit.sha.slice(0, 8)).join(', ') || 'no commit'}, not ${batch.shas[i].slice(0, 8)}`);
    }
    results.push(evaluateHypothesis(toCandidate(diffs[0]), batch.tracked[i], batch.context));
  }
  return results;
}
