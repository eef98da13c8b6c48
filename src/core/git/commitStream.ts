// Reads the diffs of a whole set of commits with one streamed `git log -p` and yields each
// commit as soon as it is parsed; git is paused while the consumer falls behind.

import { StringDecoder } from 'node:string_decoder';
import { CauseLensError } from '../errors';
import { readIgnoreRevs } from './formatting';
import { runGit, SAFE_DIFF_FLAGS, type GitRepository } from './gitClient';
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

/** Yields one CommitDiff per selected commit, in the selection's order (window first, then blame). */
export async function* streamCommitDiffs(
  repo: GitRepository,
  selection: CommitSelection,
  options: StreamCommitDiffsOptions = {},
): AsyncGenerator<CommitDiff, void, undefined> {
  const shas = [...new Set([...selection.commits, ...(selection.blameCommits ?? [])])];
  for (const sha of shas) {
    if (!/^[0-9a-f]{4,64}$/i.test(sha)) throw new CauseLensError('bad-input', `Not a commit id: ${JSON.stringify(sha)}`);
  }
  if (shas.length === 0) return;
  if (options.signal?.aborted) throw new CauseLensError('cancelled', 'The history read was cancelled.');

  const parser = new LogPatchParser({ ignoreRevs: options.ignoreRevs ?? readIgnoreRevs(repo.root) });
  const queue: CommitDiff[] = [];
  let wake: (() => void) | undefined;
  let stdout: NodeJS.ReadableStream | undefined;
  let done = false;
  let failure: unknown;
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onOuterAbort);
  const notify = () => {
    wake?.();
    wake = undefined;
  };

  const decoder = new StringDecoder('utf8');
  const run = runGit(repo, logPatchArgs(options), {
    signal: stop.signal,
    input: `${shas.join('\n')}\n`,
    onStdout: (stream) => {
      stdout = stream;
      stream.on('data', (chunk: Buffer) => {
        queue.push(...parser.push(decoder.write(chunk)));
        if (queue.length > HIGH_WATER) stream.pause();
        notify();
      });
    },
  }).then(
    () => {
      queue.push(...parser.push(decoder.end()), ...parser.end());
    },
    (error: unknown) => {
      failure = error;
    },
  ).finally(() => {
    done = true;
    notify();
  });

  try {
    for (;;) {
      if (queue.length > 0) {
        const next = queue.shift() as CommitDiff;
        if (queue.length < LOW_WATER && stdout?.isPaused()) stdout.resume();
        yield next;
        continue;
      }
      if (done) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure) throw failure;
    if (options.signal?.aborted) throw new CauseLensError('cancelled', 'The history read was cancelled.');
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
    if (!done) {
      stop.abort();
      stdout?.resume();
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
