// For every supported language: a real commit is streamed from git, both file versions are
// parsed, and the frame's symbol chain, the changed symbol, calls, imports and words are checked.

import * as assert from 'node:assert/strict';
import { enclosingSymbols, hunkWords, languageForPath, parseSource, SyntaxCache, symbolsChangedByHunk } from '../../../src/core/ast';
import { readBlobsAtRevisions, readCommitDiffs, type CommitDiff } from '../../../src/core/git';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';
import { SAMPLES } from './languageSamples';

describe('code model: every language against a real commit', () => {
  let repo: BuiltRepo;
  let change: CommitDiff;
  let parent: string;
  const cache = new SyntaxCache();

  before(async () => {
    const b = new TestRepoBuilder();
    b.commit({ message: 'Services', files: Object.fromEntries(SAMPLES.map((s) => [s.path, s.before])) });
    const fix = b.commit({ message: 'Read email from the profile', files: Object.fromEntries(SAMPLES.map((s) => [s.path, s.after])) });
    repo = b.build();
    [change] = await readCommitDiffs({ root: repo.dir }, { commits: [repo.sha(fix)] });
    parent = change.commit.parents[0];
  });
  after(() => {
    cache.dispose();
    repo.cleanup();
  });

  for (const sample of SAMPLES) {
    it(`${sample.language}: frame chain, changed symbol, calls, imports, identifiers`, async () => {
      assert.equal(languageForPath(sample.path), sample.language);
      const file = change.files.find((f) => f.newPath === sample.path);
      assert.ok(file, `the commit changed ${sample.path}`);
      const [oldBlob, newBlob] = await readBlobsAtRevisions({ root: repo.dir }, [
        { rev: parent, path: sample.path },
        { rev: change.commit.sha, path: sample.path },
      ]);
      const beforeSyntax = await parseSource(sample.language, oldBlob!.text!, { cacheKey: oldBlob!.blobId, cache });
      const afterSyntax = await parseSource(sample.language, newBlob!.text!, { cacheKey: newBlob!.blobId, cache });
      assert.equal(afterSyntax.hasErrors, false);

      assert.deepEqual(enclosingSymbols(afterSyntax, sample.crashLine).map((s) => s.qualifiedName), sample.chain);
      const [hunk] = file.hunks;
      const touched = symbolsChangedByHunk(beforeSyntax, afterSyntax, hunk);
      assert.deepEqual(touched.before.map((s) => s.qualifiedName), [sample.changed]);
      assert.deepEqual(touched.after.map((s) => s.qualifiedName), [sample.changed]);

      const call = afterSyntax.calls.find((c) => c.callee === sample.call);
      assert.ok(call, `finds the call to ${sample.call}`);
      assert.equal(afterSyntax.symbols[call.caller!].qualifiedName, sample.changed);
      assert.ok(afterSyntax.imports.some((i) => i.source === sample.importSource), `imports ${sample.importSource}: ${JSON.stringify(afterSyntax.imports)}`);

      const words = await hunkWords(sample.language, hunk);
      assert.ok(words.introducedIdentifiers.includes(sample.introduced), `introduced ${sample.introduced}: ${JSON.stringify(words)}`);
      assert.equal(await parseSource(sample.language, 'ignored: served from cache', { cacheKey: newBlob!.blobId, cache }), afterSyntax);
    });
  }
});
