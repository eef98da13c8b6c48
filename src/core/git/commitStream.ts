// Reads the diffs of a whole set of commits with one streamed `git log -p` and yields each
// commit as soon as it is parsed; git is paused while the consumer falls behind.

import { StringDecoder } from 'node:string_decoder';
import { CauseLensError } from '../errors';
import { readIgnoreRevs } from './formatting';
import { isFullSha, lookUpCommits, runGit, SAFE_DIFF_FLAGS, type GitRepository } from './gitClient';
import type { CommitDiff } from './model';
import { LOG_FORMAT, LogPatchParser, RawCommitSplitter, type RawCommit } from './patchParser';

export interface StreamCommitDiffsOptions {
  signal?: AbortSignal;
  /**
   * 'none' (default): merges are yielded with no files, since their changes already arrive
   * with the merged commits. 'first-parent': a merge's diff against its first parent.
   */
  mergeDiffs?: 'none' | 'first-parent';
  /** Context lines per hunk (default 0: hunks hold only changed lines). */
  contextLines?: number;
  /** Shas to mark as formatting-only; default: the working tree's `.git-blame-ignore-revs`. */
  ignoreRevs?: ReadonlySet<string>;
  /** Told about ids that name no commit in this clone; they are skipped rather than failing the read. */
  onMissing?: (ids: string[]) => void;
  /**
   * The ids are full shas git itself just listed (rev-list, blame), so they need no look-up:
   * saves a git start before the read. A missing commit then fails the read.
   */
  knownCommits?: boolean;
}

/** Any set of commits: a CandidateWindow fits (its window and blame commits are both read). */
export interface CommitSelection {
  commits: readonly string[];
  blameCommits?: readonly string[];
}

/**
 * A revision walk read in git's own order: the commits `git rev-list --max-count=<maxCount>
 * <walk>` lists, in its order. Lets the history read start while that list is still being made.
 */
export interface WalkSelection {
  /** The revision, `^` exclusions and `--since=` / `--until=` bounds (as the window builds them). */
  walk: readonly string[];
  maxCount: number;
}

const HIGH_WATER = 64;
/** Bytes of raw records that may wait: enough for git to run well ahead of a busy consumer. */
const RAW_HIGH_WATER = 16 * 1024 * 1024;

/** The `git log` arguments used for a streamed read; exported so the benchmark runs the same command. */
export function logPatchArgs(options: Pick<StreamCommitDiffsOptions, 'mergeDiffs' | 'contextLines'> = {}): string[] {
  return [...logDiffArgs(options), '--no-walk=unsorted', '--stdin'];
}

/** The same read over a revision walk instead of listed commits. */
export function logWalkArgs(selection: WalkSelection, options: Pick<StreamCommitDiffsOptions, 'mergeDiffs' | 'contextLines'> = {}): string[] {
  for (const arg of selection.walk) {
    // Only what the window writes: a full sha, its exclusion, or a date bound.
    if (!/^\^?[0-9a-f]{40,64}$/.test(arg) && !/^--(?:since|until)=[0-9T:.Z+-]+$/.test(arg)) throw new CauseLensError('bad-input', `Not a revision walk argument: ${JSON.stringify(arg)}`);
  }
  return [...logDiffArgs(options), `--max-count=${Math.max(0, Math.floor(selection.maxCount))}`, ...selection.walk, '--'];
}

function logDiffArgs(options: Pick<StreamCommitDiffsOptions, 'mergeDiffs' | 'contextLines'>): string[] {
  return [
    'log',
    '-p',
    LOG_FORMAT,
    ...SAFE_DIFF_FLAGS,
    `-U${Math.max(0, Math.floor(options.contextLines ?? 0))}`,
    '-M',
    '--submodule=short',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--no-relative',
    '--encoding=UTF-8',
    `--diff-merges=${options.mergeDiffs === 'first-parent' ? 'first-parent' : 'off'}`,
  ];
}

/** Turns git's stdout chunks into items (parsed diffs, raw records); `end` flushes the rest. */
interface OutputReader<T> {
  push(chunk: Buffer): T[];
  end(): T[];
}

/** Items waiting for the consumer; pauses git's stdout while too much is waiting. */
class OutputQueue<T> {
  private items: T[] = [];
  private waiting = 0;
  private wake: (() => void) | undefined;
  private stdout: NodeJS.ReadableStream | undefined;
  done = false;
  failure: unknown;

  constructor(private readonly highWater: number, private readonly weigh: (item: T) => number) {}

  attach(stdout: NodeJS.ReadableStream, reader: OutputReader<T>): void {
    this.stdout = stdout;
    stdout.on('data', (chunk: Buffer) => this.push(reader.push(chunk)));
    stdout.on('end', () => this.push(reader.end()));
  }

  private push(items: T[]): void {
    for (const item of items) {
      this.items.push(item);
      this.waiting += this.weigh(item);
    }
    if (this.waiting > this.highWater) this.stdout?.pause();
    this.notify();
  }

  finish(failure?: unknown): void {
    this.failure = failure;
    this.done = true;
    this.notify();
  }

  /** Everything waiting (at least one item), or an empty list once git has finished and all was taken. */
  async take(): Promise<T[]> {
    while (this.items.length === 0 && !this.done) await new Promise<void>((resolve) => (this.wake = resolve));
    const taken = this.items;
    this.items = [];
    this.waiting = 0;
    if (this.stdout?.isPaused()) this.stdout.resume();
    return taken;
  }

  /** Lets a paused git run to completion after the consumer stopped. */
  release(): void {
    this.stdout?.resume();
  }

  private notify(): void {
    this.wake?.();
    this.wake = undefined;
  }
}

/** LogPatchParser fed with bytes: decoded as a stream, so a character split between chunks survives. */
function diffReader(parser: LogPatchParser): OutputReader<CommitDiff> {
  const decoder = new StringDecoder('utf8');
  return { push: (chunk) => parser.push(decoder.write(chunk)), end: () => [...parser.push(decoder.end()), ...parser.end()] };
}

function checkedShas(selection: CommitSelection): string[] {
  const shas = [...new Set([...selection.commits, ...(selection.blameCommits ?? [])])];
  for (const sha of shas) {
    if (!/^[0-9a-f]{4,64}$/i.test(sha)) throw new CauseLensError('bad-input', `Not a commit id: ${JSON.stringify(sha)}`);
  }
  return shas;
}

async function existingCommits(repo: GitRepository, ids: string[], options: StreamCommitDiffsOptions): Promise<string[]> {
  const found = await lookUpCommits(repo, ids, options.signal);
  const missing = ids.filter((_, i) => found[i] === undefined);
  if (missing.length > 0) options.onMissing?.(missing);
  return [...new Set(found.filter((sha): sha is string => sha !== undefined))];
}

/**
 * Runs one `git log -p` over the selected commits and yields what `reader` makes of its output,
 * in batches as they arrive. git is paused while the consumer falls behind and stopped when the
 * consumer stops early or the signal fires.
 */
async function* readLogOutput<T>(
  repo: GitRepository,
  selection: CommitSelection | WalkSelection,
  options: StreamCommitDiffsOptions,
  reader: OutputReader<T>,
  water: { high: number; weigh: (item: T) => number },
): AsyncGenerator<T[], void, undefined> {
  const command = await logCommand(repo, selection, options);
  if (!command) return;

  const queue = new OutputQueue<T>(water.high, water.weigh);
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onOuterAbort);
  const run = runGit(repo, command.args, {
    signal: stop.signal,
    ...(command.input !== undefined ? { input: command.input } : {}),
    onStdout: (stdout) => queue.attach(stdout, reader),
  }).then(
    () => queue.finish(),
    (error: unknown) => queue.finish(error),
  );

  try {
    for (let items = await queue.take(); items.length > 0; items = await queue.take()) yield items;
    if (queue.failure) throw queue.failure;
    if (options.signal?.aborted) throw new CauseLensError('cancelled', 'The history read was cancelled.');
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
    if (!queue.done) {
      stop.abort();
      queue.release();
      await run;
    }
  }
}

/** The `git log` to run for a selection; undefined when there is nothing to read. */
async function logCommand(repo: GitRepository, selection: CommitSelection | WalkSelection, options: StreamCommitDiffsOptions): Promise<{ args: string[]; input?: string } | undefined> {
  if ('walk' in selection) {
    const args = logWalkArgs(selection, options);
    if (options.signal?.aborted) throw new CauseLensError('cancelled', 'The history read was cancelled.');
    return selection.maxCount >= 1 ? { args } : undefined;
  }
  const ids = checkedShas(selection);
  if (ids.length === 0) return undefined;
  if (options.signal?.aborted) throw new CauseLensError('cancelled', 'The history read was cancelled.');
  const shas = options.knownCommits ? ids : await existingCommits(repo, ids, options);
  return shas.length > 0 ? { args: logPatchArgs(options), input: `${shas.join('\n')}\n` } : undefined;
}

/** Yields one CommitDiff per selected commit, in the selection's order (window first, then blame). */
export async function* streamCommitDiffs(
  repo: GitRepository,
  selection: CommitSelection,
  options: StreamCommitDiffsOptions = {},
): AsyncGenerator<CommitDiff, void, undefined> {
  const parser = new LogPatchParser({ ignoreRevs: options.ignoreRevs ?? readIgnoreRevs(repo.root) });
  for await (const diffs of readLogOutput(repo, selection, options, diffReader(parser), { high: HIGH_WATER, weigh: () => 1 })) yield* diffs;
}

/**
 * Yields the selected commits' raw `git log -p` records (header parsed, diff left as bytes), in
 * batches as git writes them, for consumers that parse the diffs elsewhere (the worker pool).
 * Up to `highWater` bytes of records (default 16 MB) wait before git is paused.
 */
export async function* streamRawCommits(
  repo: GitRepository,
  selection: CommitSelection | WalkSelection,
  options: StreamCommitDiffsOptions & { highWater?: number } = {},
): AsyncGenerator<RawCommit[], void, undefined> {
  yield* readLogOutput(repo, selection, options, new RawCommitSplitter(), { high: options.highWater ?? RAW_HIGH_WATER, weigh: (r) => r.bytes.length });
}

/**
 * Records of a few named commits read lately, by repository and full sha. A commit never changes,
 * and one investigation reads some twice: blame checks whether its commits only reformatted the
 * line, then the same commits are scored. Each read is a git start (~10 ms of blocked main thread
 * in a big process).
 */
const recentRecords = new Map<string, RawCommit>();
const RECENT_RECORDS = 64;

/** Every raw record of a (small) selection at once, e.g. read ahead while another stream runs. */
export async function readRawCommits(
  repo: GitRepository,
  selection: CommitSelection | WalkSelection,
  options: StreamCommitDiffsOptions = {},
): Promise<RawCommit[]> {
  // Only full shas named with the default read are kept: other diff options make other records.
  const named =
    !('walk' in selection) && !selection.blameCommits && options.mergeDiffs === undefined && options.contextLines === undefined && selection.commits.every(isFullSha)
      ? selection.commits
      : undefined;
  const key = (sha: string) => `${repo.root}\0${sha}`;
  const kept = new Map<string, RawCommit>();
  for (const sha of named ?? []) {
    const record = recentRecords.get(key(sha));
    if (record) kept.set(sha, record);
  }
  const toRead = named && kept.size > 0 ? { commits: named.filter((sha) => !kept.has(sha)) } : selection;
  const read: RawCommit[] = [];
  for await (const records of streamRawCommits(repo, toRead, options)) read.push(...records);
  // A few named commits are what gets asked again; a long read would only churn them out.
  if (named && read.length <= RECENT_RECORDS) {
    for (const record of read) {
      recentRecords.delete(key(record.info.sha));
      recentRecords.set(key(record.info.sha), record);
      if (recentRecords.size > RECENT_RECORDS) recentRecords.delete(recentRecords.keys().next().value!);
    }
  }
  if (!named || kept.size === 0) return read;
  // In the order asked for, as git gives them (`--no-walk=unsorted`).
  for (const record of read) kept.set(record.info.sha, record);
  return [...new Set(named)].flatMap((sha) => kept.get(sha) ?? []);
}

/** Convenience for callers that want every diff at once (small windows, tests). */
export async function readCommitDiffs(
  repo: GitRepository,
  selection: CommitSelection,
  options: StreamCommitDiffsOptions = {},
): Promise<CommitDiff[]> {
  const out: CommitDiff[] = [];
  for await (const diff of streamCommitDiffs(repo, selection, options)) out.push(diff);
  return out;
}
