// One warm HypothesisPool for the window's lifetime: worker threads start on the first
// investigation and are reused by the next ones; a changed `causelens.workers` setting takes
// effect once no run holds the old pool.

import type * as vscode from 'vscode';
import { HypothesisPool } from '../../core/analysis/pool';

export interface PoolLease {
  pool: HypothesisPool;
  release(): void;
}

export class HypothesisPoolHolder implements vscode.Disposable {
  private pool: HypothesisPool | undefined;
  private workers: number | undefined;
  private leases = 0;
  private retiring: HypothesisPool | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** The pool sized for `workers` (0 = one per core), created on first use. */
  acquire(workers: number): PoolLease {
    if (this.pool && this.workers !== workers) {
      // Another run may still be scoring on the old pool: close it when the last lease ends.
      this.retiring = this.pool;
      this.pool = undefined;
      if (this.leases === 0) this.closeRetiring();
    }
    if (!this.pool) {
      this.pool = new HypothesisPool({ workers });
      this.workers = workers;
      this.log.info(`Started the analysis pool with ${this.pool.size} worker thread(s)`);
    }
    this.leases++;
    let released = false;
    return {
      pool: this.pool,
      release: () => {
        if (released) return;
        released = true;
        this.leases--;
        if (this.leases === 0) this.closeRetiring();
      },
    };
  }

  private closeRetiring(): void {
    const old = this.retiring;
    this.retiring = undefined;
    if (old) void old.close().catch((e: unknown) => this.log.warn(`Closing the old analysis pool failed: ${String(e)}`));
  }

  dispose(): void {
    this.closeRetiring();
    const pool = this.pool;
    this.pool = undefined;
    if (pool) void pool.close().catch(() => undefined);
  }
}
