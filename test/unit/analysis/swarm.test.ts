// The scoring run streams raw records to real worker threads that parse and evaluate them: a
// worker dying while parsing is replaced and the batch retried, a stop mid-stream ends the run
// cleanly, a context that fails ends the stream, and the result matches evaluating parsed diffs.

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateBatch, toCandidate } from '../../../src/core/analysis/batchEvaluation';
import type { HypothesisContext } from '../../../src/core/analysis/hypothesis';
import { startingModel } from '../../../src/core/analysis/model';
import { HypothesisPool, locateTaskFile } from '../../../src/core/analysis/pool';
import { SwarmScoring } from '../../../src/core/analysis/swarm';
import { WindowLineTracking } from '../../../src/core/analysis/windowTracking';
import { CauseLensError } from '../../../src/core/errors';
import { readCommitDiffs } from '../../../src/core/git';
import { readRawCommits } from '../../../src/core/git/commitStream';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';

const context: HypothesisContext = {
  anchors: [{ frameIndex: 0, path: 'src/a.js', line: 2, weight: 1, isTest: false, symbol: { name: 'f', startLine: 1, endLine: 4 } }],
  neighbours: [],
  errorWords: [{ word: 'email', originWeight: 1 }],
};

function manyCommits(count: number): BuiltRepo {
  const b = new TestRepoBuilder();
  for (let i = 0; i < count; i++) {
    const file = i % 3 === 0 ? 'src/a.js' : `src/b${i % 5}.js`;
    b.commit({ message: `change ${i}`, files: { [file]: `function f(user) {\n  return user.email + ${i};\n}\nmodule.exports = f;\n` } });
  }
  return b.build();
}

const tracking = () => (c: HypothesisContext) => {
  const t = new WindowLineTracking(c.anchors.map((a) => a.path), new Set());
  return (record: Parameters<WindowLineTracking['track']>[0]) => t.track(record);
};

describe('scoring run on the worker pool (raw records)', function () {
  this.timeout(60000);
  let repo: BuiltRepo;
  let order: string[];
  let dir: string;
  before(() => {
    repo = manyCommits(120);
    order = repo.git('rev-list', 'HEAD').trim().split('\n');
  });
  after(() => repo.cleanup());
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'causelens-swarm-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('scores every commit in the workers as evaluating the parsed diffs would', async () => {
    const pool = new HypothesisPool({ workers: 2 });
    try {
      const swarm = new SwarmScoring(pool, Promise.resolve(context), startingModel(), undefined, () => undefined);
      await swarm.stream({ root: repo.dir }, order, tracking());
      assert.equal(await swarm.settle(), undefined);
      assert.equal(swarm.scored.length, order.length);
      assert.ok(swarm.batches > 2, 'the window went out in several batches');
      const diffs = await readCommitDiffs({ root: repo.dir }, { commits: order });
      const track = tracking()(context);
      const tracked = (await readRawCommits({ root: repo.dir }, { commits: order }, { knownCommits: true })).map(track);
      const expected = evaluateBatch({ context, items: diffs.map((d, i) => ({ commit: toCandidate(d), tracked: tracked[i] })) });
      const bySha = new Map(swarm.scored.map((s) => [s.sha, s]));
      for (const e of expected) {
        const { commit, position, ...result } = bySha.get(e.sha)!;
        assert.deepEqual(result, e);
        assert.equal(position, order.indexOf(e.sha));
        assert.equal(commit.sha, e.sha);
      }
    } finally {
      await pool.close();
    }
  });

  it('reads a walk before its count is known, and stops the read when the listing fails', async () => {
    const pool = new HypothesisPool({ workers: 1 });
    try {
      const swarm = new SwarmScoring(pool, Promise.resolve(context), startingModel(), undefined, () => undefined);
      let tell!: (count: number) => void;
      const reading = swarm.streamWalk({ root: repo.dir }, { walk: [order[0]], maxCount: 50 }, new Promise<number>((resolve) => (tell = resolve)), tracking());
      setTimeout(() => tell(50), 20);
      await reading;
      assert.equal(await swarm.settle(), undefined);
      assert.equal(swarm.total, 50);
      assert.deepEqual(swarm.scored.map((s) => [s.sha, s.position]).sort(), order.slice(0, 50).map((sha, i) => [sha, i]).sort());

      const unlisted = new SwarmScoring(pool, Promise.resolve(context), startingModel(), undefined, () => undefined);
      const failed = Promise.reject(new CauseLensError('internal', 'listing failed'));
      await assert.rejects(unlisted.streamWalk({ root: repo.dir }, { walk: [order[0]], maxCount: 120 }, failed, tracking()), /listing failed/);
      await unlisted.settle();
      assert.ok(unlisted.scored.length < order.length, 'the read stopped early');
    } finally {
      await pool.close();
    }
  });

  it('replaces a worker that dies while parsing a batch of records and retries the batch', async () => {
    const marker = join(dir, 'crashed');
    const taskFile = join(dir, 'crash-while-parsing.js');
    writeFileSync(taskFile, `'use strict';
const fs = require('node:fs');
const task = require(${JSON.stringify(locateTaskFile())});
module.exports = function (batch) {
  if (batch.records && batch.shas.length > 1 && !fs.existsSync(${JSON.stringify(marker)})) {
    fs.writeFileSync(${JSON.stringify(marker)}, 'once');
    process.exit(3);
  }
  return (task.default || task)(batch);
};
`);
    const pool = new HypothesisPool({ workers: 1, taskFile });
    try {
      const swarm = new SwarmScoring(pool, Promise.resolve(context), startingModel(), undefined, () => undefined);
      await swarm.stream({ root: repo.dir }, order, tracking());
      assert.equal(await swarm.settle(), undefined);
      assert.equal(pool.retried, 1);
      assert.deepEqual(new Set(swarm.scored.map((s) => s.sha)), new Set(order));
    } finally {
      await pool.close();
    }
  });

  it('sends a fast stream in full batches, and does not hold a slow one back for a full batch', async () => {
    const records = await readRawCommits({ root: repo.dir }, { commits: order }, { knownCommits: true });
    const pool = new HypothesisPool({ workers: 2 });
    try {
      // Fast: one commit per chunk, as git's pipe may hand them over. A post per chunk would make ~120 batches.
      const fast = new SwarmScoring(pool, Promise.resolve(context), startingModel(), undefined, () => undefined);
      await fast.feed((async function* () { for (const r of records) yield [r]; })(), records.length, tracking());
      assert.equal(await fast.settle(), undefined);
      assert.equal(fast.scored.length, records.length);
      assert.ok(fast.batches <= Math.ceil((records.length - 1) / 32) + 4, `${fast.batches} batches`);
      // Slow: once its first commit has waited 50 ms, a batch goes to an idle worker with the next chunk.
      const slow = new SwarmScoring(pool, Promise.resolve(context), startingModel(), undefined, () => undefined);
      await slow.feed((async function* () {
        for (const r of records.slice(0, 4)) {
          await new Promise((resolve) => setTimeout(resolve, 80));
          yield [r];
        }
      })(), 4, tracking());
      assert.equal(await slow.settle(), undefined);
      assert.deepEqual(slow.batches, 3, 'the first alone, then two commits each time, not all three at the end');
    } finally {
      await pool.close();
    }
  });

  it('sends a long stream in growing batches: one commit, then 32 at a time, then 128', async () => {
    const long = manyCommits(400);
    const pool = new HypothesisPool({ workers: 1 });
    try {
      const commits = long.git('rev-list', 'HEAD').trim().split('\n');
      const records = await readRawCommits({ root: long.dir }, { commits }, { knownCommits: true });
      const swarm = new SwarmScoring(pool, Promise.resolve(context), startingModel(), undefined, () => undefined);
      await swarm.feed((async function* () { for (let i = 0; i < records.length; i += 16) yield records.slice(i, i + 16); })(), records.length, tracking());
      assert.equal(await swarm.settle(), undefined);
      assert.equal(swarm.scored.length, 400);
      // 1 + 7 x 32 + 175 in batches of 128 (two); 32 at a time throughout would be 14.
      assert.ok(swarm.batches >= 10 && swarm.batches <= 11, `${swarm.batches} batches`);
    } finally {
      await pool.close();
      long.cleanup();
    }
  });

  it('stops mid-stream when told to, with the batches so far and no failure', async () => {
    const pool = new HypothesisPool({ workers: 1 });
    try {
      const controller = new AbortController();
      const swarm = new SwarmScoring(pool, Promise.resolve(context), startingModel(), controller.signal, () => controller.abort());
      await assert.rejects(swarm.stream({ root: repo.dir }, order, tracking()), (e: unknown) => e instanceof CauseLensError && e.reason === 'cancelled');
      assert.equal(await swarm.settle(), undefined);
      assert.ok(swarm.scored.length > 0 && swarm.scored.length < order.length, `${swarm.scored.length} scored before the stop`);
    } finally {
      await pool.close();
    }
  });

  it('ends the stream with the error of a context that could not be built', async () => {
    const pool = new HypothesisPool({ workers: 1 });
    try {
      const failed = Promise.reject(new CauseLensError('bad-input', 'no context'));
      const swarm = new SwarmScoring(pool, failed, startingModel(), undefined, () => undefined);
      await assert.rejects(swarm.stream({ root: repo.dir }, order, tracking()), /no context/);
      assert.equal(swarm.scored.length, 0);
    } finally {
      await pool.close();
    }
  });
});
