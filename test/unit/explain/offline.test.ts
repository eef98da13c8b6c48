import * as assert from 'node:assert/strict';
import { explainOffline } from '../../../src/core/explain/offline';
import { causeToExplain, guardHunk, incident } from './builders';

describe('offline explainer', () => {
  it('says which frame and symbol the commit changed, the guard it removed, the error words and the timing', () => {
    const answer = explainOffline(incident(), causeToExplain('a1b2c3d4e5f6', 1));
    assert.equal(
      answer.summary,
      'Commit a1b2c3d ("Show the profile email on the account page") wrote line src/users.js:12 (the crash site, in formatUser) as it stands today, ' +
        "on the path of TypeError: Cannot read properties of undefined (reading 'email'). " +
        'It removed the guard `if (!user.profile) return "";` from src/users.js. ' +
        "Its added line `return user.profile.email;` uses 'email', a word of the error. " +
        'It was committed 5 h before the error was first seen (2026-01-02T12:00:00Z).',
    );
    assert.deepEqual(answer.suspectLines, [{ path: 'src/users.js', startLine: 10, endLine: 13, reason: 'the crash line' }]);
    assert.equal(answer.suggestedFix, 'Restore the check `if (!user.profile) return "";` that a1b2c3d removed from src/users.js, or handle the missing value before src/users.js:12 in formatUser.');
  });

  it('explains a configuration change committed after the error started', () => {
    const item = causeToExplain('c0ffee000000', 2, [{ path: 'config/prod.yaml', newStart: 4, newLines: 1, added: ['timeout: 5'], removed: ['timeout: 30'] }], {
      commit: { sha: 'c0ffee000000', author: 'Ops', date: '2026-01-03T12:00:00Z', subject: 'Lower the timeout' },
      evidence: [
        { kind: 'frame-file', weight: 0.3, message: 'Changed src/users.js, a file of the stack, away from its frames', path: 'src/users.js' },
        { kind: 'config', weight: 0.4, message: 'Changed configuration' },
        { kind: 'first-release', weight: 0.2, message: 'Shipped in the first release that saw the error' },
      ],
      suspectLines: [],
    });
    const inc = incident({ exceptions: [{ type: 'TimeoutError', message: 'upstream request took too long', frames: [] }] });
    const answer = explainOffline(inc, item);
    assert.match(answer.summary, /^Commit c0ffee0 \("Lower the timeout"\) changed src\/users\.js, a file of the stack, away from its frames, on the path of TimeoutError: upstream request took too long\./);
    assert.match(answer.summary, /It changed configuration\./);
    assert.match(answer.summary, /It was committed 24 h after the error was first seen \(2026-01-02T12:00:00Z\), so it cannot have started it/);
    assert.match(answer.summary, /Shipped in the first release that saw the error\.$/);
    assert.equal(answer.suggestedFix, 'Compare the configuration c0ffee0 changed with the values used in production, and restore the previous value if they disagree.');
    // No suspect lines from the ranking: the commit's hunks stand in.
    assert.deepEqual(answer.suspectLines, [{ path: 'config/prod.yaml', startLine: 4, endLine: 4, reason: 'changed by this commit' }]);
  });

  it('says when a commit did not touch the stack, and suggests reverting to confirm', () => {
    const item = causeToExplain('deadbeef0000', 3, [guardHunk({ path: 'README.md', added: ['docs'], removed: [] })], { evidence: [], suspectLines: [] });
    const answer = explainOffline(incident({ exceptions: [{ type: 'Error', message: 'boom', frames: [{ file: 'src/x.js', line: 3, inApp: true }] }], firstSeen: undefined }), item);
    assert.equal(answer.summary, 'Commit deadbee ("Show the profile email on the account page") did not touch the frames of Error: boom; it ranks on weaker evidence.');
    assert.equal(answer.suggestedFix, 'Revert deadbee (`git revert deadbee`) to confirm it is the cause, then correct src/x.js:3.');
  });

  it('suggests a missing-value check for a null dereference without a removed guard', () => {
    const item = causeToExplain('a1b2c3d4e5f6', 1, [guardHunk({ removed: [] })]);
    assert.match(explainOffline(incident(), item).suggestedFix, /^Check for the missing value before src\/users\.js:12 in formatUser/);
  });

  it('names the crash site by its repository path even when the commit did not touch that file', () => {
    const item = causeToExplain('0dd000000000', 2, [guardHunk({ path: 'src/orders.js', removed: [] })], { suspectLines: [{ path: 'src/orders.js', line: 9 }] });
    assert.match(explainOffline(incident(), item).suggestedFix, /before \/app\/src\/users\.js:12/, 'without the located frames only the runtime path is known');
    assert.match(explainOffline(incident(), item, [{ path: 'src/users.js', line: 12 }]).suggestedFix, /^Check for the missing value before src\/users\.js:12 in formatUser/);
  });
});

describe('offline explainer on thin input', () => {
  it('still writes a summary, lines and a fix with no exceptions, frames, evidence or hunks', async () => {
    const { explainCauses } = await import('../../../src/core/explain');
    const bare = incident({ title: 'Checkout is slow', exceptions: [], firstSeen: 'not a date' });
    const [e] = await explainCauses({ incident: bare, causes: [causeToExplain('feed00000000', 1, [], { evidence: [], suspectLines: [] })] });
    assert.equal(e.summary, 'Commit feed000 ("Show the profile email on the account page") did not touch the frames of Checkout is slow; it ranks on weaker evidence.');
    assert.deepEqual(e.suspectLines, []);
    assert.equal(e.suggestedFix, 'Revert feed000 (`git revert feed000`) to confirm it is the cause, then correct the code it changed.');
    assert.deepEqual(await explainCauses({ incident: bare, causes: [] }), []);
  });
});
