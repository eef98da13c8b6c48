import * as assert from 'node:assert/strict';
import { testByReverting } from '../../../src/core/analysis/intervention';
import { CauseLensError } from '../../../src/core/errors';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';

describe('intervention: revert in a temporary worktree and rerun', function () {
  this.timeout(60000);
  let repo: BuiltRepo;
  let culprit: string;
  let bystander: string;
  let head: string;
  before(() => {
    const b = new TestRepoBuilder();
    b.commit({ message: 'app', files: { 'lib.js': 'exports.name = (u) => u.name;\n', 'run.js': "const { name } = require('./lib');\nconsole.log(name({ name: 'ada' }));\n" } });
    const c = b.commit({ message: 'read names from profiles', files: { 'lib.js': 'exports.name = (u) => u.profile.name;\n' } });
    const d = b.commit({ message: 'docs', files: { 'README.md': 'hello\n' } });
    repo = b.build();
    culprit = repo.sha(c);
    bystander = repo.sha(d);
    head = repo.git('rev-parse', 'HEAD').trim();
  });
  after(() => repo.cleanup());

  it('confirms the commit whose revert removes the symptom, and only that one', async () => {
    const results = await testByReverting({ root: repo.dir }, [culprit, bystander], { revision: head, command: 'node run.js', symptom: 'TypeError' });
    assert.deepEqual(results.map((r) => [r.sha, r.outcome]), [[culprit, 'confirmed'], [bystander, 'not-confirmed']]);
    assert.equal(repo.git('worktree', 'list').trim().split('\n').length, 1, 'temporary worktrees are removed');
    assert.equal(repo.git('status', '--porcelain'), '', 'the repository is left untouched');
  });

  it('refuses to test when the command does not reproduce the symptom at the revision', async () => {
    await assert.rejects(
      testByReverting({ root: repo.dir }, [culprit], { revision: head, command: 'node run.js', symptom: 'RangeError' }),
      (e: unknown) => e instanceof CauseLensError && e.reason === 'bad-input' && /does not show the symptom/.test(e.message),
    );
    assert.equal(repo.git('worktree', 'list').trim().split('\n').length, 1);
  });

  it('stops a baseline run past its time limit and says the command timed out', async () => {
    const [result] = await testByReverting({ root: repo.dir }, [bystander], { revision: head, command: 'node run.js; sleep 30', symptom: 'TypeError', timeoutMs: 1500 }).catch((e) => [e]);
    // The baseline runs first and times out, so no candidate is tested.
    assert.ok(result instanceof CauseLensError && /timed out/.test(result.message));
  });
});
