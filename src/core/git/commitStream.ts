// Reads the diffs of a whole set of commits with one streamed `git log -p` and yields each
// commit as soon as it is parsed; git is paused while the consumer falls behind.

import { StringDecoder } from 'node:string_decoder';
import { CauseLensError } from '../errors';
import { readIgnoreRevs } from './formatting';
import { lookUpCommits, runGit, SAFE_DIFF_FLAGS, type GitRepository } from './gitClient';
import type { CommitDiff } from './model';
import { LOG_FORMAT, LogPatchParser } from './patchParser';

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
}

/** Any set of commits: a CandidateWindow fits (its window and blame commits are both read). */
export interface CommitSelection {
  commits: readonly string[];
  blameCommits?: readonly string[];
}

const HIGH_WATER = 64;
const LOW_WATER = 16;

/** The `git log` arguments used for a streamed read; exported so the benchmark runs the same command. */
export function logPatchArgs(options: Pick<StreamCommitDiffsOptions, 'mergeDiffs' | 'contextLines'> = {}): string[] {
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
    '--no-walk=unsorted',
    '--stdin',
  ];
}

/** Parsed commits waiting for the consumer; pauses git's stdout while too many are waiting. */
class CommitQueue {
  private readonly items: CommitDiff[] = [];
  private wake: (() => void) | undefined;
  private stdout: NodeJS.ReadableStream | undefined;
  done = false;
  failure: unknown;

  attach(stdout: NodeJS.ReadableStream, parser: LogPatchParser): void {
    this.stdout = stdout;
    const decoder = new StringDecoder('utf8');
    stdout.on('data', (chunk: Buffer) => this.push(parser.push(decoder.write(chunk))));
    stdout.on('end', () => this.push([...parser.push(decoder.end()), ...parser.end()]));
  }

  private push(diffs: CommitDiff[]): void {
    this.items.push(...diffs);
    if (this.items.length > HIGH_WATER) this.stdout?.pause();
    this.notify();
  }

  finish(failure?: unknown): void {
    this.failure = failure;
    this.done = true;
    this.notify();
  }

  /** The next commit, or undefined once git has finished and everything was taken. */
  async next(): Promise<CommitDiff | undefined> {
    while (this.items.length === 0 && !this.done) await new Promise<void>((resolve) => (this.wake = resolve));
    const item = this.items.shift();
    if (this.items.length < LOW_WATER && this.stdout?.isPaused()) this.stdout.resume();
    return item;
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

function checkedShas(selection: CommitSelection): string[] {
  const shas = [...new Set([...selection.commits, ...(selection.blameCommits ?? [])])];
  for (const sha of shas) {
    if (!/^[0-9a-f]{4,64}$/i.test(sha)) throw new CauseLensError('bad-input', `Not a commit id: ${JSON.stringify(sha)}`);
  }
  return shas;
}

/** Yields one CommitDiff per selected commit, in the selection's order (window first, then blame). */
export async function* streamCommitDiffs(
  repo: GitRepository,
  selection: CommitSelection,
  options: StreamCommitDiffsOptions = {},
): AsyncGenerator<CommitDiff, void, undefined> {
  const ids = checkedShas(selection);
  if (ids.length === 0) return;
  if (options.signal?.aborted) throw new CauseLensError('cancelled', 'The history read was cancelled.');
  const found = await lookUpCommits(repo, ids, options.signal);
  const missing = ids.filter((_, i) => found[i] === undefined);
  if (missing.length > 0) options.onMissing?.(missing);
  const shas = [...new Set(found.filter((sha): sha is string => sha !== undefined))];
  if (shas.length === 0) return;

  const parser = new LogPatchParser({ ignoreRevs: options.ignoreRevs ?? readIgnoreRevs(repo.root) });
  const queue = new CommitQueue();
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onOuterAbort);
  const run = runGit(repo, logPatchArgs(options), {
    signal: stop.signal,
    input: `${shas.join('\n')}\n`,
    onStdout: (stdout) => queue.attach(stdout, parser),
  }).then(
    () => queue.finish(),
    (error: unknown) => queue.finish(error),
  );

  try {
    for (let diff = await queue.next(); diff; diff = await queue.next()) yield diff;
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
