// "CauseLens: Investigate Incident…" called the way other commands and tests call it: with the
// text (and optionally the folder). It runs the real pipeline on the workspace's git history.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InvestigateResultSummary } from '../../src/vscode/commands/investigateIncident';
import { investigateCapturingErrors } from './support/commands';
import { activeServices } from './support/extension';
import { commitHistory, newTempDir } from './support/gitHistory';
import { NODE_CRASH, NODE_CRASH_TITLE } from './support/incidents';
import { ensureWorkspaceHistory, WORKSPACE_CULPRIT_SUBJECT } from './support/repositories';

describe('Investigate Incident command', () => {
  before(() => {
    ensureWorkspaceHistory();
  });
  beforeEach(async () => {
    await vscode.commands.executeCommand('causelens.clearResults');
  });

  it('ranks the workspace history for a pasted Node stack trace, returning the summary and the ranking', async () => {
    const services = await activeServices();
    const summary = await vscode.commands.executeCommand<InvestigateResultSummary>('causelens.investigateIncident', { text: NODE_CRASH });
    assert.ok(summary, 'the command returned nothing for a valid stack trace');
    assert.equal(summary.title, NODE_CRASH_TITLE);
    assert.equal(summary.exceptionCount, 1);
    assert.ok(summary.frameCount >= 2, `expected the two application frames, got ${summary.frameCount}`);
    assert.equal(summary.inAppFrameCount, 2);
    assert.equal(summary.candidates, 5, `candidates: ${JSON.stringify(summary)}`);
    assert.equal(summary.ranking[0].subject, WORKSPACE_CULPRIT_SUBJECT, `ranking: ${JSON.stringify(summary.ranking)}`);

    const incident = services.rankedCauses.current;
    assert.ok(incident, 'the Ranked Causes view did not receive the incident');
    assert.equal(incident.title, NODE_CRASH_TITLE);
    const appFrames = incident.exceptions[0].frames.filter((f) => f.inApp).map((f) => [f.function, f.line]);
    assert.deepEqual(appFrames, [['formatUser', 12], ['listUsers', 18]]);
    assert.equal(services.investigations.current?.result.causes[0].commit.sha, summary.ranking[0].sha);
  });

  it('shows an error message for text without stack frames instead of throwing', async () => {
    const services = await activeServices();
    const { result, errors } = await investigateCapturingErrors({ text: 'the checkout page is slow today' });
    assert.equal(result, undefined);
    assert.equal(errors.length, 1, `expected one error message, got ${JSON.stringify(errors)}`);
    assert.match(errors[0].message, /^CauseLens: /);
    assert.match(errors[0].message, /stack/i);
    assert.deepEqual(errors[0].buttons, ['Try Again']);
    assert.equal(services.rankedCauses.current, undefined, 'bad input must not replace what the view shows');
  });

  it('shows an error message for empty text instead of throwing', async () => {
    const { result, errors } = await investigateCapturingErrors({ text: '   \n' });
    assert.equal(result, undefined);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /empty/i);
  });

  it('says a folder is not a git repository, with a button to open another', async () => {
    const services = await activeServices();
    const { result, errors } = await investigateCapturingErrors({ text: NODE_CRASH, folder: newTempDir('causelens-not-a-repo-') });
    assert.equal(result, undefined);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0].message, /not inside a git repository/);
    assert.deepEqual(errors[0].buttons, ['Open Folder…']);
    assert.equal(services.rankedCauses.current, undefined);
  });

  it('says what to do for a repository without any commit, without throwing', async () => {
    const services = await activeServices();
    const empty = newTempDir('causelens-empty-repo-');
    commitHistory(empty, []);
    const { result, errors } = await investigateCapturingErrors({ text: NODE_CRASH, folder: empty });
    assert.equal(result, undefined);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.match(errors[0].message, /^CauseLens: .*commit/i);
    assert.ok(errors[0].buttons.length > 0, 'the message offers no button');
    assert.equal(services.rankedCauses.current, undefined);
  });

  it('shows the other failures of a test run in the Stack view, each frame found in the repository', async () => {
    const services = await activeServices();
    const other = ["TypeError: Cannot read properties of undefined (reading 'active')", '    at findUsers (/app/src/store.js:10:40)', '    at listUsers (/app/src/users.js:17:23)'].join('\n');
    await vscode.commands.executeCommand('causelens.investigateIncident', { text: `${NODE_CRASH}\n\n${other}\n` });
    const roots = services.stack.getChildren();
    assert.deepEqual(roots.map((n) => (n.kind === 'exception' ? services.stack.getTreeItem(n).label : n.kind)), ['TypeError', 'Also failed: TypeError']);
    const frames = services.stack.getChildren(roots[1]);
    assert.deepEqual(frames.map((f) => (f.kind === 'frame' ? f.located?.path : undefined)), ['src/store.js', 'src/users.js']);
    await vscode.commands.executeCommand('causelens.clearResults');
  });

  it('Clear Results empties both views', async () => {
    const services = await activeServices();
    await vscode.commands.executeCommand('causelens.investigateIncident', { text: NODE_CRASH });
    assert.ok(services.rankedCauses.current);
    assert.ok(services.stack.getChildren().length > 0);
    await vscode.commands.executeCommand('causelens.clearResults');
    assert.equal(services.rankedCauses.current, undefined);
    assert.deepEqual(services.rankedCauses.getChildren(), []);
    assert.deepEqual(services.stack.getChildren(), []);
  });
});
