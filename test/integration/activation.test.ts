// The extension loads lazily and comes up with its commands and views when first used.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { causeLensExtension } from './support/extension';

describe('Activation', () => {
  it('is not active before its view or one of its commands is used', () => {
    const extension = causeLensExtension();
    assert.ok(!extension.packageJSON.activationEvents.includes('*'), 'activation must stay lazy');
    // This file runs first, in a fresh profile where the CauseLens view has never been opened.
    assert.equal(extension.isActive, false, 'CauseLens activated at startup');
  });

  it('activates on its command and returns its services', async () => {
    const extension = causeLensExtension();
    await vscode.commands.executeCommand('causelens.clearResults');
    assert.equal(extension.isActive, true);
    const services = extension.exports;
    assert.equal(typeof services.investigations.set, 'function');
    assert.equal(services.rankedCauses.current, undefined);
    assert.deepEqual(services.stack.getChildren(), []);
    assert.equal(typeof services.settings.settings.windowDays, 'number');
    assert.equal(typeof services.log.info, 'function');
  });

  it('registers every contributed command and the commands of both views', async () => {
    const extension = causeLensExtension();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: string[] = extension.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    assert.deepEqual(contributed.sort(), ['causelens.clearResults', 'causelens.copyCommitSha', 'causelens.investigateIncident', 'causelens.setExplainApiKey', 'causelens.setSentryToken', 'causelens.showCommitDiff']);
    for (const id of [...contributed, 'causelens.rankedCauses.focus', 'causelens.stack.focus', 'workbench.view.extension.causelens']) {
      assert.ok(registered.has(id), `command ${id} is not registered`);
    }
  });
});
