// Turns feature vectors into a ranking: a linear score per candidate, calibrated into
// probabilities over the candidates with a softmax. Weights are fitted on the training part of
// the benchmark corpus (bench/fit) and shipped in weights.json; the fit is a conditional logit,
// i.e. it maximises the probability the softmax gives to the known culprit of each case.

import { FEATURE_NAMES, type FeatureName, type FeatureVector } from './features';
import fittedWeights from './weights.json';

export type Weights = Record<FeatureName, number>;

export interface ModelWeights {
  weights: Weights;
  /** Softmax temperature fitted for calibration (higher = flatter probabilities). */
  temperature: number;
}

/**
 * Hand-set weights from before any fit: what a person would guess each evidence is worth. Kept
 * as the benchmark's reference row and for tests of the pipeline's wiring, which must not move
 * whenever the shipped weights are refitted.
 */
export function startingModel(): ModelWeights {
  const weights: Weights = {
    frameLineChanged: 2.0, crashLineIntroduced: 2.5, enclosingSymbolChanged: 1.5, frameFileChanged: 0.8,
    calleeChanged: 1.0, callee2Changed: 0.5, testNamedChanged: 0.5, errorWords: 1.0, firstRelease: 1.0, beforeChangePoint: 1.0,
    guardsRemoved: 0.7, guardOnErrorWords: 1.5, definitionRemoved: 1.5, missingNameRemoved: 2.0, quotedValueRemoved: 1.5, missingValueAssigned: 1.5, errorHandlingChanged: 0.3, boundChanged: 0.5, conditionInverted: 0.5, configChanged: 0.2,
    size: 0.1, spread: -0.1, recency: 0.3, formattingOnly: -2.0,
  };
  return { weights, temperature: 1 };
}

/** The shipped model: weights fitted on the training part of the benchmark corpus. */
export function defaultModel(): ModelWeights {
  const weights = { ...(fittedWeights.weights as Partial<Weights>) } as Weights;
  for (const name of FEATURE_NAMES) weights[name] ??= 0;
  return { weights, temperature: fittedWeights.temperature ?? 1 };
}

export function linearScore(features: FeatureVector, weights: Weights): number {
  let s = 0;
  for (const name of FEATURE_NAMES) s += weights[name] * features[name];
  return s;
}

/** Probabilities over the candidates (they sum to 1), numerically stable. */
export function softmax(scores: readonly number[], temperature = 1): number[] {
  if (scores.length === 0) return [];
  const t = temperature > 0 ? temperature : 1;
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp((s - max) / t));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

export interface TrainingCase {
  candidates: FeatureVector[];
  culpritIndex: number;
}

export interface FitOptions {
  iterations?: number;
  learningRate?: number;
  /** L2 penalty: keeps weights near `prior` where the corpus says little, which generalises better. */
  l2?: number;
  /**
   * Where the penalty pulls (and the fit starts): zero by default, or prior weights such as
   * startingModel()'s, so evidence the corpus rarely shows keeps the weight a person gave it.
   */
  prior?: Weights;
}

/** Fits weights by gradient ascent on the mean log-probability of each case's culprit (MAP with a Gaussian prior). */
export function fitWeights(cases: readonly TrainingCase[], options: FitOptions = {}): ModelWeights {
  const { iterations = 600, learningRate = 0.3, l2 = 0.02 } = options;
  const dims = FEATURE_NAMES.length;
  const centre = Float64Array.from(FEATURE_NAMES, (n) => options.prior?.[n] ?? 0);
  const w = Float64Array.from(centre);
  // Packed once: the loop below runs hundreds of times over every candidate of every case.
  const usable = cases
    .filter((c) => c.culpritIndex >= 0 && c.culpritIndex < c.candidates.length)
    .map((c) => ({ rows: packRows(c.candidates), count: c.candidates.length, culprit: c.culpritIndex }));
  if (usable.length > 0) {
    const grad = new Float64Array(dims);
    for (let it = 0; it < iterations; it++) {
      grad.fill(0);
      for (const c of usable) addCaseGradient(c.rows, c.count, c.culprit, w, grad);
      for (let d = 0; d < dims; d++) w[d] += learningRate * (grad[d] / usable.length - l2 * (w[d] - centre[d]));
    }
  }
  return { weights: Object.fromEntries(FEATURE_NAMES.map((n, d) => [n, w[d]])) as Weights, temperature: 1 };
}

function packRows(candidates: readonly FeatureVector[]): Float64Array {
  const dims = FEATURE_NAMES.length;
  const rows = new Float64Array(candidates.length * dims);
  candidates.forEach((f, i) => FEATURE_NAMES.forEach((n, d) => (rows[i * dims + d] = f[n])));
  return rows;
}

/** Adds d log p(culprit) / d w for one case: the culprit's features minus their softmax expectation. */
function addCaseGradient(rows: Float64Array, count: number, culprit: number, w: Float64Array, grad: Float64Array): void {
  const dims = w.length;
  const scores = new Float64Array(count);
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let d = 0; d < dims; d++) s += w[d] * rows[i * dims + d];
    scores[i] = s;
    if (s > max) max = s;
  }
  let total = 0;
  for (let i = 0; i < count; i++) total += scores[i] = Math.exp(scores[i] - max);
  for (let i = 0; i < count; i++) {
    const p = scores[i] / total;
    for (let d = 0; d < dims; d++) grad[d] -= p * rows[i * dims + d];
  }
  for (let d = 0; d < dims; d++) grad[d] += rows[culprit * dims + d];
}

/** Mean log-probability of the culprits: the quantity the fit maximises (for reports). */
export function meanLogLikelihood(cases: readonly TrainingCase[], model: ModelWeights): number {
  if (cases.length === 0) return 0;
  let total = 0;
  for (const c of cases) {
    const p = softmax(c.candidates.map((f) => linearScore(f, model.weights)), model.temperature);
    total += Math.log(Math.max(p[c.culpritIndex] ?? 0, 1e-12));
  }
  return total / cases.length;
}
