// Piscina task entry: a worker agent parses and evaluates a batch of hypotheses (one per candidate
// commit) against the incident context that travels with the batch. Imports core only.

import { evaluateBatch } from '../core/analysis/batchEvaluation';

export default evaluateBatch;
