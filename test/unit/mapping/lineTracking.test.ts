import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Incident } from '../../../src/core/incident/model';
import { listTrackedFiles, loadWorkspace, mapIncidentToWorkingTree, parseHunks, releaseRevision, translateLine } from '../../../src/core/mapping';
import { CauseLensError } from '../../../src/core/errors';
import { TempRepo } from './tempRepo';

const lines = (n: number, label: string) => Array.from({ length: n }, (_, i) => `${label} ${i + 1}`).join('\n') + '\n';

function incidentAt(commit: string | undefined, crashLines: number[]): Incident {
  return {
    id: 't',
    source: 'stacktrace',
    title: 'TypeError: x',
    platform: 'javascript',
    commit,
    exceptions: [{ type: 'TypeError', message: 'x', frames: crashLines.map((line) => ({ file: '/app/src/app.js', line, column: 1, inApp: true })) }],
    warnings: [],
  };
}

describe('line tracking from the release commit to the working tree', () => {
  it('translates lines through -U0 hunks: insertions, edits and removals', () => {
    const hunks = parseHunks(['@@ -2,0 +3,2 @@', '+a', '+b', '@@ -10 +12 @@', '-x', '+y', '@@ -20,3 +21,0 @@'].join('\n'));
    assert.deepEqual(hunks[1], { oldStart: 10, oldCount: 1, newStart: 12, newCount: 1 });
    assert.deepEqual(translateLine(1, hunks), { line: 1, fate: 'unchanged' });
    assert.deepEqual(translateLine(2, hunks), { line: 2, fate: 'unchanged' });
    assert.deepEqual(translateLine(3, hunks), { line: 5, fate: 'moved' });
    assert.deepEqual(translateLine(10, hunks), { line: 12, fate: 'changed' });
    assert.deepEqual(translateLine(21, hunks), { line: 21, fate: 'removed' });
    assert.deepEqual(translateLine(30, hunks), { line: 29, fate: 'moved' });
  });

  describe('against a real repository', () => {
    let repo: TempRepo;
    let release: string;

    before(() => {
      repo = new TempRepo();
      release = repo.commit('release 1.0', { 'src/app.js': lines(30, 'line'), 'README.md': '# app\n' });
      // After the release: 3 lines added at the top (committed), line 20 edited (uncommitted).
      const next = lines(30, 'line').split('\n');
      next.splice(0, 0, 'header a', 'header b', 'header c');
      repo.commit('add header', { 'src/app.js': next.join('\n') });
      next[22] = 'line 20 edited';
      repo.write({ 'src/app.js': next.join('\n') });
    });
    after(() => repo.cleanup());

    it('moves lines below new code and flags an edited crash line', async () => {
      const workspace = await loadWorkspace([repo.dir]);
      const [moved, edited] = await mapIncidentToWorkingTree(incidentAt(release, [10, 20]), workspace);
      assert.deepEqual([moved.path, moved.line], ['src/app.js', 13]);
      assert.match(moved.reason, /line 10 at [0-9a-f]{12} is line 13 in the working tree/);
      assert.equal(moved.confidence, 0.95);
      assert.deepEqual([edited.line, edited.confidence], [23, 0.76]);
      assert.match(edited.reason, /was edited since/);
    });

    it('takes the revision from a release named by its commit when the incident has no commit', async () => {
      const workspace = await loadWorkspace([repo.dir]);
      const incident = { ...incidentAt(undefined, [10]), release: `shop@${release.slice(0, 12)}` };
      assert.equal(releaseRevision(incident), release.slice(0, 12));
      const [moved] = await mapIncidentToWorkingTree(incident, workspace);
      assert.equal(moved.line, 13);
      assert.equal(releaseRevision({ ...incident, release: '2.4.0' }), undefined);
    });

    it('keeps reported lines when the commit is unknown or not a plain revision', async () => {
      const workspace = await loadWorkspace([repo.dir]);
      const [unknown] = await mapIncidentToWorkingTree(incidentAt('0123456789abcdef0123456789abcdef01234567', [10]), workspace);
      assert.equal(unknown.line, 10);
      assert.match(unknown.reason, /not in this repository/);
      const marker = path.join(repo.dir, 'injected');
      for (const hostile of [`--output=${marker}`, 'HEAD..main', '-p']) {
        const [kept] = await mapIncidentToWorkingTree(incidentAt(hostile, [10]), workspace);
        assert.equal(kept.line, 10);
        assert.match(kept.reason, /not a commit id or ref name/);
      }
      assert.ok(!existsSync(marker));
      const [none] = await mapIncidentToWorkingTree(incidentAt(undefined, [10]), workspace);
      assert.equal(none.line, 10);
    });
  });

  it('lists tracked files, and says when a folder is not a git repository', async () => {
    const repo = new TempRepo();
    try {
      repo.commit('two files', { 'a b.txt': '1\n', 'dir/ünï.js': '2\n' });
      assert.deepEqual((await listTrackedFiles(repo.dir)).sort(), ['a b.txt', 'dir/ünï.js']);
      assert.deepEqual(await listTrackedFiles(path.join(repo.dir, 'dir')), ['ünï.js']);
    } finally {
      repo.cleanup();
    }
    const plain = mkdtempSync(path.join(tmpdir(), 'causelens-plain-'));
    try {
      await assert.rejects(listTrackedFiles(plain), (e: unknown) => e instanceof CauseLensError && e.reason === 'not-found' && /not inside a git repository/.test(e.message));
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
