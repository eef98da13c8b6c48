// One investigation's scoring run on the worker pool: streams commit diffs, sends them out in
// batches (the first alone, so a first result comes quickly), collects the hypotheses as they
// return and keeps a best-so-far ranking. The caller decides what to stream and when to stop.

import { CauseLensError } from '../errors';
import { streamCommitDiffs, type CommitDiff, type GitRepository } from '../git';
import type { CandidateCommit, HypothesisContext } from './hypothesis';
import type { TrackedFileChange } from './lineTracking';
import type { ModelWeights } from './model';
import type { HypothesisPool, HypothesisTaskItem } from './pool';
import { rankHypotheses, type RankedCause, type ScoredHypothesis } from './ranking';

const BATCH_SIZE = 16;
const MAX_LINES_PER_FILE = 400;

export class SwarmScoring {
  readonly scored: ScoredHypothesis[] = [];
  /** Candidates streamed so far (the window, then the blame commits). */
  total = 0;
  firstResultAt: number | undefined;
  private readonly summaries = new Map<string, Pick<ScoredHypothesis, 'commit' | 'position'>>();
  private readonly inFlight: Promise<void>[] = [];
  private readonly failures: unknown[] = [];
  private readonly errorWordWeights: Map<string, number>;

  constructor(
    private readonly pool: HypothesisPool,
    private readonly context: HypothesisContext,
    private readonly model: ModelWeights,
    private readonly stop: AbortSignal | undefined,
    /** Called after each returned batch. */
    private readonly onScored: () => void,
  ) {
    this.errorWordWeights = new Map(context.errorWords.map((w) => [w.word, w.originWeight]));
  }

  rank(top?: number): RankedCause[] {
    return rankHypotheses(this.scored, this.model, { errorWordWeights: this.errorWordWeights, windowSize: this.total, confidence: 0, ...(top ? { top } : {}) });
  }

  /** Streams the diffs of `commits` (in order) into the pool; `trackedFor` lays each on the incident revision. */
  async stream(repo: GitRepository, commits: readonly string[], trackedFor: (diff: CommitDiff) => TrackedFileChange[]): Promise<void> {
    this.total += commits.length;
    let batch: HypothesisTaskItem[] = [];
    for await (const diff of streamCommitDiffs(repo, { commits }, this.stop ? { signal: this.stop } : {})) {
      const sha = diff.commit.sha;
      this.summaries.set(sha, { commit: { sha, author: diff.commit.authorName, date: diff.commit.authorDate, subject: diff.commit.subject }, position: this.summaries.size });
      batch.push({ commit: toCandidate(diff), tracked: trackedFor(diff) });
      if (batch.length >= (this.inFlight.length === 0 ? 1 : BATCH_SIZE)) {
        this.dispatch(batch);
        batch = [];
      }
    }
    if (batch.length > 0) this.dispatch(batch);
  }

  /** Waits for every batch; returns the first failure that was not a stop, if any. */
  async settle(): Promise<unknown> {
    await Promise.all(this.inFlight.splice(0));
    return this.failures[0];
  }

  private dispatch(items: HypothesisTaskItem[]): void {
    const run = this.pool.evaluate({ context: this.context, items }, this.stop).then((results) => {
      for (const r of results) this.scored.push({ ...r, ...this.summaries.get(r.sha)! });
      this.firstResultAt ??= Date.now();
      this.onScored();
    });
    this.inFlight.push(
      run.catch((error: unknown) => {
        if (!this.stop?.aborted && !(error instanceof CauseLensError && error.reason === 'cancelled')) this.failures.push(error);
      }),
    );
  }
}

function toCandidate(diff: CommitDiff): CandidateCommit {
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
      added: f.hunks.flatMap((h) => h.added.map((l) => l.text)).slice(0, MAX_LINES_PER_FILE),
      removed: f.hunks.flatMap((h) => h.removed.map((l) => l.text)).slice(0, MAX_LINES_PER_FILE),
    })),
  };
}
