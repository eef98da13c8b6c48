// The raw record splitter cuts `git log -p` output into commits without parsing their diffs:
// parsed record by record, the output must give exactly what the whole-stream parser gives,
// however git's output is chunked and whatever the messages and file contents look like.

import * as assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { CauseLensError } from '../../../src/core/errors';
import { logPatchArgs, LogPatchParser, SAFE_GIT_CONFIG } from '../../../src/core/git';
import { readRawCommits, streamRawCommits } from '../../../src/core/git/commitStream';
import { parseCommitRecords, RawCommitSplitter, type RawCommit } from '../../../src/core/git/patchParser';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';

function trickyHistory(): BuiltRepo {
  const b = new TestRepoBuilder();
  b.commit({ message: 'Add notes', files: { 'notes.txt': 'intro\n-- x\n++ y\n', 'src/app.js': 'const a = 1;\n' } });
  // A body with what looks like a commit mark and diff syntax at the start of its lines.
  b.commit({ message: 'Tricky\n\n\x1eCL\x1f fake mark\ndiff --git a/fake b/fake\n@@ -1 +1 @@', files: { 'notes.txt': 'intro\n--- a/x\n+++ b/y\n@@ -1 +1 @@\ndiff --git a/z b/z\n', 'ünï cödé.txt': 'é\n' } });
  b.commit({ message: 'No diff at all (empty tree change)', files: {} });
  b.commit({ message: 'Move', renames: [['src/app.js', 'src/main.js']] });
  b.commit({ message: 'Edit', files: { 'src/main.js': 'const a = 2;\nconst b = 3;\n' } });
  return b.build();
}

function gitLogOutput(repo: BuiltRepo): Buffer {
  const shas = repo.git('rev-list', 'HEAD');
  const args = [...SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]), ...logPatchArgs()];
  return Buffer.from(repo.git(...args.slice(0, -1), ...shas.trim().split('\n')), 'utf8');
}

function split(output: Buffer, size: number): RawCommit[] {
  const splitter = new RawCommitSplitter();
  const records: RawCommit[] = [];
  for (let i = 0; i < output.length; i += size) records.push(...splitter.push(output.subarray(i, i + size)));
  records.push(...splitter.end());
  return records;
}

describe('git history: raw commit records', () => {
  let repo: BuiltRepo;
  let output: Buffer;
  before(() => {
    repo = trickyHistory();
    output = gitLogOutput(repo);
  });
  after(() => repo.cleanup());

  it('parsed record by record, gives what the whole output gives, however it is chunked', () => {
    const whole = new LogPatchParser();
    const expected = [...whole.push(output.toString('utf8')), ...whole.end()];
    assert.equal(expected.length, 5);
    for (const size of [1, 2, 5, 64, output.length]) {
      const records = split(output, size);
      assert.deepEqual(records.map((r) => r.info), expected.map((d) => d.commit), `headers, chunks of ${size}`);
      assert.deepEqual(records.flatMap((r) => parseCommitRecords(r.bytes)), expected, `diffs, chunks of ${size}`);
      assert.deepEqual(parseCommitRecords(Buffer.concat(records.map((r) => r.bytes))), expected, `all records at once, chunks of ${size}`);
    }
    assert.deepEqual(expected.map((d) => d.commit.subject), ['Edit', 'Move', 'No diff at all (empty tree change)', 'Tricky', 'Add notes'], 'a mark inside a message starts no commit');
  });

  it('ignores output before the first mark and drops a record whose header never ended', () => {
    const splitter = new RawCommitSplitter();
    const records = [...splitter.push(Buffer.from('noise\n')), ...splitter.push(output), ...splitter.push(Buffer.from('\x1eCL\x1fdeadbeef\x1fcut off')), ...splitter.end()];
    assert.equal(records.length, 5);
    assert.equal(records[0].bytes.subarray(0, 4).toString('latin1'), '\x1eCL\x1f');
  });

  it('streams records in the order asked, stops git when the consumer stops, and honours cancellation', async () => {
    const order = repo.git('rev-list', 'HEAD').trim().split('\n');
    const records = await readRawCommits({ root: repo.dir }, { commits: order }, { knownCommits: true });
    assert.deepEqual(records.map((r) => r.info.sha), order);
    for await (const first of streamRawCommits({ root: repo.dir }, { commits: order }, { highWater: 1 })) {
      assert.equal(first[0].info.sha, order[0]);
      break;
    }
    const controller = new AbortController();
    const reading = (async () => {
      for await (const batch of streamRawCommits({ root: repo.dir }, { commits: order }, { signal: controller.signal, highWater: 1 })) {
        assert.ok(batch.length > 0);
        controller.abort();
      }
    })();
    await assert.rejects(reading, (e: unknown) => e instanceof CauseLensError && e.reason === 'cancelled');
  });

  it('gives a commit it read lately again without starting git, in the order asked', async () => {
    const copy = trickyHistory();
    try {
      const [newest, second, ...older] = copy.git('rev-list', 'HEAD').trim().split('\n');
      const fresh = await readRawCommits({ root: copy.dir }, { commits: [newest, second] }, { knownCommits: true });
      renameSync(join(copy.dir, '.git'), join(copy.dir, 'git-was-here'));
      // No git can run here now: what comes back was kept.
      const again = await readRawCommits({ root: copy.dir }, { commits: [second, newest] }, { knownCommits: true });
      assert.deepEqual(again.map((r) => r.info.sha), [second, newest]);
      assert.deepEqual(again.map((r) => r.bytes.toString('utf8')), [fresh[1], fresh[0]].map((r) => r.bytes.toString('utf8')));
      await assert.rejects(readRawCommits({ root: copy.dir }, { commits: [second, older[0]] }, { knownCommits: true }), 'a commit not read lately needs git');
    } finally {
      copy.cleanup();
    }
  });

  it('gives every commit asked for when a long read holds some it kept', async () => {
    const b = new TestRepoBuilder();
    for (let i = 0; i < 80; i++) b.commit({ message: `Change ${i}`, files: { 'src/a.js': `a = ${i};\n` } });
    const long = b.build();
    try {
      const listed = long.git('rev-list', 'HEAD').trim().split('\n');
      await readRawCommits({ root: long.dir }, { commits: listed.slice(40, 43) }, { knownCommits: true });
      const all = await readRawCommits({ root: long.dir }, { commits: listed }, { knownCommits: true });
      assert.deepEqual(all.map((r) => r.info.sha), listed);
    } finally {
      long.cleanup();
    }
  });

  it('reads a revision walk as git lists it: the records of the listed commits, in their order', async () => {
    const b = new TestRepoBuilder();
    const start = b.commit({ message: 'Start', files: { 'src/a.js': 'a\n', 'src/b.js': 'b\n' } });
    b.commit({ message: 'Side work', branch: 'side', files: { 'src/b.js': 'b2\n' } });
    b.commit({ message: 'Main work', branch: 'main', renames: [['src/a.js', 'src/c.js']] });
    b.commit({ message: 'Merge side', branch: 'main', merge: ['side'] });
    b.commit({ message: 'After', files: { 'src/c.js': 'c\n' } });
    const merged = b.build();
    try {
      const head = merged.git('rev-parse', 'HEAD').trim();
      for (const walk of [[head], [head, `^${merged.sha(start)}`], ['--since=1970-01-02T00:00:00.000Z', head]]) {
        for (const maxCount of [1, 3, 100]) {
          const listed = merged.git('rev-list', `--max-count=${maxCount}`, ...walk).trim().split('\n');
          const byList = await readRawCommits({ root: merged.dir }, { commits: listed }, { knownCommits: true });
          const byWalk = await readRawCommits({ root: merged.dir }, { walk, maxCount });
          assert.deepEqual(byWalk.map((r) => r.info.sha), listed, `${walk.join(' ')} -n ${maxCount}`);
          assert.deepEqual(byWalk.map((r) => r.bytes.toString('utf8')), byList.map((r) => r.bytes.toString('utf8')));
        }
      }
      assert.deepEqual(await readRawCommits({ root: merged.dir }, { walk: [head], maxCount: 0 }), []);
      for (const bad of [['--output=/tmp/x'], ['HEAD'], [`${head};rm`], ['--since=yesterday'], ['--all']]) {
        await assert.rejects(readRawCommits({ root: merged.dir }, { walk: bad, maxCount: 5 }), (e: unknown) => e instanceof CauseLensError && e.reason === 'bad-input', bad[0]);
      }
    } finally {
      merged.cleanup();
    }
  });

  it('looks commits up unless told they are known, so an unknown id is skipped', async () => {
    const missing: string[] = [];
    const head = repo.git('rev-parse', 'HEAD').trim();
    const records = await readRawCommits({ root: repo.dir }, { commits: ['0'.repeat(40), head] }, { onMissing: (ids) => missing.push(...ids) });
    assert.deepEqual(records.map((r) => r.info.sha), [head]);
    assert.deepEqual(missing, ['0'.repeat(40)]);
    await assert.rejects(readRawCommits({ root: repo.dir }, { commits: ['0'.repeat(40)] }, { knownCommits: true }), CauseLensError);
  });
  it('delivers every record to a consumer slower than git, across several pipe-fulls', async () => {
    const b = new TestRepoBuilder();
    // ~6 KB of diff each: the output is several pipe-fulls.
    const body = (i: number) => Array.from({ length: 100 }, (_, l) => `const value${l} = 'revision ${i} of line ${l}';`).join('\n');
    for (let i = 0; i < 40; i++) b.commit({ message: `change ${i}`, files: { 'src/a.js': `${body(i)}\n` } });
    const many = b.build();
    try {
      const shas = many.git('rev-list', 'HEAD').trim().split('\n');
      const got: string[] = [];
      // Paused after each chunk while the consumer is busy; resumed when it takes what waits.
      for await (const records of streamRawCommits({ root: many.dir }, { commits: shas }, { knownCommits: true, highWater: 1 })) {
        got.push(...records.map((r) => r.info.sha));
        await new Promise((resolve) => setTimeout(resolve, 120));
      }
      assert.deepEqual(got, shas);
    } finally {
      many.cleanup();
    }
  });
});
