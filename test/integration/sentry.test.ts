// The Sentry side of Investigate Incident: the token goes to SecretStorage through its command,
// the "Sentry issue…" source names the missing setting or token with a button that fixes it, and
// with all three set it lists the project's issues from a local Sentry-compatible server
// (src/devtools/sentry-server, the project's stand-in speaking Sentry's REST API) and investigates one.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { startSentryServer, type SentryServer } from '../../src/devtools/sentry-server/server';
import type { InvestigateResultSummary } from '../../src/vscode/commands/investigateIncident';
import { activeServices, replaceApiFunction, waitFor } from './support/extension';
import { buildShopRepository, ensureWorkspaceHistory } from './support/repositories';

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

/** The SDK fixture event turned into the shop's crash in lineTotal (cart.js:5), as @sentry/node sends it. */
function shopCrashEvent(): Record<string, unknown> {
  const fixture = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'sentry', 'node-sdk-event.json');
  const event = JSON.parse(readFileSync(fixture, 'utf8')) as Record<string, unknown> & { exception: { values: Record<string, unknown>[] } };
  event.event_id = 'c0ffee0000000000000000000000cafe';
  event.timestamp = Date.now() / 1000;
  delete event.release;
  event.exception.values = [{
    type: 'TypeError',
    value: "Cannot read properties of undefined (reading 'amount')",
    mechanism: { type: 'onuncaughtexception', handled: false },
    stacktrace: {
      frames: [
        { filename: 'node:internal/process/task_queues', function: 'process.processTicksAndRejections', lineno: 105, colno: 5, in_app: false, module: 'task_queues' },
        { filename: '/app/src/cart.js', function: 'cartTotal', lineno: 9, colno: 21, in_app: true, module: 'cart' },
        { filename: '/app/src/cart.js', function: 'lineTotal', lineno: 5, colno: 21, in_app: true, module: 'cart' },
      ],
    },
  }];
  return event;
}

describe('Sentry issue picker against a Sentry-compatible server', function () {
  this.timeout(60_000);
  let server: SentryServer;

  before(async () => {
    server = await startSentryServer({ host: '127.0.0.1', port: 0 });
    server.store.ingestEvent('1', shopCrashEvent() as never, 1000);
  });
  after(async () => {
    await server.close();
    const config = vscode.workspace.getConfiguration('causelens');
    for (const key of ['sentry.baseUrl', 'sentry.organization', 'sentry.project']) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  });

  it('lists the unresolved issues with title, culprit, count and last seen, and ranks the chosen one', async () => {
    const services = await activeServices();
    const shop = buildShopRepository();
    const config = vscode.workspace.getConfiguration('causelens');
    await config.update('sentry.baseUrl', server.url, vscode.ConfigurationTarget.Global);
    await config.update('sentry.organization', server.organization, vscode.ConfigurationTarget.Global);
    await config.update('sentry.project', 'shop-service', vscode.ConfigurationTarget.Global);
    await waitFor(() => services.settings.settings.sentryProject === 'shop-service' && services.settings.settings.sentryBaseUrl === server.url, 'the Sentry settings');
    await services.sentryToken.store(server.token);
    const offered: vscode.QuickPickItem[][] = [];
    const restore = replaceApiFunction(vscode.window, 'showQuickPick', (async (items: QuickPickItems) => {
      const list = [...(await items)];
      offered.push(list);
      return offered.length === 1 ? list.find((i) => i.label.includes('Sentry issue')) : list[0];
    }) as unknown as typeof vscode.window.showQuickPick);
    try {
      const summary = await vscode.commands.executeCommand<InvestigateResultSummary>('causelens.investigateIncident', { folder: shop.dir });
      assert.ok(summary, 'the investigation of the Sentry issue returned nothing');
      const [issue] = offered[1];
      assert.equal(issue.label, "TypeError: Cannot read properties of undefined (reading 'amount')");
      assert.match(issue.description ?? '', /cart|lineTotal/);
      assert.match(issue.detail ?? '', /1 events · .*last seen \d+ min ago/);
      assert.equal(summary.ranking[0].sha, shop.culprit, JSON.stringify(summary.ranking));
      assert.ok(server.requests.some((r) => r.path.includes('/projects/') && r.path.includes('/issues/') && r.status === 200));
    } finally {
      restore();
      await services.sentryToken.delete();
      rmSync(shop.dir, { recursive: true, force: true });
    }
  });
});
