// A cloned repository's own .git/config must not be able to run programs when CauseLens reads
// its history: the hostile settings below each write a marker file if git ever runs them.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blameLines, openRepository, readBlobsAtRevisions, readCommitDiffs, selectCandidateWindow } from '../../../src/core/git';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';

describe('git history: hostile repository configuration', () => {
  let repo: BuiltRepo;
  let marker: string;

  before(() => {
    const b = new TestRepoBuilder();
    b.commit({ message: 'one', files: { 'app.js': 'let a = 1;\n', 'data.bin': 'x\n' } });
    b.commit({ message: 'two', files: { 'app.js': 'let a = 2;\n', 'data.bin': 'y\n' } });
    repo = b.build();
    marker = join(repo.dir, 'PWNED');
    const script = join(repo.dir, '.git', 'evil.sh');
    writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat >/dev/null 2>&1\nexit 0\n`);
    chmodSync(script, 0o755);
    const hooks = join(repo.dir, '.git', 'evil-hooks');
    mkdirSync(hooks);
    for (const hook of ['post-checkout', 'pre-commit', 'reference-transaction']) {
      writeFileSync(join(hooks, hook), `#!/bin/sh\necho hook >> '${marker}'\n`);
      chmodSync(join(hooks, hook), 0o755);
    }
    const set = (key: string, value: string) => repo.git('config', key, value);
    set('core.fsmonitor', script);
    set('core.hooksPath', hooks);
    set('core.pager', script);
    set('diff.external', script);
    set('diff.evil.textconv', script);
    set('diff.evil.command', script);
    set('filter.evil.clean', script);
    set('filter.evil.smudge', script);
    set('log.showSignature', 'true');
    set('gpg.program', script);
    set('diff.noprefix', 'true');
    writeFileSync(join(repo.dir, '.git', 'info', 'attributes'), '* diff=evil filter=evil\n');
  });
  after(() => repo.cleanup());

  it('the hostile config really runs programs under plain git (so this test can fail)', () => {
    execFileSync('git', ['log', '-p', '-1'], { cwd: repo.dir, stdio: 'ignore' });
    assert.ok(existsSync(marker), 'plain git log -p ran the external diff / gpg');
    rmSync(marker);
    execFileSync('git', ['status'], { cwd: repo.dir, stdio: 'ignore' });
    assert.ok(existsSync(marker), 'plain git status ran the fsmonitor hook');
    rmSync(marker);
  });

  it('no CauseLens git call runs any of them', async () => {
    const opened = await openRepository(repo.dir);
    const w = await selectCandidateWindow(opened, 'HEAD', { sinceDays: 3650, maxCommits: 10, frames: [{ path: 'app.js', line: 1 }] });
    const diffs = await readCommitDiffs(opened, w, { mergeDiffs: 'first-parent' });
    await blameLines(opened, w.revision, [{ path: 'data.bin', line: 1 }]);
    const blobs = await readBlobsAtRevisions(opened, [{ rev: w.revision, path: 'app.js' }]);
    assert.equal(existsSync(marker), false, 'a repository setting ran a program');
    // And the output is still parsed correctly despite diff.noprefix.
    assert.equal(diffs[0].files.find((f) => f.newPath === 'app.js')?.hunks[0].added[0].text, 'let a = 2;');
    assert.equal(blobs[0]?.text, 'let a = 2;\n');
    assert.equal(w.blame[0].sha, w.commits[0]);
  });
});
