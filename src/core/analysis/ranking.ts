// Ranks hypotheses over the whole window: adds the features that need every candidate (how rare
// each matched error word is, how recent the commit is), scores with the model, calibrates the
// scores into probabilities and orders the causes. Cheap enough to re-run for every streamed
// result, which is how the best-so-far ranking is kept.

import type { Evidence, FeatureVector } from './features';
import type { HypothesisResult } from './hypothesis';
import { linearScore, softmax, type ModelWeights } from './model';

export interface CommitSummary {
  sha: string;
  author: string;
  date: string;
  subject: string;
}

export interface RankedCause {
  rank: number;
  commit: CommitSummary;
  /** Probability, over the candidates scored, that this commit is the cause. */
  score: number;
  /** How complete the evidence behind the ranking was, 0..1. */
  confidence: number;
  evidence: Evidence[];
  suspectLines: { path: string; line: number }[];
  features: FeatureVector;
  /** Set by the intervention test: reverting this commit removed (true) or kept (false) the symptom. */
  confirmed?: boolean;
}

export interface ScoredHypothesis extends HypothesisResult {
  commit: CommitSummary;
  /** 0 for the newest commit of the window. */
  position: number;
}

/** Where a commit's changes sit relative to the stack. */
const LOCATION_FEATURES = ['frameLineChanged', 'crashLineIntroduced', 'enclosingSymbolChanged', 'frameFileChanged', 'calleeChanged', 'callee2Changed', 'testNamedChanged'] as const;
/** For a name that went missing, only writing the failing call itself can matter besides the removal. */
const NEAR_CALL_FEATURES: readonly string[] = ['frameLineChanged', 'crashLineIntroduced'];

/**
 * The newest commit that removed the definition of the name the error says is missing (and that
 * nothing defines today). The name still existed after every older commit, so their edits around
 * the stack cannot have made it missing; a newer commit can only have failed by writing the call.
 */
function removalOfMissingName(hypotheses: readonly ScoredHypothesis[]): ScoredHypothesis | undefined {
  let newest: ScoredHypothesis | undefined;
  for (const h of hypotheses) if (h.removedMissingName && (!newest || h.position < newest.position)) newest = h;
  return newest;
}

/** Final feature vectors for every hypothesis, in the order given. */
export function completeFeatures(hypotheses: readonly ScoredHypothesis[], errorWordWeights: ReadonlyMap<string, number>, windowSize: number): FeatureVector[] {
  const removal = removalOfMissingName(hypotheses);
  const df = new Map<string, number>();
  for (const h of hypotheses) for (const w of h.matchedWords) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(windowSize, hypotheses.length, 1);
  return hypotheses.map((h) => {
    const features = { ...h.features };
    // A word that many commits of the window mention says little about any one of them.
    const idf = (w: string) => Math.max(Math.log((n + 1) / ((df.get(w) ?? 0) + 0.5)) / Math.log(n + 1), 0);
    let words = 0;
    for (const w of h.matchedWords) words += (errorWordWeights.get(w) ?? 0.5) * idf(w);
    // So does a removed guard that names only such words (the project's own name, `gyp.debug`).
    if (h.guardWords?.length) features.guardOnErrorWords *= Math.min(1, Math.max(...h.guardWords.map(idf)));
    // A huge commit mentions many words by sheer size: damp the sum as the change grows.
    const linesChanged = Math.expm1(h.features.size);
    features.errorWords = Math.min(words, 3) / (1 + Math.log1p(linesChanged / 100));
    features.recency = n > 1 ? 1 - h.position / (n - 1) : 1;
    if (removal && h !== removal) for (const name of LOCATION_FEATURES) if (h.position > removal.position || !NEAR_CALL_FEATURES.includes(name)) features[name] = 0;
    return features;
  });
}

export function rankHypotheses(
  hypotheses: readonly ScoredHypothesis[],
  model: ModelWeights,
  options: { errorWordWeights: ReadonlyMap<string, number>; windowSize: number; confidence: number; top?: number },
): RankedCause[] {
  const features = completeFeatures(hypotheses, options.errorWordWeights, options.windowSize);
  const scores = features.map((f) => linearScore(f, model.weights));
  const probabilities = softmax(scores, model.temperature);
  const order = hypotheses.map((_, i) => i).sort((a, b) => probabilities[b] - probabilities[a] || hypotheses[a].position - hypotheses[b].position);
  const top = options.top ?? order.length;
  const removal = removalOfMissingName(hypotheses);
  return order.slice(0, top).map((i, rank) => {
    const h = hypotheses[i];
    const f = features[i];
    const superseded = removal !== undefined && h.position > removal.position;
    const kept = h.evidence.filter((e) => f[e.feature] !== 0 || !(LOCATION_FEATURES as readonly string[]).includes(e.feature));
    const evidence: Evidence[] = kept.map((e) => ({
      kind: e.kind,
      weight: round(model.weights[e.feature] * f[e.feature]),
      message: e.message,
      ...(e.path !== undefined ? { path: e.path } : {}),
      ...(e.line !== undefined ? { line: e.line } : {}),
    }));
    if (superseded) {
      evidence.push({ kind: 'definition-removed', weight: 0, message: `Came before ${removal.commit.sha.slice(0, 8)} removed '${removal.removedMissingName}', which the error says is missing: the name still existed after this change` });
    }
    if (h.matchedWords.length > 0) {
      evidence.push({ kind: 'error-words', weight: round(model.weights.errorWords * f.errorWords), message: `Added or removed words of the error: ${h.matchedWords.map((w) => `'${w}'`).join(', ')}` });
    }
    evidence.sort((a, b) => b.weight - a.weight);
    return { rank: rank + 1, commit: h.commit, score: round(probabilities[i], 4), confidence: options.confidence, evidence, suspectLines: h.suspectLines, features: f };
  });
}

function round(x: number, digits = 3): number {
  const k = 10 ** digits;
  return Math.round(x * k) / k;
}
