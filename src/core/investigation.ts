// incident -> frames located at the incident revision -> candidate commits -> hypotheses scored
// by the worker swarm -> ranked causes: the one pipeline both the VS Code surfaces and the CLI
// call. Results stream through `onProgress` as batches return; the run can be cancelled and
// stops cleanly at its time budget with the best ranking so far.

import { buildHypothesisContext, frameVia, type CodeModel, type LocatedFrame } from './analysis/context';
import { ranThroughPaths, type HypothesisContext } from './analysis/hypothesis';
import type { TrackedFileChange } from './analysis/lineTracking';
import { defaultModel, type ModelWeights } from './analysis/model';
import { HypothesisPool } from './analysis/pool';
import type { RankedCause } from './analysis/ranking';
import { SwarmScoring, type TrackingFor } from './analysis/swarm';
import { WindowLineTracking } from './analysis/windowTracking';
import { errorOnset } from './analysis/timing';
import { CauseLensError } from './errors';
import { blameLines, openRepository, readIgnoreRevs, selectCandidateWindow, type BlameResult, type GitRepository } from './git';
import { readRawCommits, type WalkSelection } from './git/commitStream';
import type { CandidateWindow } from './git/model';
import type { RawCommit } from './git/patchParser';
import { commitFloor } from './git/window';
import { resolveCommitWithTime, runGit, type ResolvedCommit } from './git/gitClient';
import type { Incident } from './incident/model';

export interface InvestigationOptions {
  repoPath: string;
  /** Revision the incident ran (overrides the incident's release commit). */
  revision?: string;
  sinceDays?: number;
  maxCommits?: number;
  /** The day window reaches back at least this many commits (default DEFAULT_MIN_COMMITS). */
  minCommits?: number;
  /** The whole history reachable from the revision, limited to commits touching related files. */
  windowAll?: boolean;
  /**
   * A day window also takes up to this many older commits that changed the code related to the
   * incident (default DEFAULT_OLDER_RELATED_COMMITS; 0 for none). Not with a release bound.
   */
  olderRelatedCommits?: number;
  previousRelease?: string;
  workers?: number;
  top?: number;
  /** Stop scoring after this long and return the best ranking so far. */
  budgetMs?: number;
  signal?: AbortSignal;
  onProgress?: (progress: InvestigationProgress) => void;
  model?: ModelWeights;
  /** Maps the incident's frames to repository paths and lines at the revision. */
  locateFrames: (incident: Incident, repo: GitRepository, revision: string, code: CodeModel) => Promise<LocatedFrame[]>;
  /** Syntax-tree queries at the revision. */
  codeModel: (repo: GitRepository, revision: string) => CodeModel;
  /** A pool to reuse (the extension keeps one warm); otherwise one is made for this run. */
  pool?: HypothesisPool;
  taskFile?: string;
}

export interface InvestigationProgress {
  phase: 'locating' | 'history' | 'scoring' | 'done';
  scored: number;
  /** Candidates known so far (grows while the history streams). */
  total: number;
  ranking: RankedCause[];
}

export interface InvestigationStats {
  revision: string;
  candidates: number;
  scored: number;
  windowCommits: number;
  /** Older than the window, taken because they changed the related code. */
  olderRelatedCommits: number;
  blameCommits: number;
  workers: number;
  elapsedMs: number;
  timeToFirstResultMs?: number;
  budgetExceeded: boolean;
  retriedBatches: number;
  locatedFrames: number;
  inAppFrames: number;
}

export interface InvestigationResult {
  incident: Incident;
  causes: RankedCause[];
  frames: LocatedFrame[];
  context: HypothesisContext;
  stats: InvestigationStats;
  warnings: string[];
}

const PROGRESS_INTERVAL_MS = 200;
const DAY_MS = 86_400_000;
/**
 * A quiet repository's last 14 days may hold nothing: the window still reaches this many commits
 * back. Wider windows cost little and, on the benchmark corpus, did not dilute the ranking.
 */
export const DEFAULT_MIN_COMMITS = 300;
/** Most commits a day window holds unless the caller says otherwise. */
const DEFAULT_MAX_COMMITS = 500;
/**
 * A regression can surface long after it landed: a day window also takes this many of the
 * newest older commits that changed the related code (see relatedPaths).
 */
export const DEFAULT_OLDER_RELATED_COMMITS = 100;
/** Frames blamed before the context is known (the context anchors on at most 12). */
const LIKELY_ANCHORS = 12;

export async function investigate(incident: Incident, options: InvestigationOptions): Promise<InvestigationResult> {
  const started = Date.now();
  const warnings = [...incident.warnings];

  // Worker threads start while git works; the pool is closed at the end only if it is ours.
  const pool = options.pool ?? new HypothesisPool({ ...(options.workers !== undefined ? { workers: options.workers } : {}), ...(options.taskFile ? { taskFile: options.taskFile } : {}) });
  try {
    const repo = await openRepository(options.repoPath, options.signal);
    return await runInvestigation(incident, options, repo, pool, started, warnings);
  } finally {
    if (!options.pool) await pool.close();
  }
}

async function runInvestigation(incident: Incident, options: InvestigationOptions, repo: GitRepository, pool: HypothesisPool, started: number, warnings: string[]): Promise<InvestigationResult> {
  const { signal } = options;
  const budget = options.budgetMs ? AbortSignal.timeout(options.budgetMs) : undefined;
  const stop = budget ? AbortSignal.any([budget, ...(signal ? [signal] : [])]) : signal;
  const progress = (p: InvestigationProgress) => options.onProgress?.(p);

  // Resolved once, with its time, and handed on: every git start before the history read delays it.
  // The same start tells where the window's commit-count floor falls (see window.ts).
  const floor = options.windowAll || options.previousRelease ? undefined : commitFloor(windowBounds(options));
  const requested = options.revision ?? incident.commit;
  const resolved = requested ? await resolveCommitWithTime(repo, requested, signal, floor) : undefined;
  if (requested && !resolved) warnings.push(`The incident's revision ${requested} is not in this repository; HEAD was used instead.`);
  const at = resolved ?? (await resolveCommitWithTime(repo, 'HEAD', signal, floor));
  if (!at) throw new CauseLensError('no-history', 'The repository has no commits yet, so there is no history to search.');
  const revision = at.sha;

  progress({ phase: 'locating', scored: 0, total: 0, ranking: [] });
  const { windowRead, windowWalk, locating, ready, windowCommits, blamed } = startPhases(incident, options, repo, { ...at, source: resolved ? 'incident' : 'head' }, stop);

  const ignoreRevs = readIgnoreRevs(repo.root);
  let lastProgress = 0;
  const swarm = new SwarmScoring(pool, ready, options.model ?? defaultModel(), stop, () => {
    // Ranking everything scored so far is only worth it for someone watching.
    if (!options.onProgress || Date.now() - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = Date.now();
    progress({ phase: 'scoring', scored: swarm.scored.length, total: swarm.known, ranking: swarm.rank(options.top ?? 10) });
  }, ignoreRevs);
  // One line tracking for the run: the window's commits, then the older ones of the related code.
  const tracking = lineTracking(ignoreRevs);
  const windowScored = scoreWindow(swarm, repo, windowWalk, windowCommits, tracking.for, progress);
  windowScored.catch(() => undefined); // awaited below; it may fail (a stop) while other phases are awaited

  const olderLimit = options.windowAll || options.previousRelease ? 0 : (options.olderRelatedCommits ?? DEFAULT_OLDER_RELATED_COMMITS);
  const olderRead = olderLimit > 0 ? readOlderRelated(repo, revision, ready, windowRead, olderLimit, ignoreRevs, stop) : Promise.resolve(NO_OLDER_COMMITS);
  olderRead.catch(() => undefined);
  const scoredBeforeBlame = Promise.all([windowCommits, olderRead]).then(([inWindow, older]) => [...inWindow, ...older.commits]);
  const blameRead = readBlameCommits(repo, blamed, scoredBeforeBlame, ignoreRevs, stop);
  blameRead.catch(() => undefined);

  let failure: unknown;
  let blameCommitCount = 0;
  let olderCount = 0;
  let frames: LocatedFrame[] = [];
  let context: HypothesisContext | undefined;
  let inWindow: readonly string[] = [];
  try {
    const [{ frames: found }, window] = await Promise.all([locating, windowRead]);
    frames = found;
    if (frames.length === 0) warnings.push('No frame of the stack could be found in this repository: the ranking rests on the error words and the shape of the changes only.');
    warnings.push(...window.warnings);
    context = await ready;
    inWindow = await windowCommits;
    await windowScored;
    const older = await olderRead;
    olderCount = older.commits.length;
    await swarm.feed(once(older.records.slice(0, older.deeperFrom)), older.deeperFrom, tracking.for);
    tracking.followOnly(older.deeperPaths);
    await swarm.feed(once(older.records.slice(older.deeperFrom)), older.commits.length - older.deeperFrom, tracking.for);
    const { bySha, commits, records } = await blameRead;
    blameCommitCount = commits.length;
    await swarm.feed(once(records), commits.length, () => (record) => trackedFromBlame(bySha.get(record.info.sha) ?? []));
  } catch (error) {
    failure = error;
  }
  await windowScored.catch(() => undefined);
  failure ??= await swarm.settle();
  if (signal?.aborted) throw new CauseLensError('cancelled', 'The investigation was cancelled.');
  if (!context || (failure && !budget?.aborted)) throw failure;
  return summarise({ incident, options, swarm, pool, frames, context, warnings, revision, inWindow: inWindow.length, olderRelated: olderCount, blameCommits: blameCommitCount, budgetExceeded: Boolean(budget?.aborted), started });
}

/**
 * Streams the window's records into the swarm: a plain window over its walk as soon as that is
 * known, so git reads while the same walk is being listed; `--window all` over its listed commits.
 * The history phase begins as git starts reading, before the first commit can be scored.
 */
function scoreWindow(swarm: SwarmScoring, repo: GitRepository, walk: Promise<WalkSelection> | undefined, windowCommits: Promise<readonly string[]>, tracking: TrackingFor, progress: (p: InvestigationProgress) => void): Promise<void> {
  const reading = (total: number) => progress({ phase: 'history', scored: 0, total, ranking: [] });
  windowCommits.catch(() => undefined); // a failed window is reported by the caller's wait on it
  if (!walk) {
    return windowCommits.then((commits) => {
      reading(commits.length);
      return swarm.stream(repo, commits, tracking);
    });
  }
  return walk.then((w) => {
    reading(0);
    return swarm.streamWalk(repo, w, windowCommits.then((commits) => commits.length), tracking);
  });
}

/**
 * Lays records on the incident revision over the files of the related code; every stream of the
 * run shares it, so records must come newest first across streams.
 */
function lineTracking(ignoreRevs: ReadonlySet<string>): { for: TrackingFor; followOnly(paths: readonly string[]): void } {
  let tracker: WindowLineTracking | undefined;
  let only: readonly string[] | undefined;
  return {
    for: (context) => {
      const shared = (tracker ??= new WindowLineTracking(ranThroughPaths(context), ignoreRevs));
      if (only) shared.followOnly(only);
      return (record) => shared.track(record);
    },
    /** From the next record on, only these files' lines are followed (the others' history has a gap). */
    followOnly: (paths) => {
      only = paths;
      tracker?.followOnly(paths);
    },
  };
}

interface Finished {
  incident: Incident;
  options: InvestigationOptions;
  swarm: SwarmScoring;
  pool: HypothesisPool;
  frames: LocatedFrame[];
  context: HypothesisContext;
  warnings: string[];
  revision: string;
  inWindow: number;
  olderRelated: number;
  blameCommits: number;
  budgetExceeded: boolean;
  started: number;
}

/** The final ranking with its confidence, warnings and statistics. */
function summarise(f: Finished): InvestigationResult {
  const { incident, options, swarm, pool, frames, context, warnings } = f;
  const inAppFrames = incident.exceptions.reduce((n, e) => n + e.frames.filter((fr) => fr.inApp).length, 0);
  const { scored, total } = swarm;
  if (f.budgetExceeded) warnings.push(`The time budget of ${options.budgetMs} ms ran out: ${scored.length} of ${total} candidates were scored.`);
  if (total === 0) warnings.push('No candidate commit was found in the window: widen it (--window-days, --window all) or check the revision.');
  const located = frames.length;
  const confidence = evidenceCompleteness({ located, inAppFrames, context, scored: scored.length, total, hasTiming: Boolean(context.firstReleaseShas || context.changePointTime) });
  const causes = swarm.rank(options.top).map((c) => ({ ...c, confidence: round(c.evidence.some((e) => isLocation(e.kind)) ? confidence : confidence * 0.6) }));
  const elapsedMs = Date.now() - f.started;
  options.onProgress?.({ phase: 'done', scored: scored.length, total, ranking: causes.slice(0, options.top ?? 10) });
  return {
    incident,
    causes,
    frames,
    context,
    warnings,
    stats: {
      revision: f.revision, candidates: total, scored: scored.length, windowCommits: f.inWindow, olderRelatedCommits: f.olderRelated, blameCommits: f.blameCommits,
      workers: pool.size, elapsedMs, ...(swarm.firstResultAt ? { timeToFirstResultMs: swarm.firstResultAt - f.started } : {}),
      budgetExceeded: f.budgetExceeded, retriedBatches: pool.retried, locatedFrames: located, inAppFrames,
    },
  };
}

/** The window's commit count bounds, with their defaults. */
function windowBounds(options: InvestigationOptions): { minCommits: number; maxCommits: number } {
  return { minCommits: options.minCommits ?? DEFAULT_MIN_COMMITS, maxCommits: options.maxCommits ?? DEFAULT_MAX_COMMITS };
}

/**
 * Starts the phases that can overlap. The window needs only the revision: its diffs start
 * streaming (and git runs) while the frames are located and the syntax trees read; the first
 * batch goes to the workers once the context is `ready`. Blame starts once the frames are known.
 */
function startPhases(incident: Incident, options: InvestigationOptions, repo: GitRepository, at: ResolvedCommit & { source: 'incident' | 'head' }, stop: AbortSignal | undefined) {
  const { signal } = options;
  const revision = at.sha;
  let startWalk: ((walk: WalkSelection) => void) | undefined;
  const windowWalk = options.windowAll ? undefined : new Promise<WalkSelection>((resolve) => (startWalk = resolve));
  const windowRead = selectCandidateWindow(repo, revision, {
    ...(startWalk ? { onWalk: startWalk } : {}),
    // On the HEAD fallback the window ends where the error was first seen (see window.ts).
    resolved: at,
    sinceDays: options.sinceDays ?? 14,
    ...windowBounds(options),
    ...(incident.firstSeen && at.source === 'head' ? { firstSeen: incident.firstSeen } : {}),
    ...(options.previousRelease ? { previousRelease: options.previousRelease } : {}),
    signal,
  });
  const code = options.codeModel(repo, revision);
  const locatedFrames = options.locateFrames(incident, repo, revision, code);
  const locating = locatedFrames.then((frames) => readContext(incident, frames, code, signal).then((context) => ({ frames, context })));
  // Bounded by the previous release, the window is exactly the first release that saw the error:
  // the workers need its list. Otherwise they start as soon as the context is known, while git
  // still lists the window.
  const ready = options.previousRelease
    ? Promise.all([locating, windowRead]).then(([{ context }, window]) => {
        if (window.previousRelease) context.firstReleaseShas = window.commits;
        return context;
      })
    : locating.then(({ context }) => context);
  const windowCommits = options.windowAll ? ready.then((context) => commitsTouchingRelatedFiles(repo, revision, context, signal)) : windowRead.then((w) => w.commits);
  const blamed = blameOfAnchors(repo, revision, locatedFrames, locating.then((l) => l.context), stop);
  blamed.catch(() => undefined);
  // A window that fails before its walk is known fails the read too, instead of leaving it waiting.
  const walkOrFailure = windowWalk && Promise.race([windowWalk, windowRead.then(() => windowWalk)]);
  return { windowRead, windowWalk: walkOrFailure, locating, ready, windowCommits, blamed };
}

/**
 * Who wrote the anchors' lines. Blame walks deep history, so it starts on the frames likely to
 * become anchors as soon as they are located, and blames any anchor it missed once the context is known.
 */
async function blameOfAnchors(repo: GitRepository, revision: string, frames: Promise<LocatedFrame[]>, context: Promise<HypothesisContext>, stop: AbortSignal | undefined): Promise<BlameResult[]> {
  const early = likelyAnchors(await frames);
  const first = await blameLines(repo, revision, early, { signal: stop, seeThroughLayout: true });
  const { anchors } = await context;
  const blamedEarly = new Set(early.map((t) => `${t.path}:${t.line}`));
  const missed = anchors.filter((a) => !blamedEarly.has(`${a.path}:${a.line}`)).map((a) => ({ path: a.path, line: a.line }));
  const all = missed.length > 0 ? [...first, ...(await blameLines(repo, revision, missed, { signal: stop, seeThroughLayout: true }))] : first;
  return inAnchorOrder(all, anchors);
}

/**
 * Commits outside the window (and its older related commits) that wrote today's frame lines,
 * however old: their records are read as soon as blame names them, while the window still
 * streams, and scored after it.
 */
async function readBlameCommits(repo: GitRepository, blamed: Promise<BlameResult[]>, scoredBefore: Promise<readonly string[]>, ignoreRevs: ReadonlySet<string>, stop: AbortSignal | undefined) {
  const [blame, before] = await Promise.all([blamed, scoredBefore]);
  const bySha = groupBlame(blame);
  const known = new Set(before);
  const commits = [...bySha.keys()].filter((sha) => !known.has(sha));
  const records = await readRawCommits(repo, { commits }, { ignoreRevs, knownCommits: true, ...(stop ? { signal: stop } : {}) });
  return { bySha, commits, records };
}

/** How far before a day window the older commits of the related code are looked for. */
const OLDER_RELATED_DAYS = 365;

interface OlderCommits {
  commits: string[];
  records: RawCommit[];
  /** Where the deeper history of the crash site's own code starts in `commits`. */
  deeperFrom: number;
  /** The files that deeper history follows: the others' commits there are not all read. */
  deeperPaths: string[];
}

const NO_OLDER_COMMITS: OlderCommits = { commits: [], records: [], deeperFrom: 0, deeperPaths: [] };

/**
 * Up to `limit` commits older than the day window that changed the related code, newest first,
 * with their records, read while the window streams. They come after the window's commits in
 * the same line tracking: listed by path, they leave no gap in those files' history. Where the
 * related code changes so often that `limit` of them end soon, up to `limit` more go further
 * back in the crash site's own code (its file and the code it calls): in a busy old repository
 * the regression there can be older than a hundred changes to the files around it.
 */
async function readOlderRelated(repo: GitRepository, revision: string, ready: Promise<HypothesisContext>, windowRead: Promise<CandidateWindow>, limit: number, ignoreRevs: ReadonlySet<string>, stop: AbortSignal | undefined): Promise<OlderCommits> {
  const [context, window] = await Promise.all([ready, windowRead]);
  const paths = relatedPaths(context);
  if (paths.length === 0 || !window.endsAt) return NO_OLDER_COMMITS;
  // git misreads dates before the epoch (see window.ts): clamped.
  const time = (ms: number) => new Date(Math.max(ms, DAY_MS)).toISOString();
  const end = Date.parse(window.endsAt);
  const bounds = [`--until=${time(end - 1000)}`, `--since=${time(end - OLDER_RELATED_DAYS * DAY_MS)}`];
  const list = async (of: readonly string[]) => (await runGit(repo, ['rev-list', `--max-count=${limit}`, ...bounds, revision, '--', ...of], { signal: stop })).split('\n').filter((sha) => sha !== '');
  const listed = await list(paths);
  // Committer times need not follow the history: a window commit may still be listed.
  const inWindow = new Set(window.commits);
  const commits = listed.filter((sha) => !inWindow.has(sha)).slice(0, limit);
  // A cut listing: the crash site's own commits past the last one it holds. (Listed after it, not
  // beside it: the window still streams, and most listings are not cut.)
  const crashSite = crashSitePaths(context);
  const crashSiteListed = listed.length >= limit && crashSite.length < paths.length ? await list(crashSite) : [];
  const taken = new Set(commits);
  let after = crashSiteListed.length;
  while (after > 0 && !taken.has(crashSiteListed[after - 1])) after--;
  const deeper = crashSiteListed.slice(after).filter((sha) => !inWindow.has(sha));
  const all = [...commits, ...deeper];
  const records = await readRawCommits(repo, { commits: all }, { ignoreRevs, knownCommits: true, ...(stop ? { signal: stop } : {}) });
  return { commits: all, records, deeperFrom: records.filter((r) => taken.has(r.info.sha)).length, deeperPaths: crashSite };
}

/** The context built on the located frames (syntax trees, error words). */
async function readContext(incident: Incident, frames: LocatedFrame[], code: CodeModel, signal: AbortSignal | undefined): Promise<HypothesisContext> {
  if (signal?.aborted) throw new CauseLensError('cancelled', 'The investigation was cancelled.');
  const onset = errorOnset(incident);
  return buildHypothesisContext(incident, frames, code, onset ? { changePointTime: onset } : {});
}

function isLocation(kind: string): boolean {
  return kind === 'frame-line' || kind === 'crash-line-introduced' || kind === 'enclosing-symbol' || kind === 'callee' || kind === 'frame-file';
}

/** 0..1: how much of the evidence the ranking could have used was actually there. */
function evidenceCompleteness(s: { located: number; inAppFrames: number; context: HypothesisContext; scored: number; total: number; hasTiming: boolean }): number {
  const framesFound = s.inAppFrames > 0 ? Math.min(1, s.located / s.inAppFrames) : s.located > 0 ? 1 : 0;
  const anchors = s.context.anchors;
  const symbolsFound = anchors.length > 0 ? anchors.filter((a) => a.symbol).length / anchors.length : 0;
  const coverage = s.total > 0 ? s.scored / s.total : 0;
  const timing = s.hasTiming ? 1 : 0.5;
  return round((framesFound * 0.35 + symbolsFound * 0.25 + timing * 0.15 + (s.context.errorWords.length > 0 ? 0.25 : 0.1)) * coverage);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}



/** The crash site's file and the files of the code it calls or reads directly. */
function crashSitePaths(context: HypothesisContext): string[] {
  const crash = context.anchors[0];
  if (!crash) return [];
  const via = frameVia(crash);
  return [...new Set([crash.path, ...context.neighbours.filter((n) => n.distance === 1 && n.via === via).map((n) => n.path)])];
}

/** The files of the code related to the incident: those followed, and what the frames' files import. */
function relatedPaths(context: HypothesisContext): string[] {
  return [...new Set([...ranThroughPaths(context), ...(context.imports ?? [])])];
}

async function commitsTouchingRelatedFiles(repo: GitRepository, revision: string, context: HypothesisContext, signal?: AbortSignal): Promise<string[]> {
  const paths = relatedPaths(context);
  if (paths.length === 0) return [];
  const out = await runGit(repo, ['rev-list', revision, '--', ...paths], { signal });
  return out.split('\n').filter(Boolean);
}

/** Blame targets the context will most likely anchor on: the first distinct frames, root cause's crash site first. */
function likelyAnchors(frames: readonly LocatedFrame[]): { path: string; line: number }[] {
  const ordered = [...frames].sort((a, b) => b.exceptionIndex - a.exceptionIndex || a.frameIndex - b.frameIndex);
  const keys = [...new Set(ordered.map((f) => `${f.path}\0${f.line}`))].slice(0, LIKELY_ANCHORS);
  return keys.map((k) => ({ path: k.slice(0, k.lastIndexOf('\0')), line: Number(k.slice(k.lastIndexOf('\0') + 1)) }));
}

/**
 * The blame of the anchors' lines only, listed as one blame of the anchors would list them: files
 * in the anchors' order, each file's lines in line order (as git prints them).
 */
function inAnchorOrder(blame: readonly BlameResult[], anchors: HypothesisContext['anchors']): BlameResult[] {
  const wanted = new Set(anchors.map((a) => `${a.path}:${a.line}`));
  const files = [...new Set(anchors.map((a) => a.path))];
  return blame.filter((b) => wanted.has(`${b.path}:${b.line}`)).sort((a, b) => files.indexOf(a.path) - files.indexOf(b.path) || a.line - b.line);
}

async function* once<T>(items: T[]): AsyncGenerator<T[]> {
  if (items.length > 0) yield items;
}

function groupBlame(blame: readonly BlameResult[]): Map<string, BlameResult[]> {
  const by = new Map<string, BlameResult[]>();
  for (const b of blame) by.set(b.sha, [...(by.get(b.sha) ?? []), b]);
  return by;
}

/** Commits outside the window are known only through blame: they wrote today's frame lines. */
function trackedFromBlame(blame: readonly BlameResult[]): TrackedFileChange[] {
  const byPath = new Map<string, number[]>();
  for (const b of blame) byPath.set(b.path, [...(byPath.get(b.path) ?? []), b.line]);
  return [...byPath].map(([incidentPath, lines]) => ({ incidentPath, spans: lines.map((l) => ({ start: l, end: l, exact: true })), survivingAddedLines: lines }));
}

export interface InvestigationSummary {
  title: string;
  exceptionCount: number;
  frameCount: number;
  inAppFrameCount: number;
}

/** A first, purely descriptive view of an incident, shown before the ranking arrives. */
export function summarizeIncident(incident: Incident): InvestigationSummary {
  const frames = incident.exceptions.flatMap((e) => e.frames);
  return {
    title: incident.title,
    exceptionCount: incident.exceptions.length,
    frameCount: frames.length,
    inAppFrameCount: frames.filter((f) => f.inApp).length,
  };
}
