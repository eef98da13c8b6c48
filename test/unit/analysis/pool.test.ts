import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CandidateCommit, HypothesisContext } from '../../../src/core/analysis/hypothesis';
import { HypothesisPool, locateTaskFile } from '../../../src/core/analysis/pool';
import { CauseLensError } from '../../../src/core/errors';

const context: HypothesisContext = {
  anchors: [{ frameIndex: 0, path: 'a.js', line: 3, weight: 1, isTest: false, symbol: { name: 'f', startLine: 1, endLine: 5 } }],
  neighbours: [],
  errorWords: [{ word: 'email', originWeight: 1 }],
};

function commit(sha: string): CandidateCommit {
  return { sha, authorDate: '2026-01-01T00:00:00Z', subject: sha, isMerge: false, formattingOnly: false, files: [{ path: 'a.js', binary: false, added: ['user.email'], removed: [] }] };
}

describe('hypothesis pool (Piscina)', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'causelens-pool-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('evaluates batches in real worker threads with the compiled task file', async () => {
    const pool = new HypothesisPool({ workers: 2, taskFile: locateTaskFile() });
    try {
      const results = await Promise.all([
        pool.evaluate({ context, items: [{ commit: commit('c1'), tracked: [{ incidentPath: 'a.js', spans: [{ start: 3, end: 3, exact: true }], survivingAddedLines: [3] }] }] }),
        pool.evaluate({ context, items: [{ commit: commit('c2'), tracked: [] }] }),
      ]);
      assert.equal(results[0][0].features.crashLineIntroduced, 1);
      assert.deepEqual(results[0][0].matchedWords, ['email']);
      assert.equal(results[1][0].features.frameFileChanged, 0);
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker that dies and still returns the batch', async () => {
    const taskFile = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'workers', 'crash-once-task.js');
    const pool = new HypothesisPool({ workers: 1, taskFile });
    const crashContext = { ...context, crashMarker: join(dir, 'marker') } as HypothesisContext;
    try {
      const [crashed, after] = await Promise.all([pool.evaluate({ context: crashContext, items: [{ commit: commit('crash'), tracked: [] }] }), pool.evaluate({ context: crashContext, items: [{ commit: commit('ok'), tracked: [] }] })]);
      assert.equal(crashed[0].sha, 'crash');
      assert.equal(after[0].sha, 'ok');
      assert.equal(pool.retried, 1);
      await assert.rejects(pool.evaluate({ context: crashContext, items: [{ commit: commit('always-crash'), tracked: [] }] }), (e: unknown) => e instanceof CauseLensError && e.reason === 'internal');
      // An abort that was not this caller's (another run stopped its worker) is retried, not taken
      // for a cancellation: the batch would otherwise be lost without a word.
      const [foreign] = await pool.evaluate({ context: crashContext, items: [{ commit: commit('foreign-abort'), tracked: [] }] });
      assert.equal(foreign.sha, 'foreign-abort');
      assert.equal(pool.retried, 3);
    } finally {
      await pool.close();
    }
  });

  it('cancels queued work with an AbortSignal', async () => {
    const pool = new HypothesisPool({ workers: 1 });
    try {
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(pool.evaluate({ context, items: [{ commit: commit('c'), tracked: [] }] }, controller.signal), (e: unknown) => e instanceof CauseLensError && e.reason === 'cancelled');
    } finally {
      await pool.close();
    }
  });
});
