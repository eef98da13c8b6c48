// Piscina task entry: a worker agent evaluates a batch of hypotheses (one per candidate commit)
// against the incident context that travels with the batch. Imports core only.

import { evaluateHypothesis, type HypothesisResult } from '../core/analysis/hypothesis';
import type { HypothesisBatch } from '../core/analysis/pool';

export default function evaluateBatch(batch: HypothesisBatch): HypothesisResult[] {
  return batch.items.map((item) => evaluateHypothesis(item.commit, item.tracked, batch.context));
}
