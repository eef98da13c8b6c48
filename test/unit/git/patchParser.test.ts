// The incremental parser gives the same result however git's output is split into chunks, and
// is not fooled by file contents or commit messages that look like diff syntax.

import * as assert from 'node:assert/strict';
import { LOG_FORMAT, LogPatchParser, unquoteGitPath } from '../../../src/core/git';
import { TestRepoBuilder } from '../../support/gitRepo';

describe('git history: log -p parser', () => {
  it('is not fooled by diff-like lines in contents or messages, whatever the chunking', () => {
    const b = new TestRepoBuilder();
    b.commit({ message: 'Add patch notes', files: { 'notes.txt': 'intro\n-- x\n++ y\n' } });
    b.commit({
      message: 'Tricky\n\ndiff --git a/fake b/fake\n@@ -1 +1 @@\n--- a/fake',
      files: { 'notes.txt': 'intro\n--- a/x\n+++ b/y\n@@ -1 +1 @@\ndiff --git a/z b/z\n', 'ünï cödé.txt': 'é\n' },
    });
    const repo = b.build();
    try {
      const output = repo.git('log', '-p', '-U0', '--no-color', LOG_FORMAT);
      const whole = new LogPatchParser();
      const expected = [...whole.push(output), ...whole.end()];
      assert.equal(expected.length, 2);
      const [tricky] = expected;
      assert.equal(tricky.commit.subject, 'Tricky');
      assert.match(tricky.commit.body, /^diff --git a\/fake/);
      const notes = tricky.files.find((f) => f.newPath === 'notes.txt')!;
      assert.deepEqual(notes.hunks[0].removed.map((l) => l.text), ['-- x', '++ y']);
      assert.deepEqual(notes.hunks[0].added.map((l) => l.text), ['--- a/x', '+++ b/y', '@@ -1 +1 @@', 'diff --git a/z b/z']);
      assert.ok(tricky.files.some((f) => f.newPath === 'ünï cödé.txt' && f.status === 'A'));
      for (const size of [1, 7, 64]) {
        const parser = new LogPatchParser();
        const got = [];
        for (let i = 0; i < output.length; i += size) got.push(...parser.push(output.slice(i, i + size)));
        got.push(...parser.end());
        assert.deepEqual(got, expected, `chunks of ${size}`);
      }
    } finally {
      repo.cleanup();
    }
  });

  it('unquotes C-style quoted paths', () => {
    assert.equal(unquoteGitPath('"a/caf\\303\\251 \\"x\\".txt"'), 'a/café "x".txt');
    assert.equal(unquoteGitPath('"tab\\there"'), 'tab\there');
    assert.equal(unquoteGitPath('plain/path.js'), 'plain/path.js');
  });
});
