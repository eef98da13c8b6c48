// The whole pipeline on repositories built by the test: ranking, streaming, cancellation,
// the time budget and bad repositories.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startingModel } from '../../../src/core/analysis/model';
import { createCodeModel, locateFramesAtRevision } from '../../../src/core/engine';
import { CauseLensError } from '../../../src/core/errors';
import { readIncident } from '../../../src/core/incident';
import { investigate, type InvestigationProgress } from '../../../src/core/investigation';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';
import { TRACES_DIR, traceFixture } from '../incident/traceFixtures';

const ada = { name: 'Ada', email: 'ada@example.com' };
const bob = { name: 'Bob', email: 'bob@example.com' };

const usersV1 = `function formatUser(user) {
  if (!user.profile) return user.name;
  return user.name + ' <' + user.profile.email + '>';
}
module.exports = { formatUser };
`;
const usersV2 = `function formatUser(user) {
  return user.name + ' <' + user.profile.email + '>';
}
module.exports = { formatUser };
`;

function buildShop(): { repo: BuiltRepo; culprit: string } {
  const b = new TestRepoBuilder();
  b.commit({ message: 'initial shop', author: ada, files: { 'src/users.js': usersV1, 'src/orders.js': 'exports.list = () => [];\n', 'README.md': '# shop\n' } });
  for (let i = 0; i < 6; i++) b.commit({ message: `orders: tweak ${i}`, author: bob, files: { 'src/orders.js': `exports.list = () => [${i}];\n` } });
  const culprit = b.commit({ message: 'simplify user formatting', author: bob, files: { 'src/users.js': usersV2 } });
  for (let i = 0; i < 5; i++) b.commit({ message: `docs ${i}`, author: ada, files: { 'README.md': `# shop\n${i}\n` } });
  const repo = b.build();
  return { repo, culprit: repo.sha(culprit) };
}

const TRACE = `TypeError: Cannot read properties of undefined (reading 'email')
    at formatUser (/usr/src/app/src/users.js:2:46)
    at Object.<anonymous> (/usr/src/app/src/server.js:10:3)
    at Module._compile (node:internal/modules/cjs/loader:1521:14)
`;

// The wiring is tested with the hand-set starting weights, so refitting the shipped model
// (npm run bench -- --fit) cannot break these tests.
const stages = { locateFrames: locateFramesAtRevision, codeModel: createCodeModel, model: startingModel() };

describe('investigate (whole pipeline)', function () {
  this.timeout(60000);
  let shop: { repo: BuiltRepo; culprit: string };
  before(() => (shop = buildShop()));
  after(() => shop.repo.cleanup());

  it('ranks first the commit that removed the guard above the crash line, with evidence', async () => {
    const progress: InvestigationProgress[] = [];
    const result = await investigate(readIncident(TRACE), { repoPath: shop.repo.dir, workers: 2, onProgress: (p) => progress.push(p), ...stages });
    assert.equal(result.causes[0].commit.sha, shop.culprit, JSON.stringify(result.causes.slice(0, 3).map((c) => [c.commit.subject, c.score, c.evidence]), null, 1));
    assert.equal(result.stats.candidates, 13);
    assert.equal(result.stats.scored, 13);
    const kinds = result.causes[0].evidence.map((e) => e.kind);
    assert.ok(kinds.includes('frame-line'), kinds.join());
    assert.ok(kinds.includes('guard-removed'), kinds.join());
    // The commit that created the file wrote the crash line too, but creating says less than editing.
    const initial = result.causes.find((c) => c.commit.subject === 'initial shop')!;
    assert.ok(initial.evidence.some((e) => e.kind === 'crash-line-introduced' && /the commit created src\/users.js/.test(e.message)));
    assert.ok(result.causes[0].score > result.causes[1].score);
    assert.deepEqual(progress.map((p) => p.phase).filter((p, i, all) => all.indexOf(p) === i), ['locating', 'history', 'scoring', 'done']);
    // Scoring may start before git has listed the window: the total known is never below the scored.
    assert.ok(progress.every((p) => p.total >= p.scored), JSON.stringify(progress.map((p) => [p.phase, p.scored, p.total])));
    assert.equal(progress.at(-1)!.ranking[0].commit.sha, shop.culprit);
  });

  it('follows a test-only stack into the code the test calls (syntax trees, one call away)', async () => {
    const b = new TestRepoBuilder();
    const cart = (field: string) => `const { round } = require('./money');\nfunction total(items) {\n  return round(items.reduce((sum, item) => sum + item.${field}, 0));\n}\nmodule.exports = { total };\n`;
    const money = (digits: number) => `function round(value) {\n  return Number(value.toFixed(${digits}));\n}\nmodule.exports = { round };\n`;
    const test = `const assert = require('assert');\nconst { total } = require('../src/cart');\nfunction testTotal() {\n  assert.strictEqual(total([{ price: 1.25 }, { price: 2.5 }]), 3.75);\n}\ntestTotal();\n`;
    const first = b.commit({ message: 'cart totals', author: ada, files: { 'src/cart.js': cart('price'), 'src/money.js': money(2), 'test/cart.test.js': test } });
    b.commit({ message: 'docs', author: bob, files: { 'README.md': 'cart\n' } });
    const culprit = b.commit({ message: 'round money to whole units for display', author: bob, files: { 'src/money.js': money(0) } });
    b.commit({ message: 'more docs', author: ada, files: { 'README.md': 'cart!\n' } });
    const repo = b.build();
    try {
      const trace = `AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n4 !== 3.75\n\n    at testTotal (/ci/build/test/cart.test.js:4:10)\n    at Object.<anonymous> (/ci/build/test/cart.test.js:6:1)\n    at Module._compile (node:internal/modules/cjs/loader:1521:14)\n`;
      // As in CI: the window starts after the last good build, which had the tests and the code.
      const result = await investigate(readIncident(trace), { repoPath: repo.dir, workers: 1, previousRelease: repo.sha(first), ...stages });
      assert.equal(result.context.anchors[0].symbol?.name, 'testTotal');
      assert.ok(result.context.neighbours.some((n) => n.name === 'round' && n.distance === 2), JSON.stringify(result.context.neighbours));
      assert.equal(result.causes[0].commit.sha, repo.sha(culprit), JSON.stringify(result.causes.map((c) => [c.commit.subject, c.evidence])));
      assert.ok(result.causes[0].evidence.some((e) => e.kind === 'callee' && /round/.test(e.message)));
    } finally {
      repo.cleanup();
    }
  });

  it('follows a JUnit test into its package in the main source root, which it uses without an import', async () => {
    const b = new TestRepoBuilder();
    const range = (op: string) => `package org.shop.util;\n\npublic final class Range {\n  private final int low;\n  private final int high;\n\n  public Range(int low, int high) {\n    this.low = low;\n    this.high = high;\n  }\n\n  public boolean contains(int value) {\n    return value >= low && value ${op} high;\n  }\n}\n`;
    const other = (n: number) => `package org.shop.util;\n\npublic final class Labels {\n  public static String label(int value) {\n    return "#" + (value + ${n});\n  }\n}\n`;
    const test = `package org.shop.util;\n\nimport static org.junit.Assert.assertTrue;\n\nimport org.junit.Test;\n\npublic class BoundsTest {\n  @Test\n  public void upperEdgeIsIn() {\n    assertTrue(new Range(1, 10).contains(10));\n  }\n}\n`;
    const first = b.commit({ message: 'ranges', author: ada, files: { 'src/main/java/org/shop/util/Range.java': range('<='), 'src/main/java/org/shop/util/Labels.java': other(0), 'src/test/java/org/shop/util/BoundsTest.java': test } });
    b.commit({ message: 'label offset', author: bob, files: { 'src/main/java/org/shop/util/Labels.java': other(1) } });
    const culprit = b.commit({ message: 'tighten bounds', author: bob, files: { 'src/main/java/org/shop/util/Range.java': range('<') } });
    b.commit({ message: 'label offset again', author: ada, files: { 'src/main/java/org/shop/util/Labels.java': other(2) } });
    const repo = b.build();
    try {
      const trace = [
        'JUnit version 4.13.2',
        '.E',
        'Time: 0.004',
        'There was 1 failure:',
        '1) upperEdgeIsIn(org.shop.util.BoundsTest)',
        'java.lang.AssertionError',
        '\tat org.junit.Assert.fail(Assert.java:87)',
        '\tat org.junit.Assert.assertTrue(Assert.java:42)',
        '\tat org.junit.Assert.assertTrue(Assert.java:53)',
        '\tat org.shop.util.BoundsTest.upperEdgeIsIn(BoundsTest.java:10)',
        '\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)',
        '',
        'FAILURES!!!',
        'Tests run: 1,  Failures: 1',
      ].join('\n');
      const result = await investigate(readIncident(trace), { repoPath: repo.dir, workers: 1, previousRelease: repo.sha(first), ...stages });
      assert.equal(result.context.anchors[0].path, 'src/test/java/org/shop/util/BoundsTest.java');
      assert.ok(result.context.neighbours.some((n) => n.name === 'Range.contains' && n.distance === 1), JSON.stringify(result.context.neighbours));
      assert.equal(result.causes[0].commit.sha, repo.sha(culprit), JSON.stringify(result.causes.map((c) => [c.commit.subject, c.evidence])));
      assert.ok(result.causes[0].evidence.some((e) => e.kind === 'callee' && /contains/.test(e.message)));
    } finally {
      repo.cleanup();
    }
  });

  it('ranks from a pytest report: the recorded failures over the sources that printed them', async () => {
    // The sources pytest ran (test/fixtures/traces/pytest), with a history that led to them.
    const fixture = (path: string) => readFileSync(join(TRACES_DIR, 'pytest', path), 'utf8');
    const paths = fixture('pkg/paths.py');
    const b = new TestRepoBuilder();
    b.commit({ message: 'path helpers', author: ada, files: { 'pkg/__init__.py': '', 'pkg/paths.py': paths.replace("cfg['name'].upper()", "cfg.get('name', '').upper()"), 'tests/test_paths.py': fixture('tests/test_paths.py'), 'tests/test_chain.py': fixture('tests/test_chain.py') } });
    b.commit({ message: 'docs', author: bob, files: { 'README.md': 'paths\n' } });
    const culprit = b.commit({ message: 'config: the name is required', author: bob, files: { 'pkg/paths.py': paths } });
    b.commit({ message: 'more docs', author: ada, files: { 'README.md': 'paths!\n' } });
    const repo = b.build();
    try {
      const result = await investigate(readIncident(traceFixture('pytest/long.trace.txt')), { repoPath: repo.dir, workers: 1, ...stages });
      assert.ok(result.frames.some((f) => f.path === 'pkg/paths.py' && f.line === 13), JSON.stringify(result.frames));
      assert.equal(result.causes[0].commit.sha, repo.sha(culprit), JSON.stringify(result.causes.map((c) => [c.commit.subject, c.evidence])));
      assert.ok(result.causes[0].evidence.some((e) => e.kind === 'crash-line-introduced' || e.kind === 'frame-line'));
    } finally {
      repo.cleanup();
    }
  });

  it('on HEAD, without the release commit, leaves out what was committed after the error was first seen', async () => {
    // Commits are an hour apart from 09:00: the culprit is the 8th (16:00), the docs commits follow it.
    const incident = { ...readIncident(TRACE), firstSeen: '2024-01-01T16:30:00Z' };
    const result = await investigate(incident, { repoPath: shop.repo.dir, workers: 1, ...stages });
    assert.equal(result.stats.candidates, 8);
    assert.ok(result.causes.every((c) => !c.commit.subject.startsWith('docs')));
    assert.equal(result.causes[0].commit.sha, shop.culprit);
  });

  it('cancels with a CauseLensError and leaves no worker behind', async () => {
    const controller = new AbortController();
    const run = investigate(readIncident(TRACE), { repoPath: shop.repo.dir, workers: 1, signal: controller.signal, onProgress: (p) => p.phase === 'history' && controller.abort(), ...stages });
    await assert.rejects(run, (e: unknown) => e instanceof CauseLensError && e.reason === 'cancelled');
  });

  it('stops at the time budget with the ranking so far and says so', async () => {
    const result = await investigate(readIncident(TRACE), { repoPath: shop.repo.dir, workers: 1, budgetMs: 1, ...stages });
    assert.equal(result.stats.budgetExceeded, true);
    assert.ok(result.warnings.some((w) => /time budget/.test(w)));
  });

  it('never reads outside the repository for a frame path that climbs out of it', async () => {
    const incident = readIncident(`Error: x\n    at f (/app/../../../../etc/passwd:1:1)\n    at g (/etc/hostname:1:1)\n`);
    const result = await investigate(incident, { repoPath: shop.repo.dir, workers: 1, ...stages });
    assert.deepEqual(result.frames, []);
    assert.ok(result.warnings.some((w) => /No frame of the stack/.test(w)));
  });

  it('answers a repository without commits with a no-history error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'causelens-empty-'));
    try {
      execFileSync('git', ['init', '-q', dir]);
      await assert.rejects(investigate(readIncident(TRACE), { repoPath: dir, workers: 1, ...stages }), (e: unknown) => e instanceof CauseLensError && e.reason === 'no-history');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers a directory that is not a repository with a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'causelens-norepo-'));
    try {
      await assert.rejects(investigate(readIncident(TRACE), { repoPath: dir, workers: 1, ...stages }), (e: unknown) => e instanceof CauseLensError && /git repository/i.test(e.message));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('investigate: a test frame inside an anonymous callback', function () {
  this.timeout(60000);
  it('finds the code the test calls through the calls leading to the frame', async () => {
    const b = new TestRepoBuilder();
    b.commit({ message: 'library', files: {
      'lib/stringify.js': 'module.exports = function (obj) {\n  return Object.keys(obj).map((k) => k + "=" + obj[k]).join("&");\n};\n',
      'lib/index.js': "module.exports = { stringify: require('./stringify') };\n",
      'test/query.test.js': "const test = require('node:test');\nconst assert = require('assert');\nconst qs = require('..');\ntest('stringify', () => {\n  assert.strictEqual(qs.stringify({ a: 'b' }), 'a=b');\n});\n",
    } });
    const base = b.commit({ message: 'docs', files: { 'README.md': 'qs\n' } });
    const culprit = b.commit({ message: 'tidy', files: { 'lib/stringify.js': 'module.exports = function (obj) {\n  return Object.keys(obj).map((k) => k + ":" + obj[k]).join("&");\n};\n' } });
    b.commit({ message: 'more docs', files: { 'README.md': 'qs!\n' } });
    const repo = b.build();
    try {
      const trace = "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n'a:b' !== 'a=b'\n\n    at TestContext.<anonymous> (/ci/test/query.test.js:5:10)\n    at Test.runInAsyncScope (node:async_hooks:206:9)\n";
      const result = await investigate(readIncident(trace), { repoPath: repo.dir, workers: 1, previousRelease: repo.sha(base), ...stages });
      assert.equal(result.context.anchors[0].symbol, undefined);
      assert.ok(result.context.neighbours.some((n) => n.path === 'lib/stringify.js'), JSON.stringify(result.context.neighbours));
      assert.equal(result.causes[0].commit.sha, repo.sha(culprit));
    } finally {
      repo.cleanup();
    }
  });
  it('takes what the failing line calls as nearer than what the lines before it call', async () => {
    const b = new TestRepoBuilder();
    b.commit({ message: 'library', files: {
      'lib/stringify.js': 'module.exports = function (obj) {\n  return Object.keys(obj).map((k) => k + "=" + obj[k]).join("&");\n};\n',
      'lib/parse.js': 'module.exports = function (text) {\n  return Object.fromEntries(text.split("&").map((p) => p.split("=")));\n};\n',
      'lib/index.js': "module.exports = { stringify: require('./stringify'), parse: require('./parse') };\n",
      'test/query.test.js': "const test = require('node:test');\nconst assert = require('assert');\nconst qs = require('..');\ntest('round trip', () => {\n  const parsed = qs.parse('a=b');\n  assert.strictEqual(qs.stringify(parsed), 'a=b');\n});\n",
    } });
    const repo = b.build();
    try {
      const trace = "AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n\n'a:b' !== 'a=b'\n\n    at TestContext.<anonymous> (/ci/test/query.test.js:6:10)\n";
      const result = await investigate(readIncident(trace), { repoPath: repo.dir, workers: 1, ...stages });
      const distance = (path: string) => result.context.neighbours.find((n) => n.path === path)?.distance;
      assert.equal(distance('lib/stringify.js'), 1, JSON.stringify(result.context.neighbours));
      assert.equal(distance('lib/parse.js'), 2);
    } finally {
      repo.cleanup();
    }
  });
});
