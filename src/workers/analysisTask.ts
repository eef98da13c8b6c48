// Piscina task entry: a worker agent evaluates a batch of hypotheses (one per candidate commit)
// against the incident context it received once, as workerData. Imports core only.

import { workerData } from 'node:worker_threads';
import { evaluateHypothesis, type HypothesisContext, type HypothesisResult } from '../core/analysis/hypothesis';
import type { HypothesisBatch } from '../core/analysis/pool';

const context: HypothesisContext = (workerData as { context: HypothesisContext }).context;

export default function evaluateBatch(batch: HypothesisBatch): HypothesisResult[] {
  return batch.items.map((item) => evaluateHypothesis(item.commit, item.tracked, context));
}
