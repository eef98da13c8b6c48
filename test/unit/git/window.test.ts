// Candidate window selection on built repositories: day windows, caps, previous releases,
// unknown release commits, blame beyond the window, shallow clones and degenerate repositories.

import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CauseLensError } from '../../../src/core/errors';
import { blameLines, openRepository, readCommitDiffs, selectCandidateWindow } from '../../../src/core/git';
import type { WalkSelection } from '../../../src/core/git/commitStream';
import { resolveCommitWithTime } from '../../../src/core/git/gitClient';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';

const carol = { name: 'Carol Chen', email: 'carol@example.com' };
const dave = { name: 'Dave Diaz', email: 'dave@example.com' };

/** An old commit writes the crash line; later commits (one per day) touch other files. */
function buildTimeline(): { repo: BuiltRepo; old: string; days: string[]; reformat: string } {
  const b = new TestRepoBuilder();
  const old = b.commit({ message: 'Add checkout', author: carol, date: '2023-06-01T10:00:00Z', files: {
    'src/checkout.py': 'def total(cart):\n    return sum(item.price for item in cart.items)\n',
  } });
  const days: string[] = [];
  for (let day = 1; day <= 10; day++) {
    const date = `2024-05-${String(day).padStart(2, '0')}T12:00:00Z`;
    days.push(b.commit({ message: `Change ${day}`, author: day % 2 ? carol : dave, date, files: { [`src/mod${day}.py`]: `X = ${day}\n` } }));
  }
  const reformat = b.commit({ message: 'Reformat checkout', author: dave, date: '2024-05-11T12:00:00Z', files: {
    'src/checkout.py': 'def total( cart ):\n    return sum( item.price for item in cart.items )\n',
  } });
  const repo = b.build();
  return { repo, old: repo.sha(old), days: days.map((d) => repo.sha(d)), reformat: repo.sha(reformat) };
}

describe('git history: candidate window', () => {
  let t: ReturnType<typeof buildTimeline>;
  before(() => (t = buildTimeline()));
  after(() => t.repo.cleanup());

  it('takes N days before first seen, newest first, plus the blamed crash-line commit however old', async () => {
    const repo = await openRepository(join(t.repo.dir, 'src'));
    const w = await selectCandidateWindow(repo, t.days[7], {
      sinceDays: 3,
      maxCommits: 100,
      firstSeen: '2024-05-08T18:00:00Z',
      frames: [{ path: 'src/checkout.py', line: 2 }],
    });
    assert.equal(w.revision, t.days[7]);
    assert.equal(w.revisionSource, 'incident');
    assert.deepEqual(w.commits, [t.days[7], t.days[6], t.days[5]]);
    assert.deepEqual(w.blameCommits, [t.old]);
    assert.deepEqual(w.blame.map((b) => [b.path, b.line, b.sha, b.boundary]), [['src/checkout.py', 2, t.old, false]]);
    assert.equal(w.truncated, false);
    assert.equal(w.shallow, false);
  });

  it('reaches back at least the floor of commits when the days hold fewer, and no further than history', async () => {
    const repo = await openRepository(t.repo.dir);
    const floor = (minCommits: number) => selectCandidateWindow(repo, t.days[7], { sinceDays: 1, maxCommits: 100, minCommits }).then((w) => w.commits);
    assert.deepEqual(await floor(0), t.days.slice(6, 8).reverse(), 'one day back, inclusive, holds two');
    assert.deepEqual(await floor(4), t.days.slice(4, 8).reverse());
    assert.deepEqual(await floor(50), [...t.days.slice(0, 8).reverse(), t.old], 'the whole history is shorter than the floor');
    const wide = await selectCandidateWindow(repo, t.days[7], { sinceDays: 5, maxCommits: 100, minCommits: 2 });
    assert.deepEqual(wide.commits, t.days.slice(2, 8).reverse(), 'the days reach further than the floor');
  });

  it('says where the window ends: its day bound, its oldest commit when the count cut it, nothing for the whole history', async () => {
    const repo = await openRepository(t.repo.dir);
    const days = await selectCandidateWindow(repo, t.days[7], { sinceDays: 3, maxCommits: 100, firstSeen: '2024-05-08T18:00:00Z' });
    assert.equal(days.endsAt, '2024-05-05T18:00:00.000Z');
    const cut = await selectCandidateWindow(repo, t.days[7], { sinceDays: 3, maxCommits: 2, firstSeen: '2024-05-08T18:00:00Z' });
    assert.deepEqual([cut.truncated, cut.endsAt], [true, '2024-05-07T12:00:00.000Z']);
    const whole = await selectCandidateWindow(repo, t.days[7], { sinceDays: 1, maxCommits: 100, minCommits: 50 });
    assert.equal(whole.endsAt, undefined);
  });

  it('resolves a revision and its committer time in one go; names that are no commit give undefined', async () => {
    const repo = { root: t.repo.dir };
    assert.deepEqual(await resolveCommitWithTime(repo, t.days[7].slice(0, 10)), { sha: t.days[7], time: Date.parse('2024-05-08T12:00:00Z') });
    assert.equal((await resolveCommitWithTime(repo, 'HEAD'))?.sha, t.reformat);
    for (const bad of ['deadbeefdeadbeefdeadbeefdeadbeefdeadbeef', 'no-such-branch', '--output=/tmp/x', 'HEAD;rm', `${t.days[7]}^{tree}`]) {
      assert.equal(await resolveCommitWithTime(repo, bad), undefined, bad);
    }
  });

  it('tells, in the same start, the time of the n-th commit back, or null when history is shorter', async () => {
    const repo = { root: t.repo.dir };
    const resolved = await resolveCommitWithTime(repo, t.days[7], undefined, 4);
    assert.equal(resolved?.sha, t.days[7]);
    assert.deepEqual(resolved?.nth, { n: 4, time: Date.parse('2024-05-05T12:00:00Z') });
    assert.deepEqual((await resolveCommitWithTime(repo, t.days[7], undefined, 50))?.nth, { n: 50, time: null });
    // The floor a resolved revision carries is the one the window uses: nothing re-reads it.
    const w = await selectCandidateWindow(repo, 'ignored-when-resolved', {
      sinceDays: 1, maxCommits: 100, minCommits: 4,
      resolved: { sha: t.days[7], time: Date.parse('2024-05-08T12:00:00Z'), nth: { n: 4, time: Date.parse('2024-05-03T12:00:00Z') }, source: 'incident' },
    });
    assert.deepEqual(w.commits, t.days.slice(2, 8).reverse());
  });

  it('takes a revision the caller resolved as given, counting the days back from its time', async () => {
    // The time handed in, not the commit's own, anchors the day window: proof nothing was re-read.
    const w = await selectCandidateWindow({ root: t.repo.dir }, 'ignored-when-resolved', {
      sinceDays: 2,
      maxCommits: 100,
      resolved: { sha: t.days[7], time: Date.parse('2024-05-06T13:00:00Z'), source: 'head' },
    });
    assert.equal(w.revision, t.days[7]);
    assert.equal(w.revisionSource, 'head');
    assert.deepEqual(w.warnings, []);
    assert.deepEqual(w.commits, [t.days[7], t.days[6], t.days[5], t.days[4]]);
  });

  it('tells the walk it lists before listing it, so the history can be read alongside', async () => {
    const walks: WalkSelection[] = [];
    const w = await selectCandidateWindow({ root: t.repo.dir }, t.days[7], { sinceDays: 5, maxCommits: 3, onWalk: (walk) => walks.push(walk) });
    assert.equal(walks.length, 1);
    assert.equal(walks[0].maxCount, 3);
    assert.deepEqual(t.repo.git('rev-list', `--max-count=${walks[0].maxCount}`, ...walks[0].walk).trim().split('\n'), w.commits);
    assert.equal(w.truncated, true);
  });

  it('caps the window by count and says so', async () => {
    const w = await selectCandidateWindow({ root: t.repo.dir }, undefined, { sinceDays: 365, maxCommits: 4, firstSeen: '2024-06-01T00:00:00Z' });
    assert.equal(w.commits.length, 4);
    assert.equal(w.truncated, true);
  });

  it('falls back to HEAD without the release commit and drops commits after first seen', async () => {
    const w = await selectCandidateWindow({ root: t.repo.dir }, 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef', {
      sinceDays: 2,
      maxCommits: 50,
      firstSeen: '2024-05-04T00:00:00Z',
    });
    assert.equal(w.revisionSource, 'head');
    assert.match(w.warnings.join('\n'), /not in this clone/);
    assert.deepEqual(w.commits, [t.days[2], t.days[1]]);
    assert.equal(w.until, '2024-05-04T00:00:00.000Z');
  });

  it('starts after the previous release when it is known', async () => {
    t.repo.git('tag', 'v1.0', t.days[4]);
    const w = await selectCandidateWindow({ root: t.repo.dir }, t.days[7], { sinceDays: 1, maxCommits: 50, previousRelease: 'v1.0' });
    assert.deepEqual(w.commits, [t.days[7], t.days[6], t.days[5]]);
    assert.equal(w.previousRelease, t.days[4]);
    const unknown = await selectCandidateWindow({ root: t.repo.dir }, t.days[7], { sinceDays: 1, maxCommits: 50, previousRelease: 'v9' });
    assert.match(unknown.warnings.join('\n'), /previous release v9/);
  });

  it('blames through revisions in .git-blame-ignore-revs and skips lines it cannot blame', async () => {
    const repo = { root: t.repo.dir };
    const head = t.repo.git('rev-parse', 'HEAD').trim();
    const targets = [{ path: 'src/checkout.py', line: 2 }, { path: 'src/checkout.py', line: 99 }, { path: 'src/gone.py', line: 1 }];
    const plain = await blameLines(repo, head, targets, { ignoreRevs: new Set() });
    assert.deepEqual(plain.map((b) => [b.line, b.sha]), [[2, t.reformat]]);
    writeFileSync(join(t.repo.dir, '.git-blame-ignore-revs'), `${t.reformat}\n${'f'.repeat(40)}\n`);
    const ignoring = await blameLines(repo, head, targets);
    assert.deepEqual(ignoring.map((b) => [b.line, b.sha]), [[2, t.old]]);
    await assert.rejects(blameLines(repo, head, [{ path: '/etc/passwd', line: 1 }]), (e: CauseLensError) => e.reason === 'outside-workspace');
  });

  it('sees through a commit that only reformatted the line when asked, though nobody listed it', async () => {
    const repo = { root: t.repo.dir };
    const head = t.repo.git('rev-parse', 'HEAD').trim();
    const targets = [{ path: 'src/checkout.py', line: 1 }, { path: 'src/checkout.py', line: 2 }];
    const listedNone = { ignoreRevs: new Set<string>() };
    assert.deepEqual((await blameLines(repo, head, targets, listedNone)).map((b) => [b.line, b.sha]), [[1, t.reformat], [2, t.reformat]]);
    const through = await blameLines(repo, head, targets, { ...listedNone, seeThroughLayout: true });
    assert.deepEqual(through.map((b) => [b.line, b.sha, b.originalLine]).sort(), [[1, t.old, 1], [2, t.old, 2]]);
  });

  it('works on a shallow clone and marks blame stopped at its boundary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'causelens-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '2', `file://${t.repo.dir}`, dir]);
      const w = await selectCandidateWindow({ root: dir }, undefined, { sinceDays: 30, maxCommits: 50, frames: [{ path: 'src/mod1.py', line: 1 }] });
      assert.equal(w.shallow, true);
      assert.equal(w.commits.length, 2);
      assert.equal(w.blame[0].boundary, true);
      assert.match(w.warnings.join('\n'), /shallow clone/);
      const diffs = await readCommitDiffs({ root: dir }, w);
      assert.equal(diffs.length, 2);
      // Opening learns it in the same git start as the root, and the window then says the same.
      const opened = await openRepository(dir);
      assert.equal(opened.shallow, true);
      assert.equal((await selectCandidateWindow(opened, undefined, { sinceDays: 30, maxCommits: 50, frames: [{ path: 'src/mod1.py', line: 1 }] })).blame[0].boundary, true);
      assert.equal((await openRepository(t.repo.dir)).shallow, false);
      // Opened again, it is known without git, and a clone deepened since is no longer shallow.
      execFileSync('git', ['fetch', '-q', '--unshallow'], { cwd: dir });
      assert.deepEqual(await openRepository(dir), { root: opened.root, shallow: false });
      // A folder that stopped being a repository is not taken for one.
      rmSync(join(dir, '.git'), { recursive: true, force: true });
      await assert.rejects(openRepository(dir), (e: CauseLensError) => e.reason === 'not-found');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('git history: degenerate repositories', () => {
  it('a repository with a single commit gives a one-commit window', async () => {
    const b = new TestRepoBuilder();
    const only = b.commit({ message: 'Initial', files: { 'main.go': 'package main\n' } });
    const repo = b.build();
    try {
      const w = await selectCandidateWindow({ root: repo.dir }, undefined, { sinceDays: 14, maxCommits: 10, frames: [{ path: 'main.go', line: 1 }] });
      assert.deepEqual(w.commits, [repo.sha(only)]);
      assert.deepEqual(w.blameCommits, []);
      const [diff] = await readCommitDiffs({ root: repo.dir }, w);
      assert.equal(diff.files[0].status, 'A');
    } finally {
      repo.cleanup();
    }
  });

  it('a repository with no commits is a no-history error; a plain folder is not-found', async () => {
    const repo = new TestRepoBuilder().build();
    const plain = mkdtempSync(join(tmpdir(), 'causelens-plain-'));
    try {
      const opened = await openRepository(repo.dir);
      await assert.rejects(selectCandidateWindow(opened, undefined, { sinceDays: 14, maxCommits: 10 }), (e: CauseLensError) => e.reason === 'no-history' && /no commits/.test(e.message));
      await assert.rejects(openRepository(plain), (e: CauseLensError) => e.reason === 'not-found');
      await assert.rejects(selectCandidateWindow(opened, undefined, { sinceDays: 0, maxCommits: 10 }), (e: CauseLensError) => e instanceof CauseLensError);
    } finally {
      repo.cleanup();
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
