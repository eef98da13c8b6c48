// Explanations from a model: the API key goes to SecretStorage through its command, the consent
// dialog shows the exact payload beside it and names the endpoint, and after Send the project's
// local OpenAI-compatible server (src/devtools/openai-server) explains the ranked causes shown in
// the hover and the tree; Stay Offline sends nothing and the explanations stay offline.
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { startOpenAiServer, type OpenAiServer } from '../../src/devtools/openai-server/server';
import type { InvestigateResultSummary } from '../../src/vscode/commands/investigateIncident';
import type { Services } from '../../src/vscode/services';
import { activeServices, replaceApiFunction, waitFor } from './support/extension';
import { markdownText, readable } from './support/markdown';
import { buildShopRepository, CART_CRASH, type ShopRepository } from './support/repositories';

const API_KEY = 'sk-causelens-integration-0123456789abcdef';

interface ShownDialog {
  message: string;
  modal: boolean;
  buttons: string[];
  /** The text of the payload preview open while the dialog was up. */
  preview: string;
}

/** Runs Investigate Incident answering the consent dialog with `answer`; records the dialogs. */
async function investigateAnswering(shop: ShopRepository, answer: string): Promise<{ summary: InvestigateResultSummary | undefined; dialogs: ShownDialog[] }> {
  const dialogs: ShownDialog[] = [];
  const restore = replaceApiFunction(vscode.window, 'showWarningMessage', ((message: string, ...rest: unknown[]) => {
    const options = typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as vscode.MessageOptions) : {};
    // The newest preview: earlier ones may linger among the documents after their tabs closed.
    const preview = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'causelens-payload' && !d.isClosed).at(-1)?.getText() ?? '';
    dialogs.push({ message, modal: options.modal === true, buttons: rest.filter((b): b is string => typeof b === 'string'), preview });
    return Promise.resolve(answer);
  }) as typeof vscode.window.showWarningMessage);
  try {
    const summary = await vscode.commands.executeCommand<InvestigateResultSummary>('causelens.investigateIncident', { text: CART_CRASH, folder: shop.dir });
    return { summary, dialogs };
  } finally {
    restore();
  }
}

/** The hover over the first line the culprit changed in src/cart.js. */
async function culpritHover(services: Services, shop: ShopRepository): Promise<string> {
  const cartUri = vscode.Uri.file(join(shop.dir, 'src', 'cart.js'));
  await vscode.window.showTextDocument(cartUri);
  const cause = services.investigations.current!.result.causes[0];
  assert.equal(cause.commit.sha, shop.culprit);
  const line = Math.min(...cause.suspectLines.filter((l) => l.path === 'src/cart.js').map((l) => l.line));
  await waitFor(() => services.decorations.annotatedLines(cartUri).includes(line), `the annotation on cart.js:${line}`);
  return markdownText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', cartUri, new vscode.Position(line - 1, 2)));
}

function chatRequests(server: OpenAiServer) {
  return server.requests.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions');
}

describe('Explanations from an OpenAI-compatible endpoint', function () {
  this.timeout(60_000);
  let server: OpenAiServer;
  let services: Services;
  let shop: ShopRepository;
  const config = () => vscode.workspace.getConfiguration('causelens');

  before(async () => {
    services = await activeServices();
    server = await startOpenAiServer({ host: '127.0.0.1', port: 0, apiKey: API_KEY });
    shop = buildShopRepository();
    await config().update('explain.provider', 'openai', vscode.ConfigurationTarget.Global);
    await config().update('explain.baseUrl', server.baseURL, vscode.ConfigurationTarget.Global);
    await config().update('explain.model', 'causelens-test', vscode.ConfigurationTarget.Global);
    await waitFor(() => services.settings.settings.explainBaseUrl === server.baseURL && services.settings.settings.explainModel === 'causelens-test' && services.settings.settings.explainProvider === 'openai', 'the explain settings');
  });
  after(async () => {
    for (const key of ['explain.provider', 'explain.baseUrl', 'explain.model']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await services.explainConsent.forget(server.baseURL);
    await services.explainApiKey.delete();
    await vscode.commands.executeCommand('causelens.clearResults');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await server.close();
    rmSync(shop.dir, { recursive: true, force: true });
  });

  it('Set LLM API Key keeps the key in secret storage, not in settings', async () => {
    const prompts: vscode.InputBoxOptions[] = [];
    const restore = replaceApiFunction(vscode.window, 'showInputBox', ((options: vscode.InputBoxOptions) => {
      prompts.push(options);
      return Promise.resolve(API_KEY);
    }) as typeof vscode.window.showInputBox);
    try {
      assert.equal(await vscode.commands.executeCommand('causelens.setExplainApiKey'), true);
    } finally {
      restore();
    }
    assert.equal(prompts[0]?.password, true, 'the key must be typed into a masked box');
    assert.equal(await services.explainApiKey.get(), API_KEY);
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('causelens')).includes(API_KEY), 'the key leaked into settings');
  });

  it('Stay Offline sends nothing and explains offline', async () => {
    const { summary, dialogs } = await investigateAnswering(shop, 'Stay Offline');
    assert.ok(summary, 'the investigation returned nothing');
    assert.equal(dialogs.length, 1, JSON.stringify(dialogs));
    assert.equal(dialogs[0].modal, true);
    assert.deepEqual(dialogs[0].buttons, ['Send', 'Stay Offline']);
    assert.ok(dialogs[0].message.includes(server.baseURL), dialogs[0].message);
    assert.ok(dialogs[0].preview.includes(`to **${server.baseURL}** (model openai:causelens-test)`), `no payload preview beside the dialog:\n${dialogs[0].preview}`);
    assert.deepEqual(chatRequests(server), [], 'a prompt reached the server without consent');
    assert.equal(summary.explanations.length, 3);
    assert.ok(summary.explanations.every((e) => e.origin === 'offline' && e.fallback === undefined), JSON.stringify(summary.explanations));
    assert.equal(services.explainConsent.has(server.baseURL), false, 'declining was remembered as consent');
    const hover = await culpritHover(services, shop);
    assert.ok(hover.includes('Explanation (offline)'), hover);
    assert.ok(hover.includes(`Commit ${shop.culprit.slice(0, 7)}`), hover);
  });

  it('Send explains with the model, shows who wrote it, and remembers the consent', async () => {
    const { summary, dialogs } = await investigateAnswering(shop, 'Send');
    assert.ok(summary, 'the investigation returned nothing');
    assert.equal(dialogs.length, 1);
    assert.deepEqual(summary.explanations.map((e) => [e.origin, e.author]), [
      ['model', 'openai:causelens-test'],
      ['model', 'openai:causelens-test'],
      ['model', 'openai:causelens-test'],
    ], JSON.stringify(summary.explanations));
    const sent = chatRequests(server);
    assert.equal(sent.length, 3);
    for (const request of sent) {
      assert.equal(request.authorization, `Bearer ${API_KEY}`, 'the key from secret storage was not used');
      assert.ok(!JSON.stringify(request.body).includes(API_KEY), 'the API key leaked into the payload');
      const body = request.body as { model: string; messages: { role: string; content: string }[] };
      assert.equal(body.model, 'causelens-test');
      // What reached the server is what the user was shown.
      for (const message of body.messages) assert.ok(dialogs[0].preview.includes(message.content), `a ${message.role} message sent was not in the preview`);
    }
    assert.ok(sent[0].text.includes("Cannot read properties of undefined (reading 'amount')"), 'the incident did not reach the model');
    assert.ok(services.explainConsent.has(server.baseURL), 'the consent was not remembered');

    const hover = await culpritHover(services, shop);
    assert.ok(hover.includes(`Explanation (causelens-test via ${server.baseURL})`), `the hover does not name the model:\n${hover}`);
    assert.match(hover, new RegExp(`Commit ${shop.culprit.slice(0, 7)} \\("cart: drop the free-item shortcut"\\) changed src/cart\\.js`));
    assert.match(hover, /Suggested fix:.*Restore the removed check: if \(!item\.price\) return 0;/);
    const [incident] = services.rankedCauses.getChildren();
    const [top] = services.rankedCauses.getChildren(incident);
    const tooltip = services.rankedCauses.getTreeItem(top).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString, 'the tree item has no markdown tooltip');
    assert.ok(readable(tooltip.value).includes(`Explanation (causelens-test via ${server.baseURL})`), readable(tooltip.value));
  });

  it('auto picks the endpoint once a base URL is set, asks no more once consented, and a failing endpoint falls back offline with the reason shown', async () => {
    await config().update('explain.provider', 'auto', vscode.ConfigurationTarget.Global);
    await waitFor(() => services.settings.settings.explainProvider === 'auto', 'the auto provider setting');
    const before = chatRequests(server).length;
    server.queueFaults({ kind: 'status', status: 500, message: 'the model crashed' });
    const { summary, dialogs } = await investigateAnswering(shop, 'Stay Offline');
    assert.ok(summary);
    assert.deepEqual(dialogs, [], 'asked again for an endpoint already consented to');
    // The first request fails; the rest of the run does not ask the failing endpoint again.
    assert.equal(chatRequests(server).length - before, 1);
    assert.deepEqual(summary.explanations.map((e) => [e.origin, e.fallback]), [
      ['offline', 'server-error'],
      ['offline', 'skipped-after-failure'],
      ['offline', 'skipped-after-failure'],
    ]);
    const hover = await culpritHover(services, shop);
    assert.ok(hover.includes("Explanation (offline; the model's answer was not used: server-error)"), hover);
    assert.match(hover, /answered HTTP 500/);
  });

  it('Clear Results while the model is still writing stops the explanations without an error', async () => {
    const before = chatRequests(server).length;
    server.queueFaults({ kind: 'stall' });
    const running = investigateAnswering(shop, 'Stay Offline');
    await waitFor(() => chatRequests(server).length > before, 'the explanation request to reach the server');
    await vscode.commands.executeCommand('causelens.clearResults');
    const { summary, dialogs } = await running;
    assert.deepEqual(dialogs, []);
    assert.deepEqual(summary?.explanations, [], 'explanations of a cleared run were returned');
    assert.equal(services.investigations.current, undefined, 'the cleared results came back');
    assert.equal(chatRequests(server).length - before, 1, 'more prompts were sent after the run was cleared');
  });
});
