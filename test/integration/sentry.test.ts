// The Sentry side of Investigate Incident: the token goes to SecretStorage through its command,
// and the "Sentry issue…" source names the missing setting or token with a button that fixes it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeServices, replaceApiFunction, waitFor } from './support/extension';
import { ensureWorkspaceHistory } from './support/repositories';

type QuickPickItems = readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>;

/** Runs Investigate Incident as a user would, choosing "Sentry issue…", and records the errors shown. */
async function chooseSentrySource(): Promise<{ message: string; buttons: string[] }[]> {
  const errors: { message: string; buttons: string[] }[] = [];
  const restorePick = replaceApiFunction(vscode.window, 'showQuickPick', (async (items: QuickPickItems) =>
    (await items).find((i) => i.label.includes('Sentry issue'))) as unknown as typeof vscode.window.showQuickPick);
  const restoreError = replaceApiFunction(vscode.window, 'showErrorMessage', ((message: string, ...buttons: unknown[]) => {
    errors.push({ message, buttons: buttons.filter((b): b is string => typeof b === 'string') });
    return Promise.resolve(undefined);
  }) as typeof vscode.window.showErrorMessage);
  try {
    await vscode.commands.executeCommand('causelens.investigateIncident');
  } finally {
    restorePick();
    restoreError();
  }
  return errors;
}

describe('Sentry token and issue source', () => {
  before(() => {
    ensureWorkspaceHistory();
  });

  it('Set Sentry Auth Token keeps the token in secret storage, not in settings', async () => {
    const services = await activeServices();
    const prompts: vscode.InputBoxOptions[] = [];
    const restore = replaceApiFunction(vscode.window, 'showInputBox', ((options: vscode.InputBoxOptions) => {
      prompts.push(options);
      return Promise.resolve('sntrys_integration_test_token');
    }) as typeof vscode.window.showInputBox);
    try {
      assert.equal(await vscode.commands.executeCommand('causelens.setSentryToken'), true);
    } finally {
      restore();
    }
    assert.equal(prompts[0]?.password, true, 'the token must be typed into a masked box');
    assert.equal(await services.sentryToken.get(), 'sntrys_integration_test_token');
    const settings = JSON.stringify(vscode.workspace.getConfiguration('causelens'));
    assert.ok(!settings.includes('sntrys_integration_test_token'), 'the token leaked into settings');
  });

  it('asks for the organization, then the project, then the token, each with a button', async () => {
    const services = await activeServices();
    const config = vscode.workspace.getConfiguration('causelens');
    await services.sentryToken.delete();
    try {
      assert.deepEqual((await chooseSentrySource()).map((e) => e.buttons), [['Open Settings']]);
      await config.update('sentry.organization', 'acme', vscode.ConfigurationTarget.Global);
      await waitFor(() => services.settings.settings.sentryOrganization === 'acme', 'the organization setting');
      const [project] = await chooseSentrySource();
      assert.match(project.message, /causelens\.sentry\.project/);
      await config.update('sentry.project', 'shop', vscode.ConfigurationTarget.Global);
      await waitFor(() => services.settings.settings.sentryProject === 'shop', 'the project setting');
      const [token] = await chooseSentrySource();
      assert.match(token.message, /Set Sentry Auth Token/);
      assert.deepEqual(token.buttons, ['Set Token']);
    } finally {
      await config.update('sentry.organization', undefined, vscode.ConfigurationTarget.Global);
      await config.update('sentry.project', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
