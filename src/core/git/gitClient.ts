// The one place git is run (through simple-git): every call carries options that stop a
// repository's own configuration from running programs, and failures become CauseLensErrors.

import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { CauseLensError } from '../errors';

/** A repository opened for reading. Plain data: safe to pass to workers. */
export interface GitRepository {
  /** Absolute path of the working tree root. */
  root: string;
  /** Whether the clone is shallow, when learnt on opening (saves a git start each time it is asked). */
  shallow?: boolean;
}

export interface GitCallOptions {
  signal?: AbortSignal;
  /** Written to git's stdin (e.g. revisions for `--stdin`). */
  input?: string;
  /** Receives stdout as it arrives, for streaming parsers. */
  onStdout?: (stream: NodeJS.ReadableStream) => void;
}

/**
 * `-c` settings for every call. A cloned repository's .git/config is attacker-controlled: these
 * neutralise the settings through which reading history could run a program (fsmonitor hook,
 * external diff, textconv, gpg for signatures, pager, hooks, filters) or change output we parse.
 */
export const SAFE_GIT_CONFIG: readonly string[] = [
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'diff.external=',
  'log.showSignature=false',
  'log.showRoot=true',
  'diff.noprefix=false',
  'diff.mnemonicPrefix=false',
  'diff.relative=false',
  'core.quotePath=true',
  'color.ui=false',
  'gc.auto=0',
  'maintenance.auto=false',
];

/** Diff options for every command that prints a diff: no external drivers, no textconv, no colour. */
export const SAFE_DIFF_FLAGS: readonly string[] = ['--no-ext-diff', '--no-textconv', '--no-color'];

export function createGitClient(repoRoot: string, options: GitCallOptions): SimpleGit {
  const git = simpleGit({
    baseDir: repoRoot,
    config: [...SAFE_GIT_CONFIG],
    abort: options.signal,
    input: options.input === undefined ? undefined : () => options.input,
    maxConcurrentProcesses: 4,
    // Done when git's output streams have closed, not 50 ms after it exits: a busy main thread can
    // take longer than that to read the last chunk, and a stream would lose its last commit.
    completion: { onClose: true, onExit: false },
    // simple-git refuses any mention of these keys; we only ever set them to their safe values.
    unsafe: { allowUnsafeFsMonitor: true, allowUnsafeHooksPath: true, allowUnsafeDiffExternal: true, allowUnsafePager: true },
  });
  if (options.onStdout) {
    const onStdout = options.onStdout;
    git.outputHandler((_command, stdout) => onStdout(stdout));
  }
  return git;
}

/** Runs `git <args>` in the repository and returns stdout; errors are CauseLensErrors. */
export async function runGit(repo: GitRepository | string, args: string[], options: GitCallOptions = {}): Promise<string> {
  const root = typeof repo === 'string' ? repo : repo.root;
  if (options.signal?.aborted) throw new CauseLensError('cancelled', 'The git operation was cancelled.');
  try {
    return await createGitClient(root, options).raw(args);
  } catch (error) {
    throw toCauseLensError(error, args, options.signal);
  }
}

function toCauseLensError(error: unknown, args: string[], signal?: AbortSignal): CauseLensError {
  if (error instanceof CauseLensError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (signal?.aborted || /abort/i.test(message) && /signal/i.test(message)) {
    return new CauseLensError('cancelled', 'The git operation was cancelled.', { cause: error });
  }
  if (/not a git repository/i.test(message)) {
    return new CauseLensError('not-found', 'This folder is not inside a git repository. Open the repository the incident came from.', {
      cause: error,
    });
  }
  if (/does not have any commits|bad default revision 'HEAD'|ambiguous argument 'HEAD'|unknown revision.*HEAD/i.test(message)) {
    return new CauseLensError('no-history', 'The repository has no commits yet, so there is no history to search.', { cause: error });
  }
  if (/ENOENT|spawn git/i.test(message)) {
    return new CauseLensError('not-found', 'git was not found. Install git and make sure it is on PATH.', { cause: error });
  }
  const firstLine = message.split('\n').find((line) => line.trim() !== '') ?? message;
  return new CauseLensError('internal', `git ${args[0] ?? ''} failed: ${firstLine.trim()}`, { cause: error });
}

/** Working-tree roots git named, by the absolute path they were opened with: a repository's root stays put. */
const knownRoots = new Map<string, string>();

/** Whether `root` still holds its own `.git` directory (a linked worktree's `.git` is a file). */
function hasGitDirectory(root: string): boolean {
  try {
    return statSync(join(root, '.git')).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Opens the repository containing `path`; throws 'not-found' when there is none. A path opened
 * before whose root still holds its `.git` directory needs no git start (the extension opens the
 * same folder for each investigation); whether it is shallow is read afresh from `.git/shallow`,
 * where git keeps it.
 */
export async function openRepository(path: string, signal?: AbortSignal): Promise<GitRepository> {
  const known = knownRoots.get(resolve(path));
  if (known !== undefined && hasGitDirectory(known)) return { root: known, shallow: existsSync(join(known, '.git', 'shallow')) };
  let root: string;
  let shallow: boolean;
  try {
    // One git start for both: each start is ~10 ms of blocked main thread in a big process.
    const [top, isShallow] = (await runGit(path, ['rev-parse', '--show-toplevel', '--is-shallow-repository'], { signal })).split('\n');
    root = (top ?? '').trim();
    shallow = isShallow?.trim() === 'true';
  } catch (error) {
    if (error instanceof CauseLensError && error.reason === 'internal') {
      throw new CauseLensError('not-found', `No git repository at ${path}.`, { cause: error });
    }
    throw error;
  }
  if (!root) throw new CauseLensError('bad-input', `${path} is a bare repository or a .git folder; open its working tree.`);
  knownRoots.set(resolve(path), root);
  return { root, shallow };
}

/** The full sha `rev` names, or undefined when it does not resolve to a commit here. */
export async function resolveCommit(repo: GitRepository, rev: string, signal?: AbortSignal): Promise<string | undefined> {
  if (!/^[\w./@^~:+-]+$/.test(rev) || rev.startsWith('-')) return undefined;
  try {
    const sha = (await runGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { signal })).trim();
    return /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
  } catch (error) {
    if (error instanceof CauseLensError && error.reason === 'cancelled') throw error;
    return undefined;
  }
}

/** A commit's whole sha (SHA-1 or SHA-256), as git lists it: it names that commit for good. */
export function isFullSha(id: string): boolean {
  return /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(id);
}

/** A revision resolved to its commit, with the committer time the day window counts back from. */
export interface ResolvedCommit {
  sha: string;
  /** Committer time, ms since the epoch. */
  time: number;
  /** When asked for: the committer time of the n-th commit back (1 = itself); null when history is shorter. */
  nth?: { n: number; time: number | null };
}

/**
 * The commit `rev` names and its committer time in one git start (resolving and then asking
 * for the time would be two, and both sit before the first history read); with `nth`, the same
 * start also tells the time of the n-th commit back, where a commit-count floor puts the window's
 * start. Undefined when `rev` names no commit here.
 */
export async function resolveCommitWithTime(repo: GitRepository, rev: string, signal?: AbortSignal, nth?: number): Promise<ResolvedCommit | undefined> {
  if (!/^[\w./@^~:+-]+$/.test(rev) || rev.startsWith('-')) return undefined;
  const n = nth !== undefined && nth > 1 ? Math.floor(nth) : 1;
  // A full sha names one commit for good, and its history with it: asked again (the extension
  // investigates at the same commit), the answer is the one git gave before.
  // A shallow clone's history can still grow below it: not kept there.
  const key = isFullSha(rev) && repo.shallow === false ? `${repo.root}\0${rev}\0${n}` : undefined;
  const kept = key !== undefined ? resolvedShas.get(key) : undefined;
  if (kept) return { ...kept, ...(kept.nth ? { nth: { ...kept.nth } } : {}) };
  const resolved = await resolveUncached(repo, rev, n, signal);
  if (key !== undefined && resolved) {
    if (resolvedShas.size >= 256) resolvedShas.clear();
    resolvedShas.set(key, resolved);
  }
  return resolved;
}

const resolvedShas = new Map<string, ResolvedCommit>();

async function resolveUncached(repo: GitRepository, rev: string, n: number, signal: AbortSignal | undefined): Promise<ResolvedCommit | undefined> {
  try {
    const walk = n > 1 ? [`--max-count=${n}`] : ['-1', '--no-walk'];
    const lines = (await runGit(repo, ['log', ...walk, '--format=%H %ct', '--end-of-options', `${rev}^{commit}`, '--'], { signal })).split('\n').filter(Boolean);
    const [sha, seconds] = (lines[0] ?? '').split(' ');
    if (!/^[0-9a-f]{40,64}$/.test(sha ?? '') || !/^\d+$/.test(seconds ?? '')) return undefined;
    const resolved: ResolvedCommit = { sha: sha!, time: Number(seconds) * 1000 };
    if (n > 1) {
      const last = lines.length >= n ? lines[n - 1].split(' ')[1] : undefined;
      resolved.nth = { n, time: last !== undefined && /^\d+$/.test(last) ? Number(last) * 1000 : null };
    }
    return resolved;
  } catch (error) {
    if (error instanceof CauseLensError && error.reason === 'cancelled') throw error;
    return undefined;
  }
}

/** HEAD's sha; 'no-history' when the repository has no commits. */
export async function resolveHead(repo: GitRepository, signal?: AbortSignal): Promise<string> {
  const sha = await resolveCommit(repo, 'HEAD', signal);
  if (!sha) throw new CauseLensError('no-history', 'The repository has no commits yet, so there is no history to search.');
  return sha;
}

export async function isShallowRepository(repo: GitRepository, signal?: AbortSignal): Promise<boolean> {
  if (repo.shallow !== undefined) return repo.shallow;
  return (await runGit(repo, ['rev-parse', '--is-shallow-repository'], { signal })).trim() === 'true';
}

/**
 * For each input id, the full sha of the commit it names here, or undefined when the commit is
 * not in this clone (another fork, beyond a shallow boundary). One `cat-file --batch-check`.
 */
export async function lookUpCommits(repo: GitRepository, ids: readonly string[], signal?: AbortSignal): Promise<(string | undefined)[]> {
  if (ids.length === 0) return [];
  const output = await runGit(repo, ['cat-file', '--batch-check'], { signal, input: `${ids.join('\n')}\n` });
  const lines = output.split('\n');
  return ids.map((_, i) => {
    const [sha, type] = (lines[i] ?? '').split(' ');
    return type === 'commit' ? sha : undefined;
  });
}
