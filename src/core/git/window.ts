// Chooses the candidate commits for an incident: the window before it (since the previous
// release, else N days before first seen, capped by a count) plus the last change of each frame line.

import { CauseLensError } from '../errors';
import { blameLines } from './blame';
import { isShallowRepository, resolveCommit, resolveCommitWithTime, runGit, type GitRepository, type ResolvedCommit } from './gitClient';
import type { WalkSelection } from './commitStream';
import type { BlameTarget, CandidateWindow } from './model';

export interface CandidateWindowOptions {
  /** Days before first seen (or before the revision's commit date) to search. */
  sinceDays: number;
  /** Most window commits returned (blame commits come on top). */
  maxCommits: number;
  /**
   * The day window reaches back at least this many commits: a quiet repository's last days may
   * hold none of the changes that led to the incident.
   */
  minCommits?: number;
  /** ISO 8601 time the incident was first seen. */
  firstSeen?: string;
  /** Release tag, branch or sha of the release before the failing one. */
  previousRelease?: string;
  /** In-app frame lines (repository-relative paths) to blame at the revision. */
  frames?: readonly BlameTarget[];
  ignoreRevs?: ReadonlySet<string>;
  signal?: AbortSignal;
  /**
   * The revision as the caller already resolved it (`incidentRev` is then ignored): saves the
   * git starts that would resolve it again before the window can be listed.
   */
  resolved?: ResolvedCommit & { source: CandidateWindow['revisionSource'] };
  /**
   * Told the window's revision walk just before it is listed, so a history read over the same
   * walk can start alongside the listing (listing 10,000 commits takes git ~100 ms).
   */
  onWalk?: (walk: WalkSelection) => void;
}

const DAY_MS = 86_400_000;

/** The n-th commit back a day window must reach at least (1: the days alone decide). */
export function commitFloor(options: Pick<CandidateWindowOptions, 'minCommits' | 'maxCommits'>): number {
  return Math.max(1, Math.min(options.minCommits ?? 1, options.maxCommits));
}

function validDate(iso: string | undefined, warnings: string[]): number | undefined {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) warnings.push(`Ignored first-seen time ${JSON.stringify(iso)}: not a date.`);
  return Number.isNaN(time) ? undefined : time;
}

/** The incident revision (else HEAD) with its committer time, each resolved in one git start. */
async function resolveWindowRevision(repo: GitRepository, incidentRev: string | undefined, warnings: string[], signal?: AbortSignal): Promise<ResolvedCommit & { source: CandidateWindow['revisionSource'] }> {
  const released = incidentRev ? await resolveCommitWithTime(repo, incidentRev, signal) : undefined;
  if (released) return { ...released, source: 'incident' };
  const head = await resolveCommitWithTime(repo, 'HEAD', signal);
  if (!head) throw new CauseLensError('no-history', 'The repository has no commits yet, so there is no history to search.');
  if (incidentRev) warnings.push(`The release commit ${incidentRev} is not in this clone; using HEAD instead.`);
  return { ...head, source: 'head' };
}

/** Committer time of the n-th commit back from `revision` (1 = itself); null when history is shorter. */
async function timeOfNthCommit(repo: GitRepository, revision: string, n: number, signal?: AbortSignal): Promise<number | null> {
  const out = (await runGit(repo, ['log', '-1', `--skip=${n - 1}`, '--format=%ct', revision], { signal })).trim();
  return out ? Number(out) * 1000 : null;
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
  const warnings: string[] = [];
  const at = options.resolved ?? (await resolveWindowRevision(repo, incidentRev, warnings, signal));
  const revision = at.sha;
  const revisionSource = at.source;

  const firstSeen = validDate(options.firstSeen, warnings);
  let previousRelease: string | undefined;
  if (options.previousRelease) {
    const prev = await resolveCommit(repo, options.previousRelease, signal);
    if (prev && prev !== revision && (await isAncestor(repo, prev, revision, signal))) previousRelease = prev;
    else warnings.push(`The previous release ${options.previousRelease} is not an ancestor here; using the day window.`);
  }

  const walk: string[] = [];
  let since: string | undefined;
  let until: string | undefined;
  if (!previousRelease) {
    const anchor = firstSeen ?? at.time;
    const n = commitFloor(options);
    const floor = n > 1 ? (at.nth?.n === n ? at.nth.time : await timeOfNthCommit(repo, revision, n, signal)) : undefined;
    // No floor time: the whole history holds fewer commits than the floor, so no lower bound.
    if (floor !== null) {
      // git reads dates before the epoch as garbage (and then lists almost nothing): clamp.
      since = new Date(Math.max(Math.min(anchor - options.sinceDays * DAY_MS, floor ?? Infinity), DAY_MS)).toISOString();
      walk.push(`--since=${since}`);
    }
  }
  // Without the release commit, HEAD may be newer than the incident: commits made after the
  // error was first seen cannot have caused it.
  if (revisionSource === 'head' && firstSeen !== undefined) {
    until = new Date(firstSeen).toISOString();
    walk.push(`--until=${until}`);
  }
  walk.push(revision);
  if (previousRelease) walk.push(`^${previousRelease}`);
  if (options.onWalk) {
    options.onWalk({ walk, maxCount: Math.floor(options.maxCommits) });
    // The history read over this walk is the long job: its git starts before the listing's.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // One more than wanted, to tell a full window from a cut one.
  const args = ['rev-list', '--timestamp', `--max-count=${Math.floor(options.maxCommits) + 1}`, ...walk];
  // Independent reads, run side by side: each git start waited for in turn delays the history read.
  const [listing, blame, shallow] = await Promise.all([
    runGit(repo, args, { signal }),
    blameLines(repo, revision, options.frames ?? [], { signal, ignoreRevs: options.ignoreRevs }),
    isShallowRepository(repo, signal),
  ]);
  // Each line: committer time, then the sha.
  const listed = listing.split('\n').filter((l) => l !== '').map((l) => l.split(' '));
  const truncated = listed.length > options.maxCommits;
  const commits = listed.slice(0, options.maxCommits).map(([, sha]) => sha);
  const inWindow = new Set(commits);
  const blameCommits = [...new Set(blame.map((b) => b.sha))].filter((sha) => !inWindow.has(sha));
  if (shallow) warnings.push('This is a shallow clone: history before its boundary is missing, so older causes cannot be found.');

  const window: CandidateWindow = { revision, revisionSource, commits, blameCommits, blame, truncated, shallow, warnings };
  if (since) window.since = since;
  // Cut by its count, the window ends at its oldest commit's time, later than its day bound.
  const end = truncated ? listed[commits.length - 1]?.[0] : undefined;
  if (end) window.endsAt = new Date(Number(end) * 1000).toISOString();
  else if (since) window.endsAt = since;
  if (until) window.until = until;
  if (previousRelease) window.previousRelease = previousRelease;
  return window;
}
