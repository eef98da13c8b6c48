// incident -> frames located at the incident revision -> candidate commits -> hypotheses scored
// by the worker swarm -> ranked causes: the one pipeline both the VS Code surfaces and the CLI
// call. Results stream through `onProgress` as batches return; the run can be cancelled and
// stops cleanly at its time budget with the best ranking so far.

import { buildHypothesisContext, type CodeModel, type LocatedFrame } from './analysis/context';
import type { HypothesisContext } from './analysis/hypothesis';
import { IncidentLineTracker, type TrackedFileChange } from './analysis/lineTracking';
import { defaultModel, type ModelWeights } from './analysis/model';
import { HypothesisPool } from './analysis/pool';
import type { RankedCause } from './analysis/ranking';
import { SwarmScoring } from './analysis/swarm';
import { errorOnset } from './analysis/timing';
import { CauseLensError } from './errors';
import { blameLines, openRepository, resolveCommit, resolveHead, selectCandidateWindow, type BlameResult, type CommitDiff, type GitRepository } from './git';
import { runGit } from './git/gitClient';
import type { Incident } from './incident/model';

export interface InvestigationOptions {
  repoPath: string;
  /** Revision the incident ran (overrides the incident's release commit). */
  revision?: string;
  sinceDays?: number;
  maxCommits?: number;
  /** The whole history reachable from the revision, limited to commits touching related files. */
  windowAll?: boolean;
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

export async function investigate(incident: Incident, options: InvestigationOptions): Promise<InvestigationResult> {
  const started = Date.now();
  const warnings = [...incident.warnings];

  const repo = await openRepository(options.repoPath, options.signal);
  // Worker threads start while git works; the pool is closed at the end only if it is ours.
  const pool = options.pool ?? new HypothesisPool({ ...(options.workers !== undefined ? { workers: options.workers } : {}), ...(options.taskFile ? { taskFile: options.taskFile } : {}) });
  try {
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
  const checkCancelled = () => {
    if (signal?.aborted) throw new CauseLensError('cancelled', 'The investigation was cancelled.');
  };

  const requested = options.revision ?? incident.commit;
  const resolved = requested ? await resolveCommit(repo, requested, signal) : undefined;
  if (requested && !resolved) warnings.push(`The incident's revision ${requested} is not in this repository; HEAD was used instead.`);
  const revision = resolved ?? (await resolveHead(repo, signal));

  progress({ phase: 'locating', scored: 0, total: 0, ranking: [] });
  const code = options.codeModel(repo, revision);
  const frames = await options.locateFrames(incident, repo, revision, code);
  const inAppFrames = incident.exceptions.reduce((n, e) => n + e.frames.filter((f) => f.inApp).length, 0);
  if (frames.length === 0) warnings.push('No frame of the stack could be found in this repository: the ranking rests on the error words and the shape of the changes only.');
  checkCancelled();
  const onset = errorOnset(incident);
  // The syntax trees and the window are independent: read both at once.
  const [context, window] = await Promise.all([
    buildHypothesisContext(incident, frames, code, onset ? { changePointTime: onset } : {}),
    selectCandidateWindow(repo, revision, {
      sinceDays: options.sinceDays ?? 14,
      maxCommits: options.maxCommits ?? 500,
      ...(incident.firstSeen && !resolved ? { firstSeen: incident.firstSeen } : {}),
      ...(options.previousRelease ? { previousRelease: options.previousRelease } : {}),
      signal,
    }),
  ]);
  progress({ phase: 'history', scored: 0, total: window.commits.length, ranking: [] });
  warnings.push(...window.warnings);
  // Bounded by the previous release, the window is exactly the first release that saw the error.
  if (window.previousRelease) context.firstReleaseShas = window.commits;
  let windowCommits = window.commits;
  if (options.windowAll) windowCommits = await commitsTouchingRelatedFiles(repo, revision, context, signal);
  // Blame walks deep history: let it run while the window's diffs stream and score.
  const blamed = blameLines(repo, revision, context.anchors.map((a) => ({ path: a.path, line: a.line })), { signal: stop });
  blamed.catch(() => undefined);

  const tracker = new IncidentLineTracker([...context.anchors.map((a) => a.path), ...context.neighbours.map((n) => n.path)]);
  let lastProgress = 0;
  const swarm = new SwarmScoring(pool, context, options.model ?? defaultModel(), stop, () => {
    if (Date.now() - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = Date.now();
    progress({ phase: 'scoring', scored: swarm.scored.length, total: swarm.total, ranking: swarm.rank(options.top ?? 10) });
  });

  let failure: unknown;
  let blameCommitCount = 0;
  try {
    await swarm.stream(repo, windowCommits, (diff) => tracker.track(diff.files.map(toTrackable), diff.formattingOnly));
    // Commits outside the window that wrote today's frame lines, however old.
    const blameBySha = groupBlame(await blamed);
    const inWindow = new Set(windowCommits);
    const blameCommits = [...blameBySha.keys()].filter((sha) => !inWindow.has(sha));
    blameCommitCount = blameCommits.length;
    await swarm.stream(repo, blameCommits, (diff) => trackedFromBlame(blameBySha.get(diff.commit.sha) ?? []));
  } catch (error) {
    failure = error;
  }
  failure ??= await swarm.settle();
  if (signal?.aborted) throw new CauseLensError('cancelled', 'The investigation was cancelled.');
  if (failure && !budget?.aborted) throw failure;
  const { scored, total } = swarm;
  const budgetExceeded = Boolean(budget?.aborted);
  if (budgetExceeded) warnings.push(`The time budget of ${options.budgetMs} ms ran out: ${scored.length} of ${total} candidates were scored.`);
  if (total === 0) warnings.push('No candidate commit was found in the window: widen it (--window-days, --window all) or check the revision.');

  const located = frames.length;
  const confidence = evidenceCompleteness({ located, inAppFrames, context, scored: scored.length, total, hasTiming: Boolean(context.firstReleaseShas || context.changePointTime) });
  const causes = swarm.rank(options.top).map((c) => ({ ...c, confidence: round(c.evidence.some((e) => isLocation(e.kind)) ? confidence : confidence * 0.6) }));
  const elapsedMs = Date.now() - started;
  progress({ phase: 'done', scored: scored.length, total, ranking: causes.slice(0, options.top ?? 10) });
  return {
    incident,
    causes,
    frames,
    context,
    warnings,
    stats: {
      revision, candidates: total, scored: scored.length, windowCommits: windowCommits.length, blameCommits: blameCommitCount,
      workers: pool.size, elapsedMs, ...(swarm.firstResultAt ? { timeToFirstResultMs: swarm.firstResultAt - started } : {}),
      budgetExceeded, retriedBatches: pool.retried, locatedFrames: located, inAppFrames,
    },
  };
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

async function commitsTouchingRelatedFiles(repo: GitRepository, revision: string, context: HypothesisContext, signal?: AbortSignal): Promise<string[]> {
  const paths = [...new Set([...context.anchors.map((a) => a.path), ...context.neighbours.map((n) => n.path)])];
  if (paths.length === 0) return [];
  const out = await runGit(repo, ['rev-list', revision, '--', ...paths], { signal });
  return out.split('\n').filter(Boolean);
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

function toTrackable(file: CommitDiff['files'][number]) {
  return { ...(file.oldPath ? { oldPath: file.oldPath } : {}), ...(file.newPath ? { newPath: file.newPath } : {}), hunks: file.hunks };
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
