// "CauseLens: Investigate Incident…" called the way other commands and tests call it: with the text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InvestigationSummary } from '../../src/core/investigation';
import { activeServices, replaceApiFunction } from './support/extension';
import { NODE_CRASH, NODE_CRASH_TITLE } from './support/incidents';

type ShowErrorMessage = typeof vscode.window.showErrorMessage;

/** Runs the command with `text` while recording the error messages it shows instead of showing them. */
async function investigateCapturingErrors(text: string): Promise<{ result: unknown; errors: string[] }> {
  const errors: string[] = [];
  const fake = ((message: string) => {
    errors.push(message);
    return Promise.resolve(undefined);
  }) as ShowErrorMessage;
  const restore = replaceApiFunction(vscode.window, 'showErrorMessage', fake);
  try {
    const result = await vscode.commands.executeCommand('causelens.investigateIncident', { text });
    return { result, errors };
  } finally {
    restore();
  }
}

describe('Investigate Incident command', () => {
  beforeEach(async () => {
    await vscode.commands.executeCommand('causelens.clearResults');
  });

  it('reads a pasted Node stack trace, returns its summary and puts it in Ranked Causes', async () => {
    const services = await activeServices();
    const summary = await vscode.commands.executeCommand<InvestigationSummary>('causelens.investigateIncident', { text: NODE_CRASH });
    assert.ok(summary, 'the command returned nothing for a valid stack trace');
    assert.equal(summary.title, NODE_CRASH_TITLE);
    assert.equal(summary.exceptionCount, 1);
    assert.ok(summary.frameCount >= 2, `expected the two application frames, got ${summary.frameCount}`);
    assert.equal(summary.inAppFrameCount, 2);

    const incident = services.rankedCauses.current;
    assert.ok(incident, 'the Ranked Causes view did not receive the incident');
    assert.equal(incident.title, NODE_CRASH_TITLE);
    assert.equal(incident.exceptions[0].type, 'TypeError');
    const appFrames = incident.exceptions[0].frames.filter((f) => f.inApp).map((f) => [f.function, f.line]);
    assert.deepEqual(appFrames, [['formatUser', 12], ['listUsers', 18]]);
  });

  it('shows an error message for text without stack frames instead of throwing', async () => {
    const services = await activeServices();
    const { result, errors } = await investigateCapturingErrors('the checkout page is slow today');
    assert.equal(result, undefined);
    assert.equal(errors.length, 1, `expected one error message, got ${JSON.stringify(errors)}`);
    assert.match(errors[0], /^CauseLens: /);
    assert.match(errors[0], /stack/i);
    assert.equal(services.rankedCauses.current, undefined, 'bad input must not replace what the view shows');
  });

  it('shows an error message for empty text instead of throwing', async () => {
    const { result, errors } = await investigateCapturingErrors('   \n');
    assert.equal(result, undefined);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /empty/i);
  });

  it('Clear Results empties the view', async () => {
    const services = await activeServices();
    await vscode.commands.executeCommand('causelens.investigateIncident', { text: NODE_CRASH });
    assert.ok(services.rankedCauses.current);
    await vscode.commands.executeCommand('causelens.clearResults');
    assert.equal(services.rankedCauses.current, undefined);
    assert.deepEqual(services.rankedCauses.getChildren(), []);
  });
});
