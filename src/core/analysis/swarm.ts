// One investigation's scoring run on the worker pool: streams the raw `git log -p` records of
// the candidates, sends them out in batches (the first alone, so a first result comes quickly)
// for the workers to parse and evaluate, collects the hypotheses as they return and keeps a
// best-so-far ranking. The main thread only cuts the stream into commits and tracks the incident's
// lines; the caller decides what to stream and when to stop.

import { streamRawCommits, type WalkSelection } from '../git/commitStream';
import type { GitRepository } from '../git/gitClient';
import type { RawCommit } from '../git/patchParser';
import type { HypothesisContext } from './hypothesis';
import type { TrackedFileChange } from './lineTracking';
import type { ModelWeights } from './model';
import type { HypothesisPool, RecordBatch } from './pool';
import { rankHypotheses, type RankedCause, type ScoredHypothesis } from './ranking';

/** Commits per batch once the first result is out, while the ranking is young. */
const BATCH_COMMITS = 32;
/**
 * Commits per batch in a long stream: each post wakes a worker thread, which costs the main
 * thread 0.1-0.4 ms on a virtual machine, however small the batch.
 */
const LONG_STREAM_BATCH_COMMITS = 128;
/** Batches sent before a stream counts as long. */
const LONG_STREAM_AFTER_BATCHES = 8;
/** A batch of big commits goes out early, so no worker waits on one huge batch. */
const BATCH_BYTES = 256 * 1024;
/** A batch not yet full goes to an idle worker once its first commit has waited this long. */
const PARTIAL_BATCH_AFTER_MS = 50;
/** Batches per worker queued at most: enough to keep each busy, few enough to bound memory. */
const QUEUED_PER_WORKER = 3;

/** Lays one record's changes on the incident revision, given the context (made once it is known). */
export type TrackingFor = (context: HypothesisContext) => (record: RawCommit) => TrackedFileChange[];

interface PendingBatch {
  /** When its first record came (Date.now()). */
  started: number;
  records: RawCommit[];
  tracked: TrackedFileChange[][];
  bytes: number;
}

export class SwarmScoring {
  readonly scored: ScoredHypothesis[] = [];
  /** Candidates counted so far (the window as listed, then the blame commits). */
  total = 0;
  firstResultAt: number | undefined;
  /** Batches sent to the pool. */
  batches = 0;
  /** What the ranking shows of each commit streamed. */
  private readonly summaries = new Map<string, Pick<ScoredHypothesis, 'commit' | 'position'>>();
  private readonly inFlight: Promise<void>[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly failures: unknown[] = [];
  private errorWordWeights = new Map<string, number>();
  private readonly ignoreRevList: string[];

  /**
   * `context` may still be in the making: records are read (and git runs) meanwhile, and the
   * first batch goes out once it is there.
   */
  constructor(
    private readonly pool: HypothesisPool,
    private readonly context: Promise<HypothesisContext>,
    private readonly model: ModelWeights,
    private readonly stop: AbortSignal | undefined,
    /** Called after each returned batch. */
    private readonly onScored: () => void,
    private readonly ignoreRevs: ReadonlySet<string> = new Set(),
  ) {
    this.ignoreRevList = [...ignoreRevs];
    context.then((c) => (this.errorWordWeights = new Map(c.errorWords.map((w) => [w.word, w.originWeight]))), () => undefined);
  }

  /** Candidates known so far: those counted, or streamed if the count is still to come. */
  get known(): number {
    return Math.max(this.total, this.summaries.size);
  }

  rank(top?: number): RankedCause[] {
    return rankHypotheses(this.scored, this.model, { errorWordWeights: this.errorWordWeights, windowSize: this.total, confidence: 0, ...(top ? { top } : {}) });
  }

  /**
   * Streams the records of `commits` (full shas git listed, in order) into the pool;
   * `trackingFor` lays each on the incident revision.
   */
  stream(repo: GitRepository, commits: readonly string[], trackingFor: TrackingFor): Promise<void> {
    return this.feed(streamRawCommits(repo, { commits }, this.readOptions()), commits.length, trackingFor);
  }

  /**
   * Streams the records of a revision walk (git reads them while the same walk is still being
   * listed); `count`: how many commits the walk yields, once the listing says.
   */
  streamWalk(repo: GitRepository, walk: WalkSelection, count: Promise<number>, trackingFor: TrackingFor): Promise<void> {
    return this.feed(streamRawCommits(repo, walk, this.readOptions()), count, trackingFor);
  }

  private readOptions() {
    return { ignoreRevs: this.ignoreRevs, knownCommits: true, ...(this.stop ? { signal: this.stop } : {}) };
  }

  /**
   * Sends `count` candidates' records, as `source` yields them, into the pool. A count still to
   * come does not hold the read back: it is added to the total when known, before the feed ends.
   */
  async feed(source: AsyncIterable<RawCommit[]>, count: number | Promise<number>, trackingFor: TrackingFor): Promise<void> {
    const counted = Promise.resolve(count).then((n) => {
      this.total += n;
    });
    let countFailure: { error: unknown } | undefined;
    counted.catch((error: unknown) => (countFailure = { error }));
    let context: HypothesisContext | undefined;
    let track: ((record: RawCommit) => TrackedFileChange[]) | undefined;
    let batch = emptyBatch();
    for await (const records of source) {
      // Ending the loop stops git: no reason to read on for a window that could not be listed.
      if (countFailure) throw countFailure.error;
      context ??= await this.context;
      track ??= trackingFor(context);
      for (const record of records) {
        const { sha } = record.info;
        this.summaries.set(sha, { commit: { sha, author: record.info.authorName, date: record.info.authorDate, subject: record.info.subject }, position: this.summaries.size });
        if (batch.records.length === 0) batch.started = Date.now();
        batch.records.push(record);
        batch.tracked.push(track(record));
        batch.bytes += record.bytes.length;
        if (batch.records.length >= this.batchCommits() || batch.bytes >= BATCH_BYTES) {
          await this.dispatch(context, batch);
          batch = emptyBatch();
        }
      }
      // git is slower than the workers just now: feed an idle worker what has waited long enough.
      // Sooner, each post's fixed cost (a fraction of a millisecond) would outweigh its few commits.
      if (batch.records.length > 0 && this.running.size < this.pool.size && Date.now() - batch.started >= PARTIAL_BATCH_AFTER_MS) {
        await this.dispatch(context, batch);
        batch = emptyBatch();
      }
    }
    if (context && batch.records.length > 0) await this.dispatch(context, batch);
    await counted;
  }

  /** The first commit alone (a first result comes quickly), then batches that grow as the stream goes on. */
  private batchCommits(): number {
    return this.batches === 0 ? 1 : this.batches < LONG_STREAM_AFTER_BATCHES ? BATCH_COMMITS : LONG_STREAM_BATCH_COMMITS;
  }

  /** Waits for every batch; returns the first failure that was not a stop, if any. */
  async settle(): Promise<unknown> {
    await Promise.all(this.inFlight.splice(0));
    return this.failures[0];
  }

  /** Sends a batch once the pool has room for it (so memory stays bounded however long the window). */
  private async dispatch(context: HypothesisContext, batch: PendingBatch): Promise<void> {
    while (this.running.size >= this.pool.size * QUEUED_PER_WORKER) await Promise.race(this.running);
    const records = new Uint8Array(batch.bytes);
    let offset = 0;
    for (const r of batch.records) {
      records.set(r.bytes, offset);
      offset += r.bytes.length;
    }
    const task: RecordBatch = { context, records, shas: batch.records.map((r) => r.info.sha), sizes: batch.records.map((r) => r.bytes.length), tracked: batch.tracked, ignoreRevs: this.ignoreRevList };
    this.batches++;
    const run = this.pool.evaluate(task, this.stop).then((results) => {
      for (const r of results) {
        // The result is this thread's own copy: completed in place rather than copied again.
        this.scored.push(Object.assign(r, this.summaries.get(r.sha)!));
      }
      this.firstResultAt ??= Date.now();
      this.onScored();
    });
    const settled = run.catch((error: unknown) => {
      // A batch is given up only for this run's stop; anything else fails the run, loudly.
      if (!this.stop?.aborted) this.failures.push(error);
    });
    this.running.add(settled);
    void settled.then(() => this.running.delete(settled));
    this.inFlight.push(settled);
  }
}

function emptyBatch(): PendingBatch {
  return { started: 0, records: [], tracked: [], bytes: 0 };
}
