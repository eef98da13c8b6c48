// Streams diffs from a repository built by the test: several authors, renames, a merge, a
// formatting commit, binary files, a submodule pointer and unusual file names.

import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CauseLensError } from '../../../src/core/errors';
import { openRepository, readBlobAtRevision, readBlobsAtRevisions, readCommitDiffs, streamCommitDiffs, type CommitDiff } from '../../../src/core/git';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';

const alice = { name: 'Alice Ames', email: 'alice@example.com' };
const bob = { name: 'Bob Brown', email: 'bob@example.com' };

function buildHistory(): { repo: BuiltRepo; handles: Record<string, string> } {
  const b = new TestRepoBuilder();
  const h: Record<string, string> = {};
  h.init = b.commit({ message: 'Add user service', author: alice, date: '2024-03-01T10:00:00Z', files: {
    'src/user.js': 'function getUser(id) {\n  return db.find(id);\n}\n\nmodule.exports = { getUser };\n',
    'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
  } });
  h.rename = b.commit({ message: 'Move user service\n\nKeeps services together.', author: bob, date: '2024-03-02T10:00:00Z',
    renames: [['src/user.js', 'src/services/user.js']] });
  b.branch('feature');
  h.feature = b.commit({ message: 'Read email', author: bob, date: '2024-03-03T10:00:00Z', files: {
    'src/services/user.js': 'function getUser(id) {\n  const user = db.find(id);\n  return user.profile.email;\n}\n\nmodule.exports = { getUser };\n',
  } });
  b.checkout('main');
  h.main = b.commit({ message: 'Add café notes', author: alice, date: '2024-03-03T12:00:00Z', files: { 'docs/café notes.md': '# Notes\n' } });
  h.merge = b.commit({ message: "Merge branch 'feature'", author: alice, date: '2024-03-04T10:00:00Z', merge: ['feature'] });
  h.format = b.commit({ message: 'Reformat', author: bob, date: '2024-03-05T10:00:00Z', files: {
    'src/services/user.js': 'function getUser( id ) {\n    const user = db.find( id )\n    return user.profile.email\n}\n\nmodule.exports = {getUser}\n',
  } });
  h.binary = b.commit({ message: 'New logo', author: alice, date: '2024-03-06T10:00:00Z', files: {
    'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 9, 9, 9]),
  } });
  h.submodule = b.commit({ message: 'Vendor lib', author: bob, date: '2024-03-07T10:00:00Z',
    submodules: { 'vendor/lib': '1111111111111111111111111111111111111111' } });
  h.remove = b.commit({ message: 'Drop notes', author: alice, date: '2024-03-08T10:00:00Z', files: { 'docs/café notes.md': null } });
  const repo = b.build();
  return { repo, handles: Object.fromEntries(Object.entries(h).map(([k, v]) => [k, repo.sha(v)])) };
}

describe('git history: streamed diffs', () => {
  let repo: BuiltRepo;
  let sha: Record<string, string>;
  let diffs: Map<string, CommitDiff>;

  before(async () => {
    ({ repo, handles: sha } = buildHistory());
    const order = repo.git('rev-list', 'HEAD').trim().split('\n');
    const list = await readCommitDiffs(await openRepository(repo.dir), { commits: order });
    assert.deepEqual(list.map((d) => d.commit.sha), order, 'yields commits in the order asked');
    diffs = new Map(list.map((d) => [d.commit.sha, d]));
  });
  after(() => repo.cleanup());

  it('reads commit metadata for every author', () => {
    const rename = diffs.get(sha.rename)!;
    assert.equal(rename.commit.authorName, 'Bob Brown');
    assert.equal(rename.commit.authorEmail, 'bob@example.com');
    assert.equal(rename.commit.subject, 'Move user service');
    assert.equal(rename.commit.body, 'Keeps services together.');
    assert.equal(Date.parse(rename.commit.authorDate), Date.parse('2024-03-02T10:00:00Z'));
    assert.deepEqual(rename.commit.parents, [sha.init]);
    assert.deepEqual(diffs.get(sha.init)!.commit.parents, []);
  });

  it('reports a root commit as additions and a pure rename with no hunks', () => {
    const init = diffs.get(sha.init)!;
    const user = init.files.find((f) => f.newPath === 'src/user.js')!;
    assert.equal(user.status, 'A');
    assert.equal(user.oldPath, undefined);
    assert.deepEqual(user.hunks[0].added.map((l) => l.line), [1, 2, 3, 4, 5]);
    const rename = diffs.get(sha.rename)!.files;
    assert.deepEqual(rename.map((f) => [f.status, f.oldPath, f.newPath, f.similarity, f.hunks.length]), [['R', 'src/user.js', 'src/services/user.js', 100, 0]]);
  });

  it('gives hunk line numbers on both sides', () => {
    const [file] = diffs.get(sha.feature)!.files;
    assert.equal(file.newPath, 'src/services/user.js');
    assert.equal(file.status, 'M');
    const [hunk] = file.hunks;
    assert.deepEqual(hunk.removed, [{ line: 2, text: '  return db.find(id);' }]);
    assert.deepEqual(hunk.added, [
      { line: 2, text: '  const user = db.find(id);' },
      { line: 3, text: '  return user.profile.email;' },
    ]);
    assert.equal(hunk.section, 'function getUser(id) {');
  });

  it('marks merges and leaves their changes to the merged commits', () => {
    const merge = diffs.get(sha.merge)!;
    assert.equal(merge.isMerge, true);
    assert.deepEqual(merge.commit.parents, [sha.main, sha.feature]);
    assert.deepEqual(merge.files, []);
  });

  it('recognises a formatting-only commit and not a real change', () => {
    assert.equal(diffs.get(sha.format)!.formattingOnly, true);
    assert.equal(diffs.get(sha.format)!.formattingReason, 'whitespace');
    assert.equal(diffs.get(sha.feature)!.formattingOnly, false);
    assert.equal(diffs.get(sha.rename)!.formattingOnly, false);
  });

  it('handles binary files, submodules and quoted unicode paths', () => {
    const [logo] = diffs.get(sha.binary)!.files;
    assert.deepEqual([logo.newPath, logo.binary, logo.hunks.length], ['logo.png', true, 0]);
    const [sub] = diffs.get(sha.submodule)!.files;
    assert.deepEqual([sub.newPath, sub.status, sub.submodule], ['vendor/lib', 'A', true]);
    const [notes] = diffs.get(sha.main)!.files;
    assert.equal(notes.newPath, 'docs/café notes.md');
    const [removed] = diffs.get(sha.remove)!.files;
    assert.deepEqual([removed.status, removed.oldPath, removed.newPath], ['D', 'docs/café notes.md', undefined]);
  });

  it('can diff a merge against its first parent when asked', async () => {
    const [merge] = await readCommitDiffs({ root: repo.dir }, { commits: [sha.merge] }, { mergeDiffs: 'first-parent' });
    assert.deepEqual(merge.files.map((f) => f.newPath), ['src/services/user.js']);
  });

  it('marks commits listed in .git-blame-ignore-revs', async () => {
    writeFileSync(join(repo.dir, '.git-blame-ignore-revs'), `# bulk rename\n${sha.rename}\n`);
    const [rename] = await readCommitDiffs({ root: repo.dir }, { commits: [sha.rename] });
    assert.equal(rename.formattingOnly, true);
    assert.equal(rename.formattingReason, 'blame-ignore-revs');
  });

  it('stops git when the consumer stops early or the run is cancelled, and skips unknown commits', async () => {
    const all = repo.git('rev-list', 'HEAD').trim().split('\n');
    for await (const first of streamCommitDiffs({ root: repo.dir }, { commits: all })) {
      assert.equal(first.commit.sha, all[0]);
      break;
    }
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(readCommitDiffs({ root: repo.dir }, { commits: all }, { signal: controller.signal }), (e: CauseLensError) => e.reason === 'cancelled');
    await assert.rejects(readCommitDiffs({ root: repo.dir }, { commits: ['--output=/tmp/x'] }), (e: CauseLensError) => e.reason === 'bad-input');
    const missing: string[] = [];
    const partial = await readCommitDiffs({ root: repo.dir }, { commits: ['0'.repeat(40), sha.feature.slice(0, 10)] }, { onMissing: (ids) => missing.push(...ids) });
    assert.deepEqual(partial.map((d) => d.commit.sha), [sha.feature], 'unknown commits are skipped, abbreviated ones resolved');
    assert.deepEqual(missing, ['0'.repeat(40)]);
  });

  it('reads file contents with blob ids, many in one call', async () => {
    const r = { root: repo.dir };
    const [before, after, missing, binary] = await readBlobsAtRevisions(r, [
      { rev: sha.rename, path: 'src/services/user.js' },
      { rev: sha.feature, path: 'src/services/user.js' },
      { rev: sha.init, path: 'src/services/user.js' },
      { rev: sha.init, path: 'logo.png' },
    ]);
    assert.match(before!.text!, /return db\.find\(id\);/);
    assert.match(after!.text!, /user\.profile\.email/);
    assert.notEqual(before!.blobId, after!.blobId);
    assert.equal(missing, undefined);
    assert.equal(binary!.text, undefined);
    const same = await readBlobAtRevision(r, sha.init, 'src/user.js');
    assert.equal(same!.blobId, before!.blobId, 'a rename keeps the blob id');
    await assert.rejects(readBlobAtRevision(r, 'HEAD', '../outside.txt'), (e: CauseLensError) => e.reason === 'outside-workspace');
  });
});
