// The causelens.* settings are contributed with their defaults and reach the extension when changed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeServices, causeLensExtension, waitFor } from './support/extension';

describe('Settings', () => {
  it('every contributed causelens.* setting is readable with its declared default', () => {
    const properties: Record<string, { default: unknown }> = causeLensExtension().packageJSON.contributes.configuration.properties;
    const keys = Object.keys(properties);
    assert.ok(keys.length >= 7, `expected the contributed settings, found ${keys.length}`);
    const config = vscode.workspace.getConfiguration();
    for (const key of keys) {
      assert.ok(key.startsWith('causelens.'), `${key} is outside the causelens.* namespace`);
      assert.deepEqual(config.inspect(key)?.defaultValue, properties[key].default, `default of ${key}`);
      assert.deepEqual(config.get(key), properties[key].default, `value of ${key} in a fresh profile`);
    }
  });

  it('the extension reads the defaults and sees a changed setting without a reload', async () => {
    const services = await activeServices();
    assert.deepEqual(services.settings.settings, {
      workers: 0,
      windowDays: 14,
      minCommits: 300,
      maxCommits: 500,
      olderCommits: 100,
      budgetSeconds: 120,
      sentryBaseUrl: 'https://sentry.io',
      sentryOrganization: '',
      sentryProject: '',
      explainProvider: 'auto',
      explainBaseUrl: '',
      explainModel: '',
      explainTopCauses: 3,
      codeLensEnabled: true,
      annotationsEnabled: true,
    });
    const config = vscode.workspace.getConfiguration('causelens');
    try {
      await config.update('history.windowDays', 30, vscode.ConfigurationTarget.Global);
      await waitFor(() => services.settings.settings.windowDays === 30, 'the new history.windowDays to reach the extension');
    } finally {
      await config.update('history.windowDays', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => services.settings.settings.windowDays === 14, 'history.windowDays to return to its default');
  });
});
