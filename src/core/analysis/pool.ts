// The swarm: a Piscina pool whose worker agents each parse and evaluate hypotheses (one per
// candidate commit). Batches of commits go out as tasks, each with the incident context, so one pool can
// start before the context is known and serve many investigations. A worker that dies is
// replaced by Piscina and its batch is tried once more, so one crash never loses the run.

import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import Piscina from 'piscina';
import { CauseLensError } from '../errors';
import { batchShas, type HypothesisBatch } from './batchEvaluation';
import type { HypothesisResult } from './hypothesis';

export type { CandidateBatch, HypothesisBatch, HypothesisTaskItem, RecordBatch } from './batchEvaluation';

export interface HypothesisPoolOptions {
  /** 0 or undefined: one per CPU core. */
  workers?: number;
  /** The task file; defaults to the bundled `analysis-task.js` or the compiled worker. */
  taskFile?: string;
}

/** Where the task file is: beside the bundle (dist/) or in the tsc output tree (out/). */
export function locateTaskFile(): string {
  const candidates = [join(__dirname, 'analysis-task.js'), join(__dirname, '..', '..', 'workers', 'analysisTask.js')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new CauseLensError('internal', `The analysis worker was not found (looked at ${candidates.join(', ')}). Rebuild with "npm run build".`);
  return found;
}

export class HypothesisPool {
  private readonly piscina: Piscina<HypothesisBatch, HypothesisResult[]>;
  readonly size: number;
  /** Batches whose worker died and that were run again. */
  retried = 0;

  constructor(options: HypothesisPoolOptions) {
    this.size = options.workers && options.workers > 0 ? options.workers : Math.max(1, cpus().length);
    this.piscina = new Piscina({
      filename: options.taskFile ?? locateTaskFile(),
      minThreads: this.size,
      maxThreads: this.size,
      idleTimeout: 10_000,
    });
  }

  async evaluate(batch: HypothesisBatch, signal?: AbortSignal): Promise<HypothesisResult[]> {
    try {
      return await this.piscina.run(batch, { signal });
    } catch (error) {
      // Only this run's own signal cancels it: an abort meant for another run (whose worker
      // Piscina stopped) is a failure like any other, never a batch silently lost.
      if (signal?.aborted) throw new CauseLensError('cancelled', 'The investigation was cancelled.', { cause: error });
      // The worker died or threw: Piscina has started a fresh one; give the batch one more go.
      this.retried++;
      try {
        return await this.piscina.run(batch, { signal });
      } catch (second) {
        if (signal?.aborted) throw new CauseLensError('cancelled', 'The investigation was cancelled.', { cause: second });
        throw new CauseLensError('internal', `A worker failed twice on commits ${batchShas(batch).map((sha) => sha.slice(0, 8)).join(', ')}: ${(second as Error).message}`, { cause: second });
      }
    }
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
