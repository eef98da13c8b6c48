// Chooses the candidate commits for an incident: the window before it (since the previous
// release, else N days before first seen, capped by a count) plus the last change of each frame line.

import { CauseLensError } from '../errors';
import { blameLines } from './blame';
import { isShallowRepository, resolveCommit, resolveHead, runGit, type GitRepository } from './gitClient';
import type { BlameTarget, CandidateWindow } from './model';

export interface CandidateWindowOptions {
  /** Days before first seen (or before the revision's commit date) to search. */
  sinceDays: number;
  /** Most window commits returned (blame commits come on top). */
  maxCommits: number;
  /** ISO 8601 time the incident was first seen. */
  firstSeen?: string;
  /** Release tag, branch or sha of the release before the failing one. */
  previousRelease?: string;
  /** In-app frame lines (repository-relative paths) to blame at the revision. */
  frames?: readonly BlameTarget[];
  ignoreRevs?: ReadonlySet<string>;
  signal?: AbortSignal;
}

const DAY_MS = 86_400_000;

function validDate(iso: string | undefined, warnings: string[]): number | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) warnings.push(`Ignored first-seen time ${JSON.stringify(iso)}: not a date.`);
  return Number.isNaN(time) ? undefined : time;
}

async function commitTime(repo: GitRepository, sha: string, signal?: AbortSignal): Promise<number> {
  return Number((await runGit(repo, ['show', '-s', '--format=%ct', sha], { signal })).trim()) * 1000;
}

async function isAncestor(repo: GitRepository, ancestor: string, of: string, signal?: AbortSignal): Promise<boolean> {
  const base = (await runGit(repo, ['merge-base', ancestor, of], { signal }).catch(() => '')).trim();
  return base === ancestor;
}

/** Selects the candidate window; 'no-history' when the repository has no commits. */
export async function selectCandidateWindow(
  repo: GitRepository,
  incidentRev: string | undefined,
  options: CandidateWindowOptions,
): Promise<CandidateWindow> {
  const { signal } = options;
  if (!(options.maxCommits >= 1) || !(options.sinceDays > 0)) {
    throw new CauseLensError('bad-input', 'maxCommits must be at least 1 and sinceDays above 0.');
  }
  const head = await resolveHead(repo, signal);
  const warnings: string[] = [];
  const released = incidentRev ? await resolveCommit(repo, incidentRev, signal) : undefined;
  if (incidentRev && !released) warnings.push(`The release commit ${incidentRev} is not in this clone; using HEAD instead.`);
  const revision = released ?? head;
  const revisionSource = released ? 'incident' : 'head';

  const firstSeen = validDate(options.firstSeen, warnings);
  let previousRelease: string | undefined;
  if (options.previousRelease) {
    const prev = await resolveCommit(repo, options.previousRelease, signal);
    if (prev && prev !== revision && (await isAncestor(repo, prev, revision, signal))) previousRelease = prev;
    else warnings.push(`The previous release ${options.previousRelease} is not an ancestor here; using the day window.`);
  }

  const args = ['rev-list', `--max-count=${Math.floor(options.maxCommits) + 1}`];
  let since: string | undefined;
  let until: string | undefined;
  if (!previousRelease) {
    const anchor = firstSeen ?? (await commitTime(repo, revision, signal));
    // git reads dates before the epoch as garbage (and then lists almost nothing): clamp.
    since = new Date(Math.max(anchor - options.sinceDays * DAY_MS, DAY_MS)).toISOString();
    args.push(`--since=${since}`);
  }
  // Without the release commit, HEAD may be newer than the incident: commits made after the
  // error was first seen cannot have caused it.
  if (revisionSource === 'head' && firstSeen !== undefined) {
    until = new Date(firstSeen).toISOString();
    args.push(`--until=${until}`);
  }
  args.push(revision);
  if (previousRelease) args.push(`^${previousRelease}`);
  const listed = (await runGit(repo, args, { signal })).split('\n').filter((l) => l !== '');
  const truncated = listed.length > options.maxCommits;
  const commits = listed.slice(0, options.maxCommits);

  const blame = await blameLines(repo, revision, options.frames ?? [], { signal, ignoreRevs: options.ignoreRevs });
  const inWindow = new Set(commits);
  const blameCommits = [...new Set(blame.map((b) => b.sha))].filter((sha) => !inWindow.has(sha));
  const shallow = await isShallowRepository(repo, signal);
  if (shallow) warnings.push('This is a shallow clone: history before its boundary is missing, so older causes cannot be found.');

  const window: CandidateWindow = { revision, revisionSource, commits, blameCommits, blame, truncated, shallow, warnings };
  if (since) window.since = since;
  if (until) window.until = until;
  if (previousRelease) window.previousRelease = previousRelease;
  return window;
}
