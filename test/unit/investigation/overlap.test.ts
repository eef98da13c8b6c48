// The phases of an investigation overlap (the window's diffs stream while frames are located and
// syntax trees read; blame starts once the frames are known): the result must not depend on it,
// and a stop at any point must end the run cleanly.

import * as assert from 'node:assert/strict';
import { startingModel } from '../../../src/core/analysis/model';
import { createCodeModel, locateFramesAtRevision } from '../../../src/core/engine';
import { CauseLensError } from '../../../src/core/errors';
import { readIncident } from '../../../src/core/incident';
import { investigate } from '../../../src/core/investigation';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';

const stages = { locateFrames: locateFramesAtRevision, codeModel: createCodeModel, model: startingModel() };

const api = `function load(order) {
  return order.customer.email;
}
module.exports = { load };
`;
const server = `const { load } = require('./api');
function handle(req) {
  return load(req.order);
}
module.exports = { handle };
`;

function oldCulprit(): { repo: BuiltRepo; culprit: string } {
  const b = new TestRepoBuilder();
  b.commit({ message: 'start', files: { 'README.md': 'shop\n' } });
  const culprit = b.commit({ message: 'read the customer email', files: { 'src/api.js': api, 'src/server.js': server } });
  for (let i = 0; i < 8; i++) b.commit({ message: `docs ${i}`, files: { 'README.md': `shop ${i}\n` } });
  const repo = b.build();
  return { repo, culprit: repo.sha(culprit) };
}

const TRACE = `TypeError: Cannot read properties of undefined (reading 'email')
    at load (/srv/app/src/api.js:2:25)
    at handle (/srv/app/src/server.js:3:10)
    at Object.<anonymous> (/srv/app/src/main.js:1:1)
`;

const guardedApi = `function load(order) {
  if (!order.customer) return undefined;
  return order.customer.email;
}
module.exports = { load };
`;

/**
 * An old commit drops a guard in the crashing function without writing the crash line (blame
 * names the first commit); later, inside the window, lines are added above the function.
 */
function oldGuardRemoval(): { repo: BuiltRepo; culprit: string } {
  const b = new TestRepoBuilder();
  b.commit({ message: 'start', files: { 'src/api.js': guardedApi, 'src/server.js': server, 'README.md': 'shop\n' } });
  const culprit = b.commit({ message: 'simplify load', files: { 'src/api.js': api.replace('function load', '// Loads the order.\nfunction load') } });
  for (let i = 0; i < 6; i++) b.commit({ message: `docs ${i}`, files: { 'README.md': `shop ${i}\n` } });
  b.commit({ message: 'header', files: { 'src/api.js': `'use strict';\n\n// Orders.\n${api.replace('function load', '// Loads the order.\nfunction load')}` } });
  const repo = b.build();
  return { repo, culprit: repo.sha(culprit) };
}

const OLD_GUARD_TRACE = `TypeError: Cannot read properties of undefined (reading 'email')
    at load (/srv/app/src/api.js:6:25)
    at handle (/srv/app/src/server.js:3:10)
`;

describe('investigate: overlapping phases', function () {
  this.timeout(60000);
  let shop: { repo: BuiltRepo; culprit: string };
  before(() => (shop = oldCulprit()));
  after(() => shop.repo.cleanup());

  it('scores the commit that wrote the frame lines although it is older than the window', async () => {
    for (const workers of [1, 2]) {
      // Without the older commits of the related code, which would hold it too.
      const result = await investigate(readIncident(TRACE), { repoPath: shop.repo.dir, workers, maxCommits: 3, olderRelatedCommits: 0, ...stages });
      assert.equal(result.stats.windowCommits, 3);
      assert.equal(result.stats.blameCommits, 1);
      assert.equal(result.stats.candidates, 4);
      assert.equal(result.causes[0].commit.sha, shop.culprit);
      assert.ok(result.causes[0].evidence.some((e) => e.kind === 'crash-line-introduced'), JSON.stringify(result.causes[0].evidence));
    }
  });

  it('takes older commits that changed the related code, laid on the incident revision through the window', async () => {
    const old = oldGuardRemoval();
    try {
      const result = await investigate(readIncident(OLD_GUARD_TRACE), { repoPath: old.repo.dir, workers: 2, maxCommits: 3, ...stages });
      assert.equal(result.stats.windowCommits, 3);
      assert.equal(result.stats.olderRelatedCommits, 2, JSON.stringify(result.stats)); // the culprit and 'start'
      assert.equal(result.causes[0].commit.sha, old.culprit, JSON.stringify(result.causes.map((c) => c.commit.subject)));
      const culprit = result.causes[0];
      assert.ok(culprit.evidence.some((e) => e.kind === 'enclosing-symbol'), JSON.stringify(culprit.evidence));
      // Its changed code (the dropped guard; its added comment is no code) is where it stands at the
      // incident revision (before the window's header commit moved it 3 lines down: 2-3).
      const lines = culprit.suspectLines.filter((l) => l.path === 'src/api.js').map((l) => l.line);
      assert.ok(lines.includes(5) && lines.every((l) => l >= 5 && l <= 6), JSON.stringify(culprit.suspectLines));

      const without = await investigate(readIncident(OLD_GUARD_TRACE), { repoPath: old.repo.dir, workers: 1, maxCommits: 3, olderRelatedCommits: 0, ...stages });
      assert.equal(without.stats.olderRelatedCommits, 0);
      assert.ok(!without.causes.some((c) => c.commit.sha === old.culprit));
    } finally {
      old.repo.cleanup();
    }
  });

  it('goes further back in the crash site own code when the code around it changes too often', async () => {
    const b = new TestRepoBuilder();
    b.commit({ message: 'start', files: { 'src/api.js': guardedApi, 'src/server.js': server, 'README.md': 'shop\n' } });
    const culprit = b.commit({ message: 'simplify load', files: { 'src/api.js': api } });
    // The caller's file changes more often than the older commits' count allows.
    for (let i = 0; i < 5; i++) b.commit({ message: `server ${i}`, files: { 'src/server.js': `${server}const v${i} = ${i};\n` } });
    for (let i = 0; i < 3; i++) b.commit({ message: `docs ${i}`, files: { 'README.md': `shop ${i}\n` } });
    const busy = b.build();
    try {
      const trace = OLD_GUARD_TRACE.replace('api.js:6:25', 'api.js:2:25');
      const result = await investigate(readIncident(trace), { repoPath: busy.dir, workers: 1, maxCommits: 3, olderRelatedCommits: 3, ...stages });
      // 3 of the server's changes, then the crash site's own older ones: the culprit and 'start'.
      assert.equal(result.stats.olderRelatedCommits, 5, JSON.stringify(result.stats));
      assert.equal(result.causes[0].commit.sha, busy.sha(culprit), JSON.stringify(result.causes.map((c) => c.commit.subject)));
      assert.ok(result.causes[0].evidence.some((e) => e.kind === 'frame-line'), JSON.stringify(result.causes[0].evidence));
      // The server's history there is not all read: its lines are claimed by no commit that far back.
      const start = result.causes.find((c) => c.commit.subject === 'start');
      assert.ok(start, 'start is scored');
      assert.ok(!start.suspectLines.some((l) => l.path === 'src/server.js'), JSON.stringify(start.suspectLines));
      assert.ok(!start.evidence.some((e) => e.path === 'src/server.js'), JSON.stringify(start.evidence));
    } finally {
      busy.cleanup();
    }
  });

  it('stops cleanly when cancelled while the frames are still being located', async () => {
    const controller = new AbortController();
    const run = investigate(readIncident(TRACE), { repoPath: shop.repo.dir, workers: 2, signal: controller.signal, onProgress: (p) => p.phase === 'locating' && controller.abort(), ...stages });
    await assert.rejects(run, (e: unknown) => e instanceof CauseLensError && e.reason === 'cancelled');
  });

  it('gives the same ranking whichever of the overlapping phases finishes first', async () => {
    const slowFrames: typeof locateFramesAtRevision = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return locateFramesAtRevision(...args);
    };
    const quick = await investigate(readIncident(TRACE), { repoPath: shop.repo.dir, workers: 1, maxCommits: 5, ...stages });
    const late = await investigate(readIncident(TRACE), { repoPath: shop.repo.dir, workers: 1, maxCommits: 5, ...stages, locateFrames: slowFrames });
    assert.deepEqual(late.causes.map((c) => [c.commit.sha, c.score]), quick.causes.map((c) => [c.commit.sha, c.score]));
  });
});
