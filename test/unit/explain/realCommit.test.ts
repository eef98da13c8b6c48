// A commit read from a real git repository, explained offline and through the local server: the
// hunks the history stage parses are what the explainer reads.
import * as assert from 'node:assert/strict';
import { createOpenAiModel, explainCauses, grantConsent, hunksFromFileChanges, readCausesToExplain } from '../../../src/core/explain';
import { openRepository, readCommitDiffs } from '../../../src/core/git';
import { startOpenAiServer } from '../../../src/devtools/openai-server/server';
import { TestRepoBuilder, type BuiltRepo } from '../../support/gitRepo';
import { cause, incident } from './builders';

const BEFORE = ['function formatUser(user) {', '  const name = user.name;', '  if (!user.profile) return name;', '  return `${name} <${user.profile.email}>`;', '}', ''].join('\n');
const AFTER = ['function formatUser(user) {', '  const name = user.name;', '  const token = "tok_9f8e7d6c5b4a3";', '  return `${name} <${user.profile.email}>`;', '}', ''].join('\n');

describe('explaining a commit read from a real repository', () => {
  let repo: BuiltRepo;
  let sha: string;
  before(() => {
    const b = new TestRepoBuilder();
    b.commit({ message: 'Add formatUser', date: '2026-01-01T09:00:00Z', files: { 'src/users.js': BEFORE } });
    const guilty = b.commit({ message: 'Simplify formatUser', date: '2026-01-02T07:00:00Z', files: { 'src/users.js': AFTER } });
    repo = b.build();
    sha = repo.sha(guilty);
  });
  after(() => repo.cleanup());

  it('turns the parsed diff into hunks and explains them offline and through the model', async () => {
    // The history stage reads diffs without context lines, so hunks are exactly the changed lines.
    const [diff] = await readCommitDiffs(await openRepository(repo.dir), { commits: [sha] });
    const hunks = hunksFromFileChanges(diff.files);
    assert.deepEqual(hunks, [{ path: 'src/users.js', newStart: 3, newLines: 1, added: ['  const token = "tok_9f8e7d6c5b4a3";'], removed: ['  if (!user.profile) return name;'] }]);
    const inc = incident({ exceptions: [{ type: 'TypeError', message: "Cannot read properties of undefined (reading 'email')", frames: [{ file: '/app/src/users.js', function: 'formatUser', line: 4, inApp: true }] }] });
    const item = {
      cause: cause(sha, 1, { commit: { sha, author: 'Ada', date: diff.commit.authorDate, subject: diff.commit.subject }, suspectLines: [{ path: 'src/users.js', line: 4 }] }),
      hunks,
      commitMessage: `${diff.commit.subject}\n\n${diff.commit.body}`,
    };
    const [offline] = await explainCauses({ incident: inc, causes: [item] });
    assert.match(offline.summary, /It removed the guard `if \(!user\.profile\) return name;` from src\/users\.js\./);
    assert.deepEqual(offline.suspectLines, [{ path: 'src/users.js', startLine: 3, endLine: 4, reason: 'the crash line' }]);

    const server = await startOpenAiServer({ port: 0 });
    try {
      const model = createOpenAiModel({ baseURL: server.baseURL, model: 'causelens-test' });
      const [fromModel] = await explainCauses({ incident: inc, causes: [item] }, { model, consent: grantConsent(model.endpoint) });
      assert.equal(fromModel.origin, 'model');
      assert.match(fromModel.summary, new RegExp(`^Commit ${sha.slice(0, 7)} \\("Simplify formatUser"\\) changed src/users\\.js:3`));
      assert.equal(fromModel.suggestedFix, 'Restore the removed check: if (!user.profile) return name;');
      assert.ok(!server.requests[0].text.includes('tok_9f8e7d6c5b4a3'), 'the token in the diff was sent');
    } finally {
      await server.close();
    }
  });

  it('reads the top causes with their hunks and full messages in one pass', async () => {
    const ranked = [cause(sha, 1), cause('0'.repeat(40), 2), cause(sha, 3)];
    const items = await readCausesToExplain(await openRepository(repo.dir), ranked, { top: 2 });
    assert.equal(items.length, 2);
    assert.equal(items[0].commitMessage, 'Simplify formatUser');
    assert.deepEqual(items[0].hunks.map((h) => [h.path, h.newStart]), [['src/users.js', 3]]);
    // A commit the repository does not have is explained from its evidence alone.
    assert.deepEqual(items[1].hunks, []);
  });
});
