// Accuracy of the ranking on the corpus built by bench/corpus/build.mjs: Top-1/3/5 and MRR on
// the test part, side by side with two baselines computed on the same cases. Weights are fitted
// on the training part only; the test part is never seen by the fit.

import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocatedFrame } from '../src/core/analysis/context';
import { FEATURE_NAMES, type FeatureVector } from '../src/core/analysis/features';
import { fitWeights, linearScore, meanLogLikelihood, startingModel, type ModelWeights } from '../src/core/analysis/model';
import type { HypothesisPool } from '../src/core/analysis/pool';
import { createCodeModel, locateFramesAtRevision } from '../src/core/engine';
import { blameLines, openRepository } from '../src/core/git';
import { runGit } from '../src/core/git/gitClient';
import { readIncident } from '../src/core/incident';
import { investigate, type InvestigationOptions } from '../src/core/investigation';

export interface CorpusCase {
  id: string;
  language: string;
  split: 'train' | 'test';
  repoPath: string;
  incident: { revision: string; firstSeen?: string };
  trace: string;
  culprit: { sha: string; positionFromHead: number };
  window: { sinceRevision: string; maxCommits: number; candidates: number };
  crash: { relation: string; testOnly: boolean };
}

export interface CaseOutcome {
  id: string;
  language: string;
  split: 'train' | 'test';
  relation: string;
  testOnly: boolean;
  candidates: number;
  /** Every candidate's features, newest first; culpritIndex -1 when the culprit was not a candidate. */
  features: FeatureVector[];
  shas: string[];
  culpritIndex: number;
  /** 1-based ranks of the culprit by each method (Infinity: not found). */
  blameBaselineRank: number;
  fileBaselineRank: number;
  elapsedMs: number;
  /** The culprit was among the window's own commits (not taken as older related code or from blame). */
  culpritInWindow?: boolean;
  error?: string;
}

/**
 * How a case's window is chosen: 'case' bounds it by the case's release, as the corpus defines
 * it; 'defaults' gives only the revision, as a person running the CLI with no window options
 * would; 'narrow' keeps the window to the last day, at most 20 commits, so most culprits are older
 * than it ('narrow-alone': without the older commits of the related code); 'all' is `--window all`.
 */
export type WindowMode = 'case' | 'defaults' | 'narrow' | 'narrow-alone' | 'all';

const WINDOW_OPTIONS: Record<WindowMode, (c: CorpusCase) => Partial<InvestigationOptions>> = {
  case: (c) => ({ previousRelease: c.window.sinceRevision, maxCommits: c.window.maxCommits, sinceDays: 100_000 }),
  defaults: () => ({}),
  narrow: () => ({ sinceDays: 1, maxCommits: 20, minCommits: 1 }),
  'narrow-alone': () => ({ sinceDays: 1, maxCommits: 20, minCommits: 1, olderRelatedCommits: 0 }),
  all: () => ({ windowAll: true }),
};

export function loadCorpus(dir: string): CorpusCase[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((id) => existsSync(join(dir, id, 'case.json')))
    .map((id) => ({ ...(JSON.parse(readFileSync(join(dir, id, 'case.json'), 'utf8')) as CorpusCase), trace: join(dir, id, 'trace.txt') }));
}

/** Commits of the window, newest first, with their date and the files they touched. */
async function windowLog(repoPath: string, c: CorpusCase): Promise<{ sha: string; time: number; files: string[] }[]> {
  const out = await runGit({ root: repoPath }, ['log', '--no-renames', '--format=%x1e%H %ct', '--name-only', `--max-count=${c.window.maxCommits}`, c.incident.revision, `^${c.window.sinceRevision}`]);
  return out.split('\x1e').filter((r) => r.trim()).map((record) => {
    const [head, ...files] = record.trim().split('\n');
    const [sha, time] = head.split(' ');
    return { sha, time: Number(time), files: files.filter(Boolean) };
  });
}

/** Rank of `sha` when `preferred` commits come first (in the given order), then the rest newest first. */
function rankWithPreference(preferred: string[], all: { sha: string }[], sha: string): number {
  const order = [...new Set([...preferred, ...all.map((c) => c.sha)])];
  const i = order.indexOf(sha);
  return i < 0 ? Number.POSITIVE_INFINITY : i + 1;
}

async function baselines(c: CorpusCase, frames: LocatedFrame[]): Promise<{ blame: number; file: number }> {
  const log = await windowLog(c.repoPath, c);
  const repo = await openRepository(c.repoPath);
  // Sentry-style: the commits that last touched the in-app frame lines, most recent first.
  const blamed = await blameLines(repo, c.incident.revision, frames.map((f) => ({ path: f.path, line: f.line })));
  const times = new Map<string, number>();
  for (const b of blamed) times.set(b.sha, Number((await runGit(repo, ['show', '-s', '--format=%ct', b.sha])).trim()));
  const blameOrder = [...times].sort((a, b) => b[1] - a[1]).map(([sha]) => sha);
  // The newest commits touching any file of the stack.
  const stackFiles = new Set(frames.map((f) => f.path));
  const fileOrder = log.filter((e) => e.files.some((f) => stackFiles.has(f))).map((e) => e.sha);
  return { blame: rankWithPreference(blameOrder, log, c.culprit.sha), file: rankWithPreference(fileOrder, log, c.culprit.sha) };
}

/**
 * Runs one case with its window chosen by `window` (see WindowMode): a culprit outside the
 * candidates counts as not found. Baselines are computed for the case's window only.
 */
export async function evaluateCase(c: CorpusCase, pool?: HypothesisPool, window: WindowMode = 'case'): Promise<CaseOutcome> {
  const started = Date.now();
  const base = { id: c.id, language: c.language, split: c.split, relation: c.crash.relation, testOnly: c.crash.testOnly, candidates: c.window.candidates };
  try {
    const incident = readIncident(readFileSync(c.trace, 'utf8'));
    if (c.incident.firstSeen) incident.firstSeen = c.incident.firstSeen;
    const result = await investigate(incident, {
      repoPath: c.repoPath, revision: c.incident.revision, ...WINDOW_OPTIONS[window](c), ...(pool ? { pool } : {}), locateFrames: locateFramesAtRevision, codeModel: createCodeModel,
    });
    const ordered = [...result.causes].sort((a, b) => a.commit.date < b.commit.date ? 1 : -1);
    const b = window === 'case' ? await baselines(c, result.frames) : { blame: Number.POSITIVE_INFINITY, file: Number.POSITIVE_INFINITY };
    return {
      ...base, features: ordered.map((x) => x.features), shas: ordered.map((x) => x.commit.sha),
      culpritIndex: ordered.findIndex((x) => x.commit.sha === c.culprit.sha),
      blameBaselineRank: b.blame, fileBaselineRank: b.file, elapsedMs: Date.now() - started,
      // The window is the newest commits, in the corpus's straight histories.
      culpritInWindow: c.culprit.positionFromHead < result.stats.windowCommits,
    };
  } catch (error) {
    return { ...base, features: [], shas: [], culpritIndex: -1, blameBaselineRank: Infinity, fileBaselineRank: Infinity, elapsedMs: Date.now() - started, error: (error as Error).message };
  }
}

export function rankUnderModel(o: CaseOutcome, model: ModelWeights): number {
  if (o.culpritIndex < 0) return Number.POSITIVE_INFINITY;
  const scores = o.features.map((f) => linearScore(f, model.weights));
  const culprit = scores[o.culpritIndex];
  // Ties count against us: a culprit tied with k others ranks behind all of them.
  return scores.filter((s, i) => i !== o.culpritIndex && s >= culprit).length + 1;
}

export interface Metrics {
  cases: number;
  top1: number;
  top3: number;
  top5: number;
  mrr: number;
}

export function metrics(ranks: readonly number[]): Metrics {
  const n = ranks.length || 1;
  const share = (k: number) => ranks.filter((r) => r <= k).length / n;
  return { cases: ranks.length, top1: share(1), top3: share(3), top5: share(5), mrr: ranks.reduce((a, r) => a + (Number.isFinite(r) ? 1 / r : 0), 0) / n };
}

const L2_CHOICES = [0.005, 0.02, 0.05, 0.1, 0.2, 0.5];
const FOLDS = 10;
/** Where the penalty pulls: zero, or the hand-set starting weights (a prior a person set). */
const PRIORS = { zero: undefined, 'starting weights': startingModel().weights } as const;
export type PriorName = keyof typeof PRIORS;

/**
 * Fits on the training part only. The L2 penalty and what it pulls towards (zero or the
 * hand-set starting weights) are chosen by 10-fold cross-validation inside the training part,
 * by the held-out culprits' log-probability (the quantity the fit maximises, and smoother than
 * their ranks on a few dozen cases), so the test part never steers them.
 */
export function fitOnTraining(outcomes: readonly CaseOutcome[]): ModelWeights & { l2: number; prior: PriorName } {
  const training = outcomes.filter((o) => o.split === 'train' && o.culpritIndex >= 0 && o.features.length > 1);
  const asCase = (o: CaseOutcome) => ({ candidates: o.features, culpritIndex: o.culpritIndex });
  const options = (l2: number, prior: PriorName) => ({ l2, ...(PRIORS[prior] ? { prior: PRIORS[prior] } : {}) });
  let best: { l2: number; prior: PriorName; logLikelihood: number } = { l2: 0.02, prior: 'zero', logLikelihood: -Infinity };
  for (const prior of Object.keys(PRIORS) as PriorName[]) {
    for (const l2 of L2_CHOICES) {
      let logLikelihood = 0;
      for (let fold = 0; fold < FOLDS; fold++) {
        const held = training.filter((_, i) => i % FOLDS === fold);
        const model = fitWeights(training.filter((_, i) => i % FOLDS !== fold).map(asCase), options(l2, prior));
        logLikelihood += meanLogLikelihood(held.map(asCase), model) * held.length;
      }
      if (logLikelihood > best.logLikelihood) best = { l2, prior, logLikelihood };
    }
  }
  return { ...fitWeights(training.map(asCase), options(best.l2, best.prior)), l2: best.l2, prior: best.prior };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The same test cases run with another window (see WindowMode), each a row of its own. */
export interface OtherWindow {
  label: string;
  outcomes: readonly CaseOutcome[];
}

export function accuracyReport(outcomes: readonly CaseOutcome[], fitted: ModelWeights, otherWindows: readonly OtherWindow[] = []): string {
  const test = outcomes.filter((o) => o.split === 'test');
  const rows: [string, Metrics][] = [
    ['CauseLens (weights fitted on the training part)', metrics(test.map((o) => rankUnderModel(o, fitted)))],
    ...otherWindows.map((w): [string, Metrics] => {
      const cases = w.outcomes.filter((o) => o.split === 'test');
      return [w.label.replace('{outside}', `${cases.filter((o) => o.culpritInWindow === false).length} of ${cases.length}`), metrics(cases.map((o) => rankUnderModel(o, fitted)))];
    }),
    ['CauseLens (hand-set starting weights)', metrics(test.map((o) => rankUnderModel(o, startingModel())))],
    ['Baseline: Sentry-style blame of frame lines', metrics(test.map((o) => o.blameBaselineRank))],
    ['Baseline: newest commit touching a stack file', metrics(test.map((o) => o.fileBaselineRank))],
  ];
  const lines = ['| method | cases | Top-1 | Top-3 | Top-5 | MRR |', '|---|---:|---:|---:|---:|---:|'];
  for (const [name, m] of rows) lines.push(`| ${name} | ${m.cases} | ${pct(m.top1)} | ${pct(m.top3)} | ${pct(m.top5)} | ${m.mrr.toFixed(3)} |`);
  lines.push('', 'Test part by language (fitted weights):', '', '| language | cases | Top-1 | Top-3 | MRR |', '|---|---:|---:|---:|---:|');
  for (const language of [...new Set(test.map((o) => o.language))].sort()) {
    const m = metrics(test.filter((o) => o.language === language).map((o) => rankUnderModel(o, fitted)));
    lines.push(`| ${language} | ${m.cases} | ${pct(m.top1)} | ${pct(m.top3)} | ${m.mrr.toFixed(3)} |`);
  }
  lines.push('', 'Test part by where the crash is relative to the culprit (fitted weights):', '', '| relation | cases | Top-1 | Top-3 |', '|---|---:|---:|---:|');
  for (const relation of [...new Set(test.map((o) => o.relation))].sort()) {
    const m = metrics(test.filter((o) => o.relation === relation).map((o) => rankUnderModel(o, fitted)));
    lines.push(`| ${relation} | ${m.cases} | ${pct(m.top1)} | ${pct(m.top3)} |`);
  }
  const failed = outcomes.filter((o) => o.error);
  if (failed.length > 0) lines.push('', `Cases that failed to run: ${failed.map((o) => `${o.id} (${o.error})`).join('; ')}`);
  const { l2, prior } = fitted as { l2?: number; prior?: PriorName };
  lines.push('', `Fitted weights (L2 ${l2 ?? '-'} towards ${prior ?? '-'}, both chosen by 10-fold cross-validation within the training part): ${FEATURE_NAMES.map((n) => `${n} ${fitted.weights[n].toFixed(2)}`).join(', ')}.`);
  return lines.join('\n');
}
